#pragma once
// Inside storage: the undo record on disk, ".NAME.anklog-undo" beside the
// log, written with the log's write under the same lock.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "link_policy.hpp"
#include "log_file.hpp"
#include "log_read.hpp"
#include "scratch_files.hpp"
#include "undo/undo_record.hpp"

namespace anklog::storage::detail {

// The undo record of a write, written to a temporary file (so that a full
// disk fails the write before the log changes); put in place by commit().
class PendingRecord {
public:
    PendingRecord(int folder_fd, const Target& target) : folder_fd_(folder_fd), target_(target), scratch_(folder_fd) {}

    void write(const UndoRecord& record, const std::filesystem::path& shown);

    // Called with the interrupting signals deferred, right after the log's
    // own rename. Returns why the record could not be put in place, or "".
    // Allocates nothing when it succeeds.
    std::string commit();

private:
    [[nodiscard]] std::filesystem::path record_path() const;

    int folder_fd_;
    const Target& target_;
    Scratch scratch_;
    std::string name_;  // the record's name, made by write(): commit() allocates nothing unless it fails
};

// The record of a write made as `note` says, that left `written`.
UndoRecord record_of(const UndoNote& note, Change change, const std::optional<Existing>& existing,
                     std::string_view written);

}  // namespace anklog::storage::detail
