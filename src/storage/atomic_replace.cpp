#include "log_file.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <pwd.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstring>
#include <random>
#include <thread>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "anklog/error.hpp"
#include "sha256.hpp"
#include "undo_record.hpp"

namespace anklog::storage {

namespace fs = std::filesystem;

namespace {

// Advice ends by saying what did not happen.
std::string unchanged(std::string_view advice = {}) { return std::string(advice) + "the log has not been changed"; }

std::string describe_errno(int error) {
    switch (error) {
        case ENOSPC: return "the disk is full";
        case EDQUOT: return "the disk quota is used up";
        case EFBIG: return "the file would exceed the file-size limit";
        case EROFS: return "the file system is read-only";
        case EACCES:
        case EPERM: return "permission denied";
        case ENAMETOOLONG: return "the file name or path is too long";
        case ENOTDIR: return "a part of the path is not a folder";
        case ELOOP: return "too many levels of symbolic links";
        default: return std::strerror(error);
    }
}

[[noreturn]] void fail(const fs::path& shown, std::string_view what, int error, std::string advice) {
    if (error == ENAMETOOLONG) advice = "use a shorter path or file name";
    throw Error(fmt::format("{}: {}", what, describe_errno(error)), std::move(advice), Location{shown.string()});
}

// Owns a file descriptor.
class Fd {
public:
    explicit Fd(int fd = -1) : fd_(fd) {}
    Fd(Fd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    Fd& operator=(Fd&&) = delete;
    ~Fd() {
        if (fd_ >= 0) ::close(fd_);
    }
    [[nodiscard]] int get() const { return fd_; }
    [[nodiscard]] bool ok() const { return fd_ >= 0; }

private:
    int fd_;
};

// ---------------------------------------------------------------------------
// Signals. While an update runs, SIGINT, SIGTERM, SIGHUP and SIGQUIT only
// record themselves (and make a blocked system call fail with EINTR); the
// update notices, throws Interrupted, lets every destructor clean up, and
// then the process ends by that signal. The rename alone runs with them
// blocked, so it is never half-decided.

constexpr int interrupting_signals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};

volatile std::sig_atomic_t pending_signal = 0;

extern "C" void record_signal(int signal) { pending_signal = signal; }

// Not an std::exception: nothing but update_file may catch it.
struct Interrupted {};

void stop_if_interrupted() {
    if (pending_signal != 0) throw Interrupted{};
}

class SignalHandlers {
public:
    SignalHandlers() {
        struct sigaction record {};
        record.sa_handler = record_signal;  // no SA_RESTART: a stuck write returns EINTR
        sigemptyset(&record.sa_mask);
        for (const int signal : interrupting_signals) sigaddset(&record.sa_mask, signal);
        for (std::size_t i = 0; i < std::size(interrupting_signals); ++i) {
            ::sigaction(interrupting_signals[i], nullptr, &previous_[i]);
            // A signal the caller chose to ignore (nohup, a background job) stays ignored.
            if (previous_[i].sa_handler != SIG_IGN) ::sigaction(interrupting_signals[i], &record, nullptr);
        }
    }
    SignalHandlers(const SignalHandlers&) = delete;
    SignalHandlers& operator=(const SignalHandlers&) = delete;
    ~SignalHandlers() {
        for (std::size_t i = 0; i < std::size(interrupting_signals); ++i) {
            ::sigaction(interrupting_signals[i], &previous_[i], nullptr);
        }
    }

