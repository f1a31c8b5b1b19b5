#include "editor.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <thread>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "anklog/error.hpp"
#include "log_file.hpp"
#include "render/terminal.hpp"

namespace anklog::cli {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view working_prefix = "anklog-edit-";
constexpr std::string_view kept_prefix = "anklog-edit-kept-";
constexpr std::size_t random_chars = 6;  // mkdtemp's XXXXXX

// Owns a file descriptor.
class Fd {
public:
    explicit Fd(int fd) : fd_(fd) {}
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd() {
        if (fd_ >= 0) ::close(fd_);
    }
    [[nodiscard]] int get() const { return fd_; }
    [[nodiscard]] bool ok() const { return fd_ >= 0; }
    // Closes it now: false (errno set) when that fails.
    bool close() { return ::close(std::exchange(fd_, -1)) == 0; }

private:
    int fd_;
};

// ---------------------------------------------------------------------------
// Removing a folder with everything in it, by system calls alone, so that a
// signal handler may do it too.

// Empties the folder open as `fd`, and the folders in it up to 16 levels
// deep. Nothing is followed: a symbolic link the editor left is removed,
// not what it names.
void empty_folder(int fd, int depth) {
    alignas(8) char buffer[2048];
    for (int pass = 0; pass < 64; ++pass) {
        if (::lseek(fd, 0, SEEK_SET) < 0) return;
        bool any = false;
        bool removed = false;
        for (;;) {
            // A plain system call, as safe in a signal handler as the others
            // here (POSIX lists no way to read a folder there).
            const ssize_t n = ::getdents64(fd, buffer, sizeof buffer);  // NOLINT(bugprone-signal-handler)
            if (n <= 0) break;
            for (ssize_t at = 0; at < n;) {
                dirent64 entry{};
                std::memcpy(&entry, buffer + at, std::min(sizeof entry, static_cast<std::size_t>(n - at)));
                const char* name = buffer + at + offsetof(dirent64, d_name);
                at += entry.d_reclen;
                if (entry.d_reclen == 0) return;
                if (name[0] == '.' && (name[1] == '\0' || (name[1] == '.' && name[2] == '\0'))) continue;
                any = true;
                if (::unlinkat(fd, name, 0) == 0) {
                    removed = true;
                    continue;
                }
                if (errno != EISDIR && errno != EPERM) continue;
                if (depth < 16) {
                    int sub = ::openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
                    if (sub < 0 && errno == EACCES && ::fchmodat(fd, name, S_IRWXU, 0) == 0) {
                        sub = ::openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
                    }
                    if (sub >= 0) {
                        empty_folder(sub, depth + 1);
                        ::close(sub);
                    }
                }
                if (::unlinkat(fd, name, AT_REMOVEDIR) == 0) removed = true;
            }
        }
        if (!any || !removed) return;
    }
}

// Removes the folder `name` (open as `fd`) of the folder `parent_fd`.
void remove_folder(int parent_fd, const char* name, int fd) {
    empty_folder(fd, 0);
    (void)::unlinkat(parent_fd, name, AT_REMOVEDIR);
}

// ---------------------------------------------------------------------------
// Signals. One PrivateCopy at a time registers its folder here.

constexpr int ending_signals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};

volatile std::sig_atomic_t copy_registered = 0;
volatile std::sig_atomic_t editor_pid = 0;    // while the editor runs
volatile std::sig_atomic_t editor_group = 0;  // 1: the editor has a process group of its own
volatile std::sig_atomic_t pending_signal = 0;
volatile std::sig_atomic_t at_prompt = 0;
volatile std::sig_atomic_t owner_pid = 0;  // anklog itself, not a child between fork and exec
int registered_parent_fd = -1;
int registered_folder_fd = -1;
char registered_name[64] = {};
struct sigaction previous_actions[std::size(ending_signals)] {};

void write_stderr(const char* text) {
    std::size_t left = std::strlen(text);
    while (left > 0) {
        const ssize_t n = ::write(STDERR_FILENO, text, left);
        if (n <= 0) return;
        text += n;
        left -= static_cast<std::size_t>(n);
    }
}

