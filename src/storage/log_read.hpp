#pragma once
// Inside storage: reading a log, or a small file anklog keeps beside it,
// never without limit and never from something that is not a regular file.
#include <sys/stat.h>
#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "link_policy.hpp"
#include "posix.hpp"

namespace anklog::storage::detail {

// "this is a folder, not a log file", with advice.
[[noreturn]] void refuse_not_regular(mode_t mode, const std::filesystem::path& shown);

// All of `fd` from offset 0, but never more than max_log_bytes: a file that
// keeps growing while it is read is an error, not a bottomless read.
std::string read_limited(int fd, const struct stat& info, const std::filesystem::path& shown);

// Reads a small file `name` in the folder `folder_fd` (not through a link),
// or nullopt when it does not exist.
std::optional<std::string> read_in_folder(int folder_fd, const std::string& name, const std::filesystem::path& shown,
                                          std::uint64_t largest);

// The existing log.
struct Existing {
    Fd fd;
    struct stat info {};
    std::string text;
};

// The log `target` in its folder, read whole; nullopt when it does not exist.
std::optional<Existing> open_existing(int folder_fd, const Target& target, const std::filesystem::path& shown);

}  // namespace anklog::storage::detail
