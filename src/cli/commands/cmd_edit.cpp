// anklog edit: the log in your editor, on a private copy; the log is
// replaced, atomically and with a backup, only by a valid result.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>

#include "anklog/check.hpp"
#include "anklog/error.hpp"
#include "anklog/toml_writer.hpp"
#include "commands/commands.hpp"
#include "editor.hpp"
#include "line_changes.hpp"
#include "log_file.hpp"
#include "render/output.hpp"
#include "render/terminal.hpp"
#include "write_warnings.hpp"

namespace anklog::cli {

namespace {

std::filesystem::path temp_folder() {
    const char* tmpdir = std::getenv("TMPDIR");
    return tmpdir && *tmpdir ? std::filesystem::path(tmpdir) : std::filesystem::path("/tmp");
}

// Advice that goes on to say the log is safe and where the edit is.
std::string and_kept(std::string_view advice, const std::filesystem::path& copy) {
    return fmt::format("{} (the log has not been changed; your edited copy is kept in {})", advice, copy.string());
}

// For each session of `after`, whether the edit added or changed it.
std::vector<bool> edited_sessions(const Log& before, const Log& after) {
    std::vector<std::string> old_blocks;
    for (const Session& session : before.sessions) old_blocks.push_back(to_toml(session));
    std::vector<bool> edited(after.sessions.size(), true);
    for (std::size_t i = 0; i < after.sessions.size(); ++i) {
        const auto same = std::find(old_blocks.begin(), old_blocks.end(), to_toml(after.sessions[i]));
        if (same != old_blocks.end()) {
            edited[i] = false;
            old_blocks.erase(same);
        }
    }
    return edited;
}

// A session is what was done: one the edit dates after today is a typo
// (2027 for 2026) that would also keep plan from planning. Days to come
// are planned ([[planned]] blocks), as `log --date` says too.
void refuse_future_sessions(const Log& before, const Log& after, Date today, const std::string& file) {
    const std::vector<bool> edited = edited_sessions(before, after);
    for (std::size_t i = 0; i < after.sessions.size(); ++i) {
        const Session& s = after.sessions[i];
        if (!edited[i] || s.date <= today) continue;
        throw Error(fmt::format("{} on {} is after today ({}): a session is what was done", s.activity,
                                to_string(s.date), to_string(today)),
                    "fix its date; days to come are planned with 'anklog plan --save'", Location{file, s.line});
    }
}

// What check says about the log now: its findings on the sessions the edit
// added or changed, then a count for the whole log.
void print_check(const Log& before, const Log& after, const std::string& file, bool color) {
    const std::vector<bool> edited = edited_sessions(before, after);
    int danger = 0;
    int warning = 0;
    int note = 0;
    for (const Finding& finding : check(after)) {
        ++(finding.severity == Severity::danger ? danger : finding.severity == Severity::warning ? warning : note);
        if (edited[finding.session]) {
            fmt::print("\n{}", fit_to_terminal(render_finding(finding, file, after.sessions[finding.session].line, color)));
        }
    }
    std::vector<std::string> parts;
    if (danger) parts.push_back(fmt::format("{} danger", danger));
    if (warning) parts.push_back(fmt::format("{} warning{}", warning, warning == 1 ? "" : "s"));
    if (note) parts.push_back(fmt::format("{} note{}", note, note == 1 ? "" : "s"));
    fmt::print("\n{}: {} session{} checked: {}\n", log_title(file, after.profile), after.sessions.size(),
               after.sessions.size() == 1 ? "" : "s",
               parts.empty() ? std::string("nothing to flag")
                             : fmt::format("{} ('anklog check' shows each)", fmt::join(parts, ", ")));
}

}  // namespace

CLI::App* setup_edit(CLI::App& app, EditFlags& /*flags*/) {
    CLI::App* command = app.add_subcommand("edit", "Edit the log in your editor; only a valid result replaces it");
    command->footer(
        "Examples:\n"
        "  anklog edit\n"
        "  EDITOR=nano anklog edit\n"
        "  EDITOR=\"emacs -nw\" anklog edit      an editor with arguments\n"
        "\n"
        "The editor is $VISUAL, else $EDITOR, else vi, on a private copy. An invalid result\n"
        "is shown with its line, to edit again or discard; the log before a change is kept\n"
        "as a numbered backup, FILE.~N~, and 'anklog undo' puts it back.\n");
    return command;
}

int run_edit(const Context& context, const EditFlags& /*flags*/) {
    const std::string file = context.log_path.string();
    const std::string original = storage::read_file(context.log_path);
    const std::string editor = chosen_editor();
    const std::filesystem::path copy =
        storage::make_private_copy(temp_folder(), context.log_path.filename().string(), original);

    Log before;
    try {
        before = parse_log(original, file);
    } catch (const Error&) {
        // The log was not valid before the edit: every session counts as edited.
    }
    std::string edited;
    Log after;
    for (;;) {
        const int status = run_editor(editor, copy);
        if (status != 0) {
            throw Error(status < 0 ? fmt::format("cannot start the editor \"{}\"", editor)
                                   : fmt::format("the editor \"{}\" exited with status {}", editor, status),
                        and_kept("set VISUAL or EDITOR to your editor, e.g. EDITOR=nano", copy),
                        Location{file});
        }
        edited = storage::read_file(copy);
        if (edited == original) {
            storage::remove_private_copy(copy);
            if (!context.quiet) fmt::print("no changes: {} has not been changed\n", terminal_safe(file));
            return 0;
        }
        try {
            after = parse_log(edited, file);
            refuse_future_sessions(before, after, context.today, file);
            break;
        } catch (const Error& invalid) {
            if (!can_ask()) {
                throw Error(invalid.message(), and_kept(invalid.advice(), copy), invalid.where());
            }
            print_error(invalid, context.color_stderr);
            std::optional<char> answer;
            do {
                answer = ask("What now? (e)dit again, (d)iscard: ");
            } while (answer && *answer != 'e' && *answer != 'd');
            if (!answer) {
                throw Error("the edited log is not valid", and_kept("run 'anklog edit' to start again", copy),
                            Location{file});
            }
            if (*answer == 'd') {
                storage::remove_private_copy(copy);
                throw Error("discarded your changes: the edited log was not valid",
                            "the log has not been changed; run 'anklog edit' to start again", Location{file});
            }
        }
    }

    storage::UpdateOptions options;
    options.lock_timeout = context.lock_timeout;
    options.keep_numbered_backup = true;
    options.undo = storage::UndoNote{"edit"};
    storage::UpdateResult result;
    try {
        result = storage::update_file(
            context.log_path,
            [&](const std::optional<std::string>& current) {
                if (!current || *current != original) {
                    throw Error("the log changed while you were editing it, so anklog will not overwrite it",
                                "compare your edited copy with the log, then run 'anklog edit' again; the log has "
                                "not been changed",
                                Location{file});
                }
                return edited;
            },
            [&](std::string_view written) { (void)parse_log(written, file); }, options);
    } catch (const Error& failed) {
        // Storage's advice already says the log has not been changed.
        throw Error(failed.message(), fmt::format("{}; your edited copy is kept in {}", failed.advice(), copy.string()),
                    failed.where());
    }
    storage::remove_private_copy(copy);
    print_write_warnings(result, file, "the edited log is in place", context.color_stderr);
    if (!context.quiet) {
        fmt::print("saved {}{}:\n\n{}", terminal_safe(file),
                   result.backup ? fmt::format(" (the log before is kept as {})", terminal_safe(result.backup->string()))
                                 : "",
                   describe_changes(original, edited));
    }
    print_check(before, after, file, context.color_stdout);
    return 0;
}

}  // namespace anklog::cli
