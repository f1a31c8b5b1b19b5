#include "undo/undo_file.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdint>

#include <fmt/format.h>

#include "anklog/error.hpp"
#include "folder_lock.hpp"
#include "undo/sha256.hpp"

namespace anklog::storage {

namespace fs = std::filesystem;

namespace detail {

void PendingRecord::write(const UndoRecord& record, const fs::path& shown) {
    name_ = undo_record_name(target_.name);
    const Fd fd = create_temp(folder_fd_, target_.name, scratch_, shown, TempKind::undo_record);
    (void)write_checked(fd.get(), to_text(record), shown,
                        fmt::format("cannot write the undo record {}", record_path().string()));
}

std::string PendingRecord::commit() {
    if (!scratch_.exists()) return {};
    if (::renameat(folder_fd_, scratch_.name().c_str(), folder_fd_, name_.c_str()) != 0) {
        const int error = errno;
        // A record of an earlier write no longer matches the log, so undo
        // refuses it; removing it says so more plainly.
        (void)::unlinkat(folder_fd_, name_.c_str(), 0);
        return fmt::format("cannot keep the undo record {} ({}): 'anklog undo' cannot revert this change",
                           record_path().string(), describe_errno(error));
    }
    scratch_.committed();
    return {};
}

fs::path PendingRecord::record_path() const { return target_.path.parent_path() / undo_record_name(target_.name); }

UndoRecord record_of(const UndoNote& note, Change change, const std::optional<Existing>& existing,
                     std::string_view written) {
    UndoRecord record;
    record.command = note.command;
    record.change = change;
    record.after_size = written.size();
    record.after_sha256 = sha256_hex(written);
    if (existing) {
        record.before_size = existing->text.size();
        record.before_sha256 = sha256_hex(existing->text);
    }
    return record;
}

}  // namespace detail

std::optional<UndoRecord> read_undo_record(const fs::path& path) {
    const detail::Target target = detail::resolve_target(path, path);
    const fs::path record_path = target.path.parent_path() / undo_record_name(target.name);
    const detail::Fd folder = detail::open_folder(target, path);
    constexpr std::uint64_t largest = 4096;
    const auto text = detail::read_in_folder(folder.get(), undo_record_name(target.name), record_path, largest);
    if (!text) return std::nullopt;
    auto record = parse_undo_record(*text);
    if (!record) {
        throw Error("this is not an undo record anklog wrote, so undo cannot tell what to revert",
                    "remove it, and correct the log by hand with 'anklog edit'", Location{record_path.string()});
    }
    return record;
}

}  // namespace anklog::storage
