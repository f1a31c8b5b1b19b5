#include "folder_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>

#include <cerrno>
#include <string>
#include <system_error>
#include <thread>

#include <fmt/format.h>

#include "anklog/error.hpp"
#include "interrupts.hpp"
#include "scratch_files.hpp"

namespace anklog::storage::detail {

namespace fs = std::filesystem;

namespace {

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

}  // namespace

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

Fd open_folder(const Target& target, const fs::path& shown) {
    Fd folder(::open(target.folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!folder.ok()) fail(shown, fmt::format("cannot open folder {}", target.folder.string()), errno, "check the folder");
    return folder;
}

}  // namespace anklog::storage::detail
