// anklog edit: the log in your editor, on a private copy; the log is
// replaced, atomically and with a backup, only by a valid result.
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <string_view>
#include <unordered_map>

#include "anklog/check.hpp"
#include "anklog/error.hpp"
#include "anklog/log_parser.hpp"
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

namespace fs = std::filesystem;

fs::path temp_folder() {
    const char* tmpdir = std::getenv("TMPDIR");
    return tmpdir && *tmpdir ? fs::path(tmpdir) : fs::path("/tmp");
}

// Advice that goes on to say the log is safe and where the edit is.
std::string and_kept(std::string_view advice, const fs::path& copy) {
    return fmt::format("{} (the log has not been changed; your edited copy is kept in {})", advice, copy.string());
}

// A log that cannot be written is refused before the person spends time in
// the editor. (The write itself checks again, with everything else.)
void refuse_read_only(const fs::path& log, const std::string& file) {
    std::error_code error;
    const fs::path real = fs::canonical(log, error);  // where its symlinks lead
    if (error) return;
    if (::faccessat(AT_FDCWD, real.c_str(), W_OK, AT_EACCESS) != 0) {
        const int why = errno;
        if (why == EROFS) {
            throw Error("you cannot write to this log: the file system is read-only",
                        "choose a log on a writable file system with -f FILE; the log has not been changed",
                        Location{file});
        }
        throw Error("you cannot write to this log: permission denied",
                    fmt::format("make it writable (chmod u+w {}) if it should change, or choose another log with -f "
                                "FILE; the log has not been changed",
                                real.string()),
                    Location{file});
    }
    const fs::path folder = real.parent_path();
    if (::faccessat(AT_FDCWD, folder.c_str(), W_OK | X_OK, AT_EACCESS) != 0) {
        throw Error(fmt::format("you cannot write in the log's folder {}: permission denied", folder.string()),
                    fmt::format("anklog replaces the log by a new file beside it: make the folder writable (chmod u+w "
                                "{}), or keep the log in another folder; the log has not been changed",
                                folder.string()),
                    Location{file});
    }
}

// Whether two sessions say the same (as their TOML does: an unweighted
// session's placement is not written), compared field by field.
bool same_session(const Session& a, const Session& b) {
    const auto same_weight = [](const std::optional<Mass>& x, const std::optional<Mass>& y) {
        return x.has_value() == y.has_value() && (!x || (x->amount == y->amount && x->unit == y->unit));
    };
    return a.date == b.date && a.activity == b.activity && same_weight(a.weight, b.weight) &&
           (!a.weighted() || a.on == b.on) && a.side == b.side && a.minutes == b.minutes && a.sets == b.sets &&
           a.reps == b.reps &&
           a.effort == b.effort && a.pain == b.pain && a.note == b.note;
}

// For each session of `after`, whether the edit added or changed it. Linear:
// the sessions both logs start and end with are compared in place, and
// those in between (usually a few) matched by their TOML.
std::vector<bool> edited_sessions(const Log& before, const Log& after) {
    const std::vector<Session>& old_sessions = before.sessions;
    const std::vector<Session>& new_sessions = after.sessions;
    std::size_t head = 0;
    while (head < old_sessions.size() && head < new_sessions.size() &&
           same_session(old_sessions[head], new_sessions[head])) {
        ++head;
    }
    std::size_t tail = 0;
    while (tail < old_sessions.size() - head && tail < new_sessions.size() - head &&
           same_session(old_sessions[old_sessions.size() - 1 - tail], new_sessions[new_sessions.size() - 1 - tail])) {
        ++tail;
    }
    std::vector<bool> edited(new_sessions.size(), false);
    std::unordered_map<std::string, std::size_t> unchanged;
    for (std::size_t i = head; i < old_sessions.size() - tail; ++i) ++unchanged[to_toml(old_sessions[i])];
    for (std::size_t i = head; i < new_sessions.size() - tail; ++i) {
        const auto same = unchanged.find(to_toml(new_sessions[i]));
        if (same != unchanged.end() && same->second > 0) {
            --same->second;
        } else {
            edited[i] = true;
        }
    }
    return edited;
}

