// anklog log: append one session to the log.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>

#include "anklog/check.hpp"
#include "anklog/error.hpp"
#include "anklog/limits.hpp"
#include "anklog/log.hpp"
#include "anklog/suggest.hpp"
#include "anklog/toml_writer.hpp"
#include "commands.hpp"
#include "log_file.hpp"
#include "output.hpp"
#include "usage_errors.hpp"

namespace anklog::cli {

namespace {

Error flag_error(std::string_view flag, std::string message, std::string advice) {
    return Error(fmt::format("{}: {}", flag, message), std::move(advice));
}

// The session the flags describe, checked against the log it will join
// (its unit for bare numbers, its own activities).
Session session_from(const LogFlags& flags, const Log& log, Date today) {
    const Activity* activity = log.catalogue.find(flags.activity);
    if (!activity) {
        throw Error(fmt::format("unknown activity \"{}\"", flags.activity),
                    did_you_mean(normalize_activity_name(flags.activity), log.catalogue.names(),
                                 "see 'man anklog' for the built-in activities, or declare your own under "
                                 "[activities] in the log"));
    }
    Session session;
    session.activity = activity->name;

    const auto date = parse_date_argument(flags.date, today);
    if (!date) {
        throw flag_error("--date", fmt::format("\"{}\" is not a date", flags.date),
                         "write YYYY-MM-DD, today or yesterday");
    }
    if (*date > today) {
        throw flag_error("--date", fmt::format("{} is in the future", to_string(*date)),
                         fmt::format("log a session after doing it (today is {})", to_string(today)));
    }
    session.date = *date;

    const auto limb = parse_limb(flags.on);
    if (!limb) {
        throw flag_error("--on", fmt::format("\"{}\" is not {}", flags.on, one_of(limb_names.names())),
                         "write --on ankle or --on wrist");
    }
    session.on = *limb;

    if (!flags.weight.empty()) {
        session.weight = parse_mass(flags.weight, log.profile.units);
        if (!session.weight) {
            throw flag_error("--weight", fmt::format("\"{}\" is not a weight", flags.weight),
                             mass_advice(flags.weight, log.profile.units));
        }
    }
    session.minutes = flags.minutes;
    session.sets = flags.sets;
    session.reps = flags.reps;
    session.effort = flags.effort;
    session.pain = flags.pain;
    session.note = flags.note;
    if (!is_valid_utf8(session.note)) {
        throw flag_error("--note", "the note is not valid UTF-8 text", "check your terminal's character encoding");
    }
    if (auto problem = validate(session, *activity)) {
        if (problem->example.empty()) throw flag_error("--" + problem->field, problem->message, problem->advice);
        std::string example = "anklog log " + activity->name;
        for (const auto& [field, value] : problem->example) example += fmt::format(" --{} {}", field, value);
        throw Error(problem->message, fmt::format("{}, e.g. {}", problem->advice, example));
    }
    return session;
}

// What check says about the session at `index`: advice, not failure. Shown
// even with --quiet: a safety flag is not a confirmation.
void print_findings_on(const Log& log, std::size_t index, const std::string& shown, bool color) {
    for (const Finding& finding : check(log)) {
        if (finding.session == index) {
            fmt::print("\n{}", render_finding(finding, shown, log.sessions[index].line, color));
        }
    }
}

// The same for `session` appended to `log`: the rules judge it against the
// part of the history they can see from its day (history_for_check).
void print_findings_on_appended(const Log& log, const Session& session, const std::string& shown, bool color) {
    Log judged = history_for_check(log, {session});
    judged.sessions.push_back(session);
    print_findings_on(judged, judged.sessions.size() - 1, shown, color);
}

// The log's text with `session` appended; a new log starts with its header.
std::string with_session(const std::optional<std::string>& current, const Log& log, const Session& session) {
    return append_block(current ? *current : new_log_text(log.profile), to_toml(session));
}

}  // namespace

CLI::App* setup_log(CLI::App& app, LogFlags& flags) {
    CLI::App* command = app.add_subcommand("log", "Append a workout you did to the log");
    command->add_option("ACTIVITY", flags.activity, "What you did: walk, side-leg-lift, pilates, ...")
        ->required()
        ->type_name("");
    command->add_option("--date", flags.date, "When: YYYY-MM-DD, today or yesterday; default today")
        ->option_text("DATE");
    command->add_option("-w,--weight", flags.weight, "Weight per limb: 1kg, \"1.5 kg\", 2lb; none = unweighted")
        ->option_text("MASS");
    command->add_option("--on", flags.on, "Where the weights were; default ankle")->option_text("ankle|wrist");
    command->add_option("-m,--minutes", flags.minutes, "How long, for timed activities (1-600)")
        ->transform(whole_number(limits::min_minutes, limits::max_minutes))
        ->option_text("N");
    command->add_option("--sets", flags.sets, "Sets, for strength exercises (1-20)")
        ->transform(whole_number(limits::min_sets, limits::max_sets))
        ->option_text("N");
    command->add_option("--reps", flags.reps, "Reps per set, for strength exercises (1-200)")
        ->transform(whole_number(limits::min_reps, limits::max_reps))
        ->option_text("N");
    command->add_option("--effort", flags.effort, "How hard it felt, 0 (rest) to 10 (maximal)")
        ->transform(whole_number(limits::min_score, limits::max_score))
        ->option_text("0-10");
    command->add_option("--pain", flags.pain, "Pain during or after, 0 (none) to 10 (worst)")
        ->transform(whole_number(limits::min_score, limits::max_score))
        ->option_text("0-10");
    command->add_option("--note", flags.note, "Anything worth remembering")->option_text("TEXT");
    command->add_flag("--dry-run", flags.dry_run, "Show what would be appended, change nothing");
    command->footer(
        "Examples:\n"
        "  anklog log walk --weight 1kg --minutes 20 --effort 3\n"
        "  anklog log side-leg-lift -w 0.5kg --sets 1 --reps 12\n"
        "  anklog log pilates --on wrist -w 0.5kg -m 30 --date yesterday\n"
        "  anklog log glute-bridge -w 1kg --sets 2 --reps 10 --pain 2 --note \"left hip tight\"\n");
    return command;
}

int run_log(const Context& context, const LogFlags& flags) {
    const std::string shown = context.log_path.string();
    if (flags.dry_run) {
        const auto current = storage::read_file_if_exists(context.log_path);
        const Log log = current ? parse_log(*current, shown) : Log{};
        const Session session = session_from(flags, log, context.today);
        if (!context.quiet) fmt::print("would append to {}:\n\n", terminal_safe(shown));
        fmt::print("{}", terminal_safe_lines(to_toml(session)));
        const Log after = parse_log(with_session(current, log, session), shown);
        print_findings_on(after, after.sessions.size() - 1, shown, context.color_stdout);
        return 0;
    }

    Log log;  // as read before the append
    std::size_t current_size = 0;
    int current_lines = 0;  // line breaks in the current text
    Session appended;
    const storage::UpdateResult result = storage::update_file(
        context.log_path,
        [&](const std::optional<std::string>& current) {
            if (current) {
                log = parse_log(*current, shown);
                current_size = current->size();
                current_lines = static_cast<int>(std::count(current->begin(), current->end(), '\n'));
            }
            appended = session_from(flags, log, context.today);
            return with_session(current, log, appended);
        },
        [&](std::string_view written) {
            // What was written reads back as the log plus the new session.
            // Storage compared every byte read back with the text made, which
            // append_block made of the current text (read as `log` above,
            // under the same lock), blank lines, then the new block: so
            // `written` starts with the current text. A [[session]] block
            // after a valid log, on lines of its own, adds one element to the
            // log's `session` array and changes nothing else, unless that is
            // an inline array (session = [...]), to which no block can be
            // appended. So reading the new block alone, with the log's
            // activities and unit, reads what parse_log reads at the end of
            // the whole text. A new log, and one with an inline array (whose
            // error this reports), are read again in full.
            if (current_size == 0 || log.inline_sessions_line != 0) {
                const Log again = parse_log(written, shown);
                if (again.sessions.size() != log.sessions.size() + 1) {
                    throw Error("the new session did not read back from the log",
                                "please report this; your log has not been changed", Location{shown});
                }
                appended.line = again.sessions.back().line;
                return;
            }
            appended.line =
                parse_appended_session(log, written.substr(current_size), current_lines + 1, shown).line;
        },
        storage::UpdateOptions{context.lock_timeout, {}});
    if (!result.not_durable.empty()) {
        print_warning(shown + ": the session is in the log but may not survive a power cut: " + result.not_durable,
                      context.color_stderr);
    }

    if (!context.quiet) {
        fmt::print("{} {}:{}\n\n{}", paint("appended to", Tone::green, context.color_stdout), terminal_safe(shown),
                   appended.line, terminal_safe_lines(to_toml(appended)));
    }
    print_findings_on_appended(log, appended, shown, context.color_stdout);
    return 0;
}

}  // namespace anklog::cli
