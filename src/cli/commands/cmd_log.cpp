// anklog log: append the sessions done, one per activity, in one write.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>

#include "anklog/check.hpp"
#include "anklog/error.hpp"
#include "anklog/limits.hpp"
#include "anklog/log.hpp"
#include "anklog/suggest.hpp"
#include "anklog/toml_writer.hpp"
#include "append_sessions.hpp"
#include "commands/commands.hpp"
#include "shell/load_flags.hpp"
#include "render/output.hpp"
#include "shell/typed_flags.hpp"
#include "shell/usage_errors.hpp"

namespace anklog::cli {

namespace {

Date date_from(const LogFlags& flags, Date today) {
    const Date date = date_flag("--date", flags.date, today);
    if (date > today) {
        throw flag_error("--date", fmt::format("{} is in the future", date_as_typed(flags.date, date)),
                         fmt::format("log a session after doing it (today is {})", to_string(today)));
    }
    return date;
}

// "anklog log walk --minutes 20", the example a volume problem gives, and the
// --again line when there is a last time to repeat.
std::string volume_advice(const FieldProblem& problem, const Activity& activity, const Log& log, Date date) {
    std::string example = "anklog log " + activity.name;
    for (const auto& [field, value] : problem.example) example += fmt::format(" --{} {}", field, value);
    std::string advice = fmt::format("{}, e.g. {}", problem.advice, example);
    if (const Session* last = last_session(log, activity.name, date)) {
        advice += fmt::format(", or repeat last time ({} on {}): anklog log {} --again", describe_load(*last, activity.kind),
                              to_string(last->date), activity.name);
    }
    return advice;
}

LoadFlags load_flags_from(const LogFlags& flags, const Log& log) {
    LoadFlags load;
    if (flags.on) {
        load.on = parse_limb(*flags.on);
        if (!load.on) {
            throw flag_error("--on", fmt::format("\"{}\" is not {}", *flags.on, one_of(limb_names.names())),
                             "write --on ankle or --on wrist");
        }
    }
    load.weight = weight_flag(flags.weight, log.profile.units);
    load.minutes = flags.minutes;
    sets_and_reps(flags.sets, flags.reps, load);
    return load;
}

// The session of `activity` the flags describe, checked against the log it
// will join (its unit for bare numbers, its own activities); with --again,
// its last session's load where no flag says otherwise.
Session session_from(const LogFlags& flags, const LoadFlags& load, bool mixed_kinds, const Log& log,
                     const Activity& activity, Date date, const Session* again) {
    Session session;
    session.activity = activity.name;
    session.date = date;
    if (again) {
        session.on = again->on;
        session.weight = again->weight;
        session.minutes = again->minutes;
        session.sets = again->sets;
        session.reps = again->reps;
    }
    apply(load, session, activity.kind, mixed_kinds);
    session.effort = flags.effort;
    session.pain = flags.pain;
    session.note = flags.note;
    check_note_flag(session.note);
    if (auto problem = validate(session, activity)) {
        if (problem->example.empty()) throw flag_error("--" + problem->field, problem->message, problem->advice);
        throw Error(problem->message, volume_advice(*problem, activity, log, date));
    }
    return session;
}

// The same session twice on one day (same activity, placement, weight and
// dose) is almost always a slip: refused unless --duplicate says otherwise.
void refuse_duplicate(const Log& log, const Session& session, const Activity& activity) {
    for (const Session& s : log.sessions) {
        if (s.date != session.date || s.activity != session.activity) continue;
        const bool same_weight = s.weighted() == session.weighted() &&
                                 (!s.weighted() || (compare(*s.weight, *session.weight) == 0 && s.on == session.on));
        if (!same_weight || s.minutes != session.minutes || s.sets != session.sets || s.reps != session.reps) continue;
        throw Error(fmt::format("{} {} on {} is already in the log (line {})", activity.name,
                                describe_load(session, activity.kind), to_string(session.date), s.line),
                    "to log a second one that day, add --duplicate; to change the one logged, run anklog edit");
    }
}

// Every session the flags describe, each validated before any is written.
std::vector<Session> sessions_from(const LogFlags& flags, const Log& log, Date today, std::vector<std::string>* copied) {
    // The date first: a date typed wrong can leave words among the activities.
    const Date date = date_from(flags, today);
    const std::vector<const Activity*> activities = activities_named(
        log.catalogue, flags.activities,
        "see 'man anklog' for the built-in activities, or declare your own under [activities] in the log");
    for (auto it = activities.begin(); it != activities.end(); ++it) {
        if (std::find(activities.begin(), it, *it) != it) {
            throw Error(fmt::format("{} is named twice", (*it)->name),
                        "name each activity once: the flags apply to every activity named");
        }
    }
    const LoadFlags load = load_flags_from(flags, log);
    const bool mixed = mixes_kinds(activities);
    std::vector<Session> sessions;
    for (const Activity* activity : activities) {
        const Session* again = nullptr;
        if (flags.again) {
            again = last_session(log, activity->name, date, load.on);
            if (!again) {
                throw flag_error("--again", fmt::format("there is no {}{} on or before {} to repeat", activity->name,
                                                        load.on ? fmt::format(" on the {}s", to_string(*load.on)) : "",
                                                        to_string(date)),
                                 fmt::format("log it with its weight and volume, e.g. anklog log {} -w {} {}",
                                             activity->name, mass_flag(lightest_weight(log.profile, load.on.value_or(Limb::ankle))),
                                             is_timed(activity->kind) ? "-m 10" : "--sets 1 --reps 10"));
            }
            if (copied) {
                copied->push_back(fmt::format("copied from {} on {}: {}", activity->name, to_string(again->date),
                                              describe_load(*again, activity->kind)));
            }
        }
        sessions.push_back(session_from(flags, load, mixed, log, *activity, date, again));
        if (!flags.duplicate) refuse_duplicate(log, sessions.back(), *activity);
    }
    return sessions;
}

}  // namespace

CLI::App* setup_log(CLI::App& app, LogFlags& flags) {
    CLI::App* command = app.add_subcommand("log", "Append workouts you did to the log");
    command->add_option("ACTIVITY", flags.activities,
                        "What you did: walk, side-leg-lift (or side leg lift), pilates, ...; several share the flags")
        ->required()
        ->type_name("");
    command->add_flag("--again", flags.again,
                      "Repeat the last session of each activity (weight, where, volume); flags override");
    command->add_option("--date", flags.date,
                        "When: YYYY-MM-DD, today, yesterday, thursday (the last one), last monday, 2d; default today")
        ->option_text("DATE");
    command->add_option("-w,--weight", flags.weight, "Weight per limb: 1kg, \"1.5 kg\", 2lb; left out (or 0): no weights")
        ->option_text("MASS");
    command->add_option("--on", flags.on, "Where the weights were; default ankle")->option_text("ankle|wrist");
    command->add_option("-m,--minutes", flags.minutes, "How long, for timed activities: 20, 20min, 1h, 1h15 (up to 10h)")
        ->transform(minutes_value(limits::min_minutes, limits::max_minutes))
        ->option_text("N");
    command->add_option("--sets", flags.sets, "Sets, for strength exercises (1-20), or sets x reps: 2x12")
        ->transform(sets_value())
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
    command->add_flag("--duplicate", flags.duplicate,
                      "Log it even if the same session (activity, place, weight, dose) is logged that day");
    command->footer(
        "Examples:\n"
        "  anklog log walk --weight 1kg --minutes 20 --effort 3\n"
        "  anklog log side-leg-lift glute-bridge calf-raise -w 1kg --sets 2 --reps 10 --pain 2\n"
        "  anklog log walk --again --effort 4          same as last time\n"
        "  anklog log pilates --on wrist -w 0.5 kg -m 1h --date yesterday\n"
        "  anklog log side leg lift --sets 2x12 -w 1kg --date thursday\n"
        "  anklog log glute-bridge -w 1kg --sets 2 --reps 10 --note \"left hip tight\"\n"
        "\n"
        "Several activities are appended together, or none if one is wrong. Words are\n"
        "joined into one activity only when together they name one and are not all\n"
        "activities on their own: 'side leg lift' is side-leg-lift, 'walk pilates' two.\n");
    return command;
}

int run_log(const Context& context, const LogFlags& flags) {
    std::vector<std::string> copied;
    const auto make = [&](const Log& log) {
        copied.clear();
        return sessions_from(flags, log, context.today, &copied);
    };
    const Appended appended = flags.dry_run ? append_sessions_dry_run(context, make) : append_sessions(context, "log", make);
    if (!context.quiet) {
        for (const std::string& line : copied) fmt::print("{}\n", terminal_safe(line));
    }
    print_appended(appended, context, flags.dry_run);
    // The typo guard: a weight the person's equipment cannot make is taken,
    // with the settings that exist.
    for (const std::size_t index : appended.indices) {
        const Session& session = appended.log.sessions[index];
        if (!session.weight) continue;
        const std::string note = unmade_weight_note(appended.log.profile, session.on, *session.weight);
        if (!note.empty()) {
            fmt::print("\n{} {}: {}\n", paint("note:", Tone::cyan, context.color_stdout), terminal_safe(session.activity), note);
        }
    }
    return 0;
}

}  // namespace anklog::cli
