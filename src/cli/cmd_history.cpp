// anklog history: what has been logged, as a table, JSON or CSV.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>

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

std::vector<Row> select(const Log& log, const HistoryFlags& flags, Date today) {
    const std::optional<Date> since = parse_since(flags.since, today);
    const Activity* only = nullptr;
    if (!flags.activity.empty()) {
        only = log.catalogue.find(flags.activity);
        if (!only) {
            throw Error(fmt::format("--activity: unknown activity \"{}\"", flags.activity),
                        did_you_mean(normalize_activity_name(flags.activity), log.catalogue.names(),
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

void print_text(const Log& log, const std::vector<Row>& rows, const Context& context) {
    if (rows.empty()) {
        fmt::print("no sessions\n");
        return;
    }
    constexpr std::size_t columns = 9;
    using Cells = std::array<std::string, columns>;
    const Cells header{"date", "activity", "on", "weight", "volume", "effort", "pain", "load", "note"};
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
        table.push_back({to_string(s.date), terminal_safe(s.activity), s.weighted() ? std::string(to_string(s.on)) : "-",
                         s.weighted() ? weight_text(*s.weight) : "-", volume_text(s, row.kind),
                         optional_text(s.effort), optional_text(s.pain), load ? std::to_string(*load) : "-",
                         terminal_safe(s.note)});
    }
    std::array<std::size_t, columns> widths{};
    for (std::size_t c = 0; c < columns; ++c) {
        widths[c] = header[c].size();
        for (const auto& line : table) widths[c] = std::max(widths[c], line[c].size());
    }
    // Lines are gathered and written some 64 KB at a time: one write per line
    // was most of the time of a long history.
    std::string out;
    std::string line;
    const auto add_line = [&](const Cells& cells, bool is_header) {
        line.clear();
        for (std::size_t c = 0; c < columns; ++c) {
            const std::string& cell = cells[c];
            if (c + 1 == columns) {
                line += cell;
            } else if (std::all_of(cell.begin(), cell.end(), [](char ch) { return (ch & 0x80) == 0; })) {
                line += cell;
                line.append(widths[c] - cell.size() + 2, ' ');
            } else {
                line += fmt::format("{:<{}}  ", cell, widths[c]);  // fmt pads by display width
            }
        }
        line.erase(line.find_last_not_of(' ') + 1);
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
    command->add_option("--since", flags.since, "Only sessions on or after DATE (YYYY-MM-DD, today, yesterday)")
        ->option_text("DATE");
    command->add_option("--activity", flags.activity, "Only this activity")->option_text("NAME");
    command->add_option("--format", flags.format, "Output format; default text")
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