    // Ends the process by the recorded signal, as if it had never been caught.
    [[noreturn]] static void die() {
        const int signal = pending_signal;
        (void)std::signal(signal, SIG_DFL);
        sigset_t set;
        sigemptyset(&set);
        sigaddset(&set, signal);
        ::sigprocmask(SIG_UNBLOCK, &set, nullptr);
        (void)std::raise(signal);
        ::_exit(128 + signal);
    }

private:
    struct sigaction previous_[std::size(interrupting_signals)] {};
};

// Defers the interrupting signals for the few system calls that must not be
// cut short.
class SignalsDeferred {
public:
    SignalsDeferred() {
        sigset_t block;
        sigemptyset(&block);
        for (const int signal : interrupting_signals) sigaddset(&block, signal);
        ::sigprocmask(SIG_BLOCK, &block, &previous_);
    }
    SignalsDeferred(const SignalsDeferred&) = delete;
    SignalsDeferred& operator=(const SignalsDeferred&) = delete;
    ~SignalsDeferred() { ::sigprocmask(SIG_SETMASK, &previous_, nullptr); }

private:
    sigset_t previous_{};
};

// ---------------------------------------------------------------------------
// Reading.

[[noreturn]] void refuse_not_regular(mode_t mode, const fs::path& shown) {
    const char* what = S_ISDIR(mode)    ? "a folder"
                       : S_ISFIFO(mode) ? "a FIFO (named pipe)"
                       : S_ISCHR(mode)  ? "a character device"
                       : S_ISBLK(mode)  ? "a block device"
                       : S_ISSOCK(mode) ? "a socket"
                                        : "not a regular file";
    throw Error(fmt::format("this is {}, not a log file", what), "point -f (or ANKLOG_FILE) at a .toml log file",
                Location{shown.string()});
}

[[noreturn]] void refuse_too_big(const fs::path& shown) {
    throw Error(fmt::format("the log is larger than {}, the most anklog reads", max_log_size_text),
                "move older sessions into another file (anklog check FILE reads any log)", Location{shown.string()});
}

// All of `fd` from offset 0, but never more than max_log_bytes: a file that
// keeps growing while it is read is an error, not a bottomless read.
std::string read_limited(int fd, const struct stat& info, const fs::path& shown) {
    if (static_cast<std::uint64_t>(info.st_size) > max_log_bytes) refuse_too_big(shown);
    std::string out;
    out.reserve(static_cast<std::size_t>(info.st_size) + 1);
    char buffer[1 << 16];
    for (;;) {
        stop_if_interrupted();
        const std::size_t room = max_log_bytes + 1 - out.size();  // one byte more tells "too big"
        const ssize_t n = ::pread(fd, buffer, std::min(sizeof buffer, room), static_cast<off_t>(out.size()));
        if (n < 0) {
            if (errno == EINTR) continue;
            fail(shown, "cannot read the log", errno, "check the file and the disk");
        }
        if (n == 0) return out;
        const auto count = static_cast<std::size_t>(n);
        if (out.size() + count > out.capacity()) {
            // Grow by doubling, but never past the limit.
            out.reserve(std::min<std::size_t>(std::max(out.capacity() * 2, out.size() + count), max_log_bytes + 1));
        }
        out.append(buffer, count);
        if (out.size() > max_log_bytes) refuse_too_big(shown);
    }
}

// ---------------------------------------------------------------------------
// Where the log really is.

std::string user_name(uid_t uid) {
    struct passwd entry {};
    struct passwd* found = nullptr;
    std::vector<char> buffer(16384);
    if (::getpwuid_r(uid, &entry, buffer.data(), buffer.size(), &found) == 0 && found) return found->pw_name;
    return fmt::format("uid {}", uid);
}

fs::path folder_of(const fs::path& path) {
    return path.parent_path().empty() ? fs::path(".") : path.parent_path();
}

struct Target {
    fs::path path;     // the file to replace: the path given, or where its symlinks lead
    fs::path folder;   // its folder ("." for a bare name)
    std::string name;  // its name in that folder
    bool via_link = false;
};

// Refuses a link that another user could have planted: the kernel's
// fs.protected_symlinks rule (in a sticky world-writable folder, only links
// owned by the follower or the folder's owner), which anklog must apply
// itself because it reads links rather than opening through them; and root
// follows no one else's link, which could point it at any file.
void check_link_may_be_followed(const fs::path& link, const struct stat& link_info, const fs::path& shown) {
    const uid_t me = ::geteuid();
    if (link_info.st_uid == me) return;
    const std::string which = link == shown ? "this symlink" : fmt::format("the symlink {}", link.string());
    if (me == 0) {
        throw Error(fmt::format("will not follow {} as root: it belongs to another user ({}), who could point it "
                                "at any file",
                                which, user_name(link_info.st_uid)),
                    unchanged("run anklog as that user, or name the file itself with -f; "),
                    Location{shown.string()});
    }
    const fs::path folder = folder_of(link);
    struct stat folder_info {};
    if (::stat(folder.c_str(), &folder_info) != 0) {
        fail(shown, fmt::format("cannot reach folder {}", folder.string()), errno, "check the path");
    }
    const bool shared = (folder_info.st_mode & S_ISVTX) != 0 && (folder_info.st_mode & S_IWOTH) != 0;
    if (shared && link_info.st_uid != folder_info.st_uid) {
        throw Error(fmt::format("will not follow {}: it belongs to another user ({}) and is in the shared folder "
                                "{}, where anyone can plant a link",
                                which, user_name(link_info.st_uid), folder.string()),
                    unchanged("remove the link, or name the file itself with -f; "), Location{shown.string()});
    }
}

// Follows the symlinks of the final component (the links stay; the file they
// lead to is replaced), checking each one.
Target resolve_target(const fs::path& path, const fs::path& shown) {
    Target target;
    fs::path current = path;
    for (int hops = 0;; ++hops) {
        if (hops > 40) {
            throw Error("too many levels of symbolic links", "check where the log's symlink points",
                        Location{shown.string()});
        }
        struct stat info {};
        if (::lstat(current.c_str(), &info) != 0) {
            if (errno == ENOENT) break;  // a new log
            fail(shown, "cannot reach the log", errno, "check the path and its folders' permissions");
        }
        if (!S_ISLNK(info.st_mode)) {
            if (!S_ISREG(info.st_mode)) refuse_not_regular(info.st_mode, shown);
            break;
        }
        check_link_may_be_followed(current, info, shown);
        std::vector<char> buffer(PATH_MAX + 1);
        const ssize_t n = ::readlink(current.c_str(), buffer.data(), buffer.size());
        if (n < 0) fail(shown, "cannot read the log's symlink", errno, "check where the log's symlink points");
        const fs::path next(std::string(buffer.data(), std::min<std::size_t>(static_cast<std::size_t>(n), PATH_MAX)));
        current = next.is_absolute() ? next : current.parent_path() / next;
        target.via_link = true;
    }
    const std::string name = current.filename().string();
    if (name.empty() || name == "." || name == "..") {
        throw Error("this names a folder, not a log file", "point -f (or ANKLOG_FILE) at a .toml log file",
                    Location{shown.string()});
    }
    target.path = current;
    target.folder = folder_of(current);
    target.name = name;
    return target;
}

// Creates missing folders with mode 0700: they will hold health data.
void create_folders(const fs::path& folder, const fs::path& shown) {
    struct stat info {};
    if (::stat(folder.c_str(), &info) == 0) {
        if (S_ISDIR(info.st_mode)) return;
        fail(shown, fmt::format("cannot create folder {}", folder.string()), EEXIST,
             "a file of that name is in the way: choose another log with -f FILE");
    }
    if (errno != ENOENT) fail(shown, fmt::format("cannot reach folder {}", folder.string()), errno, "check the path");
    if (folder.has_parent_path() && folder.parent_path() != folder) create_folders(folder.parent_path(), shown);
    if (::mkdir(folder.c_str(), 0700) != 0 && errno != EEXIST) {
        fail(shown, fmt::format("cannot create folder {}", folder.string()), errno,
             "check that the folder can be created, or choose another log with -f FILE");
    }
}

std::string absolute_text(const fs::path& folder) {
    std::error_code error;
    const fs::path absolute = fs::absolute(folder, error);
    if (error) return folder.string();
    std::string text = absolute.lexically_normal().string();
    if (text.size() > 1 && text.back() == '/') text.pop_back();
    return text;
}

// The lock is on the folder, not the file: the file is replaced by rename,
// so a lock on its old inode would not exclude the next writer.
Fd lock_folder(const Target& target, const fs::path& shown, std::chrono::milliseconds timeout) {
    Fd folder(::open(target.folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!folder.ok()) {
        if (errno == EACCES) {
            // flock needs a descriptor opened for reading: O_PATH descriptors cannot be locked.
            throw Error(fmt::format("cannot lock the log: you have no read permission on its folder {}",
                                    target.folder.string()),
                        fmt::format("anklog locks the log's folder while it writes, which needs read permission: add "
                                    "it (chmod u+r {}), or keep the log in another folder; {}",
                                    target.folder.string(), unchanged()),
                        Location{shown.string()});
        }
        fail(shown, fmt::format("cannot open folder {}", target.folder.string()), errno, "check the folder");
    }
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (::flock(folder.get(), LOCK_EX | LOCK_NB) != 0) {
        if (errno != EWOULDBLOCK && errno != EINTR) fail(shown, "cannot lock the log", errno, "check the folder");
        stop_if_interrupted();
        if (std::chrono::steady_clock::now() >= deadline) {
            throw Error(fmt::format("another process holds the lock on the folder {}", absolute_text(target.folder)),
                        unchanged("anklog locks the log's folder while it writes: wait for that process to finish and try "
                                  "again; "),
                        Location{shown.string()});
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return folder;
}

// ---------------------------------------------------------------------------
// Temporary files: ".NAME.anklog-XXXXXX" beside the log (the new log) and
// ".NAME.anklog-undo.XXXXXX" (its new undo record), with NAME cut short when
// the whole would pass NAME_MAX (255 bytes).

constexpr std::size_t random_chars = 6;

enum class TempKind { log, undo_record };

std::string temp_stem(const std::string& name, TempKind kind) {
    const std::string_view tag = kind == TempKind::log ? ".anklog-" : ".anklog-undo.";
    const std::size_t suffix = tag.size() + random_chars;
    return "." + name.substr(0, NAME_MAX - 1 - suffix) + std::string(tag);
}

template <typename Visit>
void for_each_name(int folder_fd, const Visit& visit) {
    const int fd = ::fcntl(folder_fd, F_DUPFD_CLOEXEC, 0);
    if (fd < 0) return;
    DIR* dir = ::fdopendir(fd);
    if (!dir) {
        ::close(fd);
        return;
    }
    ::rewinddir(dir);  // the duplicate shares its position with every earlier listing
    while (const dirent* entry = ::readdir(dir)) visit(std::string_view(entry->d_name));
    ::closedir(dir);
}

// Temporary files exist only while the folder's lock is held, so the ones
// found under the lock were left by a killed anklog. (The undo record itself,
// ".NAME.anklog-undo", has neither shape.)
void remove_stale_temps(int folder_fd, const std::string& name) {
    const std::string log_stem = temp_stem(name, TempKind::log);
    const std::string record_stem = temp_stem(name, TempKind::undo_record);
    std::vector<std::string> stale;
    for_each_name(folder_fd, [&](std::string_view entry) {
        for (const std::string& stem : {log_stem, record_stem}) {
            if (entry.size() == stem.size() + random_chars && entry.substr(0, stem.size()) == stem) {
                stale.emplace_back(entry);
            }
        }
    });
    for (const std::string& entry : stale) (void)::unlinkat(folder_fd, entry.c_str(), 0);
}

// A file in the folder that is removed unless committed.
class Scratch {
public:
    explicit Scratch(int folder_fd) : folder_fd_(folder_fd) {}
    Scratch(const Scratch&) = delete;
    Scratch& operator=(const Scratch&) = delete;
    ~Scratch() {
        if (!name_.empty() && !committed_) (void)::unlinkat(folder_fd_, name_.c_str(), 0);
    }
    void created(std::string name) { name_ = std::move(name); }
    [[nodiscard]] bool exists() const { return !name_.empty(); }
    [[nodiscard]] const std::string& name() const { return name_; }
    void committed() { committed_ = true; }

private:
    int folder_fd_;
    std::string name_;
    bool committed_ = false;
};

Fd create_temp(int folder_fd, const std::string& log_name, Scratch& scratch, const fs::path& shown,
               TempKind kind = TempKind::log) {
    static constexpr std::string_view alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    std::random_device seed;
    std::mt19937 random(seed());
    std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
    for (int attempt = 0; attempt < 100; ++attempt) {
        std::string name = temp_stem(log_name, kind);
        for (std::size_t i = 0; i < random_chars; ++i) name += alphabet[pick(random)];
        Fd fd(::openat(folder_fd, name.c_str(), O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
        if (fd.ok()) {
            scratch.created(std::move(name));
            return fd;
        }
        if (errno != EEXIST) break;
    }
    const int error = errno;
    fail(shown, "cannot write the log", error,
         error == EACCES || error == EPERM
             ? unchanged("anklog writes a temporary file beside the log: make the folder writable; ")
             : unchanged("check the folder and the disk; "));
}

// ---------------------------------------------------------------------------
// The existing log.

struct Existing {
    Fd fd;
    struct stat info {};
    std::string text;
};

std::optional<Existing> open_existing(int folder_fd, const Target& target, const fs::path& shown) {
    Existing existing{Fd(::openat(folder_fd, target.name.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)),
                      {}, {}};
    if (!existing.fd.ok()) {
        if (errno == ENOENT) return std::nullopt;
        if (errno == ELOOP) {
            throw Error("the log became a symlink while anklog was opening it", "check the log and try again",
                        Location{shown.string()});
        }
        fail(shown, "cannot open the log", errno, "check the file's permissions, or choose another log with -f FILE");
    }
    if (::fstat(existing.fd.get(), &existing.info) != 0) fail(shown, "cannot read the log", errno, "check the file");
    if (!S_ISREG(existing.info.st_mode)) refuse_not_regular(existing.info.st_mode, shown);
    existing.text = read_limited(existing.fd.get(), existing.info, shown);
    return existing;
}

// What a rename over the log would do that an append would not.
void check_replaceable(int folder_fd, const Target& target, const Existing& existing, const fs::path& shown) {
    if (existing.info.st_nlink > 1) {
        const auto others = existing.info.st_nlink - 1;
        throw Error(fmt::format("the log has {} other hard link{} (another name for the same file): anklog "
                                "replaces the file when it writes, which would split them",
                                others, others == 1 ? "" : "s"),
                    unchanged("keep the log under one name and make the other names symbolic links (ln -sf), which "
                              "anklog follows; "),
                    Location{shown.string()});
    }
    if (::faccessat(folder_fd, target.name.c_str(), W_OK, AT_EACCESS) != 0) {
        const int error = errno;
        throw Error(fmt::format("you cannot write to this log: {}", describe_errno(error)),
                    error == EROFS ? unchanged("choose a log on a writable file system with -f FILE; ")
                                   : fmt::format("make it writable (chmod u+w {}) if it should change, or choose "
                                                 "another log with -f FILE; {}",
                                                 target.path.string(), unchanged()),
                    Location{shown.string()});
    }
    if (::geteuid() != 0 && existing.info.st_uid != ::geteuid()) {
        throw Error(fmt::format("the log belongs to another user ({}): anklog replaces the file when it writes, and "
                                "the new one would belong to you",
                                user_name(existing.info.st_uid)),
                    unchanged("let its owner write to it, or copy it and use -f with your copy; "),
                    Location{shown.string()});
    }
}

// Gives `to` the owner, group, mode, POSIX ACL and user.* extended attributes
// of `from`, so that a replacement grants exactly the access the original did.
void copy_attributes(const Existing& from, int to, const fs::path& shown) {
    const auto advice = unchanged("check the folder's file system; ");
    if (from.info.st_uid != ::geteuid() || from.info.st_gid != ::getegid()) {
        if (::fchown(to, from.info.st_uid, from.info.st_gid) != 0) {
            fail(shown, fmt::format("cannot keep the log's group ({})", from.info.st_gid), errno, advice);
        }
    }
    if (::fchmod(to, from.info.st_mode & 07777) != 0) fail(shown, "cannot keep the log's permissions", errno, advice);

    const ssize_t size = ::flistxattr(from.fd.get(), nullptr, 0);
    if (size < 0) {
        if (errno == ENOTSUP) return;  // a file system without extended attributes
        fail(shown, "cannot read the log's extended attributes", errno, advice);
    }
    std::vector<char> names(static_cast<std::size_t>(size));
    const ssize_t got = ::flistxattr(from.fd.get(), names.data(), names.size());
    if (got < 0) fail(shown, "cannot read the log's extended attributes", errno, advice);
    names.resize(static_cast<std::size_t>(got));
    bool has_acl = false;
    for (std::size_t at = 0; at < names.size();) {
        const std::string name(names.data() + at);
        at += name.size() + 1;
        has_acl = has_acl || name == "system.posix_acl_access";
        // The access list and the user's own attributes; security.* and
        // trusted.* belong to the system, which sets them on new files itself.
        if (name != "system.posix_acl_access" && name.rfind("user.", 0) != 0) continue;
        const ssize_t length = ::fgetxattr(from.fd.get(), name.c_str(), nullptr, 0);
        std::vector<char> value(length > 0 ? static_cast<std::size_t>(length) : 0);
        const ssize_t read = length < 0 ? -1 : ::fgetxattr(from.fd.get(), name.c_str(), value.data(), value.size());
        const std::string what = name == "system.posix_acl_access"
                                     ? std::string("cannot keep the log's access control list")
                                     : fmt::format("cannot keep the log's extended attribute {}", name);
        if (read < 0) fail(shown, what, errno, advice);
        if (::fsetxattr(to, name.c_str(), value.data(), static_cast<std::size_t>(read), 0) != 0) {
            fail(shown, what, errno, advice);
        }
    }
    // A new file inherits the folder's default ACL, which the log may not have had.
    if (!has_acl && ::fremovexattr(to, "system.posix_acl_access") != 0 && errno != ENODATA && errno != ENOTSUP) {
        fail(shown, "cannot keep the log's access control list", errno, advice);
    }
}

// `what` names the file in messages: "cannot write the log".
void write_all(int fd, std::string_view data, const fs::path& shown, std::string_view what) {
    while (!data.empty()) {
        stop_if_interrupted();
        const ssize_t n = ::write(fd, data.data(), std::min<std::size_t>(data.size(), 1 << 20));
        if (n < 0) {
            if (errno == EINTR) continue;
            fail(shown, what, errno, "free some space and try again; your log has not been changed");
        }
        if (n == 0) {
            throw Error(fmt::format("{}: the file system accepted no data", what),
                        "check the disk and try again; your log has not been changed", Location{shown.string()});
        }
        data.remove_prefix(static_cast<std::size_t>(n));
    }
}

void sync(int fd, const fs::path& shown, std::string_view what) {
    while (::fsync(fd) != 0) {
        if (errno != EINTR) fail(shown, what, errno, unchanged("check the disk and try again; "));
        stop_if_interrupted();
    }
}

// Writes `text` to `fd`, flushes it to disk and returns what reads back.
std::string write_checked(int fd, const std::string& text, const fs::path& shown, std::string_view what) {
    write_all(fd, text, shown, what);
    sync(fd, shown, what);
    struct stat info {};
    if (::fstat(fd, &info) != 0) fail(shown, "cannot read back the new log", errno, unchanged());
    std::string written = read_limited(fd, info, shown);
    if (written != text) {
        throw Error("the new log did not read back as written", unchanged("check the disk; "),
                    Location{shown.string()});
    }
    return written;
}

// ---------------------------------------------------------------------------
// Numbered backups: NAME.~N~, N one more than the highest there.

std::uint64_t next_backup_number(int folder_fd, const std::string& name) {
    const std::string prefix = name + ".~";
    std::uint64_t highest = 0;
    for_each_name(folder_fd, [&](std::string_view entry) {
        if (entry.size() < prefix.size() + 2 || entry.substr(0, prefix.size()) != prefix || entry.back() != '~') return;
        const std::string_view digits = entry.substr(prefix.size(), entry.size() - prefix.size() - 1);
        std::uint64_t number = 0;
        for (const char c : digits) {
            if (c < '0' || c > '9' || number > (UINT64_MAX - 9) / 10) return;
            number = number * 10 + static_cast<std::uint64_t>(c - '0');
        }
        highest = std::max(highest, number);
    });
    return highest + 1;
}

[[noreturn]] void cannot_keep_backup(const fs::path& shown, const fs::path& backup, int error) {
    fail(shown, fmt::format("cannot keep a backup of the log as {}", backup.string()), error,
         unchanged("check the folder and the disk; "));
}

bool links_unsupported(int error) {
    return error == EPERM || error == ENOTSUP || error == EMLINK || error == ENOSYS || error == EXDEV;
}

// Keeps the existing log as NAME.~N~. A hard link when the file system has
// them: atomic, it cannot overwrite anything, and it keeps the very file
// (mode, ACL, attributes); else an exclusive copy.
// Returns N.
std::uint64_t keep_backup(int folder_fd, const Target& target, const Existing& existing, Scratch& backup,
                          const fs::path& shown) {
    std::uint64_t number = next_backup_number(folder_fd, target.name);
    const auto backup_name = [&] { return fmt::format("{}.~{}~", target.name, number); };
    for (;; ++number) {
        stop_if_interrupted();
        const std::string name = backup_name();
        if (::linkat(folder_fd, target.name.c_str(), folder_fd, name.c_str(), 0) == 0) {
            backup.created(name);
            struct stat linked {};
            if (::fstatat(folder_fd, name.c_str(), &linked, AT_SYMLINK_NOFOLLOW) != 0 ||
                linked.st_ino != existing.info.st_ino || linked.st_dev != existing.info.st_dev) {
                throw Error("the log was replaced by another program while anklog was writing",
                            unchanged("try again; "), Location{shown.string()});
            }
            return number;
        }
        if (errno == EEXIST) continue;
        if (links_unsupported(errno)) break;
        cannot_keep_backup(shown, target.path.parent_path() / name, errno);
    }
    for (;; ++number) {
        stop_if_interrupted();
        const std::string name = backup_name();
        const Fd fd(::openat(folder_fd, name.c_str(), O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
        if (!fd.ok()) {
            if (errno == EEXIST) continue;
            cannot_keep_backup(shown, target.path.parent_path() / name, errno);
        }
        backup.created(name);
        copy_attributes(existing, fd.get(), shown);
        (void)write_checked(fd.get(), existing.text, shown,
                            fmt::format("cannot write the backup {}", (target.path.parent_path() / name).string()));
        return number;
    }
}

// The log's folder, created if missing (never where a link points), and
// locked; stale temporary files in it removed.
struct Locked {
    Target target;
    Fd folder;
};

Locked lock_for_update(const fs::path& path, const fs::path& shown, std::chrono::milliseconds lock_timeout) {
    Target target = resolve_target(path, shown);
    if (target.via_link) {
        // Never create folders where a link points: that is where a planted
        // link would lead anklog.
        struct stat info {};
        if (::stat(target.folder.c_str(), &info) != 0) {
            if (errno == ENOENT) {
                throw Error(fmt::format("the log's symlink points into a folder that does not exist: {}",
                                        target.folder.string()),
                            unchanged("create that folder yourself, or correct the link; "),
                            Location{shown.string()});
            }
            fail(shown, fmt::format("cannot reach folder {}", target.folder.string()), errno, "check the path");
        }
    } else {
        create_folders(target.folder, shown);
    }
    Fd folder = lock_folder(target, shown, lock_timeout);
    remove_stale_temps(folder.get(), target.name);
    return Locked{std::move(target), std::move(folder)};
}

// The undo record of a write, written to a temporary file (so that a full
// disk fails the write before the log changes); put in place by commit().
class PendingRecord {
public:
    PendingRecord(int folder_fd, const Target& target) : folder_fd_(folder_fd), target_(target), scratch_(folder_fd) {}

    void write(const UndoRecord& record, const fs::path& shown) {
        const Fd fd = create_temp(folder_fd_, target_.name, scratch_, shown, TempKind::undo_record);
        (void)write_checked(fd.get(), to_text(record), shown,
                            fmt::format("cannot write the undo record {}", record_path().string()));
    }

    // Called with the interrupting signals deferred, right after the log's
    // own rename. Returns why the record could not be put in place, or "".
    std::string commit() {
        if (!scratch_.exists()) return {};
        const std::string name = undo_record_name(target_.name);
        if (::renameat(folder_fd_, scratch_.name().c_str(), folder_fd_, name.c_str()) != 0) {
            const int error = errno;
            // A record of an earlier write no longer matches the log, so undo
            // refuses it; removing it says so more plainly.
            (void)::unlinkat(folder_fd_, name.c_str(), 0);
            return fmt::format("cannot keep the undo record {} ({}): 'anklog undo' cannot revert this change",
                               record_path().string(), describe_errno(error));
        }
        scratch_.committed();
        return {};
    }

private:
    [[nodiscard]] fs::path record_path() const { return target_.path.parent_path() / undo_record_name(target_.name); }

    int folder_fd_;
    const Target& target_;
    Scratch scratch_;
};

UndoRecord record_of(const UndoNote& note, Change change, const std::optional<Existing>& existing,
                     std::string_view written) {
    UndoRecord record;
    record.command = note.command;
    record.change = change;
    record.after_size = written.size();
    record.after_sha256 = sha256_hex(written);
    if (existing) {
        record.before_size = existing->text.size();
        record.before_sha256 = sha256_hex(existing->text);
    }
    return record;
}

UpdateResult update_under_handlers(const fs::path& path,
                                   const std::function<std::string(const std::optional<std::string>&)>& make_text,
                                   const std::function<void(std::string_view)>& verify, const UpdateOptions& options) {
    const fs::path& shown = path;
    const Locked locked = lock_for_update(path, shown, options.lock_timeout);
    const Target& target = locked.target;
    const Fd& folder = locked.folder;

    std::optional<Existing> existing = open_existing(folder.get(), target, shown);
    // The current text is lent to make_text, not copied (a copy is one more
    // log's worth of memory), and taken back for the backup.
    std::optional<std::string> current;
    if (existing) current = std::move(existing->text);
    std::string text = make_text(current);
    if (existing) existing->text = std::move(*current);
    current.reset();
    stop_if_interrupted();
    if (existing) check_replaceable(folder.get(), target, *existing, shown);
    if (text.size() > max_log_bytes) {
        throw Error(fmt::format("the log would grow past {}, the most anklog reads", max_log_size_text),
                    unchanged("move older sessions into another file (anklog check FILE reads any log); "),
                    Location{shown.string()});
    }
    // How undo would revert this write: an append is cut back; anything else
    // needs the old log kept as a backup.
    Change change = Change::created;
    if (options.undo && options.undo->reverts) {
        change = Change::undone;
    } else if (existing) {
        const bool appended = !options.keep_numbered_backup && text.size() >= existing->text.size() &&
                              std::string_view(text).substr(0, existing->text.size()) == existing->text;
        change = appended ? Change::appended : Change::replaced;
    }
    const bool keep_backup_now = existing && (options.keep_numbered_backup || (options.undo && change == Change::replaced));

    Scratch temp(folder.get());
    const Fd temp_fd = create_temp(folder.get(), target.name, temp, shown);
    if (existing) {
        copy_attributes(*existing, temp_fd.get(), shown);
    } else if (::fchmod(temp_fd.get(), 0600) != 0) {
        fail(shown, "cannot set the log's permissions", errno, "check the folder");
    }
    std::optional<UndoRecord> record;
    {
        const std::string written = write_checked(temp_fd.get(), text, shown, "cannot write the log");
        text = {};
        stop_if_interrupted();
        verify(written);
        if (options.undo) record = record_of(*options.undo, change, existing, written);
    }
    stop_if_interrupted();

    UpdateResult result;
    Scratch backup(folder.get());
    if (keep_backup_now) {
        const std::uint64_t number = keep_backup(folder.get(), target, *existing, backup, shown);
        result.backup = target.path.parent_path() / backup.name();
        if (record && change == Change::replaced) record->backup_number = number;
    }
    PendingRecord pending(folder.get(), target);
    if (record) pending.write(*record, shown);
    stop_if_interrupted();
    {
        const SignalsDeferred deferred;
        if (::renameat(folder.get(), temp.name().c_str(), folder.get(), target.name.c_str()) != 0) {
            fail(shown, "cannot replace the log", errno, "check the folder's permissions; your log has not been changed");
        }
        temp.committed();
        backup.committed();
        result.undo_not_recorded = pending.commit();
    }
    // The rename is durable only once the folder is on disk too.
    if (::fsync(folder.get()) != 0 && errno != EINVAL) {  // EINVAL: the file system cannot sync folders at all
        result.not_durable = fmt::format("cannot flush the folder to disk ({})", std::strerror(errno));
    }
    return result;
}

// Reads a small file `name` in the folder `folder_fd` (not through a link),
// or nullopt when it does not exist.
std::optional<std::string> read_in_folder(int folder_fd, const std::string& name, const fs::path& shown,
                                          std::uint64_t largest) {
    const Fd fd(::openat(folder_fd, name.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC));
    if (!fd.ok()) {
        if (errno == ENOENT) return std::nullopt;
        fail(shown, "cannot open it", errno, "check the file's permissions");
    }
    struct stat info {};
    if (::fstat(fd.get(), &info) != 0) fail(shown, "cannot read it", errno, "check the file");
    if (!S_ISREG(info.st_mode)) refuse_not_regular(info.st_mode, shown);
    if (static_cast<std::uint64_t>(info.st_size) > largest) {
        throw Error("it is larger than anklog ever writes", "remove it if you do not know what it is",
                    Location{shown.string()});
    }
    return read_limited(fd.get(), info, shown);
}

Fd open_folder(const Target& target, const fs::path& shown) {
    Fd folder(::open(target.folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!folder.ok()) fail(shown, fmt::format("cannot open folder {}", target.folder.string()), errno, "check the folder");
    return folder;
}

UpdateResult remove_under_handlers(const fs::path& path, const std::function<void(std::string_view)>& check,
                                   const UpdateOptions& options) {
    const fs::path& shown = path;
    const Locked locked = lock_for_update(path, shown, options.lock_timeout);
    const Target& target = locked.target;
    const Fd& folder = locked.folder;
    const std::optional<Existing> existing = open_existing(folder.get(), target, shown);
    if (!existing) throw Error("no such log file", "there is nothing to remove", Location{shown.string()});
    check(existing->text);
    stop_if_interrupted();
    check_replaceable(folder.get(), target, *existing, shown);
    PendingRecord pending(folder.get(), target);
    if (options.undo) {
        UndoRecord record = record_of(*options.undo, Change::undone, std::nullopt, "");
        pending.write(record, shown);
    }
    stop_if_interrupted();
    UpdateResult result;
    {
        const SignalsDeferred deferred;
        if (::unlinkat(folder.get(), target.name.c_str(), 0) != 0) {
            fail(shown, "cannot remove the log", errno, "check the folder's permissions; your log has not been changed");
        }
        result.undo_not_recorded = pending.commit();
    }
    if (::fsync(folder.get()) != 0 && errno != EINVAL) {
        result.not_durable = fmt::format("cannot flush the folder to disk ({})", std::strerror(errno));
    }
    return result;
}

}  // namespace

std::optional<std::string> read_file_if_exists(const fs::path& path) {
    // stat first: opening a device can have effects, and a FIFO blocks.
    struct stat info {};
    const auto cannot_open = [&](int error) {
        fail(path, "cannot open the log", error, "check the file's permissions, or choose another log with -f FILE");
    };
    if (::stat(path.c_str(), &info) != 0) {
        if (errno == ENOENT) return std::nullopt;
        cannot_open(errno);
    }
    if (!S_ISREG(info.st_mode)) refuse_not_regular(info.st_mode, path);
    // O_NONBLOCK: should it have become a FIFO since, opening it must not block.
    const Fd fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC));
    if (!fd.ok()) {
        if (errno == ENOENT) return std::nullopt;
        cannot_open(errno);
    }
    if (::fstat(fd.get(), &info) != 0) fail(path, "cannot read the log", errno, "check the file");
    if (!S_ISREG(info.st_mode)) refuse_not_regular(info.st_mode, path);
    return read_limited(fd.get(), info, path);
}

std::string read_file(const fs::path& path) {
    auto text = read_file_if_exists(path);
    if (!text) {
        throw Error("no such log file", "start one with 'anklog init', or log a first session with 'anklog log'",
                    Location{path.string()});
    }
    return std::move(*text);
}

UpdateResult update_file(const fs::path& path,
                         const std::function<std::string(const std::optional<std::string>& current)>& make_text,
                         const std::function<void(std::string_view written)>& verify, const UpdateOptions& options) {
    const SignalHandlers handlers;
    try {
        UpdateResult result = update_under_handlers(path, make_text, verify, options);
        // A signal that came while the rename was deferred ends the process now.
        if (pending_signal != 0) SignalHandlers::die();
        return result;
    } catch (const Interrupted&) {
        // Every temporary file and backup is gone by now: end as the signal asked.
        SignalHandlers::die();
    } catch (...) {
        if (pending_signal != 0) SignalHandlers::die();
        throw;
    }
}

std::optional<UndoRecord> read_undo_record(const fs::path& path) {
    const Target target = resolve_target(path, path);
    const fs::path record_path = target.path.parent_path() / undo_record_name(target.name);
    const Fd folder = open_folder(target, path);
    constexpr std::uint64_t largest = 4096;
    const auto text = read_in_folder(folder.get(), undo_record_name(target.name), record_path, largest);
    if (!text) return std::nullopt;
    auto record = parse_undo_record(*text);
    if (!record) {
        throw Error("this is not an undo record anklog wrote, so undo cannot tell what to revert",
                    "remove it, and correct the log by hand with 'anklog edit'", Location{record_path.string()});
    }
    return record;
}

Backup read_backup(const fs::path& path, std::uint64_t number) {
    const Target target = resolve_target(path, path);
    const std::string name = fmt::format("{}.~{}~", target.name, number);
    Backup backup{target.path.parent_path() / name, std::nullopt};
    const Fd folder = open_folder(target, path);
    backup.text = read_in_folder(folder.get(), name, backup.path, max_log_bytes);
    return backup;
}

UpdateResult remove_file(const fs::path& path, const std::function<void(std::string_view current)>& check,
                         const UpdateOptions& options) {
    const SignalHandlers handlers;
    try {
        UpdateResult result = remove_under_handlers(path, check, options);
        if (pending_signal != 0) SignalHandlers::die();
        return result;
    } catch (const Interrupted&) {
        SignalHandlers::die();
    } catch (...) {
        if (pending_signal != 0) SignalHandlers::die();
        throw;
    }
}

fs::path make_private_copy(const fs::path& parent, const std::string& name, std::string_view text) {
    const auto cannot = [&](std::string_view what, int error) {
        fail(parent, fmt::format("cannot make a private copy to edit: {}", what), error,
             "set TMPDIR to a folder you can write; the log has not been changed");
    };
    std::string pattern = (parent / "anklog-edit-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) cannot("cannot create a folder", errno);  // mode 0700
    fs::path copy = fs::path(pattern) / name;
    const Fd fd(::open(copy.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
    if (!fd.ok()) {
        const int error = errno;
        (void)::rmdir(pattern.c_str());
        cannot("cannot create the file", error);
    }
    try {
        write_all(fd.get(), text, copy, "cannot write the private copy to edit");
    } catch (...) {
        remove_private_copy(copy);
        throw;
    }
    return copy;
}

void remove_private_copy(const fs::path& copy) {
    (void)::unlink(copy.c_str());
    (void)::rmdir(copy.parent_path().c_str());
}

}  // namespace anklog::storage
