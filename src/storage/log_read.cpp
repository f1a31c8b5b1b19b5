#include "log_read.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

#include <fmt/format.h>

#include "anklog/error.hpp"
#include "interrupts.hpp"
#include "log_file.hpp"

namespace anklog::storage {

namespace fs = std::filesystem;

namespace detail {

void refuse_not_regular(mode_t mode, const fs::path& shown) {
    const char* what = S_ISDIR(mode)    ? "a folder"
                       : S_ISFIFO(mode) ? "a FIFO (named pipe)"
                       : S_ISCHR(mode)  ? "a character device"
                       : S_ISBLK(mode)  ? "a block device"
                       : S_ISSOCK(mode) ? "a socket"
                                        : "not a regular file";
    throw Error(fmt::format("this is {}, not a log file", what), "point -f (or ANKLOG_FILE) at a .toml log file",
                Location{shown.string()});
}

namespace {

[[noreturn]] void refuse_too_big(const fs::path& shown) {
    throw Error(fmt::format("the log is larger than {}, the most anklog reads", max_log_size_text),
                "move older sessions into another file (anklog check FILE reads any log)", Location{shown.string()});
}

}  // namespace

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

}  // namespace detail

using namespace detail;

std::optional<std::string> read_file_if_exists(const fs::path& path) {
    // Links are followed as a write follows them, and refused as it refuses
    // them: a link another user planted leads no read anywhere. lstat first,
    // hop by hop: opening a device can have effects, and a FIFO blocks.
    const Target target = resolve_target(path, path, Access::read);
    // O_NONBLOCK: should it have become a FIFO since, opening it must not
    // block; O_NOFOLLOW: should it have become a link, it is not followed.
    const Fd fd(::open(target.path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC));
    if (!fd.ok()) {
        if (errno == ENOENT) return std::nullopt;
        const int error = errno;
        struct stat info {};
        if (error == ELOOP && ::lstat(target.path.c_str(), &info) == 0 && S_ISLNK(info.st_mode)) {
            throw Error("the log became a symlink while anklog was opening it", "check the log and try again",
                        Location{path.string()});
        }
        fail(path, "cannot open the log", error, "check the file's permissions, or choose another log with -f FILE");
    }
    struct stat info {};
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

}  // namespace anklog::storage
