#pragma once
// Inside storage: where the log really is, following its symlinks, and which
// links anklog refuses to follow.
#include <sys/stat.h>
#include <sys/types.h>

#include <filesystem>
#include <string>

namespace anklog::storage::detail {

// A user's login name, or "uid N".
std::string user_name(uid_t uid);

// The folder of `path` ("." for a bare name).
std::filesystem::path folder_of(const std::filesystem::path& path);

struct Target {
    std::filesystem::path path;    // the file to replace: the path given, or where its symlinks lead
    std::filesystem::path folder;  // its folder ("." for a bare name)
    std::string name;              // its name in that folder
    bool via_link = false;
};

// Refuses a link that another user could have planted: the kernel's
// fs.protected_symlinks rule (in a sticky world-writable folder, only links
// owned by the follower or the folder's owner), which anklog must apply
// itself because it reads links rather than opening through them; and root
// follows no one else's link, which could point it at any file.
void check_link_may_be_followed(const std::filesystem::path& link, const struct stat& link_info,
                                const std::filesystem::path& shown);

// What the log is resolved for: a write reports a path it cannot reach; a
// read leaves that to its open(), which reports it as it always has.
enum class Access { write, read };

// Follows the symlinks of the final component (the links stay; the file they
// lead to is replaced, or read), checking each one: every read and every
// write follows the same links, and refuses the same.
Target resolve_target(const std::filesystem::path& path, const std::filesystem::path& shown,
                      Access access = Access::write);

}  // namespace anklog::storage::detail
