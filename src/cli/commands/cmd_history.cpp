// anklog history: what has been logged, as a table, JSON or CSV.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "anklog/adherence.hpp"
#include "anklog/error.hpp"
#include "anklog/log.hpp"
#include "anklog/suggest.hpp"
#include "commands/commands.hpp"
#include "render/numbers.hpp"
#include "render/output.hpp"
#include "render/terminal.hpp"
#include "shell/usage_errors.hpp"
#include "render/wrap.hpp"

namespace anklog::cli {

namespace {

// --last: any count a log can hold.
constexpr int max_last_sessions = 100'000'000;

struct Row {
    const Session* session;
    Kind kind;
    // With --planned: "done" (a session that did a planned one), "to do" or
    // "not done" (a planned session), "-" (a session not planned).
    std::string plan = "-";
    [[nodiscard]] bool is_planned() const { return plan == "to do" || plan == "not done"; }
};

// The canonical names of the --activity flags; empty means every activity.
std::vector<std::string> activity_names(const Log& log, const std::vector<std::string>& asked) {
    std::vector<std::string> names;
    for (const std::string& name : asked) {
        const Activity* activity = log.catalogue.find(name);
        if (!activity) {
            throw Error(fmt::format("--activity: unknown activity \"{}\"", name),
                        did_you_mean(normalize_activity_name(name), log.catalogue.names(),
                                     "see 'man anklog' for the activities anklog knows"));
        }
        names.push_back(activity->name);
    }
    return names;
}

std::vector<Row> select(const Log& log, const HistoryFlags& flags, Date today) {
    const Period period = parse_period_flags(flags.since, flags.until, today);
    const std::vector<std::string> only = activity_names(log, flags.activities);
    std::vector<Row> rows;
    for (const Session* session : in_date_order(log)) {
        if (!period.contains(session->date)) continue;
        if (!only.empty() && std::find(only.begin(), only.end(), session->activity) == only.end()) continue;
        rows.push_back({session, log.catalogue.find(session->activity)->kind});
    }
    if (flags.last && rows.size() > static_cast<std::size_t>(*flags.last)) {
        rows.erase(rows.begin(), rows.end() - *flags.last);
    }
    return rows;
}

std::string optional_text(const std::optional<int>& value) { return value ? std::to_string(*value) : "-"; }

// Whether the log names a side anywhere: then CSV has a side column and
// JSON a side field (empty/null for both sides); a log without sides keeps
// its columns and fields as before sides existed.
bool names_sides(const Log& log) {
    const auto sided = [](const Session& s) { return s.side != Side::both; };
    return std::any_of(log.sessions.begin(), log.sessions.end(), sided) ||
           std::any_of(log.planned.begin(), log.planned.end(), sided);
}

nlohmann::ordered_json side_json(const Session& s) {
    return s.side == Side::both ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(to_string(s.side));
}

void print_text(const Log& log, const std::vector<Row>& rows, const std::vector<WeekAdherence>& weeks,
                bool planned, const Context& context) {
    const auto print_weeks = [&weeks] {
        for (const WeekAdherence& week : weeks) {
            const int unplanned = week.sessions - week.planned_done();
            const std::string not_planned =
                unplanned > 0 ? fmt::format("; {} session{} not planned", unplanned, unplanned == 1 ? "" : "s") : "";
            if (week.rest_week) {
                fmt::print("week of {}: a rest week (saved plan){}\n", to_string(week.monday), not_planned);
            } else {
                fmt::print("week of {}: {} of {} planned session{} done{}\n", to_string(week.monday),
                           week.planned_done(), week.planned_count(), week.planned_count() == 1 ? "" : "s",
                           not_planned);
            }
        }
    };
    if (rows.empty()) {
        fmt::print("no sessions\n");
        if (!weeks.empty()) fmt::print("\n");
        print_weeks();
        return;
    }
    using Cells = std::vector<std::string>;
    Cells header{"date", "activity", "on", "weight", "volume", "effort", "pain", "load", "note"};
    if (planned) header.insert(header.end() - 1, "plan");
    const std::size_t columns = header.size();
    // A log holds a few distinct weights: each is formatted once.
    std::map<std::pair<double, Unit>, std::string> weights;
    const auto weight_text = [&](const Mass& mass) -> const std::string& {
        auto [it, added] = weights.try_emplace({mass.amount, mass.unit});
        if (added) it->second = format_mass(mass, log.profile.units);
        return it->second;
    };
    std::vector<Cells> table;
    table.reserve(rows.size());
    for (const Row& row : rows) {
        const Session& s = *row.session;
        const auto load = srpe_load(s);
        table.push_back({to_string(s.date), activity_text(s), s.weighted() ? std::string(to_string(s.on)) : "-",
                         s.weighted() ? weight_text(*s.weight) : "-", volume_text(s, row.kind),
                         optional_text(s.effort), optional_text(s.pain), load ? std::to_string(*load) : "-",
                         terminal_safe(s.note)});
        if (planned) table.back().insert(table.back().end() - 1, row.plan);
    }
    const auto ascii = [](const std::string& cell) {
        return std::all_of(cell.begin(), cell.end(), [](char ch) { return (ch & 0x80) == 0; });
    };
    const auto width_of = [&](const std::string& cell) { return ascii(cell) ? cell.size() : display_width(cell); };
    std::vector<std::size_t> widths(columns);
    for (std::size_t c = 0; c < columns; ++c) {
        widths[c] = header[c].size();
        for (const auto& line : table) widths[c] = std::max(widths[c], width_of(line[c]));
    }
    // Lines are gathered and written some 64 KB at a time: one write per line
    // was most of the time of a long history.
    std::string out;
    std::string line;
    // On a terminal a long note continues under the note column (or, when
    // the table leaves it no room, indented): never broken mid-word.
    const std::optional<std::size_t> wrap_width = text_wrap_width();
    std::size_t note_column = 0;
    for (std::size_t c = 0; c + 1 < columns; ++c) note_column += widths[c] + 2;
    constexpr std::size_t least_note_width = 20;
    const std::size_t note_hang = wrap_width && note_column + least_note_width < *wrap_width ? note_column : 4;
    const auto add_line = [&](const Cells& cells, bool is_header) {
        line.clear();
        for (std::size_t c = 0; c < columns; ++c) {
            const std::string& cell = cells[c];
            line += cell;
            if (c + 1 < columns) line.append(widths[c] - width_of(cell) + 2, ' ');
        }
        line.erase(line.find_last_not_of(' ') + 1);
        if (wrap_width && !is_header && line.size() >= *wrap_width) line = wrap_line(line, *wrap_width - 1, note_hang);
        out += is_header ? paint(line, Tone::bold, context.color_stdout) : line;
        out += '\n';
        if (out.size() >= 1 << 16) {
            fmt::print("{}", out);
            out.clear();
        }
    };
    add_line(header, true);
    for (const auto& cells : table) add_line(cells, false);
    fmt::print("{}", out);
    if (!weeks.empty()) fmt::print("\n");
    print_weeks();
    std::vector<const Row*> done;
    for (const Row& row : rows) {
        if (!row.is_planned()) done.push_back(&row);
    }
    if (done.empty()) {
        fmt::print("\nno sessions\n");
        return;
    }
    const auto weighted = std::count_if(done.begin(), done.end(), [](const Row* r) { return r->session->weighted(); });
    fmt::print("\n{} session{} ({} weighted) from {} to {}\n", done.size(), done.size() == 1 ? "" : "s", weighted,
               to_string(done.front()->session->date), to_string(done.back()->session->date));
}

// The pain checks (no workout) the filters keep, in date order: those in
// the dates shown, none when the history is of chosen activities (a pain
// check belongs to no activity).
std::vector<const PainCheck*> shown_pain_checks(const Log& log, const HistoryFlags& flags, Date today) {
    std::vector<const PainCheck*> shown;
    if (!flags.activities.empty()) return shown;
    const Period period = parse_period_flags(flags.since, flags.until, today);
    for (const PainCheck& c : log.pain_checks) {
        if (period.contains(c.date)) shown.push_back(&c);
    }
    std::stable_sort(shown.begin(), shown.end(), [](const PainCheck* a, const PainCheck* b) { return a->date < b->date; });
    return shown;
}

nlohmann::ordered_json weeks_json(const std::vector<WeekAdherence>& weeks) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const WeekAdherence& week : weeks) {
        out.push_back({{"week_of", to_string(week.monday)},
                       {"planned", week.planned_count()},
                       {"planned_done", week.planned_done()},
                       {"sessions", week.sessions},
                       {"rest_week", week.rest_week}});
    }
    return out;
}

