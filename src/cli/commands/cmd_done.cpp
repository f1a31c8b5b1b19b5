// anklog done: log the day's planned sessions as done, in one write.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>

#include "anklog/error.hpp"
#include "anklog/limits.hpp"
#include "anklog/suggest.hpp"
#include "anklog/toml_writer.hpp"
#include "append_sessions.hpp"
#include "commands/commands.hpp"
#include "day_plan.hpp"
#include "shell/load_flags.hpp"
#include "render/output.hpp"
#include "shell/typed_flags.hpp"
#include "shell/usage_errors.hpp"

namespace anklog::cli {

namespace {

Date date_from(const DoneFlags& flags, Date today) {
    const Date date = date_flag("--date", flags.date, today);
    if (date > today) {
        throw flag_error("--date", fmt::format("{} is in the future", date_as_typed(flags.date, date)),
                         fmt::format("log sessions after doing them (today is {}); 'anklog today --date {}' shows "
                                     "what is planned",
                                     to_string(today), to_string(date)));
    }
    return date;
}

// The `anklog log` line for what was done instead of a plan: the
// activities and flags given, on that day.
std::string log_line(const DoneFlags& flags, Date date, Date today) {
    std::string line = "anklog log";
    if (flags.activities.empty()) line += " ACTIVITY";
    for (const std::string& activity : flags.activities) line += " " + activity;
    if (!flags.weight.empty()) line += " -w " + flags.weight;
    if (flags.minutes) line += fmt::format(" -m {}", *flags.minutes);
    if (flags.sets) line += " --sets " + *flags.sets;
    if (flags.reps) line += fmt::format(" --reps {}", *flags.reps);
    if (!flags.minutes && !flags.sets && !flags.reps) line += " ...";
    if (flags.effort) line += fmt::format(" --effort {}", *flags.effort);
    if (flags.pain) line += fmt::format(" --pain {}", *flags.pain);
    if (date != today) line += " --date " + to_string(date);
    return line;
}

struct Chosen {
    std::vector<const Session*> planned;  // to log as done
    std::vector<PlannedStatus> skipped;   // named, or planned, but done already
};

Chosen choose(const DoneFlags& flags, const Log& log, Date date, Date today) {
    const DayPlan day = day_plan(log, date);
    if (day.planned.empty()) {
        const auto next = nearest_planned_day(log, date);
        throw Error(fmt::format("nothing is planned on {}", day_text(date)),
                    fmt::format("{}; to log a session that was not planned: {}",
                                next ? fmt::format("the nearest planned day is {} (anklog today --date {})",
                                                   day_text(*next), to_string(*next))
                                     : std::string("no plan saved has anything left to do ('anklog plan --save' "
                                                   "plans a week)"),
                                log_line(flags, date, today)));
    }
    Chosen chosen;
    if (flags.activities.empty()) {
        for (const PlannedStatus& status : day.planned) {
            if (status.done) {
                chosen.skipped.push_back(status);
            } else {
                chosen.planned.push_back(status.planned);
            }
        }
    } else {
        for (const Activity* activity :
             activities_named(log.catalogue, flags.activities, "see 'man anklog' for the built-in activities")) {
            bool found = false;
            for (const PlannedStatus& status : day.planned) {
                if (status.planned->activity != activity->name) continue;
                found = true;
                const bool listed =
                    std::find(chosen.planned.begin(), chosen.planned.end(), status.planned) != chosen.planned.end() ||
                    std::any_of(chosen.skipped.begin(), chosen.skipped.end(),
                                [&](const PlannedStatus& s) { return s.planned == status.planned; });
                if (listed) continue;  // the activity was named twice
                if (status.done) {
                    chosen.skipped.push_back(status);
                } else {
                    chosen.planned.push_back(status.planned);
                }
            }
            if (!found) {
                std::vector<const Session*> planned;
                for (const PlannedStatus& status : day.planned) planned.push_back(status.planned);
                throw Error(fmt::format("{} is not planned on {} (planned: {})", activity->name, day_text(date),
                                        activities_text(planned)),
                            fmt::format("to log a session that was not planned: {}", log_line(flags, date, today)));
            }
        }
    }
    if (chosen.planned.empty()) {
        std::vector<const Session*> done;
        for (const PlannedStatus& status : chosen.skipped) done.push_back(status.planned);
        throw Error(fmt::format("{} planned on {} {} already done", activities_text(done), day_text(date),
                                done.size() == 1 ? "is" : "are"),
                    "to log more, use 'anklog log'; 'anklog today' shows the day");
    }
    return chosen;
}

std::vector<Session> sessions_from(const DoneFlags& flags, const Log& log, const Chosen& chosen, Date date) {
    LoadFlags load;
    load.weight = weight_flag(flags.weight, log.profile.units);
    load.minutes = flags.minutes;
    sets_and_reps(flags.sets, flags.reps, load);
    std::vector<const Activity*> activities;
    for (const Session* planned : chosen.planned) activities.push_back(log.catalogue.find(planned->activity));
    const bool mixed = mixes_kinds(activities);
    check_note_flag(flags.note);
    std::vector<Session> sessions;
    for (std::size_t i = 0; i < chosen.planned.size(); ++i) {
        Session session = *chosen.planned[i];
        session.date = date;
        session.line = 0;
        apply(load, session, activities[i]->kind, mixed);
        session.effort = flags.effort;
        session.pain = flags.pain;
        session.note = flags.note;
        if (auto problem = validate(session, *activities[i])) {
            throw flag_error("--" + problem->field, problem->message, problem->advice);
        }
        sessions.push_back(std::move(session));
    }
    return sessions;
}

}  // namespace

CLI::App* setup_done(CLI::App& app, DoneFlags& flags) {
    CLI::App* command = app.add_subcommand("done", "Log the day's planned sessions as done");
    command->add_option("ACTIVITY", flags.activities, "Only these of the day's planned sessions; default all of them")
        ->type_name("");
    command->add_option("--date", flags.date,
                        "The day: YYYY-MM-DD, today, yesterday, thursday (the last one), last monday, 2d; default today")
        ->option_text("DATE");
    command->add_option("--effort", flags.effort, "How hard it felt, 0 (rest) to 10 (maximal), for each")
        ->transform(whole_number(limits::min_score, limits::max_score))
        ->option_text("0-10");
    command->add_option("--pain", flags.pain, "Pain during or after, 0 (none) to 10 (worst), for each")
        ->transform(whole_number(limits::min_score, limits::max_score))
        ->option_text("0-10");
    command->add_option("--note", flags.note, "Anything worth remembering, for each")->option_text("TEXT");
    command->add_option("-w,--weight", flags.weight, "The weight you really used, if not the planned one")
        ->option_text("MASS");
    command->add_option("-m,--minutes", flags.minutes, "The minutes you really did, if not the planned ones")
        ->transform(minutes_value(limits::min_minutes, limits::max_minutes))
        ->option_text("N");
    command->add_option("--sets", flags.sets, "The sets (or sets x reps: 2x12) you really did, if not the planned ones")
        ->transform(sets_value())
        ->option_text("N");
    command->add_option("--reps", flags.reps, "The reps per set you really did, if not the planned ones")
        ->transform(whole_number(limits::min_reps, limits::max_reps))
        ->option_text("N");
    command->footer(
        "Examples:\n"
        "  anklog done --effort 4 --pain 0          all of today's planned sessions\n"
        "  anklog done walk --effort 3 -m 15        only the walk, 15 minutes instead of the plan's\n"
        "  anklog done --date yesterday --pain 2\n"
        "\n"
        "All of them are appended in one write. 'anklog today' shows the day's plan.\n");
    return command;
}

int run_done(const Context& context, const DoneFlags& flags) {
    const Date date = date_from(flags, context.today);
    // What was skipped, copied out of the log read under the lock, which is gone once written.
    std::vector<std::pair<std::string, int>> skipped;
    const Appended appended = append_sessions(context, "done", [&](const Log& log) {
        const Chosen chosen = choose(flags, log, date, context.today);
        skipped.clear();
        for (const PlannedStatus& status : chosen.skipped) skipped.emplace_back(status.planned->activity, status.done->line);
        return sessions_from(flags, log, chosen, date);
    });
    if (!context.quiet) {
        for (const auto& [activity, line] : skipped) {
            fmt::print("already done: {} ({}:{})\n", terminal_safe(activity), terminal_safe(context.log_path.string()),
                       line);
        }
    }
    print_appended(appended, context);
    return 0;
}

}  // namespace anklog::cli
