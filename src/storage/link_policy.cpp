#include "link_policy.hpp"

#include <pwd.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <vector>

#include <fmt/format.h>

#include "anklog/error.hpp"
#include "log_read.hpp"
#include "posix.hpp"

namespace anklog::storage::detail {

namespace fs = std::filesystem;

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

Target resolve_target(const fs::path& path, const fs::path& shown, Access access) {
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
            if (access == Access::read) break;  // open() fails the same way, and says so
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

}  // namespace anklog::storage::detail