const char* signal_name(int signal) {
    switch (signal) {
        case SIGINT: return "SIGINT";
        case SIGTERM: return "SIGTERM";
        case SIGHUP: return "SIGHUP";
        case SIGQUIT: return "SIGQUIT";
        default: return "a signal";
    }
}

// Removes the registered copy, says so, and ends anklog by `signal`.
[[noreturn]] void end_by(int signal) {
    if (copy_registered != 0) {
        copy_registered = 0;
        remove_folder(registered_parent_fd, registered_name, registered_folder_fd);
    }
    write_stderr(at_prompt != 0 ? "\nanklog: " : "anklog: ");
    write_stderr(signal_name(signal));
    write_stderr(": stopped; the edited copy is removed and the log has not been changed\n");
    struct sigaction default_action {};
    default_action.sa_handler = SIG_DFL;
    sigemptyset(&default_action.sa_mask);
    ::sigaction(signal, &default_action, nullptr);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, signal);
    ::sigprocmask(SIG_UNBLOCK, &set, nullptr);
    (void)::raise(signal);
    ::_exit(128 + signal);
}

extern "C" void on_ending_signal(int signal) {
    if (::getpid() != owner_pid) ::_exit(128 + signal);  // a child before its exec
    if (editor_pid != 0) {
        if (signal == SIGINT || signal == SIGQUIT) return;  // the editor's (Ctrl-C in vi)
        pending_signal = signal;
        (void)::kill(editor_group != 0 ? -editor_pid : editor_pid, signal);
        return;
    }
    end_by(signal);
}

// Blocks the ending signals for a few system calls that must not be cut short.
class SignalsBlocked {
public:
    SignalsBlocked() {
        sigset_t block;
        sigemptyset(&block);
        for (const int signal : ending_signals) sigaddset(&block, signal);
        ::sigprocmask(SIG_BLOCK, &block, &previous_);
    }
    SignalsBlocked(const SignalsBlocked&) = delete;
    SignalsBlocked& operator=(const SignalsBlocked&) = delete;
    ~SignalsBlocked() { ::sigprocmask(SIG_SETMASK, &previous_, nullptr); }

private:
    sigset_t previous_{};
};

void install_handlers() {
    owner_pid = ::getpid();
    struct sigaction action {};
    action.sa_handler = on_ending_signal;  // no SA_RESTART: waitpid returns at once
    sigemptyset(&action.sa_mask);
    for (const int signal : ending_signals) sigaddset(&action.sa_mask, signal);
    for (std::size_t i = 0; i < std::size(ending_signals); ++i) {
        ::sigaction(ending_signals[i], nullptr, &previous_actions[i]);
        // A signal the caller chose to ignore (nohup, a background job) stays ignored.
        if (previous_actions[i].sa_handler != SIG_IGN) ::sigaction(ending_signals[i], &action, nullptr);
    }
}

void restore_handlers() {
    for (std::size_t i = 0; i < std::size(ending_signals); ++i) {
        ::sigaction(ending_signals[i], &previous_actions[i], nullptr);
    }
}

// ---------------------------------------------------------------------------
// Files.

std::string describe_errno(int error) {
    switch (error) {
        case ENOSPC: return "the disk is full";
        case EDQUOT: return "the disk quota is used up";
        case EROFS: return "the file system is read-only";
        case EACCES:
        case EPERM: return "permission denied";
        default: return std::strerror(error);
    }
}

[[noreturn]] void cannot(const fs::path& where, std::string_view what, int error, std::string advice) {
    throw Error(fmt::format("{}: {}", what, describe_errno(error)), std::move(advice), Location{where.string()});
}

int open_folder(const fs::path& folder) {
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
        cannot(folder, "cannot open the folder for a private copy to edit", errno,
               "set TMPDIR to a folder you can write; the log has not been changed");
    }
    return fd;
}