void print_json(const Log& log, const std::vector<Row>& rows, const std::vector<WeekAdherence>& weeks,
                const std::vector<const PainCheck*>& pain_checks, bool planned, const Context& context) {
    nlohmann::ordered_json sessions = nlohmann::ordered_json::array();
    nlohmann::ordered_json to_do = nlohmann::ordered_json::array();
    const bool sides = names_sides(log);
    // The side field right after "on", in a log that names sides.
    const auto with_side = [sides](nlohmann::ordered_json row, const Session& s) {
        if (!sides) return row;
        nlohmann::ordered_json out;
        for (auto it = row.begin(); it != row.end(); ++it) {
            out[it.key()] = *it;
            if (it.key() == "on") out["side"] = side_json(s);
        }
        return out;
    };
    for (const Row& row : rows) {
        const Session& s = *row.session;
        if (row.is_planned()) {
            to_do.push_back(with_side({{"line", s.line},
                             {"date", to_string(s.date)},
                             {"activity", s.activity},
                             {"on", to_string(s.on)},
                             {"weight", s.weight ? nlohmann::ordered_json(format_mass(*s.weight, log.profile.units)) : nullptr},
                             {"minutes", json_or_null(s.minutes)},
                             {"sets", json_or_null(s.sets)},
                             {"reps", json_or_null(s.reps)},
                             {"status", row.plan}}, s));
            continue;
        }
        sessions.push_back(with_side({{"line", s.line},
                            {"date", to_string(s.date)},
                            {"activity", s.activity},
                            {"kind", to_string(row.kind)},
                            {"on", to_string(s.on)},
                            {"weight", s.weight ? nlohmann::ordered_json(format_mass(*s.weight, log.profile.units)) : nullptr},
                            {"weight_kg", s.weight ? nlohmann::ordered_json(mass_number(*s.weight, Unit::kg)) : nullptr},
                            {"weight_lb", s.weight ? nlohmann::ordered_json(mass_number(*s.weight, Unit::lb)) : nullptr},
                            {"minutes", json_or_null(s.minutes)},
                            {"sets", json_or_null(s.sets)},
                            {"reps", json_or_null(s.reps)},
                            {"effort", json_or_null(s.effort)},
                            {"pain", json_or_null(s.pain)},
                            {"srpe_load", json_or_null(srpe_load(s))},
                            {"note", s.note.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(s.note)}}, s));
        if (planned) sessions.back()["as_planned"] = row.plan == "done";
    }
    nlohmann::ordered_json document = {{"file", context.log_path.string()},
                                       {"units", to_string(log.profile.units)},
                                       {"sessions", sessions}};
    nlohmann::ordered_json checks = nlohmann::ordered_json::array();
    for (const PainCheck* c : pain_checks) {
        checks.push_back({{"line", c->line},
                          {"date", to_string(c->date)},
                          {"pain", c->pain},
                          {"note", c->note.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(c->note)}});
    }
    document["pain_checks"] = checks;
    if (planned) {
        document["planned_not_done"] = to_do;
        document["weeks"] = weeks_json(weeks);
    }
    fmt::print("{}", json_text(document));
}

