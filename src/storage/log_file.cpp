#include "log_file.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <thread>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "anklog/error.hpp"

namespace anklog::storage {

namespace fs = std::filesystem;

namespace {

std::string describe_errno(int error) {
    switch (error) {
        case ENOSPC: return "the disk is full";
        case EDQUOT: return "the disk quota is used up";
        case EFBIG: return "the file would exceed the file-size limit";
        case EROFS: return "the file system is read-only";
        case EACCES:
        case EPERM: return "permission denied";
        default: return std::strerror(error);
    }
}

[[noreturn]] void fail(const fs::path& shown, std::string_view what, int error, std::string advice) {
    throw Error(fmt::format("{}: {}", what, describe_errno(error)), std::move(advice), Location{shown.string()});
}

// Owns a file descriptor.
class Fd {
public:
    explicit Fd(int fd = -1) : fd_(fd) {}
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd() {
        if (fd_ >= 0) ::close(fd_);
    }
    [[nodiscard]] int get() const { return fd_; }
    [[nodiscard]] bool ok() const { return fd_ >= 0; }

private:
    int fd_;
};

// Reads all of `fd` from offset 0.
bool read_all(int fd, std::string& out) {
    out.clear();
    char buffer[1 << 16];
    off_t offset = 0;
    for (;;) {
        const ssize_t n = ::pread(fd, buffer, sizeof buffer, offset);
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        if (n == 0) return true;
        out.append(buffer, static_cast<std::size_t>(n));
        offset += n;
    }
}

bool write_all(int fd, std::string_view data) {
    while (!data.empty()) {
        const ssize_t n = ::write(fd, data.data(), data.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        data.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

// Creates missing folders of `dir` with mode 0700: they will hold health data.
void create_folders(const fs::path& dir, const fs::path& shown) {
    if (dir.empty() || fs::is_directory(dir)) return;
    create_folders(dir.parent_path(), shown);
    if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) {
        fail(shown, fmt::format("cannot create folder {}", dir.string()), errno,
             "check that the folder can be created, or choose another log with -f FILE");
    }
}

// Blocks interrupting signals while the temporary file exists, so that
// Ctrl-C cannot leave it behind.
class SignalGuard {
public:
    SignalGuard() {
        sigset_t block;
        sigemptyset(&block);
        for (const int signal : {SIGINT, SIGTERM, SIGHUP, SIGQUIT}) sigaddset(&block, signal);
        ::sigprocmask(SIG_BLOCK, &block, &previous_);
    }
    SignalGuard(const SignalGuard&) = delete;
    SignalGuard& operator=(const SignalGuard&) = delete;
    ~SignalGuard() { ::sigprocmask(SIG_SETMASK, &previous_, nullptr); }

private:
    sigset_t previous_{};
};

// The temporary file beside the target; removed unless committed.
class TempFile {
public:
    TempFile(const fs::path& target, const fs::path& shown) : fd_(make(target, shown, path_)) {}
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    ~TempFile() {
        if (!committed_) ::unlink(path_.c_str());
    }
    [[nodiscard]] int fd() const { return fd_.get(); }
    [[nodiscard]] const std::string& path() const { return path_; }
    void committed() { committed_ = true; }

private:
    static int make(const fs::path& target, const fs::path& shown, std::string& path) {
        const std::string name =
            (target.parent_path() / ("." + target.filename().string() + ".anklog-XXXXXX")).string();
        std::vector<char> buffer(name.begin(), name.end());
        buffer.push_back('\0');
        const int fd = ::mkstemp(buffer.data());
        if (fd < 0) {
            fail(shown, "cannot write the log", errno,
                 "anklog writes a temporary file beside the log: make the folder writable; the log has not "
                 "been changed");
        }
        path = buffer.data();
        return fd;
    }

    std::string path_;  // declared before fd_: make() fills it
    Fd fd_;
    bool committed_ = false;
};

// Writes `text` to a temporary file beside `target`, fsyncs it, reads it
// back, lets `verify` see it, and renames it over `target`. `existing` gives
// the mode and owner to keep; a new file is 0600.
void replace(const fs::path& target, const fs::path& shown, const std::string& text, const struct stat* existing,
             const std::function<void(std::string_view)>& verify) {
    TempFile temp(target, shown);
    const mode_t mode = existing ? (existing->st_mode & 07777) : 0600;
    if (::fchmod(temp.fd(), mode) != 0) fail(shown, "cannot set the log's permissions", errno, "check the folder");
    if (existing && (existing->st_uid != ::geteuid() || existing->st_gid != ::getegid())) {
        // Keep the owner when root edits someone's log; others cannot chown.
        [[maybe_unused]] const int ignored = ::fchown(temp.fd(), existing->st_uid, existing->st_gid);
    }
    const std::string keep_advice = "your log has not been changed";
    if (!write_all(temp.fd(), text)) {
        fail(shown, "cannot write the log", errno, "free some space and try again; " + keep_advice);
    }
    if (::fsync(temp.fd()) != 0) fail(shown, "cannot write the log", errno, "check the disk and try again; " + keep_advice);

    std::string written;
    if (!read_all(temp.fd(), written)) fail(shown, "cannot read back the new log", errno, keep_advice);
    if (written != text) {
        throw Error("the new log did not read back as written", "check the disk; " + keep_advice,
                    Location{shown.string()});
    }
    verify(written);

    if (::rename(temp.path().c_str(), target.c_str()) != 0) {
        fail(shown, "cannot replace the log", errno, "check the folder's permissions; " + keep_advice);
    }
    temp.committed();
}

}  // namespace

fs::path resolve_symlinks(const fs::path& path) {
    fs::path current = path;
    for (int hops = 0; hops < 40; ++hops) {
        std::error_code error;
        if (!fs::is_symlink(current, error)) return current;
        const fs::path target = fs::read_symlink(current, error);
        if (error) return current;
        current = target.is_absolute() ? target : current.parent_path() / target;
    }
    throw Error(fmt::format("too many levels of symbolic links"), "check where the log's symlink points",
                Location{path.string()});
}

std::optional<std::string> read_file_if_exists(const fs::path& path) {
    Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (!fd.ok()) {
        if (errno == ENOENT) return std::nullopt;
        fail(path, "cannot open the log", errno, "check the file's permissions, or choose another log with -f FILE");
    }
    struct stat info {};
    if (::fstat(fd.get(), &info) != 0) fail(path, "cannot read the log", errno, "check the file");
    if (!S_ISREG(info.st_mode)) {
        throw Error(S_ISDIR(info.st_mode) ? "this is a folder, not a log file" : "this is not a regular file",
                    "point -f (or ANKLOG_FILE) at a .toml log file", Location{path.string()});
    }
    std::string text;
    if (!read_all(fd.get(), text)) fail(path, "cannot read the log", errno, "check the file and the disk");
    return text;
}

std::string read_file(const fs::path& path) {
    auto text = read_file_if_exists(path);
    if (!text) {
        throw Error("no such log file", "start one with 'anklog init', or log a first session with 'anklog log'",
                    Location{path.string()});
    }
    return std::move(*text);
}

void update_file(const fs::path& path,
                 const std::function<std::string(const std::optional<std::string>& current)>& make_text,
                 const std::function<void(std::string_view written)>& verify, const UpdateOptions& options) {
    const fs::path target = resolve_symlinks(path);
    const fs::path folder = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    create_folders(target.parent_path(), path);

    // The lock is on the folder, not the file: the file is replaced by
    // rename, so a lock on its old inode would not exclude the next writer.
    Fd folder_fd(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!folder_fd.ok()) fail(path, fmt::format("cannot open folder {}", folder.string()), errno, "check the folder");
    const auto deadline = std::chrono::steady_clock::now() + options.lock_timeout;
    while (::flock(folder_fd.get(), LOCK_EX | LOCK_NB) != 0) {
        if (errno != EWOULDBLOCK && errno != EINTR) fail(path, "cannot lock the log", errno, "check the folder");
        if (std::chrono::steady_clock::now() >= deadline) {
            throw Error("the log is locked by another anklog process",
                        "wait for it to finish and try again; the log has not been changed", Location{path.string()});
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }

    const std::optional<std::string> current = read_file_if_exists(target);
    struct stat existing {};
    const bool exists = current && ::stat(target.c_str(), &existing) == 0;
    const std::string text = make_text(current);

    const SignalGuard no_interruptions;
    // The backup is taken under the same lock, so no session can land
    // between it and the replacement.
    if (exists && !options.backup_suffix.empty()) {
        fs::path backup = target;
        backup += options.backup_suffix;
        replace(backup, fs::path(path) += options.backup_suffix, *current, &existing, [](std::string_view) {});
    }
    replace(target, path, text, exists ? &existing : nullptr, verify);
    // The renames are durable only once the folder is on disk too.
    ::fsync(folder_fd.get());
}

}  // namespace anklog::storage
