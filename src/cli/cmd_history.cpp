// anklog history: what has been logged, as a table, JSON or CSV.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>

#include "anklog/error.hpp"
#include "anklog/log.hpp"
#include "anklog/suggest.hpp"
#include "commands.hpp"
#include "output.hpp"

namespace anklog::cli {

namespace {

struct Row {
    const Session* session;
    Kind kind;
};

std::vector<Row> select(const Log& log, const HistoryOptions& options, Date today) {
    const std::optional<Date> since = parse_since(options.since, today);
    const Activity* only = nullptr;
    if (!options.activity.empty()) {
        only = log.catalogue.find(options.activity);
        if (!only) {
            throw Error(fmt::format("--activity: unknown activity \"{}\"", options.activity),
                        did_you_mean(normalize_activity_name(options.activity), log.catalogue.names(),
                                     "see 'man anklog' for the activities anklog knows"));
        }
    }
    std::vector<Row> rows;
    for (const Session* session : in_date_order(log)) {
        if (since && session->date < *since) continue;
        if (only && session->activity != only->name) continue;
        rows.push_back({session, log.catalogue.find(session->activity)->kind});
    }
    return rows;
}

std::string optional_text(const std::optional<int>& value) { return value ? std::to_string(*value) : "-"; }

// One line per note in the table: newlines and tabs become spaces.
std::string one_line(std::string_view text) {
    std::string out;
    for (const char c : text) out += (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) ? ' ' : c;
    return out;
}

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
        table.push_back({to_string(s.date), s.activity, s.weighted() ? std::string(to_string(s.on)) : "-",
                         s.weighted() ? format_mass(*s.weight, log.profile.units) : "-", volume_text(s, row.kind),
                         optional_text(s.effort), optional_text(s.pain), load ? std::to_string(*load) : "-",
                         one_line(s.note)});
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
    fmt::print("{{\n  \"file\": {},\n  \"units\": \"{}\",\n  \"sessions\": [", json_quote(context.log_path.string()),
               to_string(log.profile.units));
    bool first = true;
    for (const Row& row : rows) {
        const Session& s = *row.session;
        const auto load = srpe_load(s);
        fmt::print("{}\n    {{\"line\": {}, \"date\": \"{}\", \"activity\": {}, \"kind\": \"{}\", \"on\": \"{}\", "
                   "\"weight\": {}, \"weight_kg\": {}, \"minutes\": {}, \"sets\": {}, \"reps\": {}, \"effort\": {}, "
                   "\"pain\": {}, \"srpe_load\": {}, \"note\": {}}}",
                   first ? "" : ",", s.line, to_string(s.date), json_quote(s.activity), to_string(row.kind),
                   to_string(s.on), s.weight ? json_quote(format_mass(*s.weight, log.profile.units)) : "null",
                   s.weight ? fmt::format("{:.4g}", s.weight->kg()) : "null", json_number(s.minutes),
                   json_number(s.sets), json_number(s.reps), json_number(s.effort), json_number(s.pain),
                   json_number(load), json_quote(s.note));
        first = false;
    }
    fmt::print("{}]\n}}\n", rows.empty() ? "" : "\n  ");
}

void print_csv(const Log& log, const std::vector<Row>& rows) {
    const auto field = [](const std::optional<int>& value) { return value ? std::to_string(*value) : ""; };
    fmt::print("date,activity,kind,on,weight,weight_kg,minutes,sets,reps,effort,pain,srpe_load,note,line\r\n");
    for (const Row& row : rows) {
        const Session& s = *row.session;
        fmt::print("{},{},{},{},{},{},{},{},{},{},{},{},{},{}\r\n", to_string(s.date), csv_field(s.activity),
                   to_string(row.kind), to_string(s.on), s.weight ? format_mass(*s.weight, log.profile.units) : "",
                   s.weight ? fmt::format("{:.4g}", s.weight->kg()) : "", field(s.minutes), field(s.sets),
                   field(s.reps), field(s.effort), field(s.pain), field(srpe_load(s)), csv_field(s.note), s.line);
    }
}

}  // namespace

CLI::App* setup_history(CLI::App& app, HistoryOptions& options) {
    CLI::App* command = app.add_subcommand("history", "Show the sessions in the log");
    command->add_option("--since", options.since, "Only sessions on or after DATE (YYYY-MM-DD, today, yesterday)")
        ->option_text("DATE");
    command->add_option("--activity", options.activity, "Only this activity")->option_text("NAME");
    command->add_option("--format", options.format, "Output format; default text")
        ->check(CLI::IsMember({"text", "json", "csv"}))
        ->option_text("text|json|csv");
    command->footer(
        "Examples:\n"
        "  anklog history\n"
        "  anklog history --since 2026-11-01 --activity walk\n"
        "  anklog history --format csv > sessions.csv\n"
        "\n"
        "load is session-RPE load, effort x minutes (Foster 2001), where both are logged.\n");
    return command;
}

int run_history(const Context& context, const HistoryOptions& options) {
    const Log log = read_log(context);
    const std::vector<Row> rows = select(log, options, context.today);
    if (options.format == "json") {
        print_json(log, rows, context);
    } else if (options.format == "csv") {
        print_csv(log, rows);
    } else {
        print_text(log, rows, context);
    }
    return 0;
}

}  // namespace anklog::cli
