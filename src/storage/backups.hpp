#pragma once
// Inside storage: numbered backups NAME.~N~ beside the log, N one more than
// the highest there; an existing file is never overwritten.
#include <cstdint>
#include <filesystem>

#include "link_policy.hpp"
#include "log_read.hpp"
#include "scratch_files.hpp"

namespace anklog::storage::detail {

// Keeps the existing log as NAME.~N~. A hard link when the file system has
// them: atomic, it cannot overwrite anything, and it keeps the very file
// (mode, ACL, attributes); else an exclusive copy. `backup` removes it unless
// committed. Returns N.
std::uint64_t keep_backup(int folder_fd, const Target& target, const Existing& existing, Scratch& backup,
                          const std::filesystem::path& shown);

}  // namespace anklog::storage::detail
