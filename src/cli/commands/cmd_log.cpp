// anklog log: append the sessions done, one per activity, in one write.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <optional>
#include <span>
#include <type_traits>

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
    if (flags.side) {
        load.side = side_names.parse(*flags.side);
        if (!load.side) {
            throw flag_error("--side", fmt::format("\"{}\" is not {}", *flags.side, one_of(side_names.names())),
                             "write --side left or --side right, or leave it out for both sides");
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
        session.side = again->side;
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

// The same activity, placement, weight and dose on the same day.
bool same_session(const Session& a, const Session& b) {
    if (a.date != b.date || a.activity != b.activity || a.side != b.side) return false;
    const bool same_weight =
        a.weighted() == b.weighted() && (!a.weighted() || (compare(*a.weight, *b.weight) == 0 && a.on == b.on));
    return same_weight && a.minutes == b.minutes && a.sets == b.sets && a.reps == b.reps;
}

// The same session twice on one day (same activity, placement, weight and
// dose) is almost always a slip: refused unless --duplicate says otherwise.
void refuse_duplicate(const Log& log, const Session& session, const Activity& activity) {
    for (const Session& s : log.sessions) {
        if (!same_session(s, session)) continue;
        throw Error(fmt::format("{} {} on {} is already in the log (line {})", activity.name,
                                describe_load(session, activity.kind), to_string(session.date), s.line),
                    "to log a second one that day, add --duplicate; to change the one logged, run anklog edit");
    }
}

// Two parts of one line that give the same session (activity, placement,
// weight, dose, day): a slip as well, unless --duplicate.
void refuse_twice_in_line(std::span<const Session> earlier, const Session& session, const Activity& activity) {
    for (const Session& s : earlier) {
        if (!same_session(s, session)) continue;
        throw Error(fmt::format("{} {} on {} is in an earlier part of the line too", activity.name,
                                describe_load(session, activity.kind), to_string(session.date)),
                    "to log both, add --duplicate to this part; else leave one out");
    }
}

// The sessions one part of the line describes (its flags: the shared ones
// with its own over them), each validated before any is written. `earlier`:
// those of the parts before it.
std::vector<Session> sessions_from(const LogFlags& flags, const Log& log, Date today, std::span<const Session> earlier,
                                   std::vector<std::string>* copied) {
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
        if (!flags.duplicate) {
            refuse_duplicate(log, sessions.back(), *activity);
            refuse_twice_in_line(earlier, sessions.back(), *activity);
        }
    }
    return sessions;
}

// ---- A line of several parts: anklog log walk --on wrist -m 20 + calf-raise ...

// The flags a part of the line takes on its own, one line each; the others
// (--dry-run) are for the whole line and go before the first "+".
template <typename T>
void assign(T& field, const std::string& value) {
    if constexpr (std::is_same_v<T, std::optional<int>>) {
        int number = 0;
        (void)CLI::detail::lexical_cast(value, number);  // the option's transform left a decimal integer
        field = number;
    } else if constexpr (std::is_same_v<T, bool>) {
        bool on = true;
        (void)CLI::detail::lexical_cast(value, on);
        field = on;
    } else {
        field = value;
    }
}

template <auto member>
void set_flag(LogFlags& flags, const std::string& value) {
    assign(flags.*member, value);
}

struct PartFlag {
    std::string_view name;  // the option's name as CLI11 gives it: its first long name
    void (*set)(LogFlags&, const std::string&);
};

constexpr std::array part_flags{
    PartFlag{"--again", set_flag<&LogFlags::again>},     PartFlag{"--date", set_flag<&LogFlags::date>},
    PartFlag{"--weight", set_flag<&LogFlags::weight>},   PartFlag{"--on", set_flag<&LogFlags::on>},
    PartFlag{"--minutes", set_flag<&LogFlags::minutes>}, PartFlag{"--sets", set_flag<&LogFlags::sets>},
    PartFlag{"--reps", set_flag<&LogFlags::reps>},       PartFlag{"--effort", set_flag<&LogFlags::effort>},
    PartFlag{"--pain", set_flag<&LogFlags::pain>},       PartFlag{"--note", set_flag<&LogFlags::note>},
    PartFlag{"--duplicate", set_flag<&LogFlags::duplicate>}, PartFlag{"--side", set_flag<&LogFlags::side>},
};

const PartFlag* part_flag(const CLI::Option& option) {
    const std::string name = option.get_name();
    const auto* found = std::find_if(part_flags.begin(), part_flags.end(), [&](const PartFlag& f) { return f.name == name; });
    return found == part_flags.end() ? nullptr : found;
}

// The flags given in one stretch of the line onto `flags`. `first`: the
// stretch is before the first "+", where the whole line's flags go.
void apply_given(std::span<const GivenFlag> given, bool first, LogFlags& flags) {
    for (auto it = given.begin(); it != given.end(); ++it) {
        const std::string name = it->option->get_name();
        const PartFlag* flag = part_flag(*it->option);
        if (!flag) {
            if (first) continue;  // CLI11 set it on the whole line
            throw Error(fmt::format("{} is for the whole line, not one part", name),
                        fmt::format("put {} before the first +", name));
        }
        const bool again = std::any_of(given.begin(), it, [&](const GivenFlag& g) { return g.option == it->option; });
        if (again && it->option->get_expected_max() > 0) {
            throw Error(fmt::format("{} was given more than once", name), fmt::format("{} takes one value: give it once", name));
        }
        flag->set(flags, it->value);
    }
}

struct Part {
    LogFlags flags;
    std::string where;  // "in part 2 (calf-raise): ", for its errors; empty when the line has one part
    std::string name;   // "part 2"
    std::optional<std::string> date;  // its own --date, as typed
};

// Whether `given` holds --date.
std::optional<std::string> date_given(std::span<const GivenFlag> given) {
    std::optional<std::string> date;
    for (const GivenFlag& flag : given) {
        if (flag.option->get_name() == "--date") date = flag.value;
    }
    return date;
}

// "anklog log walk -m 20 + calf-raise --sets 2 --reps 10": the advice a
// line whose parts are not all there gets.
constexpr std::string_view part_example = "e.g. anklog log walk -m 20 + calf-raise --sets 2 --reps 10";

// Runs `what`, giving an error it throws the place in the line it is about.
template <typename F>
auto located(const std::string& where, F&& what) {
    try {
        return what();
    } catch (const Error& e) {
        if (where.empty()) throw;
        throw Error(where + e.message(), e.advice(), e.where());
    }
}

struct Line {
    std::optional<LogFlags> shared;  // the flags before the first activity, when there are several parts
    std::optional<std::string> shared_date;  // --date before the first activity, as typed
    std::vector<Part> parts;
};

constexpr std::string_view before_first = "before the first activity: ";

// The parts of the line: each with the shared flags and its own over them.
Line parts_of(const LogFlags& line) {
    if (line.line.parts.empty()) return {std::nullopt, std::nullopt, {Part{line, {}, "part 1", std::nullopt}}};
    const std::vector<LinePart>& parts = line.line.parts;
    const bool several = parts.size() > 1;
    LogFlags shared;
    shared.dry_run = line.dry_run;
    located(several ? std::string(before_first) : "", [&] { apply_given(line.line.shared, true, shared); });
    Line result;
    if (several) result.shared = shared;
    result.shared_date = date_given(line.line.shared);
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const LinePart& part = parts[i];
        const std::size_t number = i + 1;
        if (part.words.empty()) {
            if (i == 0) throw Error("nothing before the first +", fmt::format("name an activity first, {}", part_example));
            if (part.flags.empty() && i + 1 == parts.size()) {
                throw Error("the line ends with +", fmt::format("name the next activity after the +, or leave the + out; {}",
                                                               part_example));
            }
            if (part.flags.empty()) {
                throw Error(fmt::format("part {} is empty: + follows +", number),
                            fmt::format("write one + between two activities, {}", part_example));
            }
            throw Error(fmt::format("part {} names no activity", number),
                        fmt::format("name its activity after the +, then its flags, {}", part_example));
        }
        std::string typed;
        for (const std::string& word : part.words) typed += (typed.empty() ? "" : " ") + word;
        Part made{shared, several ? fmt::format("in part {} ({}): ", number, typed) : std::string(),
                  fmt::format("part {}", number), date_given(part.flags)};
        made.flags.activities = part.words;
        located(made.where, [&] { apply_given(part.flags, i == 0, made.flags); });
        result.parts.push_back(std::move(made));
    }
    return result;
}