// A session is what was done: one the edit dates after today is a typo
// (2027 for 2026) that would also keep plan from planning. Days to come
// are planned ([[planned]] blocks), as `log --date` says too.
void refuse_future_sessions(const Log& after, const std::vector<bool>& edited, Date today, const std::string& file) {
    for (std::size_t i = 0; i < after.sessions.size(); ++i) {
        const Session& s = after.sessions[i];
        if (!edited[i] || s.date <= today) continue;
        throw Error(fmt::format("{} on {} is after today ({}): a session is what was done", s.activity,
                                to_string(s.date), to_string(today)),
                    "fix its date; days to come are planned with 'anklog plan --save'", Location{file, s.line});
    }
}

// What check says about the log now: its findings on the sessions the edit
// added or changed (safety advice: printed even with --quiet, as `log`
// prints it), then a count for the whole log.
void print_check(const Log& after, const std::vector<bool>& edited, const std::string& file, const Context& context) {
    int danger = 0;
    int warning = 0;
    int note = 0;
    for (const Finding& finding : check(after)) {
        ++(finding.severity == Severity::danger ? danger : finding.severity == Severity::warning ? warning : note);
        if (edited[finding.session]) {
            fmt::print("\n{}", fit_to_terminal(render_finding(finding, file, after.sessions[finding.session].line,
                                                              context.color_stdout)));
        }
    }
    if (context.quiet) return;
    std::vector<std::string> parts;
    if (danger) parts.push_back(fmt::format("{} danger", danger));
    if (warning) parts.push_back(fmt::format("{} warning{}", warning, warning == 1 ? "" : "s"));
    if (note) parts.push_back(fmt::format("{} note{}", note, note == 1 ? "" : "s"));
    fmt::print("\n{}: {} session{} checked: {}\n", log_title(file, after.profile), after.sessions.size(),
               after.sessions.size() == 1 ? "" : "s",
               parts.empty() ? std::string("nothing to flag")
                             : fmt::format("{} ('anklog check' shows each)", fmt::join(parts, ", ")));
}

bool blank(std::string_view text) { return text.find_first_not_of(" \t\r\n") == std::string_view::npos; }

// Why an edited copy is not saved as it is, and whether the person may
// save it anyway (a valid log that would lose everything).
struct Refusal {
    Error error;
    std::string_view was;  // "discarded your changes: <was>"
    bool may_save = false;
    bool keep = true;  // worth keeping when the person does not decide
};

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
        "is shown with its line, to edit again or discard; an empty one, or one without\n"
        "the sessions the log had, is saved only if you say so on a terminal. The log\n"
        "before a change is kept as a numbered backup, FILE.~N~, and 'anklog undo' puts\n"
        "it back.\n");
    return command;
}

