#include "backups.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdint>
#include <string>

#include <fmt/format.h>

#include "anklog/error.hpp"
#include "file_metadata.hpp"
#include "folder_lock.hpp"
#include "interrupts.hpp"
#include "log_file.hpp"

namespace anklog::storage {

namespace fs = std::filesystem;

namespace detail {

namespace {

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

}  // namespace

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

}  // namespace detail

Backup read_backup(const fs::path& path, std::uint64_t number) {
    const detail::Target target = detail::resolve_target(path, path);
    const std::string name = fmt::format("{}.~{}~", target.name, number);
    Backup backup{target.path.parent_path() / name, std::nullopt};
    const detail::Fd folder = detail::open_folder(target, path);
    backup.text = detail::read_in_folder(folder.get(), name, backup.path, max_log_bytes);
    return backup;
}

}  // namespace anklog::storage