// A new folder PREFIX + XXXXXX (mode 0700) in the folder `parent`: its name.
std::string make_folder(const fs::path& parent, std::string_view prefix) {
    std::string pattern = (parent / (std::string(prefix) + std::string(random_chars, 'X'))).string();
    if (!::mkdtemp(pattern.data())) {
        cannot(parent, "cannot make a folder for a private copy to edit", errno,
               "set TMPDIR to a folder you can write; the log has not been changed");
    }
    return fs::path(pattern).filename().string();
}

void write_all(int fd, std::string_view text, const fs::path& shown) {
    while (!text.empty()) {
        const ssize_t n = ::write(fd, text.data(), text.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            cannot(shown, "cannot write the private copy", errno, "set TMPDIR to a folder with room; the log has not been changed");
        }
        text.remove_prefix(static_cast<std::size_t>(n));
    }
}

// Whether `name` has the shape of a copy's folder that is not kept.
bool working_folder_name(std::string_view name) {
    if (name.size() != working_prefix.size() + random_chars || !name.starts_with(working_prefix)) return false;
    for (const char c : name.substr(working_prefix.size())) {
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
    }
    return true;
}

std::string what_is(mode_t mode) {
    return S_ISDIR(mode)    ? "a folder"
           : S_ISFIFO(mode) ? "a FIFO (named pipe)"
           : S_ISLNK(mode)  ? "a symbolic link"
           : S_ISSOCK(mode) ? "a socket"
           : S_ISCHR(mode)  ? "a character device"
           : S_ISBLK(mode)  ? "a block device"
                            : "something that is not a file";
}

// Whether `editor` is one simple command, a program and its arguments
// (quoted or not): its shell then runs it with exec, so that the editor is
// anklog's child itself, gets what anklog passes on and ends with it.
bool simple_command(std::string_view editor) {
    const std::size_t first = editor.find_first_not_of(" \t");
    if (first == std::string_view::npos || editor[first] == ':') return false;
    if (editor.find_first_of(";&|<>()$`\\\n{}*?[]#!~") != std::string_view::npos) return false;
    const std::string_view program = editor.substr(first, editor.find_first_of(" \t", first) - first);
    return program.find('=') == std::string_view::npos;  // not VAR=value editor
}

}  // namespace

std::string chosen_editor() {
    for (const char* name : {"VISUAL", "EDITOR"}) {
        const char* value = std::getenv(name);
        if (value && *value) return value;
    }
    return "vi";
}

