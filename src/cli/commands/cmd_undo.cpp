// anklog undo: revert anklog's last write to the log, byte for byte, when
// the log is still exactly what that write left.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <fmt/format.h>

#include "anklog/error.hpp"
#include "commands/commands.hpp"
#include "line_changes.hpp"
#include "log_file.hpp"
#include "render/output.hpp"
#include "undo/sha256.hpp"
#include "render/terminal.hpp"
#include "write_warnings.hpp"

namespace anklog::cli {

namespace {

using storage::Change;
using storage::UndoRecord;

bool is_state(std::string_view text, std::uint64_t size, const std::string& sha256) {
    return text.size() == size && storage::sha256_hex(text) == sha256;
}

std::string command_text(const UndoRecord& record) { return fmt::format("'anklog {}'", record.command); }

Error changed_since(const UndoRecord& record, const std::string& shown) {
    return Error(fmt::format("the log has changed since anklog's last write to it ({}), so undo cannot tell what to "
                             "revert",
                             command_text(record)),
                 "undo reverts only anklog's own last write; make the change by hand with 'anklog edit'; the log has "
                 "not been changed",
                 Location{shown});
}

bool same_write(const UndoRecord& a, const UndoRecord& b) {
    return a.command == b.command && a.change == b.change && a.after_size == b.after_size &&
           a.after_sha256 == b.after_sha256 && a.before_size == b.before_size && a.before_sha256 == b.before_sha256 &&
           a.backup_number == b.backup_number;
}

// " (lines 12-16)": where an append is in `text`, when `text` still holds it
// as that write left it; "" otherwise.
std::string appended_lines(const UndoRecord& record, std::string_view text) {
    if (record.change != Change::appended || record.after_size > text.size() || record.before_size >= record.after_size ||
        !is_state(text.substr(0, record.after_size), record.after_size, record.after_sha256)) {
        return {};
    }
    std::size_t from = record.before_size;
    while (from + 1 < record.after_size && (text[from] == '\n' || text[from] == '\r')) ++from;  // the blank line before a block
    const auto line_at = [&](std::size_t offset) {
        return 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n');
    };
    const auto first = line_at(from);
    const auto last = line_at(record.after_size - 1);
    return first == last ? fmt::format(" (line {})", first) : fmt::format(" (lines {}-{})", first, last);
}

// Another anklog command wrote to the log after undo read it: which one,
// and after which write.
Error written_meanwhile(const UndoRecord& reverting, const UndoRecord& newer, std::string_view text,
                        const std::string& shown) {
    return Error(fmt::format("another anklog command wrote to the log while undo was running: {}{}, after {}{}, the "
                             "write undo was to revert",
                             command_text(newer), appended_lines(newer, text), command_text(reverting),
                             appended_lines(reverting, text)),
                 "run 'anklog undo' again to see and revert the newer write; the log has not been changed",
                 Location{shown});
}

// What undo will make of the log: the text before the last write, or
// nullopt when that write created the log.
struct Reversal {
    std::optional<std::string> before;
    std::optional<std::filesystem::path> backup;  // where `before` comes from, for a rewrite
};

Reversal reversal_of(const UndoRecord& record, const std::string& current, const Context& context,
                     const std::string& shown) {
    if (record.change == Change::created) return {};
    if (record.change == Change::appended) {
        std::string before = current.substr(0, record.before_size);
        if (!is_state(before, record.before_size, record.before_sha256)) throw changed_since(record, shown);
        return {std::move(before), std::nullopt};
    }
    const storage::Backup backup = storage::read_backup(context.log_path, record.backup_number);
    if (!backup.text || !is_state(*backup.text, record.before_size, record.before_sha256)) {
        throw Error(fmt::format("the backup {} that holds the log before {} is {}", backup.path.string(),
                                command_text(record), backup.text ? "no longer as anklog kept it" : "gone"),
                    "make the change by hand with 'anklog edit'; the log has not been changed", Location{shown});
    }
    return {backup.text, backup.path};
}

void show(const UndoRecord& record, const std::string& current, const Reversal& reversal, const std::string& shown) {
    const std::string what = fmt::format("The last change anklog made to {} was {}", terminal_safe(shown),
                                         command_text(record));
    if (!reversal.before) {
        fmt::print("{}, which created it. Undo removes the log:\n\n{}", what, terminal_safe_lines(current));
    } else if (record.change == Change::appended) {
        std::string_view added = std::string_view(current).substr(reversal.before->size());
        while (!added.empty() && (added.front() == '\n' || added.front() == '\r')) added.remove_prefix(1);
        fmt::print("{}, which appended what undo removes:\n\n{}", what, terminal_safe_lines(added));
    } else {
        fmt::print("{}. Undo changes back (- now, + after undo):\n\n{}", what,
                   describe_changes(current, *reversal.before));
    }
    if (!current.empty() && current.back() != '\n') fmt::print("\n");
}

}  // namespace

CLI::App* setup_undo(CLI::App& app, UndoFlags& flags) {
    CLI::App* command = app.add_subcommand("undo", "Revert anklog's last change to the log, byte for byte");
    command->add_flag("-y,--yes", flags.yes, "Do not ask for confirmation (needed without a terminal)");
    command->footer(
        "Examples:\n"
        "  anklog undo          show the last change and ask before reverting it\n"
        "  anklog undo --yes    revert it without asking\n"
        "\n"
        "Undo reverts one write: a log, a done, a saved plan, a profile change, an edit\n"
        "or an init. It refuses when the log has changed otherwise since; 'anklog edit'\n"
        "fixes anything.\n");
    return command;
}

int run_undo(const Context& context, const UndoFlags& flags) {
    const std::string shown = context.log_path.string();
    // The record and the log, read as one: when another anklog's write lands
    // between the two reads, its record is read again, and that write is the
    // last one.
    std::optional<UndoRecord> record;
    std::string current;
    for (int attempt = 1;; ++attempt) {
        record = storage::read_undo_record(context.log_path);
        if (!record) {
            throw Error("nothing to undo: anklog has no record of a change to this log",
                        "undo reverts anklog's last write to the log (log, done, plan --save, profile, edit, init); to "
                        "change anything else, use 'anklog edit'",
                        Location{shown});
        }
        if (record->change == Change::undone) {
            throw Error(fmt::format("nothing to undo: anklog's last change to it ({}) is already undone",
                                    command_text(*record)),
                        "undo reverts only the last change; to change anything else, use 'anklog edit'",
                        Location{shown});
        }
        current = storage::read_file(context.log_path);
        if (is_state(current, record->after_size, record->after_sha256)) break;
        const auto newer = storage::read_undo_record(context.log_path);
        if (attempt == 3 || !newer || same_write(*newer, *record)) throw changed_since(*record, shown);
    }
    const Reversal reversal = reversal_of(*record, current, context, shown);

    if (!flags.yes) {
        if (!can_ask()) {
            throw Error("undo asks before it changes the log, and there is no terminal to ask on",
                        "run 'anklog undo --yes' to revert without asking; the log has not been changed");
        }
        show(*record, current, reversal, shown);
        const auto answer = ask("\nUndo it? [y/N] ");
        if (answer != 'y') {
            fmt::print("not undone: {} has not been changed\n", terminal_safe(shown));
            return 0;
        }
    } else if (!context.quiet) {
        show(*record, current, reversal, shown);
        fmt::print("\n");
    }

    // Under the lock, the log must still be what was shown.
    const auto still_current = [&](std::string_view text) {
        if (is_state(text, record->after_size, record->after_sha256)) return;
        // Another anklog may have written meanwhile: its record says so.
        const auto newer = storage::read_undo_record(context.log_path);
        if (newer && !same_write(*newer, *record) && is_state(text, newer->after_size, newer->after_sha256)) {
            throw written_meanwhile(*record, *newer, text, shown);
        }
        throw changed_since(*record, shown);
    };
    storage::UpdateOptions options;
    options.lock_timeout = context.lock_timeout;
    options.undo = storage::UndoNote{record->command, true};
    // Said by any error that comes after the write.
    options.describe = [&] {
        return fmt::format("'anklog undo' reverted {}: {} is {} as it was before it", command_text(*record), shown,
                           reversal.before ? "now" : "removed,");
    };
    storage::UpdateResult result;
    if (!reversal.before) {
        result = storage::remove_file(context.log_path, still_current, options);
    } else {
        // A rewrite's undone version is kept, as every rewrite keeps the log it replaces.
        options.keep_numbered_backup = record->change == Change::replaced;
        result = storage::update_file(
            context.log_path,
            [&](const std::optional<std::string>& now) {
                if (!now) throw changed_since(*record, shown);
                still_current(*now);
                return *reversal.before;
            },
            [](std::string_view) {}, options);
    }
    print_write_warnings(result, shown, "the log is reverted", context.color_stderr);
    if (!context.quiet) {
        if (!reversal.before) {
            fmt::print("undone: {} is removed, as it was before {}\n", terminal_safe(shown), command_text(*record));
        } else {
            fmt::print("undone: {} is as it was before {}{}\n", terminal_safe(shown), command_text(*record),
                       result.backup ? fmt::format(" (the undone version is kept in {})",
                                                   terminal_safe(result.backup->string()))
                                     : "");
        }
    }
    return 0;
}

}  // namespace anklog::cli