// A pain check is a row of kind "pain-check" among the sessions, in date
// order (after the sessions of its day), with only date, kind, pain, note
// and line.
void print_csv(const Log& log, const std::vector<Row>& rows, const std::vector<const PainCheck*>& pain_checks,
               bool planned) {
    const auto field = [](const std::optional<int>& value) { return value ? std::to_string(*value) : ""; };
    const bool sides = names_sides(log);
    fmt::print("date,activity,kind,on,{}weight,weight_kg,weight_lb,minutes,sets,reps,effort,pain,srpe_load,note,line{}\r\n",
               sides ? "side," : "", planned ? ",plan" : "");
    auto check = pain_checks.begin();
    const auto print_checks_until = [&](const std::optional<Date> before) {
        for (; check != pain_checks.end() && (!before || (*check)->date < *before); ++check) {
            const PainCheck& c = **check;
            fmt::print("{},,pain-check,,{},,,,,,,{},,{},{}{}\r\n", to_string(c.date), sides ? "," : "", c.pain,
                       csv_text(c.note), c.line, planned ? "," : "");
        }
    };
    for (const Row& row : rows) {
        const Session& s = *row.session;
        print_checks_until(s.date);
        fmt::print("{},{},{},{},{}{},{},{},{},{},{},{},{},{},{},{}", to_string(s.date), csv_text(s.activity),
                   to_string(row.kind), to_string(s.on), sides ? std::string(to_string(s.side)) + "," : "", s.weight ? format_mass(*s.weight, log.profile.units) : "",
                   s.weight ? decimal_text(mass_number(*s.weight, Unit::kg)) : "",
                   s.weight ? decimal_text(mass_number(*s.weight, Unit::lb)) : "", field(s.minutes), field(s.sets),
                   field(s.reps), field(s.effort), field(s.pain), field(srpe_load(s)), csv_text(s.note), s.line);
        fmt::print("{}\r\n", planned ? "," + (row.plan == "-" ? std::string() : row.plan) : "");
    }
    print_checks_until(std::nullopt);
}

