#include "append_sessions.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <utility>
#include <vector>

#include "anklog/check.hpp"
#include "anklog/error.hpp"
#include "anklog/log_parser.hpp"
#include "anklog/toml_writer.hpp"
#include "render/output.hpp"
#include "render/terminal.hpp"
#include "write_warnings.hpp"

namespace anklog::cli {

namespace {

// The log's text with the sessions appended; a new log starts with its header.
std::string with_sessions(const std::optional<std::string>& current, const Log& log, const std::vector<Session>& sessions,
                          const std::string& file) {
    // TOML forbids a [[session]] block after `session = [...]`: say so at
    // the array, not at the block that was never written.
    if (log.inline_sessions_line != 0) {
        throw Error("anklog appends sessions as [[session]] blocks, and this log keeps its sessions in an inline "
                    "array (session = [...])",
                    "rewrite them as [[session]] blocks, one per session ('anklog edit' checks the result); "
                    "anklog reads either",
                    Location{file, log.inline_sessions_line});
    }
    std::string text = current ? *current : new_log_text(log.profile);
    // The blocks joined first, each after a blank line, and appended once:
    // appending them one by one copies the whole text each time (an import
    // of thousands of sessions).
    std::string blocks;
    for (const Session& session : sessions) {
        if (!blocks.empty()) blocks += '\n';
        blocks += to_toml(session);
    }
    return sessions.empty() ? text : append_block(text, blocks);
}

Appended appended_to(Log log, std::size_t count) {
    Appended out;
    for (std::size_t i = log.sessions.size() - count; i < log.sessions.size(); ++i) out.indices.push_back(i);
    out.log = std::move(log);
    return out;
}

}  // namespace

Appended append_sessions(const Context& context, std::string_view command,
                         const std::function<std::vector<Session>(const Log&)>& make, bool keep_backup) {
    const std::string file = context.log_path.string();
    Log before;                      // as read under the lock
    std::size_t current_size = 0;    // bytes of the current text
    int current_lines = 0;           // line breaks in the current text
    std::vector<Session> sessions;   // as made, then as read back (lines set)
    bool created = false;
    storage::UpdateOptions options{context.lock_timeout, keep_backup, storage::UndoNote{std::string(command)}};
    // Said by any error that comes after the write: a retry would log the sessions twice.
    options.describe = [&] {
        const int line = sessions.empty() ? 0 : sessions.front().line;
        const std::string where = line > 0 ? fmt::format("{}:{}", file, line) : file;
        const std::string to = created ? fmt::format("written to the new log {}", where) : "appended to " + where;
        return sessions.size() == 1 ? fmt::format("the session was {}; do not log it again", to)
                                    : fmt::format("the {} sessions were {}; do not log them again", sessions.size(), to);
    };
    const storage::UpdateResult result = storage::update_file(
        context.log_path,
        [&](const std::optional<std::string>& current) {
            before = current ? parse_log(*current, file) : Log{};
            created = !current;
            current_size = current ? current->size() : 0;
            current_lines = current ? static_cast<int>(std::count(current->begin(), current->end(), '\n')) : 0;
            sessions = make(before);
            return with_sessions(current, before, sessions, file);
        },
        [&](std::string_view text) {
            // Storage compared every byte read back with the text made, which
            // starts with the current text (read as `before`, under the same
            // lock) and has no inline session array (with_sessions refused
            // it). One [[session]] block after a valid log adds one session
            // and changes nothing else, so the block read alone is what
            // parse_log reads at the end of the whole text. A new log, and
            // several sessions, are read again in full.
            if (!created && sessions.size() == 1) {
                sessions.front() = parse_appended_session(before, text.substr(current_size), current_lines + 1, file);
                return;
            }
            const Log written = parse_log(text, file);
            if (written.sessions.size() != before.sessions.size() + sessions.size()) {
                throw Error(sessions.size() == 1 ? "the new session did not read back from the log"
                                                 : "the new sessions did not read back from the log",
                            "please report this; your log has not been changed", Location{file});
            }
            sessions.assign(written.sessions.end() - static_cast<std::ptrdiff_t>(sessions.size()), written.sessions.end());
        },
        options);
    print_write_warnings(result, file, sessions.size() == 1 ? "the session is in the log" : "the sessions are in the log",
                         context.color_stderr);
    // The rules judge the new sessions against the part of the history they
    // can see from their days, not the whole log.
    Log judged = history_for_check(before, sessions);
    judged.sessions.insert(judged.sessions.end(), sessions.begin(), sessions.end());
    Appended out = appended_to(std::move(judged), sessions.size());
    out.result = result;
    out.created = created;
    return out;
}

Appended append_sessions_dry_run(const Context& context, const std::function<std::vector<Session>(const Log&)>& make) {
    const std::string file = context.log_path.string();
    const auto current = storage::read_file_if_exists(context.log_path);
    const Log log = current ? parse_log(*current, file) : Log{};
    const std::vector<Session> sessions = make(log);
    Appended out = appended_to(parse_log(with_sessions(current, log, sessions, file), file), sessions.size());
    out.created = !current;
    return out;
}

namespace {

// One block made from the log and appended after its last, in one atomic
// update, read back as the last of `blocks` (a pain check, a prescription).
template <class Block>
struct AppendedBlock {
    Log log;
    Block block;
    storage::UpdateResult result;
    bool created = false;
};

template <class Block>
AppendedBlock<Block> append_one_block(const Context& context, std::string_view command,
                                      const std::function<Block(const Log&)>& make, std::vector<Block> Log::*blocks,
                                      std::string_view what) {
    const std::string file = context.log_path.string();
    AppendedBlock<Block> out;
    std::size_t before = 0;
    out.result = storage::update_file(
        context.log_path,
        [&](const std::optional<std::string>& current) {
            const Log log = current ? parse_log(*current, file) : Log{};
            out.created = !current;
            before = (log.*blocks).size();
            out.block = make(log);
            const std::string text = current ? *current : new_log_text(log.profile);
            return append_block(text, to_toml(out.block));
        },
        [&](std::string_view text) {
            out.log = parse_log(text, file);
            if ((out.log.*blocks).size() != before + 1) {
                throw Error(fmt::format("the new {} did not read back from the log", what),
                            "please report this; your log has not been changed", Location{file});
            }
            out.block = (out.log.*blocks).back();
        },
        storage::UpdateOptions{context.lock_timeout, false, storage::UndoNote{std::string(command)}});
    print_write_warnings(out.result, file, fmt::format("the {} is in the log", what), context.color_stderr);
    return out;
}

}  // namespace

AppendedPain append_pain_check(const Context& context, std::string_view command,
                               const std::function<PainCheck(const Log&)>& make) {
    AppendedBlock<PainCheck> added = append_one_block(context, command, make, &Log::pain_checks, "pain check");
    return AppendedPain{std::move(added.log), added.block, added.result, added.created};
}

AppendedPrescription append_prescription(const Context& context, const std::function<Prescription(const Log&)>& make) {
    AppendedBlock<Prescription> added =
        append_one_block(context, "prescribe", make, &Log::prescriptions, "prescription");
    return AppendedPrescription{std::move(added.log), std::move(added.block), added.created};
}

void print_appended(const Appended& appended, const Context& context, bool dry_run) {
    const std::string file = context.log_path.string();
    const bool color = context.color_stdout;
    if (appended.indices.empty()) return;
    const int first_line = appended.log.sessions[appended.indices.front()].line;
    const std::string count = appended.indices.size() == 1 ? "" : fmt::format(" {} sessions", appended.indices.size());
    // On stderr, so that a misspelt -f shows at once while stdout stays as scripts expect.
    if (appended.created && !context.quiet) {
        fmt::print(stderr, "anklog: {} there was no log at {}: {} a new one\n",
                   paint("note:", Tone::cyan, context.color_stderr), terminal_safe(file),
                   dry_run ? "this would start" : "started");
    }
    if (dry_run && !context.quiet) {
        fmt::print("would append{} to {}:\n", count, terminal_safe(file));
    } else if (!context.quiet) {
        fmt::print("{}{} to {}:{}\n", paint("appended", Tone::green, color), count, terminal_safe(file), first_line);
    }
    const std::vector<Finding> findings = check(appended.log);
    for (std::size_t n = 0; n < appended.indices.size(); ++n) {
        const std::size_t index = appended.indices[n];
        const Session& session = appended.log.sessions[index];
        // A dry run shows its blocks even with --quiet: they are what was asked for.
        if (!context.quiet || dry_run) fmt::print("{}{}", n == 0 && context.quiet ? "" : "\n", terminal_safe_lines(to_toml(session)));
        for (const Finding& finding : findings) {
            if (finding.session == index) fmt::print("\n{}", fit_to_terminal(render_finding(finding, file, session.line, color)));
        }
    }
}

}  // namespace anklog::cli
