#pragma once
// Inside storage: the lock that serialises writers. It is on the log's
// folder, not the file: the file is replaced by rename, so a lock on its old
// inode would not exclude the next writer.
#include <chrono>
#include <filesystem>

#include "link_policy.hpp"
#include "posix.hpp"

namespace anklog::storage::detail {

// The log's folder, created if missing (never where a link points), and
// locked; stale temporary files in it removed.
struct Locked {
    Target target;
    Fd folder;
};

Locked lock_for_update(const std::filesystem::path& path, const std::filesystem::path& shown,
                       std::chrono::milliseconds lock_timeout);

// The folder of `target`, opened (not locked) to read files in it.
Fd open_folder(const Target& target, const std::filesystem::path& shown);

}  // namespace anklog::storage::detail
