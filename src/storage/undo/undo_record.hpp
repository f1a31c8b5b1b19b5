#pragma once
// The undo record: how to revert anklog's last write to a log, kept beside
// the log as ".NAME.anklog-undo" (mode 0600) and replaced, under the log's
// lock, by every write that asks for it. It holds no training data: only
// sizes and SHA-256 hashes of the log before and after that write, and for a
// rewrite the number of the backup FILE.~N~ that holds the log before it.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace anklog::storage {

enum class Change {
    created,   // the write created the log: undo removes it
    appended,  // the log before is a prefix of the log after: undo cuts it back
    replaced,  // anything else: undo restores the backup FILE.~N~
    undone,    // the write was an undo: there is nothing left to undo
};

std::string_view to_string(Change change);

struct UndoRecord {
    std::string command;  // what made the change: "log", "plan --save", ...
    Change change = Change::appended;
    std::uint64_t after_size = 0;  // the log just after the write
    std::string after_sha256;
    std::uint64_t before_size = 0;  // the log before it (`appended` and `replaced` only)
    std::string before_sha256;
    std::uint64_t backup_number = 0;  // `replaced`: FILE.~N~
};

// ".NAME.anklog-undo": beside the log, hidden, and never matched by the
// clean-up of stale temporary files (".NAME.anklog-" and 6 random characters).
// A NAME too long for that (over 242 bytes) gives ".PREFIX.anklog-undo-HASH":
// its first 177 bytes and the SHA-256 of the whole, so that each log has a
// record of its own whatever the length of its name.
std::string undo_record_name(std::string_view log_name);

std::string to_text(const UndoRecord& record);

// nullopt when `text` is not a record anklog wrote.
std::optional<UndoRecord> parse_undo_record(std::string_view text);

}  // namespace anklog::storage
