// anklog rules: what each rule checks, its thresholds and its source.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "anklog/error.hpp"
#include "anklog/rules.hpp"
#include "anklog/suggest.hpp"
#include "commands.hpp"
#include "output.hpp"

namespace anklog::cli {

namespace {

std::string thresholds_line(const Rule& rule) {
    std::vector<std::string> items;
    for (const Threshold& t : rule.thresholds) items.push_back(fmt::format("{} = {}", t.name, t.value));
    return items.empty() ? std::string("none") : fmt::format("{}", fmt::join(items, ", "));
}

}  // namespace

CLI::App* setup_rules(CLI::App& app, RulesFlags& flags) {
    CLI::App* command = app.add_subcommand("rules", "Explain the rules check uses: thresholds and sources");
    command->add_option("RULE", flags.rule, "One rule to explain in full, with a worked example")->type_name("");
    command->footer(
        "Examples:\n"
        "  anklog rules\n"
        "  anklog rules weight-and-volume\n"
        "\n"
        "Switch a rule off or change a threshold in the log:\n"
        "  [rules]\n"
        "  off = [\"monotony\"]\n"
        "  [rules.volume-spike]\n"
        "  warning = 0.4\n");
    return command;
}

int run_rules(const Context& context, const RulesFlags& flags) {
    const bool color = context.color_stdout;
    constexpr std::size_t width = 78;
    if (flags.rule.empty()) {
        bool first = true;
        for (const Rule& rule : rule_table()) {
            fmt::print("{}{}  {}\n  {}\n  {}\n  {}\n", first ? "" : "\n", paint(to_string(rule.id), Tone::bold, color),
                       rule.severity, wrap(rule.summary, width, "  "),
                       wrap("thresholds: " + thresholds_line(rule), width, "    "),
                       wrap(fmt::format("source: {}", rule.source), width, "    "));
            first = false;
        }
        fmt::print("\n'anklog rules RULE' explains one rule with an example.\n");
        return 0;
    }
    const auto id = parse_rule(flags.rule);
    if (!id) {
        throw Error(fmt::format("unknown rule '{}'", flags.rule),
                    did_you_mean(flags.rule, rule_names.names(), "'anklog rules' lists every rule"));
    }
    const Rule* rule = &anklog::rule(*id);
    fmt::print("{} ({})\n\n{}\n\n", paint(to_string(rule->id), Tone::bold, color), rule->severity,
               wrap(fmt::format("Fires when: {}.", rule->summary), width, ""));
    if (rule->thresholds.empty()) {
        fmt::print("Thresholds: none.\n\n");
    } else {
        fmt::print("Thresholds, with their defaults:\n");
        for (const Threshold& t : rule->thresholds) {
            fmt::print("  {:<28} {}\n", fmt::format("{} = {}", t.name, t.value), t.meaning);
        }
        fmt::print("\n");
    }
    fmt::print("{}\n\n{}\n\n", wrap(fmt::format("Example: {}", rule->example), width, ""),
               wrap(fmt::format("Source: {}", rule->source), width, ""));
    fmt::print("In the log, switch it off with\n  [rules]\n  off = [\"{}\"]\n", to_string(rule->id));
    if (!rule->thresholds.empty()) {
        const Threshold& t = rule->thresholds.front();
        fmt::print("or change a threshold with\n  [rules.{}]\n  {} = {}\n", to_string(rule->id), t.name, t.value);
    }
    return 0;
}

}  // namespace anklog::cli