PrivateCopy::PrivateCopy(const fs::path& temp_folder, const std::string& name, std::string_view text)
    : temp_folder_(temp_folder), temp_fd_(open_folder(temp_folder)) {
    const std::string advice = "set TMPDIR to a folder you can write; the log has not been changed";
    try {
        for (int attempt = 0;; ++attempt) {
            folder_name_ = make_folder(temp_folder_, working_prefix);
            folder_fd_ = ::openat(temp_fd_, folder_name_.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            if (folder_fd_ < 0) {
                const int error = errno;
                (void)::unlinkat(temp_fd_, folder_name_.c_str(), AT_REMOVEDIR);
                cannot(temp_folder_, "cannot open the folder of the private copy to edit", error, advice);
            }
            // Locked while this anklog lives: remove_stale_copies in another
            // anklog leaves it alone. One that took the lock between mkdtemp
            // and here, taking the folder for a stale one, has removed it:
            // then make another. (Where locks are not supported, the folder
            // is simply never taken for a stale one.)
            struct stat info {};
            if (::flock(folder_fd_, LOCK_EX) != 0 || ::fstat(folder_fd_, &info) != 0 || info.st_nlink > 0) break;
            ::close(std::exchange(folder_fd_, -1));
            if (attempt == 10) {
                throw Error("cannot make a folder for a private copy to edit: it keeps disappearing",
                            "set TMPDIR to a folder of your own; the log has not been changed",
                            Location{temp_folder_.string()});
            }
        }
        path_ = temp_folder_ / folder_name_ / name;
        {
            const SignalsBlocked blocked;
            (void)std::snprintf(registered_name, sizeof registered_name, "%s", folder_name_.c_str());
            registered_parent_fd = temp_fd_;
            registered_folder_fd = folder_fd_;
            copy_registered = 1;
            install_handlers();
        }
        Fd fd(::openat(folder_fd_, name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
        if (!fd.ok()) cannot(path_, "cannot create the private copy to edit", errno, advice);
        write_all(fd.get(), text, path_);
        if (!fd.close()) cannot(path_, "cannot write the private copy to edit", errno, advice);
    } catch (...) {
        remove();
        ::close(temp_fd_);
        throw;
    }
}

PrivateCopy::~PrivateCopy() {
    remove();
    if (temp_fd_ >= 0) ::close(temp_fd_);
}

void PrivateCopy::remove() {
    const SignalsBlocked blocked;
    if (folder_fd_ >= 0) {
        remove_folder(temp_fd_, folder_name_.c_str(), folder_fd_);
        ::close(folder_fd_);
        folder_fd_ = -1;
    }
    if (copy_registered != 0) {
        copy_registered = 0;
        restore_handlers();
    }
}

int PrivateCopy::edit(const std::string& editor) {
    // Best effort: what anklog printed shows before the editor takes the terminal.
    (void)std::fflush(stdout);
    (void)std::fflush(stderr);
    const std::string script = (simple_command(editor) ? "exec " : "") + editor + " \"$@\"";
    // Without a controlling terminal the editor gets a process group of its
    // own, so that a signal passed on reaches whatever its shell started. On
    // a terminal it stays in anklog's, which has the keyboard (and Ctrl-Z).
    const bool own_group = !Fd(::open("/dev/tty", O_RDONLY | O_NOCTTY | O_CLOEXEC)).ok();
    pid_t pid = 0;
    {
        const SignalsBlocked blocked;
        pid = ::fork();
        if (pid == 0) {
            // The editor gets the signals as anklog got them.
            for (std::size_t i = 0; i < std::size(ending_signals); ++i) {
                if (previous_actions[i].sa_handler != SIG_IGN) (void)std::signal(ending_signals[i], SIG_DFL);
            }
            sigset_t none;
            sigemptyset(&none);
            ::sigprocmask(SIG_SETMASK, &none, nullptr);
            if (own_group) (void)::setpgid(0, 0);
            // The editor's shell ends with anklog, however anklog ends (kill -9 too).
            (void)::prctl(PR_SET_PDEATHSIG, SIGHUP);
            if (::getppid() != static_cast<pid_t>(owner_pid)) ::_exit(129);
            ::execl("/bin/sh", "sh", "-c", script.c_str(), editor.c_str(), path_.c_str(), static_cast<char*>(nullptr));
            ::_exit(127);
        }
        if (pid < 0) return -1;
        if (own_group) (void)::setpgid(pid, pid);
        editor_group = own_group ? 1 : 0;
        editor_pid = pid;
    }
    int status = 0;
    pid_t waited = 0;
    std::optional<std::chrono::steady_clock::time_point> deadline;
    for (;;) {
        waited = ::waitpid(pid, &status, pending_signal != 0 ? WNOHANG : 0);
        if (waited == pid || (waited < 0 && errno != EINTR)) break;
        if (pending_signal == 0) continue;
        // A signal to end anklog, passed on to the editor: it gets time to
        // save its state (vi's swap file), then it is killed.
        const auto now = std::chrono::steady_clock::now();
        if (!deadline) {
            deadline = now + std::chrono::seconds(5);
        } else if (now >= *deadline) {
            (void)::kill(own_group ? -pid : pid, SIGKILL);
            deadline = now + std::chrono::hours(1);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    const SignalsBlocked blocked;
    editor_pid = 0;
    if (pending_signal != 0) end_by(pending_signal);
    if (waited < 0) return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

std::optional<std::string> PrivateCopy::read(const std::string& editor, const std::string& shown) const {
    const std::string name = path_.filename().string();
    const std::string lost = "nothing is saved and the log has not been changed; run 'anklog edit' to start again";
    const auto refuse_not_file = [&](mode_t mode) {
        throw Error(fmt::format("the editor \"{}\" left {} where the copy was, not a file", editor, what_is(mode)),
                    lost, Location{shown});
    };
    const auto cannot_read = [&](int error) {
        cannot(path_, "cannot read the edited copy", error, "the log has not been changed");
    };
    struct stat info {};
    if (::fstatat(folder_fd_, name.c_str(), &info, AT_SYMLINK_NOFOLLOW) != 0) {
        if (errno == ENOENT) {
            throw Error(fmt::format("the editor \"{}\" deleted the copy it was editing", editor), lost, Location{shown});
        }
        cannot_read(errno);
    }
    if (!S_ISREG(info.st_mode)) refuse_not_file(info.st_mode);
    // O_NONBLOCK: should it have become a FIFO since, opening it must not block.
    const Fd fd(::openat(folder_fd_, name.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC));
    if (!fd.ok()) cannot_read(errno);
    if (::fstat(fd.get(), &info) != 0) cannot_read(errno);
    if (!S_ISREG(info.st_mode)) refuse_not_file(info.st_mode);
    if (static_cast<std::uint64_t>(info.st_size) > storage::max_log_bytes) return std::nullopt;
    std::string text;
    text.reserve(static_cast<std::size_t>(info.st_size));
    std::vector<char> buffer(std::size_t{1} << 16);
    for (;;) {
        const ssize_t n = ::read(fd.get(), buffer.data(), buffer.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            cannot_read(errno);
        }
        if (n == 0) return text;
        text.append(buffer.data(), static_cast<std::size_t>(n));
        if (text.size() > storage::max_log_bytes) return std::nullopt;  // it grew while read
    }
}

std::optional<char> PrivateCopy::ask(std::string_view question) {
    at_prompt = 1;
    std::optional<char> answer = cli::ask(question);
    at_prompt = 0;
    return answer;
}

fs::path PrivateCopy::keep() {
    const SignalsBlocked blocked;
    const std::string name = path_.filename().string();
    const std::string kept = make_folder(temp_folder_, kept_prefix);
    if (::renameat(folder_fd_, name.c_str(), temp_fd_, (fs::path(kept) / name).c_str()) != 0) {
        const int error = errno;
        (void)::unlinkat(temp_fd_, kept.c_str(), AT_REMOVEDIR);
        cannot(path_, "cannot keep the edited copy", error, "the log has not been changed");
    }
    remove();
    path_ = temp_folder_ / kept / name;
    return path_;
}

fs::path keep_private_copy(const fs::path& temp_folder, const std::string& name, std::string_view text) {
    const SignalsBlocked blocked;
    fs::path path = temp_folder / make_folder(temp_folder, kept_prefix) / name;
    try {
        Fd fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
        if (!fd.ok()) cannot(path, "cannot keep the edited copy", errno, "the log has not been changed");
        write_all(fd.get(), text, path);
        if (!fd.close()) cannot(path, "cannot keep the edited copy", errno, "the log has not been changed");
    } catch (...) {
        (void)::unlink(path.c_str());
        (void)::rmdir(path.parent_path().c_str());
        throw;
    }
    return path;
}

int remove_stale_copies(const fs::path& temp_folder) {
    const Fd parent(::open(temp_folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!parent.ok()) return 0;
    std::vector<std::string> candidates;
    const int listed = ::fcntl(parent.get(), F_DUPFD_CLOEXEC, 0);
    if (listed >= 0) {
        DIR* dir = ::fdopendir(listed);
        if (!dir) {
            ::close(listed);
            return 0;
        }
        while (const dirent* entry = ::readdir(dir)) {
            if (working_folder_name(entry->d_name)) candidates.emplace_back(entry->d_name);
        }
        ::closedir(dir);
    }
    int removed = 0;
    for (const std::string& name : candidates) {
        const Fd folder(::openat(parent.get(), name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
        struct stat info {};
        if (!folder.ok() || ::fstat(folder.get(), &info) != 0 || info.st_uid != ::geteuid()) continue;
        // The lock is free only when the anklog that made the folder is gone.
        if (::flock(folder.get(), LOCK_EX | LOCK_NB) == 0) {
            remove_folder(parent.get(), name.c_str(), folder.get());
            ++removed;
        }
    }
    return removed;
}

}  // namespace anklog::cli