// A line is one day's sessions: its --date holds for every part, wherever it
// is written ("walk -m 20 --date 2026-11-02 + calf-raise ..." logs both on
// the 2nd). A second date of another day is refused where it is written.
Line one_date(Line line, Date today) {
    std::optional<Date> day;
    std::string typed;  // the date that set `day`, as typed
    std::string from;   // where it was written: "in part 1"
    const auto take = [&](const std::optional<std::string>& date, const std::string& where, const std::string& name) {
        if (!date) return;
        LogFlags flags;
        flags.date = *date;
        const Date d = located(where, [&] { return date_from(flags, today); });
        if (!day) {
            day = d;
            typed = *date;
            from = name;
        } else if (d != *day) {
            located(where, [&] {
                throw flag_error("--date", fmt::format("{} is another day than the line's date, {} (given {})",
                                                       date_as_typed(*date, d), to_string(*day), from),
                                 "a line logs one day: give --date once, anywhere in the line, and log another "
                                 "day's sessions with a line of their own");
            });
        }
    };
    take(line.shared_date, line.shared ? std::string(before_first) : std::string(), "before the first activity");
    for (const Part& part : line.parts) take(part.date, part.where, "in " + part.name);
    if (!day) return line;
    if (line.shared) line.shared->date = typed;
    for (Part& part : line.parts) part.flags.date = typed;
    return line;
}

