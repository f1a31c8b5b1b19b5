#include "scratch_files.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <random>
#include <vector>

#include <fmt/format.h>

#include "anklog/error.hpp"
#include "interrupts.hpp"
#include "log_read.hpp"

namespace anklog::storage::detail {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t random_chars = 6;

std::string temp_stem(const std::string& name, TempKind kind) {
    const std::string_view tag = kind == TempKind::log ? ".anklog-" : ".anklog-undo.";
    const std::size_t suffix = tag.size() + random_chars;
    return "." + name.substr(0, NAME_MAX - 1 - suffix) + std::string(tag);
}

void sync(int fd, const fs::path& shown, std::string_view what) {
    while (::fsync(fd) != 0) {
        if (errno != EINTR) fail(shown, what, errno, unchanged("check the disk and try again; "));
        stop_if_interrupted();
    }
}

}  // namespace

void for_each_name(int folder_fd, const std::function<void(std::string_view)>& visit) {
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

Scratch::~Scratch() {
    if (!name_.empty() && !committed_) (void)::unlinkat(folder_fd_, name_.c_str(), 0);
}

Fd create_temp(int folder_fd, const std::string& log_name, Scratch& scratch, const fs::path& shown, TempKind kind) {
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

}  // namespace anklog::storage::detail
