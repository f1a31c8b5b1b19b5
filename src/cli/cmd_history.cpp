// anklog history: what has been logged, as a table, JSON or CSV.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>

#include "anklog/error.hpp"
#include "anklog/log.hpp"
#include "anklog/suggest.hpp"
#include "commands.hpp"
#include "output.hpp"
#include "usage_errors.hpp"

namespace anklog::cli {

namespace {

// --last: any count a log can hold.
constexpr int max_last_sessions = 100'000'000;

struct Row {
    const Session* session;
    Kind kind;
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

void print_text(const Log& log, const std::vector<Row>& rows, const Context& context) {
    if (rows.empty()) {
        fmt::print("no sessions\n");
        return;
    }
    const std::vector<std::string> header{"date", "activity", "on", "weight", "volume", "effort", "pain", "load", "note"};
    std::vector<std::vector<std::string>> table;
    for (const Row& row : rows) {
        const Session& s = *row.session;
        const auto load = srpe_load(s);
        table.push_back({to_string(s.date), terminal_safe(s.activity), s.weighted() ? std::string(to_string(s.on)) : "-",
                         s.weighted() ? format_mass(*s.weight, log.profile.units) : "-", volume_text(s, row.kind),
                         optional_text(s.effort), optional_text(s.pain), load ? std::to_string(*load) : "-",
                         terminal_safe(s.note)});
    }
    std::vector<std::size_t> widths(header.size());
    for (std::size_t c = 0; c < header.size(); ++c) {
        widths[c] = header[c].size();
        for (const auto& line : table) widths[c] = std::max(widths[c], line[c].size());
    }
    const auto print_line = [&](const std::vector<std::string>& cells, bool is_header) {
        std::string line;
        for (std::size_t c = 0; c < cells.size(); ++c) {
            const bool last = c + 1 == cells.size();
            line += last ? cells[c] : fmt::format("{:<{}}  ", cells[c], widths[c]);
        }
        line.erase(line.find_last_not_of(' ') + 1);
        fmt::print("{}\n", is_header ? paint(line, Tone::bold, context.color_stdout) : line);
    };
    print_line(header, true);
    for (const auto& line : table) print_line(line, false);
    const auto weighted = std::count_if(rows.begin(), rows.end(), [](const Row& r) { return r.session->weighted(); });
    fmt::print("\n{} session{} ({} weighted) from {} to {}\n", rows.size(), rows.size() == 1 ? "" : "s", weighted,
               to_string(rows.front().session->date), to_string(rows.back().session->date));
}

void print_json(const Log& log, const std::vector<Row>& rows, const Context& context) {
    nlohmann::ordered_json sessions = nlohmann::ordered_json::array();
    for (const Row& row : rows) {
        const Session& s = *row.session;
        sessions.push_back({{"line", s.line},
                            {"date", to_string(s.date)},
                            {"activity", s.activity},
                            {"kind", to_string(row.kind)},
                            {"on", to_string(s.on)},
                            {"weight", s.weight ? nlohmann::ordered_json(format_mass(*s.weight, log.profile.units)) : nullptr},
                            {"weight_kg", s.weight ? nlohmann::ordered_json(s.weight->kg()) : nullptr},
                            {"minutes", json_or_null(s.minutes)},
                            {"sets", json_or_null(s.sets)},
                            {"reps", json_or_null(s.reps)},
                            {"effort", json_or_null(s.effort)},
                            {"pain", json_or_null(s.pain)},
                            {"srpe_load", json_or_null(srpe_load(s))},
                            {"note", s.note.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(s.note)}});
    }
    fmt::print("{}", json_text({{"file", context.log_path.string()},
                                {"units", to_string(log.profile.units)},
                                {"sessions", sessions}}));
}

void print_csv(const Log& log, const std::vector<Row>& rows) {
    const auto field = [](const std::optional<int>& value) { return value ? std::to_string(*value) : ""; };
    fmt::print("date,activity,kind,on,weight,weight_kg,minutes,sets,reps,effort,pain,srpe_load,note,line\r\n");
    for (const Row& row : rows) {
        const Session& s = *row.session;
        fmt::print("{},{},{},{},{},{},{},{},{},{},{},{},{},{}\r\n", to_string(s.date), csv_text(s.activity),
                   to_string(row.kind), to_string(s.on), s.weight ? format_mass(*s.weight, log.profile.units) : "",
                   s.weight ? fmt::format("{:.4g}", s.weight->kg()) : "", field(s.minutes), field(s.sets),
                   field(s.reps), field(s.effort), field(s.pain), field(srpe_load(s)), csv_text(s.note), s.line);
    }
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
    command->add_option("--format", flags.format, "Output format; default text")
        ->check(CLI::IsMember({"text", "json", "csv"}))
        ->option_text("text|json|csv");
    command->footer(
        "Examples:\n"
        "  anklog history\n"
        "  anklog history --since 2026-11-01 --activity walk\n"
        "  anklog history --since 4w --activity squat --activity lunge\n"
        "  anklog history --last 5\n"
        "  anklog history --format csv > sessions.csv\n"
        "\n"
        "load is session-RPE load, effort x minutes (Foster 2001), where both are logged.\n");
    return command;
}

int run_history(const Context& context, const HistoryFlags& flags) {
    const Log log = read_log(context);
    const std::vector<Row> rows = select(log, flags, context.today);
    if (flags.format == "json") {
        print_json(log, rows, context);
    } else if (flags.format == "csv") {
        print_csv(log, rows);
    } else {
        print_text(log, rows, context);
    }
    return 0;
}

}  // namespace anklog::cli
