// anklog plan: a safe, progressive next week.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "anklog/error.hpp"
#include "anklog/plan.hpp"
#include "anklog/toml_writer.hpp"
#include "commands.hpp"
#include "log_file.hpp"
#include "output.hpp"
#include "usage_errors.hpp"

namespace anklog::cli {

namespace {

constexpr std::array<std::string_view, 7> weekday_names{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

std::string_view weekday(Date monday, Date date) {
    return weekday_names[static_cast<std::size_t>(days_between(monday, date))];
}

std::string dose_text(const Log& log, const Session& s) {
    const Activity& activity = *log.catalogue.find(s.activity);
    return volume_text(s, activity.kind) + (s.weighted() && s.on == Limb::wrist ? " (wrists)" : "");
}

// The weight as the person sets it (as owned or logged), or "-" without weights.
std::string weight_text(const Session& s) { return s.weighted() ? format_mass_exact(*s.weight) : std::string("-"); }

// The reason as the person reads it: the prescription's, and what the rule
// engine made the planner change.
std::string reason_text(const Log& log, const PlannedSession& p) {
    if (!p.eased_for) return p.reason;
    const Activity& activity = *log.catalogue.find(p.session.activity);
    return fmt::format("{}; eased to {} so that {} does not flag it", p.reason, describe_load(p.session, activity.kind),
                       to_string(*p.eased_for));
}

void print_text(const Log& log, const Week& week, const std::string& shown, const Context& context) {
    const bool color = context.color_stdout;
    int weighted_days = 0;
    int rest_days = 0;
    for (int d = 0; d < 7; ++d) {
        const Date date = add_days(week.monday, d);
        const auto on_day = [&](const PlannedSession& p) { return p.session.date == date; };
        weighted_days += std::any_of(week.sessions.begin(), week.sessions.end(),
                                     [&](const PlannedSession& p) { return on_day(p) && p.session.weighted(); });
        rest_days += std::none_of(week.sessions.begin(), week.sessions.end(), on_day);
    }
    fmt::print("{}\n\n", paint(fmt::format("Week of {} to {}, from {}: {} weighted day{}, {} rest days",
                                           to_string(week.monday), to_string(add_days(week.monday, 6)), terminal_safe(shown),
                                           weighted_days, weighted_days == 1 ? "" : "s", rest_days),
                               Tone::bold, color));
    std::size_t activity_width = 8;
    std::size_t dose_width = 6;
    for (const PlannedSession& p : week.sessions) {
        activity_width = std::max(activity_width, terminal_safe(p.session.activity).size());
        dose_width = std::max(dose_width, dose_text(log, p.session).size());
    }
    for (int d = 0; d < 7; ++d) {
        const Date date = add_days(week.monday, d);
        bool first = true;
        for (const PlannedSession& p : week.sessions) {
            if (p.session.date != date) continue;
            const std::string day = first ? fmt::format("{} {}", weekday(week.monday, date), to_string(date)) : "";
            fmt::print("{:<14}  {:<{}}  {:<6}  {:<{}}  {:<9}  {}\n", day, terminal_safe(p.session.activity), activity_width,
                       weight_text(p.session), dose_text(log, p.session), dose_width,
                       paint(to_string(p.label), Tone::cyan, color), terminal_safe(reason_text(log, p)));
            first = false;
        }
        if (first) fmt::print("{} {}  {}\n", weekday(week.monday, date), to_string(date), paint("rest", Tone::dim, color));
    }
    for (const std::string& note : week.notes) fmt::print("\nnote: {}", terminal_safe(note));
    if (!week.notes.empty()) fmt::print("\n");
    if (week.sessions.empty()) fmt::print("\nA rest week: nothing is planned.\n");
}

void print_json(const Log& log, const Week& week, const std::string& shown) {
    nlohmann::ordered_json sessions = nlohmann::ordered_json::array();
    for (const PlannedSession& p : week.sessions) {
        const Session& s = p.session;
        sessions.push_back({{"date", to_string(s.date)},
                            {"activity", s.activity},
                            {"on", to_string(s.on)},
                            {"weight", s.weighted() ? nlohmann::ordered_json(format_mass_exact(*s.weight)) : nullptr},
                            {"minutes", json_or_null(s.minutes)},
                            {"sets", json_or_null(s.sets)},
                            {"reps", json_or_null(s.reps)},
                            {"label", to_string(p.label)},
                            {"reason", reason_text(log, p)}});
    }
    fmt::print("{}", json_text({{"file", shown},
                                {"week_of", to_string(week.monday)},
                                {"sessions", sessions},
                                {"notes", week.notes}}));
}

}  // namespace

CLI::App* setup_plan(CLI::App& app, PlanFlags& flags) {
    CLI::App* command = app.add_subcommand("plan", "Plan a safe, progressive next week from the log");
    command->add_option("--week-of", flags.week_of, "Any day of the week to plan; default next Monday")
        ->option_text("DATE");
    command->add_option("--days", flags.days, "Weighted days, 1-5 (at most 3 in the first 14 days); default 3")
        ->transform(whole_number(1, max_plan_days))
        ->option_text("N");
    command->add_option("--format", flags.format, "Output format; default text")
        ->check(CLI::IsMember({"text", "toml", "json"}))
        ->option_text("text|toml|json");
    command->footer(
        "Examples:\n"
        "  anklog plan\n"
        "  anklog plan --days 2 --week-of 2026-11-30\n"
        "  anklog plan --format toml > next-week.toml\n"
        "\n"
        "Each session raises one thing at most (volume first, then one weight step with\n"
        "the volume cut), repeats after pain or a hard session, and passes 'anklog check'.\n");
    return command;
}

int run_plan(const Context& context, const PlanFlags& flags) {
    const std::string shown = context.log_path.string();
    // A missing log is an error, as for every reading command: a misspelt -f
    // must not quietly plan a beginner's week.
    const Log log = read_log(context);
    Date week_of = add_days(week_start(context.today), 7);
    if (!flags.week_of.empty()) {
        const auto date = parse_date_argument(flags.week_of, context.today);
        if (!date) {
            throw Error(fmt::format("--week-of: \"{}\" is not a date", flags.week_of),
                        "write YYYY-MM-DD (any day of the week), today or yesterday");
        }
        week_of = *date;
    }
    Week week;
    try {
        week = plan(log, anklog::PlanOptions{week_of, flags.days});
    } catch (const Error& e) {
        if (flags.week_of.empty()) throw;
        throw Error("--week-of: " + e.message(), e.advice(), e.where());
    }
    if (flags.format == "toml") {
        for (const PlannedSession& p : week.sessions) fmt::print("\n{}", to_toml(p.session));
    } else if (flags.format == "json") {
        print_json(log, week, shown);
    } else {
        print_text(log, week, shown, context);
    }
    return 0;
}

}  // namespace anklog::cli