// Every session the line describes, part by part, each validated before any
// is written.
std::vector<Session> sessions_from(const Line& line, const Log& log, Date today, std::vector<std::string>* copied) {
    if (line.shared) {  // a shared flag that is wrong is wrong before any part
        located(std::string(before_first), [&] {
            (void)date_from(*line.shared, today);
            (void)load_flags_from(*line.shared, log);
            check_note_flag(line.shared->note);
        });
    }
    std::vector<Session> sessions;
    for (const Part& part : line.parts) {
        std::vector<Session> made =
            located(part.where, [&] { return sessions_from(part.flags, log, today, sessions, copied); });
        sessions.insert(sessions.end(), made.begin(), made.end());
    }
    return sessions;
}

}  // namespace

CLI::App* setup_log(CLI::App& app, LogFlags& flags) {
    CLI::App* command = app.add_subcommand("log", "Append workouts you did to the log");
    CLI::Option* activities =
        command
            ->add_option("ACTIVITY", flags.activities,
                         "What you did: walk, side-leg-lift (or side leg lift), pilates, ...; several share the flags; "
                         "+ starts the next part, with flags of its own")
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
    command->add_option("--side", flags.side, "One side only; default both sides")->option_text("left|right");
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
        "  anklog log side-leg-lift --side left -w 0.5kg --sets 2 --reps 12\n"
        "  anklog log glute-bridge -w 1kg --sets 2 --reps 10 --note \"left hip tight\"\n"
        "  anklog log walk --on wrist -w 3lb -m 20 + calf-raise -w 1lb --sets 2 --reps 10\n"
        "\n"
        "Several activities are appended together, or none if one is wrong. Words are\n"
        "joined into one activity only when together they name one and are not all\n"
        "activities on their own: 'side leg lift' is side-leg-lift, 'walk pilates' two.\n"
        "A + starts another part of the line, with flags of its own; flags before\n"
        "the first activity are shared by every part, and a part's own win. --date\n"
        "is the whole line's wherever it is written (a line logs one day), and\n"
        "--dry-run is for the whole line: put it before the first +.\n");
    // A part's flag may be given again in the next part: the parts are told
    // apart once the line is read.
    for (const PartFlag& flag : part_flags) {
        command->get_option(std::string(flag.name))->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
    }
    command->callback([command, activities, &flags] { flags.line = split_line(*command, *activities); });
    return command;
}

int run_log(const Context& context, const LogFlags& flags) {
    const Line parts = one_date(parts_of(flags), context.today);
    std::vector<std::string> copied;
    const auto make = [&](const Log& log) {
        copied.clear();
        return sessions_from(parts, log, context.today, &copied);
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
