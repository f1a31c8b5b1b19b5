#pragma once
// Inside storage: what a replacement must keep of the file it replaces, and
// when a replacement would change what an append would not.
#include <filesystem>

#include "link_policy.hpp"
#include "log_read.hpp"

namespace anklog::storage::detail {

// Refuses (before anything is written) a log that has other hard links, is
// not writable by the caller, or belongs to another user.
void check_replaceable(int folder_fd, const Target& target, const Existing& existing,
                       const std::filesystem::path& shown);

// Gives `to` the owner, group, mode, POSIX ACL and user.* extended attributes
// of `from`, so that a replacement grants exactly the access the original did.
void copy_attributes(const Existing& from, int to, const std::filesystem::path& shown);

}  // namespace anklog::storage::detail
