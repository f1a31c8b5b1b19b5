#pragma once
// The only place anklog touches the file system: reading the log, and
// replacing it atomically under a lock so that it is never lost or torn.
#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace anklog::storage {

// The whole file. Throws anklog::Error if it is missing, not a regular file
// or unreadable.
std::string read_file(const std::filesystem::path& path);

// The whole file, or nullopt when it does not exist.
std::optional<std::string> read_file_if_exists(const std::filesystem::path& path);

// Follows symbolic links to the file they finally name (which may not exist yet).
std::filesystem::path resolve_symlinks(const std::filesystem::path& path);

struct UpdateOptions {
    // How long to wait for another anklog process to finish writing.
    std::chrono::milliseconds lock_timeout{10'000};
    // When not empty and the file exists, its current bytes are first saved
    // (atomically, under the same lock) as the file's name + this suffix.
    std::string backup_suffix;
};

// Replaces the file at `path` (after following symlinks) with
// `make_text(current)`, where `current` is nullopt if it does not exist yet.
// Holds an exclusive lock from the read to the rename, so concurrent updates
// serialise. The new text goes to a temporary file beside the target, which is
// fsynced, read back and passed to `verify` (which throws to abort), then
// renamed over the target; the directory is fsynced last. A new file gets mode
// 0600 (and missing folders 0700); an existing one keeps its mode. On any
// failure the target is untouched, no temporary file is left, and an
// anklog::Error explains what happened.
void update_file(const std::filesystem::path& path,
                 const std::function<std::string(const std::optional<std::string>& current)>& make_text,
                 const std::function<void(std::string_view written)>& verify, const UpdateOptions& options = {});

}  // namespace anklog::storage
