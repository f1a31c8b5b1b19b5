// anklog summary: training per week or month, a chart of weighted volume, a
// pain sparkline, and this week's load and plan in words.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <functional>

#include "anklog/error.hpp"
#include "anklog/thresholds.hpp"
#include "anklog/summary.hpp"
#include "render/chart.hpp"
#include "commands/commands.hpp"
#include "render/numbers.hpp"
#include "render/output.hpp"
#include "render/summary_text.hpp"
#include "render/table.hpp"
#include "render/terminal.hpp"
#include "anklog/assess.hpp"
#include "render/standing.hpp"

namespace anklog::cli {

namespace {

std::string_view period_word(Grouping grouping) { return grouping == Grouping::week ? "week" : "month"; }

// "2026-11-23" for a week, "2026-11" for a month.
std::string period_label(const PeriodTotals& p, Grouping grouping) {
    const std::string date = to_string(p.start);
    return grouping == Grouping::week ? date : date.substr(0, 7);
}

std::string optional_number(const std::optional<int>& value) { return value ? std::to_string(*value) : "-"; }

// A column of the table: its header, and its cell for a period.
struct SummaryColumn {
    Column column;
    std::function<Cell(const PeriodTotals&)> cell;
    int drop_order = 0;  // 0: kept; else dropped first (1) to last, to fit the width
};

std::vector<SummaryColumn> summary_columns(const Summary& summary, const Log& log) {
    const auto any = [&](const auto& has) { return std::any_of(summary.periods.begin(), summary.periods.end(), has); };
    std::vector<SummaryColumn> columns;
    const Grouping grouping = summary.grouping;
    columns.push_back({{grouping == Grouping::week ? "week of" : "month"},
                       [grouping](const PeriodTotals& p) { return Cell(period_label(p, grouping)); }});
    columns.push_back({{"days", true}, [](const PeriodTotals& p) { return Cell(std::to_string(p.weighted_days)); }});
    for (const Kind family : families) {
        const std::size_t i = index_of(family);
        const bool shown = any([i](const PeriodTotals& p) { return p.weighted_volume[i] > 0; }) ||
                           (family == summary.main_family);
        if (!shown) continue;
        columns.push_back({{std::string(to_string(family)), true},
                           [i](const PeriodTotals& p) { return Cell(std::to_string(p.weighted_volume[i])); }});
    }
    if (any([](const PeriodTotals& p) { return p.heaviest.has_value(); })) {
        const Unit unit = log.profile.units;
        columns.push_back({{"heaviest", true},
                           [unit](const PeriodTotals& p) {
                               return Cell(p.heaviest ? format_mass(*p.heaviest, unit) : std::string("-"));
                           },
                           2});
    }
    if (any([](const PeriodTotals& p) { return p.srpe_load.has_value(); })) {
        columns.push_back({{"load", true}, [](const PeriodTotals& p) { return Cell(optional_number(p.srpe_load)); }, 1});
    }
    columns.push_back({{"pain", true}, [limits = thresholds_of(log)](const PeriodTotals& p) {
                           // "4c": the week's highest reading was a pain check (anklog pain).
                           const std::optional<int> pain = p.highest_pain;
                           return pain ? pain_cell(*pain, std::to_string(*pain) + (p.highest_pain_check ? "c" : ""),
                                                   limits)
                                       : Cell("-");
                       }});
    columns.push_back({{"warn", true}, [](const PeriodTotals& p) {
                           return p.warnings ? Cell(std::to_string(p.warnings), Tone::yellow) : Cell("0");
                       }});
    columns.push_back({{"danger", true}, [](const PeriodTotals& p) {
                           return p.dangers ? Cell(std::to_string(p.dangers), Tone::red) : Cell("0");
                       }});
    if (any([](const PeriodTotals& p) { return p.plan.planned > 0; })) {
        columns.push_back({{"plan", true},
                           [](const PeriodTotals& p) {
                               return p.plan.planned ? Cell(fmt::format("{}/{}", p.plan.done, p.plan.planned)) : Cell("-");
                           },
                           3});
    }
    return columns;
}

// The table, without the columns that do not fit `width` (load first, then
// heaviest, then plan); the names of those left out.
struct SummaryTable {
    std::string text;
    std::vector<std::string> shown;     // the headers of the columns shown
    std::vector<std::string> left_out;  // and of those left out
};

SummaryTable summary_table(const Summary& summary, const Log& log, std::size_t width, bool color) {
    std::vector<SummaryColumn> columns = summary_columns(summary, log);
    std::vector<std::string> left_out;
    for (;;) {
        std::vector<Column> heads;
        heads.reserve(columns.size());
        for (const SummaryColumn& c : columns) heads.push_back(c.column);
        std::vector<std::vector<Cell>> rows;
        rows.reserve(summary.periods.size());
        for (const PeriodTotals& p : summary.periods) {
            std::vector<Cell> row;
            row.reserve(columns.size());
            for (const SummaryColumn& c : columns) row.push_back(c.cell(p));
            rows.push_back(std::move(row));
        }
        const auto droppable = std::min_element(columns.begin(), columns.end(), [](const auto& a, const auto& b) {
            return (a.drop_order == 0 ? 100 : a.drop_order) < (b.drop_order == 0 ? 100 : b.drop_order);
        });
        if (table_width(heads, rows) < width || droppable->drop_order == 0) {
            std::vector<std::string> shown;
            shown.reserve(heads.size());
            for (const Column& head : heads) shown.push_back(head.header);
            return {render_table(heads, rows, color), shown, left_out};
        }
        left_out.push_back(droppable->column.header);
        columns.erase(droppable);
    }
}

std::string volume_heading(Kind family, Grouping grouping) {
    const std::string_view per = period_word(grouping);
    switch (family) {
        case Kind::gait: return fmt::format("Weighted gait minutes (walks and the like) per {}", per);
        case Kind::mobility: return fmt::format("Weighted mobility minutes (Pilates, barre, yoga) per {}", per);
        case Kind::strength: return fmt::format("Weighted strength reps (sets x reps) per {}", per);
    }
    return {};
}

void print_text(const Summary& summary, const Log& log, const std::string& shown, const SummaryFlags& flags,
                const Context& context) {
    const bool color = context.color_stdout;
    const std::size_t width = terminal_width();
    const std::string who = log.profile.name.empty()
                                ? terminal_safe(shown)
                                : fmt::format("{} ({})", terminal_safe(log.profile.name), terminal_safe(shown));
    fmt::print("{}\n\n", paint(wrap_for_terminal(fmt::format("{} summary of {}, {} to {}",
                                                             summary.grouping == Grouping::week ? "Weekly" : "Monthly",
                                                             who, to_string(summary.since), to_string(summary.until))),
                               Tone::bold, color));
    if (!summary.first_session) {
        fmt::print("Not enough data: the log has no sessions yet.\n");
        return;
    }
    // The headline is the assessment: adherence never reads as good news over danger.
    const Assessment standing = assess(log, summary.until);
    if (!standing.attention.empty()) fmt::print("{}\n\n", fit_to_terminal(standing_text(standing, color)));
    const SummaryTable table = summary_table(summary, log, width, color);
    std::string legend = column_legend(table.shown, table.left_out, width);
    const bool checks = std::any_of(summary.periods.begin(), summary.periods.end(),
                                    [](const PeriodTotals& p) { return p.highest_pain_check; });
    if (const std::size_t at = legend.find("pain: the highest"); checks && at != std::string::npos) {
        legend.insert(at + std::string_view("pain: the highest").size(), " (c: a pain check)");
    }
    fmt::print("{}{}\n", table.text, paint(wrap_for_terminal(legend), Tone::dim, color));
    if (!summary.enough_data) {
        const int days = days_between(*summary.first_session, *summary.last_session) + 1;
        const std::string span = days == 1 ? to_string(*summary.first_session)
                                           : fmt::format("from {} to {}", to_string(*summary.first_session),
                                                         to_string(*summary.last_session));
        fmt::print("\n{}\n", wrap_for_terminal(fmt::format("Not enough data for trends yet: the log spans {} ({}); "
                                                           "the chart and the load ratio need at least two weeks.",
                                                           days_text(days), span)));
        return;
    }
    std::vector<Bar> bars;
    std::vector<std::optional<int>> pain;
    const std::size_t family = index_of(summary.main_family);
    for (const PeriodTotals& p : summary.periods) {
        bars.push_back({period_label(p, summary.grouping), static_cast<double>(p.weighted_volume[family]),
                        std::to_string(p.weighted_volume[family])});
        pain.push_back(p.highest_pain);
    }
    fmt::print("\n{}\n{}", paint(wrap_for_terminal(volume_heading(summary.main_family, summary.grouping)), Tone::bold, color),
               bar_chart(bars, width, flags.ascii, color));
    // The sparkline fits the width: the latest periods when there are more.
    const std::size_t shown_periods = std::min(pain.size(), width - 1);
    const std::vector<std::optional<int>> recent(pain.end() - static_cast<std::ptrdiff_t>(shown_periods), pain.end());
    const PeriodTotals& oldest = summary.periods[summary.periods.size() - shown_periods];
    fmt::print("\n{}\n{}\n",
               paint(wrap_for_terminal(fmt::format("Highest pain per {}, 0-10 ({} none logged), {} to {}",
                                                   period_word(summary.grouping), flags.ascii ? "-" : "\u00b7",
                                                   period_label(oldest, summary.grouping),
                                                   period_label(summary.periods.back(), summary.grouping))),
                     Tone::bold, color),
               sparkline(recent, 10, thresholds_of(log).persistent_pain.pain, thresholds_of(log).pain.danger,
                         flags.ascii, color));
    fmt::print("\n{}\n", wrap_for_terminal(load_words(summary)));
    if (const std::string plan = plan_words(summary, standing.severity); !plan.empty()) {
        fmt::print("{}\n", wrap_for_terminal(plan));
    }
}

nlohmann::ordered_json period_json(const PeriodTotals& p, Unit unit) {
    return {{"start", to_string(p.start)},
            {"end", to_string(p.end)},
            {"from", to_string(p.from)},
            {"to", to_string(p.to)},
            {"sessions", p.sessions},
            {"weighted_days", p.weighted_days},
            {"gait_minutes", p.weighted_volume[index_of(Kind::gait)]},
            {"mobility_minutes", p.weighted_volume[index_of(Kind::mobility)]},
            {"strength_reps", p.weighted_volume[index_of(Kind::strength)]},
            {"heaviest", p.heaviest ? nlohmann::ordered_json(format_mass(*p.heaviest, unit)) : nullptr},
            {"heaviest_kg", p.heaviest ? nlohmann::ordered_json(mass_number(*p.heaviest, Unit::kg)) : nullptr},
            {"heaviest_lb", p.heaviest ? nlohmann::ordered_json(mass_number(*p.heaviest, Unit::lb)) : nullptr},
            {"srpe_load", json_or_null(p.srpe_load)},
            {"highest_pain", json_or_null(p.highest_pain)},
            {"highest_pain_check", p.highest_pain_check},
            {"warnings", p.warnings},
            {"dangers", p.dangers},
            {"planned", p.plan.planned},
            {"done", p.plan.done},
            {"planned_gait_minutes", p.planned_volume[index_of(Kind::gait)]},
            {"planned_mobility_minutes", p.planned_volume[index_of(Kind::mobility)]},
            {"planned_strength_reps", p.planned_volume[index_of(Kind::strength)]}};
}

void print_json(const Summary& summary, const Log& log, const std::string& shown) {
    nlohmann::ordered_json periods = nlohmann::ordered_json::array();
    for (const PeriodTotals& p : summary.periods) periods.push_back(period_json(p, log.profile.units));
    nlohmann::ordered_json load = nlohmann::ordered_json::array();
    for (const LoadRatio& r : summary.load) {
        load.push_back({{"family", to_string(r.family)},
                        {"date", to_string(r.date)},
                        {"acute", r.acute},
                        {"chronic_per_acute", r.chronic_per_acute},
                        {"ratio", *r.ratio},
                        {"zone", to_string(load_zone(*r.ratio, summary.spike_above))},
                        {"history_days", r.history_days},
                        {"settled", r.settled()}});
    }
    nlohmann::ordered_json this_week = nullptr;
    if (summary.current_week) {
        const PeriodTotals& week = *summary.current_week;
        nlohmann::ordered_json missed = nlohmann::ordered_json::array();
        for (const Session* s : week.plan.missed) {
            if (s->date < summary.until) missed.push_back({{"date", to_string(s->date)}, {"activity", s->activity}});
        }
        this_week = {{"week_of", to_string(week.start)},
                     {"planned", week.plan.planned},
                     {"done", week.plan.done},
                     {"missed", missed},
                     {"on_track", missed.empty()},
                     {"rest_week", false}};
    } else if (summary.rest_week) {
        this_week = {{"week_of", to_string(week_start(summary.until))},
                     {"planned", 0},
                     {"done", 0},
                     {"missed", nlohmann::ordered_json::array()},
                     {"on_track", true},
                     {"rest_week", true}};
    }
    const auto optional_date = [](const std::optional<Date>& d) {
        return d ? nlohmann::ordered_json(to_string(*d)) : nlohmann::ordered_json(nullptr);
    };
    fmt::print("{}", json_text({{"file", shown},
                                {"name", log.profile.name.empty() ? nlohmann::ordered_json(nullptr)
                                                                  : nlohmann::ordered_json(log.profile.name)},
                                {"units", to_string(log.profile.units)},
                                {"grouping", period_word(summary.grouping)},
                                {"since", to_string(summary.since)},
                                {"until", to_string(summary.until)},
                                {"first_session", optional_date(summary.first_session)},
                                {"last_session", optional_date(summary.last_session)},
                                {"enough_data", summary.enough_data},
                                {"main_family", to_string(summary.main_family)},
                                {"periods", periods},
                                {"load", load},
                                {"spike_above", summary.spike_above},
                                {"this_week", this_week}}));
}

void print_csv(const Summary& summary, Unit unit) {
    fmt::print("start,end,from,to,sessions,weighted_days,gait_minutes,mobility_minutes,strength_reps,heaviest,"
               "heaviest_kg,heaviest_lb,srpe_load,highest_pain,warnings,dangers,planned,done,planned_gait_minutes,"
               "planned_mobility_minutes,planned_strength_reps\r\n");
    const auto field = [](const std::optional<int>& value) { return value ? std::to_string(*value) : ""; };
    for (const PeriodTotals& p : summary.periods) {
        fmt::print("{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}\r\n", to_string(p.start), to_string(p.end),
                   to_string(p.from), to_string(p.to), p.sessions, p.weighted_days,
                   p.weighted_volume[index_of(Kind::gait)], p.weighted_volume[index_of(Kind::mobility)],
                   p.weighted_volume[index_of(Kind::strength)], p.heaviest ? format_mass(*p.heaviest, unit) : "",
                   p.heaviest ? decimal_text(mass_number(*p.heaviest, Unit::kg)) : "",
                   p.heaviest ? decimal_text(mass_number(*p.heaviest, Unit::lb)) : "", field(p.srpe_load), field(p.highest_pain),
                   p.warnings, p.dangers, p.plan.planned, p.plan.done, p.planned_volume[index_of(Kind::gait)],
                   p.planned_volume[index_of(Kind::mobility)], p.planned_volume[index_of(Kind::strength)]);
    }
}

}  // namespace

CLI::App* setup_summary(CLI::App& app, SummaryFlags& flags) {
    CLI::App* command = app.add_subcommand("summary", "Training per week or month, with a chart: are you progressing?");
    CLI::Option* weekly = command->add_flag("--weekly", flags.weekly, "One row per calendar week, Monday to Sunday (the default)");
    CLI::Option* monthly = command->add_flag("--monthly", flags.monthly, "One row per calendar month");
    weekly->excludes(monthly);
    command->add_option("--since", flags.since,
                        "From the week (month) of P: YYYY-MM-DD, today, yesterday, or back from today: 7d, 2w, 3m, 1y; "
                        "default: 12 weeks (months) back")
        ->option_text(period_value_name);
    command->add_option("--until", flags.until, "To P (same forms as --since); default today")
        ->option_text(period_value_name);
    command->add_flag("--ascii", flags.ascii, "Draw the chart with ASCII characters only");
    command->add_option("--format", flags.format, "Output format; default text")
        ->check(CLI::IsMember({"text", "json", "csv"}))
        ->option_text("text|json|csv");
    command->footer(
        "Examples:\n"
        "  anklog summary\n"
        "  anklog summary --monthly --since 1y\n"
        "  anklog summary --since 2026-09-01 --until 2026-11-29 --ascii\n"
        "  anklog summary --format csv > weeks.csv\n"
        "\n"
        "days: weighted days; gait, mobility: weighted minutes; strength: weighted reps\n"
        "(sets x reps); heaviest: weight per limb; load: effort x minutes (session RPE);\n"
        "pain: the highest; warn, danger: what 'anklog check' flags; plan: done/planned.\n");
    return command;
}

int run_summary(const Context& context, const SummaryFlags& flags) {
    const std::string shown = context.log_path.string();
    const Log log = read_log(context);
    SummaryOptions options;
    options.grouping = flags.monthly ? Grouping::month : Grouping::week;
    options.period = parse_period_flags(flags.since, flags.until, context.today);
    options.today = context.today;
    const Summary summary = summarize(log, options);
    if (flags.format == "json") {
        print_json(summary, log, shown);
    } else if (flags.format == "csv") {
        print_csv(summary, log.profile.units);
    } else {
        print_text(summary, log, shown, flags, context);
    }
    return 0;
}

}  // namespace anklog::cli
