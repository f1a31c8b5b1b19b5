// Replacing the log atomically under the lock, so that it is never lost or
// torn: the whole of update_file and remove_file, from the pieces beside it
// (folder_lock, log_read, file_metadata, scratch_files, backups, undo_file).
#include "log_file.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

#include <fmt/format.h>

#include "anklog/error.hpp"
#include "backups.hpp"
#include "file_metadata.hpp"
#include "folder_lock.hpp"
#include "interrupts.hpp"
#include "log_read.hpp"
#include "scratch_files.hpp"
#include "undo/undo_file.hpp"
#include "undo/undo_record.hpp"

namespace anklog::storage {

namespace fs = std::filesystem;

namespace {

using namespace detail;

// The change the last write of this process made, once it has landed.
std::string landed_text;
bool landed = false;

// Called right after the rename (with the signals deferred): takes over
// `text` without allocating, so nothing can fail between the change and
// the record of it.
void record_landed(std::string& text) noexcept {
    landed_text.swap(text);
    landed = true;
}

// What a write changes, in words, when its command did not say.
std::string default_description(const UpdateOptions& options, Change change, const fs::path& shown,
                                const std::optional<fs::path>& backup) {
    if (!options.undo) return fmt::format("{} was changed", shown.string());
    const std::string command = fmt::format("'anklog {}'", options.undo->command);
    switch (change) {
        case Change::created: return fmt::format("{} created {}", command, shown.string());
        case Change::appended: return fmt::format("{} appended to {}", command, shown.string());
        case Change::replaced:
            return backup ? fmt::format("{} rewrote {} (the log before is kept as {})", command, shown.string(),
                                        backup->string())
                          : fmt::format("{} rewrote {}", command, shown.string());
        case Change::undone: break;
    }
    return fmt::format("'anklog undo' reverted {} in {}", command, shown.string());
}

std::string describe(const UpdateOptions& options, Change change, const fs::path& shown,
                     const std::optional<fs::path>& backup) {
    return options.describe ? options.describe() : default_description(options, change, shown, backup);
}

UpdateResult update_under_handlers(const fs::path& path,
                                   const std::function<std::string(const std::optional<std::string>&)>& make_text,
                                   const std::function<void(std::string_view)>& verify, const UpdateOptions& options) {
    const fs::path& shown = path;
    const Locked locked = lock_for_update(path, shown, options.lock_timeout);
    const Target& target = locked.target;
    const Fd& folder = locked.folder;

    std::optional<Existing> existing = open_existing(folder.get(), target, shown);
    // The current text is lent to make_text, not copied (a copy is one more
    // log's worth of memory), and taken back for the backup.
    std::optional<std::string> current;
    if (existing) current = std::move(existing->text);
    std::string text = make_text(current);
    if (existing) existing->text = std::move(*current);
    current.reset();
    stop_if_interrupted();
    if (existing) check_replaceable(folder.get(), target, *existing, shown);
    if (text.size() > max_log_bytes) {
        throw Error(fmt::format("the log would grow past {}, the most anklog reads", max_log_size_text),
                    unchanged("move older sessions into another file (anklog check FILE reads any log); "),
                    Location{shown.string()});
    }
    // How undo would revert this write: an append is cut back; anything else
    // needs the old log kept as a backup.
    Change change = Change::created;
    if (options.undo && options.undo->reverts) {
        change = Change::undone;
    } else if (existing) {
        const bool appended = !options.keep_numbered_backup && text.size() >= existing->text.size() &&
                              std::string_view(text).substr(0, existing->text.size()) == existing->text;
        change = appended ? Change::appended : Change::replaced;
    }
    const bool keep_backup_now = existing && (options.keep_numbered_backup || (options.undo && change == Change::replaced));

    Scratch temp(folder.get());
    const Fd temp_fd = create_temp(folder.get(), target.name, temp, shown);
    if (existing) {
        copy_attributes(*existing, temp_fd.get(), shown);
    } else if (::fchmod(temp_fd.get(), 0600) != 0) {
        fail(shown, "cannot set the log's permissions", errno, "check the folder");
    }
    std::optional<UndoRecord> record;
    {
        const std::string written = write_checked(temp_fd.get(), text, shown, "cannot write the log");
        text = {};
        stop_if_interrupted();
        verify(written);
        if (options.undo) record = record_of(*options.undo, change, existing, written);
    }
    stop_if_interrupted();

    UpdateResult result;
    Scratch backup(folder.get());
    if (keep_backup_now) {
        const std::uint64_t number = keep_backup(folder.get(), target, *existing, backup, shown);
        result.backup = target.path.parent_path() / backup.name();
        if (record && change == Change::replaced) record->backup_number = number;
    }
    PendingRecord pending(folder.get(), target);
    if (record) pending.write(*record, shown);
    std::string landing = describe(options, change, shown, result.backup);
    stop_if_interrupted();
    {
        const SignalsDeferred deferred;
        if (::renameat(folder.get(), temp.name().c_str(), folder.get(), target.name.c_str()) != 0) {
            fail(shown, "cannot replace the log", errno, "check the folder's permissions; your log has not been changed");
        }
        record_landed(landing);
        temp.committed();
        backup.committed();
        result.undo_not_recorded = pending.commit();
    }
    // The rename is durable only once the folder is on disk too.
    if (::fsync(folder.get()) != 0 && errno != EINVAL) {  // EINVAL: the file system cannot sync folders at all
        result.not_durable = fmt::format("cannot flush the folder to disk ({})", std::strerror(errno));
    }
    return result;
}

UpdateResult remove_under_handlers(const fs::path& path, const std::function<void(std::string_view)>& check,
                                   const UpdateOptions& options) {
    const fs::path& shown = path;
    const Locked locked = lock_for_update(path, shown, options.lock_timeout);
    const Target& target = locked.target;
    const Fd& folder = locked.folder;
    const std::optional<Existing> existing = open_existing(folder.get(), target, shown);
    if (!existing) throw Error("no such log file", "there is nothing to remove", Location{shown.string()});
    check(existing->text);
    stop_if_interrupted();
    check_replaceable(folder.get(), target, *existing, shown);
    PendingRecord pending(folder.get(), target);
    if (options.undo) {
        UndoRecord record = record_of(*options.undo, Change::undone, std::nullopt, "");
        pending.write(record, shown);
    }
    std::string landing = options.describe ? options.describe() : fmt::format("{} was removed", shown.string());
    stop_if_interrupted();
    UpdateResult result;
    {
        const SignalsDeferred deferred;
        if (::unlinkat(folder.get(), target.name.c_str(), 0) != 0) {
            fail(shown, "cannot remove the log", errno, "check the folder's permissions; your log has not been changed");
        }
        record_landed(landing);
        result.undo_not_recorded = pending.commit();
    }
    if (::fsync(folder.get()) != 0 && errno != EINVAL) {
        result.not_durable = fmt::format("cannot flush the folder to disk ({})", std::strerror(errno));
    }
    return result;
}

}  // namespace

const char* landed_change() noexcept { return landed ? landed_text.c_str() : nullptr; }

namespace {

// Runs one replacement with the signal handlers installed: a signal that came
// while the rename was deferred ends the process once the write is whole.
template <typename Write>
UpdateResult with_signal_handlers(const Write& write) {
    const SignalHandlers handlers;
    try {
        UpdateResult result = write();
        if (pending_signal != 0) SignalHandlers::die();
        return result;
    } catch (const Interrupted&) {
        // Every temporary file and backup is gone by now: end as the signal asked.
        SignalHandlers::die();
    } catch (...) {
        if (pending_signal != 0) SignalHandlers::die();
        throw;
    }
}

}  // namespace

UpdateResult update_file(const fs::path& path,
                         const std::function<std::string(const std::optional<std::string>& current)>& make_text,
                         const std::function<void(std::string_view written)>& verify, const UpdateOptions& options) {
    return with_signal_handlers([&] { return update_under_handlers(path, make_text, verify, options); });
}

UpdateResult remove_file(const fs::path& path, const std::function<void(std::string_view current)>& check,
                         const UpdateOptions& options) {
    return with_signal_handlers([&] { return remove_under_handlers(path, check, options); });
}

}  // namespace anklog::storage