// Those of `sessions` that the filters (dates, activity) keep, in date order.
std::vector<Session> kept(const Log& log, std::vector<Session> sessions, const HistoryFlags& flags, Date today) {
    Log only;
    only.catalogue = log.catalogue;
    only.sessions = std::move(sessions);
    std::vector<Session> out;
    for (const Row& row : select(only, flags, today)) out.push_back(*row.session);
    return out;
}

// The rows with the planned sessions in effect that pass the same filters
// added, marked, in date order; and the weeks' planned vs done.
struct WithPlan {
    Log planned_log;  // the planned sessions not done, which the added rows point into
    std::vector<WeekAdherence> weeks;
};

void add_planned(const Log& log, std::vector<Row>& rows, WithPlan& with, const HistoryFlags& flags, Date today) {
    std::vector<const Session*> did_plan;
    for (const PlannedStatus& status : match_planned(log)) {
        if (status.done) {
            did_plan.push_back(status.done);
        } else {
            with.planned_log.sessions.push_back(*status.planned);
        }
    }
    for (Row& row : rows) {
        if (std::find(did_plan.begin(), did_plan.end(), row.session) != did_plan.end()) row.plan = "done";
    }
    with.planned_log.catalogue = log.catalogue;
    for (Row row : select(with.planned_log, flags, today)) {
        row.plan = row.session->date < today ? "not done" : "to do";
        rows.push_back(row);
    }
    // Sessions before planned ones on the same day.
    std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.session->date < b.session->date; });

    // Planned vs done per week, for the dates and activities shown.
    Log shown = log;
    shown.sessions = kept(log, log.sessions, flags, today);
    shown.planned = kept(log, log.planned, flags, today);
    for (WeekAdherence& week : adherence_by_week(shown)) with.weeks.push_back(std::move(week));
    // Weeks saved as rest weeks that the dates shown reach (whatever the
    // activities: a rest week is one for all of them).
    const Period period = parse_period_flags(flags.since, flags.until, today);
    for (const PlanSave& save : saved_rest_weeks(log)) {
        const Date sunday = add_days(save.monday, 6);
        if ((period.since && sunday < *period.since) || (period.until && save.monday > *period.until)) continue;
        WeekAdherence week;
        week.monday = save.monday;
        week.rest_week = true;
        week.sessions = static_cast<int>(std::count_if(shown.sessions.begin(), shown.sessions.end(), [&](const Session& s) {
            return week_start(s.date) == save.monday;
        }));
        with.weeks.push_back(std::move(week));
    }
    std::stable_sort(with.weeks.begin(), with.weeks.end(),
                     [](const WeekAdherence& a, const WeekAdherence& b) { return a.monday < b.monday; });
}

