// anklog today: the day's plan, what is done, and what check would say about
// doing the rest as planned.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>

#include "anklog/assess.hpp"
#include "anklog/check.hpp"
#include "anklog/error.hpp"
#include "anklog/log_parser.hpp"
#include "commands/commands.hpp"
#include "day_plan.hpp"
#include "log_file.hpp"
#include "render/output.hpp"
#include "render/standing.hpp"
#include "render/terminal.hpp"
#include "shell/typed_flags.hpp"

namespace anklog::cli {

namespace {

// As plan shows it: the weight as planned or logged, a setting you own
// (a 1 kg wrist pair stays 1 kg in a log kept in pounds).
std::string weight_text(const Session& s) {
    return s.weighted() ? format_mass_exact(*s.weight) + (s.on == Limb::wrist ? " (wrists)" : "") : "-";
}

std::string dose_text(const Log& log, const Session& s) {
    const Activity* activity = log.catalogue.find(s.activity);
    return activity ? volume_text(s, activity->kind) : "-";
}

bool same_load(const Session& a, const Session& b) {
    const bool same_weight = a.weighted() == b.weighted() && (!a.weighted() || compare(*a.weight, *b.weight) == 0);
    return same_weight && (!a.weighted() || a.on == b.on) && a.side == b.side && a.minutes == b.minutes &&
           a.sets == b.sets && a.reps == b.reps;
}

// The load done in place of the planned one; its placement named when it
// is not the planned one ("2 lb on the ankles for 25 min" for a wrist walk).
std::string done_as(const PlannedStatus& status, Kind kind) {
    const Session& done = *status.done;
    std::string text = describe_load(done, kind);
    if (done.weighted() && done.on == Limb::ankle && status.planned->weighted() && status.planned->on != Limb::ankle) {
        const std::string weight = format_mass_exact(*done.weight);
        if (text.starts_with(weight)) text.insert(weight.size(), " on the ankles");
    }
    return text;
}

struct Line {
    const Session* session;
    std::string status;
    Tone tone;
};

void print_lines(const Log& log, const std::vector<Line>& lines, bool color) {
    std::size_t widths[3] = {0, 0, 0};
    for (const Line& line : lines) {
        widths[0] = std::max(widths[0], activity_text(*line.session).size());
        widths[1] = std::max(widths[1], weight_text(*line.session).size());
        widths[2] = std::max(widths[2], dose_text(log, *line.session).size());
    }
    for (const Line& line : lines) {
        fmt::print("  {:<{}}  {:<{}}  {:<{}}  {}\n", activity_text(*line.session), widths[0],
                   weight_text(*line.session), widths[1], dose_text(log, *line.session), widths[2],
                   paint(line.status, line.tone, color));
    }
}

// The findings check raises on the sessions `to_do`, done as planned: advice.
std::vector<std::pair<Finding, int>> findings_if_done(const Log& log, const std::vector<const Session*>& to_do) {
    Log with = log;
    const std::size_t first = with.sessions.size();
    for (const Session* planned : to_do) with.sessions.push_back(*planned);
    std::vector<std::pair<Finding, int>> out;
    for (const Finding& finding : check(with)) {
        if (finding.session >= first) out.emplace_back(finding, to_do[finding.session - first]->line);
    }
    return out;
}

// "Done on this day, walk raised in check:" and the findings check raised
// on the sessions logged that day; nothing when it raised none.
void print_done_findings(const Log& log, const DayPlan& day, const std::string& file, bool color) {
    std::vector<const Session*> done;
    for (const PlannedStatus& status : day.planned) {
        if (status.done) done.push_back(status.done);
    }
    done.insert(done.end(), day.unplanned.begin(), day.unplanned.end());
    std::sort(done.begin(), done.end(), [](const Session* a, const Session* b) { return a->line < b->line; });
    std::vector<const Finding*> findings;
    std::vector<const Session*> flagged;
    const std::vector<Finding> all = check(log);
    for (const Session* s : done) {
        bool has = false;
        for (const Finding& f : all) {
            if (&log.sessions[f.session] != s) continue;
            findings.push_back(&f);
            has = true;
        }
        if (has) flagged.push_back(s);
    }
    if (findings.empty()) return;
    fmt::print("\n{}\n", wrap_for_terminal(fmt::format("Done on this day, {} raised in check:",
                                                      terminal_safe(activities_text(flagged)))));
    for (const Finding* f : findings) {
        fmt::print("\n{}", fit_to_terminal(render_finding(*f, file, log.sessions[f->session].line, color)));
    }
}

// The prescriptions in force on the day: the dose the clinician set.
void print_prescribed(const Log& log, const std::string& file, Date date) {
    const std::vector<const Prescription*> in_force = prescriptions_in_force(log.prescriptions, date);
    if (in_force.empty()) return;
    fmt::print("\nPrescribed:\n");
    for (const Prescription* rx : in_force) {
        fmt::print("  {}  {} on {}, {} days a week  ({}:{})\n", terminal_safe(rx->activity),
                   anklog::dose_text(*rx, written_unit(*rx, log.profile.units)), placement_words(*rx), rx->days,
                   terminal_safe(file), rx->line);
    }
}

}  // namespace

CLI::App* setup_today(CLI::App& app, TodayFlags& flags) {
    CLI::App* command = app.add_subcommand("today", "Show the day's plan, what is done, and what check would say");
    command->add_option("--date", flags.date,
                        "The day: YYYY-MM-DD, today, tomorrow, thursday (the last one), next monday, 2d; default today")
        ->option_text("DATE");
    command->footer(
        "Examples:\n"
        "  anklog today\n"
        "  anklog today --date 2026-11-25\n"
        "\n"
        "The plan is the one saved for the week (see 'anklog help plan'); 'anklog done'\n"
        "logs it.\n");
    return command;
}

int run_today(const Context& context, const TodayFlags& flags) {
    const Date date = date_flag("--date", flags.date, context.today);
    const std::string file = context.log_path.string();
    const auto text = storage::read_file_if_exists(context.log_path);
    const Log log = text ? parse_log(*text, file) : Log{};
    const DayPlan day = day_plan(log, date);
    const bool color = context.color_stdout;

    const int done = static_cast<int>(day.planned.size() - day.to_do().size() + day.unplanned.size());
    fmt::print("{}\n", paint(fmt::format("{}{}, from {}: {} planned, {} done", day_text(date),
                                         date == context.today ? " (today)" : "", log_title(file, log.profile),
                                         day.planned.size(), done),
                             Tone::bold, color));
    // Where the person stands, before what is planned: resting until when
    // and why, coming back, a pain check due. Said when something needs
    // attention.
    const Assessment standing = assess(log, date);
    if (!standing.attention.empty()) {
        fmt::print("{}\n", fit_to_terminal(standing_text(standing, color)));
    } else if (const std::string back = coming_back_text(standing); !back.empty()) {
        fmt::print("{}\n", fit_to_terminal(back));
    }
    print_prescribed(log, file, date);
    std::vector<Line> lines;
    for (const PlannedStatus& status : day.planned) {
        if (!status.done) {
            lines.push_back({status.planned, "to do", Tone::yellow});
        } else if (same_load(*status.planned, *status.done)) {
            lines.push_back({status.planned, "done", Tone::green});
        } else {
            const Activity* activity = log.catalogue.find(status.done->activity);
            lines.push_back({status.planned,
                             fmt::format("done, as {}", activity ? done_as(status, activity->kind) : "logged"),
                             Tone::green});
        }
    }
    for (const Session* session : day.unplanned) lines.push_back({session, "done, not planned", Tone::green});
    if (!lines.empty()) {
        fmt::print("\n");
        print_lines(log, lines, color);
    }

    // What check raised on the sessions done that day, planned or not, as
    // it shows what doing the planned ones would raise.
    print_done_findings(log, day, file, color);

    const std::vector<const Session*> to_do = day.to_do();
    const std::string done_command = date == context.today ? "anklog done" : "anklog done --date " + to_string(date);
    if (day.planned.empty()) {
        // Only the next planned day: never one that has passed.
        const auto next = next_planned_day(log, date);
        const auto in_effect = planned_in_effect(log);
        const bool rest_day = std::any_of(in_effect.begin(), in_effect.end(),
                                          [&](const Session* p) { return week_start(p->date) == week_start(date); });
        const auto rest_weeks = saved_rest_weeks(log);
        const bool rest_week = std::any_of(rest_weeks.begin(), rest_weeks.end(),
                                           [&](const PlanSave& save) { return save.monday == week_start(date); });
        const std::string why = rest_week ? fmt::format(": this is a rest week (saved plan of the week of {})",
                                                        to_string(week_start(date)))
                                : rest_day ? ": a rest day"
                                           : "";
        std::string after;
        if (next) {
            after = fmt::format(" The next planned day is {}: anklog today --date {}", day_text(*next), to_string(*next));
        } else if (!rest_week && standing.severity != Severity::danger) {
            after = " 'anklog plan --save' plans and saves a week.";
        }
        fmt::print("\n{}\n", wrap_for_terminal(fmt::format("Nothing is planned for this day{}.{}", why, after)));
        return 0;
    }
    if (to_do.empty()) {
        fmt::print("\nEverything planned for this day is done.\n");
        return 0;
    }
    // A rest for pain outweighs a plan saved before it: no "raises no
    // finding" beside a rest.
    if (standing.pain.resting) {
        fmt::print("\n{}\n", wrap_for_terminal(fmt::format(
                                 "The plan for this day was saved before the rest: leave the weights off until {}.",
                                 to_string(*standing.pain.resting_until))));
        return 0;
    }
    const auto findings = findings_if_done(log, to_do);
    const std::string sessions = terminal_safe(activities_text(to_do));
    if (findings.empty()) {
        fmt::print("\n{}\n", wrap_for_terminal(fmt::format("Done as planned, {} raise{} no finding in check.", sessions,
                                                          to_do.size() == 1 ? "s" : "")));
    } else {
        // Name only the sessions that have findings.
        std::vector<const Session*> flagged;
        for (const Session* s : to_do) {
            const bool has = std::any_of(findings.begin(), findings.end(),
                                         [&](const auto& f) { return f.second == s->line && f.first.activity == s->activity; });
            if (has) flagged.push_back(s);
        }
        fmt::print("\n{}\n", wrap_for_terminal(fmt::format("Done as planned, {} would raise in check:",
                                                          terminal_safe(activities_text(flagged)))));
        for (const auto& [finding, line] : findings) fmt::print("\n{}", fit_to_terminal(render_finding(finding, file, line, color)));
    }
    fmt::print("\n{}\n", wrap_for_terminal(fmt::format("When done, log {}: {}  (-w, -m, --sets and --reps say what "
                                                      "differed)",
                                                      to_do.size() == 1 ? "it" : "them", done_command)));
    return 0;
}

}  // namespace anklog::cli
