// anklog check: the rules applied to the log, reported like a compiler.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "anklog/check.hpp"
#include "anklog/error.hpp"

#include <variant>
#include "commands.hpp"
#include "output.hpp"

namespace anklog::cli {

namespace {

struct Counts {
    int note = 0;
    int warning = 0;
    int danger = 0;
    void add(Severity s) { ++(s == Severity::danger ? danger : s == Severity::warning ? warning : note); }
};

nlohmann::ordered_json evidence_json(const Finding& finding) {
    nlohmann::ordered_json out = nlohmann::ordered_json::object();
    for (const Evidence& item : finding.data) {
        std::visit([&](const auto& value) { out[std::string(item.name)] = value; }, item.value);
    }
    return out;
}

std::string plural(int n, std::string_view word) { return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s"); }

}  // namespace

CLI::App* setup_check(CLI::App& app, CheckFlags& flags) {
    CLI::App* command = app.add_subcommand("check", "Flag risky jumps in load, with the numbers and a source");
    command->add_option("FILE", flags.file, "The log to check (default: the log, as for every command)")
        ->type_name("");
    command->add_option("--format", flags.format, "Output format; default text")
        ->check(CLI::IsMember({"text", "json"}))
        ->option_text("text|json");
    command->add_option("--since", flags.since, "Only report on sessions on or after DATE (the rules still see "
                                                  "all history)")
        ->option_text("DATE");
    command->add_option("--fail-on", flags.fail_on, "Exit 1 when a finding is at least this severe; default warning")
        ->check(CLI::IsMember(severity_names.names()))
        ->option_text("note|warning|danger");
    command->footer(
        "Examples:\n"
        "  anklog check\n"
        "  anklog check examples/too-much-too-soon.toml\n"
        "  anklog check --since 2026-11-01 --fail-on danger\n"
        "  anklog check --format json | jq '.findings[].rule'\n"
        "\n"
        "Exit status: 0 nothing at or above --fail-on, 1 findings at or above it, 2 error.\n"
        "'anklog rules' explains every rule, its thresholds and its source.\n");
    return command;
}

int run_check(const Context& context, const CheckFlags& flags) {
    const std::string shown = flags.file.empty() ? context.log_path.string() : flags.file;
    const Log log = read_log(shown);
    const std::optional<Date> since = parse_since(flags.since, context.today);
    std::vector<Finding> findings = check(log);
    if (since) std::erase_if(findings, [&](const Finding& f) { return f.date < *since; });
    const auto sessions = std::count_if(log.sessions.begin(), log.sessions.end(),
                                        [&](const Session& s) { return !since || s.date >= *since; });
    Counts counts;
    for (const Finding& f : findings) counts.add(f.severity);
    const Severity fail_on = *severity_names.parse(flags.fail_on);
    const bool failed = std::any_of(findings.begin(), findings.end(), [&](const Finding& f) { return f.severity >= fail_on; });

    if (flags.format == "json") {
        nlohmann::ordered_json items = nlohmann::ordered_json::array();
        for (const Finding& f : findings) {
            nlohmann::ordered_json item = {{"rule", to_string(f.rule)},
                                           {"severity", to_string(f.severity)},
                                           {"date", to_string(f.date)},
                                           {"activity", f.activity},
                                           {"line", log.sessions[f.session].line},
                                           {"message", f.message},
                                           {"advice", f.advice},
                                           {"source", rule(f.rule).cite},
                                           {"evidence", evidence_json(f)},
                                           {"explanation", f.evidence}};
            if (f.suggestion) item["suggestion"] = load_json(*f.suggestion);
            items.push_back(std::move(item));
        }
        const nlohmann::ordered_json document = {
            {"file", shown},
            {"findings", items},
            {"summary",
             {{"sessions", sessions}, {"note", counts.note}, {"warning", counts.warning}, {"danger", counts.danger}}}};
        fmt::print("{}", json_text(document));
        return failed ? 1 : 0;
    }

    for (const Finding& f : findings) {
        fmt::print("{}\n", render_finding(f, shown, log.sessions[f.session].line, context.color_stdout));
    }
    const std::string checked = fmt::format("{}: {} checked{}", log_title(shown, log.profile),
                                            plural(static_cast<int>(sessions), "session"),
                                            since ? fmt::format(" since {}", to_string(*since)) : "");
    if (findings.empty()) {
        fmt::print("{}: nothing to flag\n", checked);
    } else {
        std::vector<std::string> parts;
        if (counts.danger) parts.push_back(paint(fmt::format("{} danger", counts.danger), Tone::red, context.color_stdout));
        if (counts.warning) parts.push_back(paint(plural(counts.warning, "warning"), Tone::yellow, context.color_stdout));
        if (counts.note) parts.push_back(paint(plural(counts.note, "note"), Tone::cyan, context.color_stdout));
        fmt::print("{}: {}\n", checked, fmt::join(parts, ", "));
    }
    return failed ? 1 : 0;
}

}  // namespace anklog::cli