int run_edit(const Context& context, const EditFlags& /*flags*/) {
    const std::string file = context.log_path.string();
    const std::string original = storage::read_file(context.log_path);
    refuse_read_only(context.log_path, file);
    const std::string editor = chosen_editor();
    const fs::path temp = temp_folder();
    const std::string name = context.log_path.filename().string();
    if (const int stale = remove_stale_copies(temp); stale > 0 && !context.quiet) {
        fmt::print(stderr, "anklog: {} removed {} private cop{} of a log left in {} by an 'anklog edit' that was killed\n",
                   paint("note:", Tone::cyan, context.color_stderr), stale, stale == 1 ? "y" : "ies", terminal_safe(temp.string()));
    }
    PrivateCopy copy(temp, name, original);

    Log before;
    try {
        before = parse_log(original, file);
    } catch (const Error&) {
        // The log was not valid before the edit: every session counts as edited.
    }
    std::string edited;
    Log after;
    std::vector<bool> changed;
    for (;;) {
        const int status = copy.edit(editor);
        if (status != 0) {
            throw Error(status < 0 ? fmt::format("cannot start the editor \"{}\"", editor)
                                   : fmt::format("the editor \"{}\" exited with status {}", editor, status),
                        and_kept("set VISUAL or EDITOR to your editor, e.g. EDITOR=nano", copy.keep()),
                        Location{file});
        }
        std::optional<std::string> text = copy.read(editor, file);
        if (text && *text == original) {
            copy.remove();
            if (!context.quiet) fmt::print("no changes: {} has not been changed\n", terminal_safe(file));
            return 0;
        }
        std::optional<Refusal> refusal;
        try {
            if (!text) {
                throw Error(fmt::format("the edited copy is larger than {}, the most anklog reads",
                                        storage::max_log_size_text),
                            "make it smaller: move older sessions into another file (anklog check FILE reads any log)",
                            Location{file});
            }
            if (blank(*text)) {
                refusal = Refusal{Error("the edited log is empty: anklog does not replace a log with nothing",
                                        "to start a new log, use 'anklog init --force'", Location{file}),
                                  "the edited log was empty", true, false};
            }
            after = parse_log(*text, file);
            changed = edited_sessions(before, after);
            if (!refusal && after.sessions.empty() && !before.sessions.empty()) {
                refusal = Refusal{Error(fmt::format("the edit removes every session: the log has {}, the edited copy "
                                                    "none",
                                                    before.sessions.size()),
                                        can_ask() ? "" : "keep them, or run 'anklog edit' on a terminal, which "
                                                         "asks before it saves this",
                                        Location{file}),
                                  "the edit removed every session", true, true};
            }
            if (!refusal) refuse_future_sessions(after, changed, context.today, file);
        } catch (const Error& invalid) {
            refusal = Refusal{invalid, "the edited log was not valid", false, true};
        }
        if (!refusal) {
            edited = std::move(*text);
            break;
        }
        if (!can_ask()) {
            if (!refusal->keep) {
                throw Error(refusal->error.message(),
                            fmt::format("{} (the log has not been changed)", refusal->error.advice()),
                            refusal->error.where());
            }
            throw Error(refusal->error.message(), and_kept(refusal->error.advice(), copy.keep()),
                        refusal->error.where());
        }
        print_error(refusal->error, context.color_stderr);
        const std::string_view question = refusal->may_save ? "What now? (e)dit again, (s)ave it anyway, (d)iscard: "
                                                            : "What now? (e)dit again, (d)iscard: ";
        std::optional<char> answer;
        do {
            answer = copy.ask(question);
        } while (answer && *answer != 'e' && *answer != 'd' && !(refusal->may_save && *answer == 's'));
        if (!answer) {
            const std::string message = fmt::format("no answer: {}", refusal->was);
            if (!refusal->keep) throw Error(message, "the log has not been changed", Location{file});
            throw Error(message, and_kept("run 'anklog edit' to start again", copy.keep()), Location{file});
        }
        if (*answer == 'd') {
            copy.remove();
            throw Error(fmt::format("discarded your changes: {}", refusal->was),
                        "the log has not been changed; run 'anklog edit' to start again", Location{file});
        }
        if (*answer == 's') {
            edited = std::move(*text);
            break;
        }
    }
    // The edit is in memory from here on: the folder goes now, and signals
    // during the write are storage's (see update_file).
    copy.remove();
    before = Log{};  // what changed is known: its memory is the write's

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
            // Storage compared every byte read back with `edited`, which
            // was read above as `after`: reading it a third time would find
            // nothing new.
            [](std::string_view /*written*/) {},
            options);
    } catch (const Error& failed) {
        // Storage's advice already says the log has not been changed.
        std::string kept;
        try {
            kept = fmt::format("your edited copy is kept in {}", keep_private_copy(temp, name, edited).string());
        } catch (const Error& not_kept) {
            kept = fmt::format("your edited copy could not be kept: {}", not_kept.message());
        }
        throw Error(failed.message(), fmt::format("{}; {}", failed.advice(), kept), failed.where());
    }
    print_write_warnings(result, file, "the edited log is in place", context.color_stderr);
    if (!context.quiet) {
        fmt::print("saved {}{}:\n\n{}", terminal_safe(file),
                   result.backup ? fmt::format(" (the log before is kept as {})", terminal_safe(result.backup->string()))
                                 : "",
                   describe_changes(original, edited));
    }
    print_check(after, changed, file, context);
    return 0;
}

}  // namespace anklog::cli
