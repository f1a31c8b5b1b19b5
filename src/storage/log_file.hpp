#pragma once
// The only place anklog touches the file system: reading the log, and
// replacing it atomically under a lock so that it is never lost or torn.
// This header is storage's whole interface; the files beside it each hold
// one part (log_read, link_policy, folder_lock, atomic_replace,
// file_metadata, scratch_files, backups, undo_file, interrupts), and
// their own headers are for storage alone.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "undo/undo_record.hpp"

namespace anklog::storage {

// The largest log anklog reads or writes: about 2 million sessions, far more
// than a lifetime of training. A bigger file (or one that keeps growing while
// it is read) is an error, never read without limit.
inline constexpr std::uint64_t max_log_bytes = std::uint64_t{256} << 20;
inline constexpr std::string_view max_log_size_text = "256 MiB";

// The whole file. Throws anklog::Error if it is missing, not a regular file
// (a FIFO, device, socket or folder is refused before anything blocks on it),
// unreadable or larger than max_log_bytes, or reached through a symlink that
// update_file would refuse to follow (the same rule for reads and writes).
std::string read_file(const std::filesystem::path& path);

// The whole file, or nullopt when it does not exist; otherwise as read_file.
std::optional<std::string> read_file_if_exists(const std::filesystem::path& path);

// What the undo record says made a write.
struct UndoNote {
    std::string command;   // "log", "plan --save", ...
    bool reverts = false;  // the write is an undo: afterwards there is nothing to undo
};

struct UpdateOptions {
    // How long to wait for another process that holds the lock.
    std::chrono::milliseconds lock_timeout{10'000};
    // When the file exists, keep its current content as a numbered backup
    // FILE.~N~ beside it (N one more than the highest there; an existing file
    // is never overwritten). Taken under the same lock as the replacement,
    // and removed again if the replacement fails.
    bool keep_numbered_backup = false;
    // When set, the write replaces the log's undo record with how to revert
    // it (see undo_record.hpp), under the same lock: a write that is not an
    // append then keeps a numbered backup even if not asked to, because undo
    // restores it. The record is written before the log is replaced, so a
    // full disk fails the whole write.
    std::optional<UndoNote> undo;
    // The change in words, for an error that comes after it has landed:
    // "the session was appended to log.toml; do not log it again". Called
    // once the new text is written and verified, before the rename. Unset,
    // it is said from `undo`'s command: "'anklog profile' rewrote log.toml
    // (the log before is kept as log.toml.~1~)".
    std::function<std::string()> describe{};
};

struct UpdateResult {
    // The backup's path (beside the real file, when the log is a symlink),
    // when one was kept.
    std::optional<std::filesystem::path> backup;
    // Empty, or why the change is made but may not survive a power cut,
    // e.g. "cannot flush the folder to disk (Input/output error)".
    std::string not_durable;
    // Empty, or why the change is made but 'anklog undo' cannot revert it.
    std::string undo_not_recorded;
};

// Replaces the file at `path` with `make_text(current)`, where `current` is
// nullopt if it does not exist yet.
//
// Symlinks in the final component are followed (the file they finally name is
// replaced and the links stay), except a link another user could have
// planted: in a sticky world-writable folder only links owned by the caller
// or the folder's owner are followed, and root follows only root's links.
// Missing folders are created (mode 0700), never through a link.
//
// Holds an exclusive lock on the file's folder from the read to the rename,
// so concurrent updates serialise; temporary files left there by a killed
// anklog are removed first. The new text goes to a temporary file beside the
// target, which gets the target's owner, mode, POSIX ACL and user.* extended
// attributes (a new file: mode 0600), is fsynced, read back and passed to
// `verify` (which throws to abort), then renamed over the target; the folder
// is fsynced last. An existing file is refused (before anything is written)
// when it is not a regular file, has other hard links, is not writable by the
// caller, or belongs to another user (a replacement would change its owner).
//
// SIGINT, SIGTERM, SIGHUP and SIGQUIT end the update with the file untouched
// and no temporary file or backup left, then end the process by that signal;
// they are deferred only while the rename is being made. On any failure the
// target is untouched, no file is left behind, and an anklog::Error explains
// what happened.
UpdateResult update_file(const std::filesystem::path& path,
                         const std::function<std::string(const std::optional<std::string>& current)>& make_text,
                         const std::function<void(std::string_view written)>& verify,
                         const UpdateOptions& options = {});

// The change this process's last update_file or remove_file made, in words
// (UpdateOptions::describe), from the moment it landed (the rename, or the
// removal), or nullptr while none has: an error after it (output that cannot
// be written, out of memory) must say that the change was made, and never
// that the log is unchanged. Reading it allocates nothing.
const char* landed_change() noexcept;

// The undo record of the log at `path` (beside the file its symlinks lead
// to), or nullopt when there is none. Throws anklog::Error when it cannot be
// read or is not a record anklog wrote.
std::optional<UndoRecord> read_undo_record(const std::filesystem::path& path);

// The numbered backup FILE.~N~ of the log at `path`: its path (beside the
// real file) and its text, or nullopt as text when it does not exist.
struct Backup {
    std::filesystem::path path;
    std::optional<std::string> text;
};
Backup read_backup(const std::filesystem::path& path, std::uint64_t number);

// Removes the log at `path` under the lock, after `check(current)` (which
// throws to abort) accepts its text, and records that undo has nothing left
// to revert: how undo reverts the write that created a log.
UpdateResult remove_file(const std::filesystem::path& path, const std::function<void(std::string_view current)>& check,
                         const UpdateOptions& options);

// A copy a sync tool (Syncthing, Dropbox, Nextcloud) kept beside the log at
// `path` when two devices changed it at once: log.sync-conflict-*.toml,
// "log (... conflicted copy ...).toml", "log (conflict ...).toml". Sorted by
// path; none when the folder cannot be listed.
struct ConflictCopy {
    std::filesystem::path path;  // beside the log, as `path` names its folder
    std::string tool;            // "Syncthing", "Dropbox", "a sync tool"
};
std::vector<ConflictCopy> sync_conflict_copies(const std::filesystem::path& path);

}  // namespace anklog::storage