// Pain checks without a workout, apart from the sessions: they are no
// training day. Shown unless the history is of chosen activities.
void print_pain_checks(const std::vector<const PainCheck*>& shown) {
    if (shown.empty()) return;
    std::string out = "\npain checks (no workout):\n";
    for (const PainCheck* c : shown) {
        out += fmt::format("  {}  pain {}/10{}\n", to_string(c->date), c->pain,
                           c->note.empty() ? "" : "  " + terminal_safe(c->note));
    }
    fmt::print("{}", out);
}

}  // namespace

CLI::App* setup_history(CLI::App& app, HistoryFlags& flags) {
    CLI::App* command = app.add_subcommand("history", "Show the sessions in the log");
    command->add_option("--since", flags.since,
                        "Only sessions on or after P: YYYY-MM-DD, today, yesterday, or back from today: 7d, 2w, 3m, 1y")
        ->option_text(period_value_name);
    command->add_option("--until", flags.until, "Only sessions on or before P (same forms as --since)")
        ->option_text(period_value_name);
    command->add_option("--last", flags.last, "Only the last N of the sessions selected")
        ->transform(whole_number(1, max_last_sessions))
        ->option_text("N");
    command->add_option("--activity", flags.activities, "Only this activity; repeat for several")
        ->allow_extra_args(false)
        ->option_text("NAME");
    command->add_flag("--planned", flags.planned,
                      "Also show the planned sessions (marked), and per week how many were done");
    command->add_option("--format", flags.format, "Output format; default text")
        ->check(CLI::IsMember({"text", "json", "csv"}))
        ->option_text("text|json|csv");
    command->footer(
        "Examples:\n"
        "  anklog history\n"
        "  anklog history --since 2026-11-01 --activity walk\n"
        "  anklog history --since 4w --activity squat --activity lunge\n"
        "  anklog history --last 5\n"
        "  anklog history --planned --since 2026-11-23\n"
        "  anklog history --format csv > sessions.csv\n"
        "\n"
        "load is session-RPE load, effort x minutes (Foster 2001), where both are logged.\n");
    return command;
}

int run_history(const Context& context, const HistoryFlags& flags) {
    const Log log = read_log(context);
    std::vector<Row> rows = select(log, flags, context.today);
    WithPlan with;
    if (flags.planned) add_planned(log, rows, with, flags, context.today);
    const std::vector<const PainCheck*> pain_checks = shown_pain_checks(log, flags, context.today);
    if (flags.format == "json") {
        print_json(log, rows, with.weeks, pain_checks, flags.planned, context);
    } else if (flags.format == "csv") {
        print_csv(log, rows, pain_checks, flags.planned);
    } else {
        print_text(log, rows, with.weeks, flags.planned, context);
        print_pain_checks(pain_checks);
    }
    return 0;
}

}  // namespace anklog::cli
