// anklog rules: what each rule checks, its thresholds and its source.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "anklog/error.hpp"
#include "anklog/policy.hpp"
#include "anklog/rules.hpp"
#include "anklog/suggest.hpp"
#include "commands/commands.hpp"
#include "render/output.hpp"

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
    command->add_option("--format", flags.format, "Output format; default text")
        ->check(CLI::IsMember({"text", "json"}))
        ->option_text("text|json");
    command->footer(
        "Examples:\n"
        "  anklog rules\n"
        "  anklog rules weight-and-volume\n"
        "  anklog rules --format json | jq '.[].id'\n"
        "\n"
        "Switch a rule off or change a threshold in the log:\n"
        "  [rules]\n"
        "  off = [\"monotony\"]\n"
        "  [rules.volume-spike]\n"
        "  warning = 0.4\n");
    return command;
}

namespace {

// The planner's policy, stated from the numbers it follows.
std::vector<std::string> plan_policy() {
    const auto percent = [](double share) { return fmt::format("{:.0f}%", share * 100); };
    return {
        fmt::format("volume rises about {} a week (at least 1 min or rep) up to a cap: {} min for gait work, {} min "
                    "for mobility classes, {} x {} for strength (a new set starts with fewer reps, never more than "
                    "+{})",
                    percent(policy::weekly_raise), policy::gait_minutes_cap, policy::mobility_minutes_cap,
                    policy::sets_cap, policy::reps_cap, percent(policy::new_set_growth - 1)),
        std::string("a session already above its cap is repeated as it is, whatever the effort: neither raised nor "
                    "cut, as long as check accepts it; no day holds more weighted minutes than long-wear allows"),
        fmt::format("at the cap, one weight step (the next weight you own, within over-range); then gait minutes are "
                    "cut by {} and reps go back to {}, and the volume is rebuilt before the next step (never two "
                    "steps in a row)",
                    percent(1 - policy::gait_minutes_after_step), policy::reps_after_step),
        fmt::format("pain over the pain rule's danger line steps down; pain from its raised_after line, or effort {} "
                    "or more, repeats the last session; every {}th progressing week is a deload at {}",
                    policy::hard_effort, policy::progressing_weeks_before_deload + 1, percent(policy::deload_factor)),
        fmt::format("a load whose first session was heavier than start-light accepts is repeated, not raised, for "
                    "{} days from that session (within over-range)",
                    policy::settle_in_days),
        fmt::format("after a break (return-after-break's break_days) the first sessions come back at about {} of "
                    "the last volume; pain on persistent-pain's count of days means rest weeks while it is recent "
                    "(its recent_days), then a come-back week at the lightest weight you own, which asks for a pain "
                    "check first unless a later session or check says the pain settled",
                    percent(policy::come_back_factor)),
        std::string("each load (an activity at a placement: ankles or wrists; and a side, left or right, once the "
                    "log names one) progresses from its own sessions: a session of both sides is history for each "
                    "side, the other side's never; an injury of one side (history = [\"left knee\"]) uses the "
                    "injury limits for that side and for sessions of both sides"),
        std::string("every weight proposed is one you can set: a weight in [profile] weights or a setting of the "
                    "[[equipment]] worn at that placement (the next setting is one weight step); a dose between two "
                    "settings takes the lower and says so; with nothing light enough, without weights"),
        std::string("pain "
                    "of raised_after or more in a session holds back all work at its placement (a painful pain check on "
                    "a rest day: every placement the last training day loaded), on both sides: the log says how much "
                    "it hurt, not where, and a hold repeats, it does not stop; a session of both sides is held at the "
                    "lighter side's last load; until a later session or pain check at 2/10 or less: repeat, raise "
                    "nothing; worse "
                    "the next morning, or over the danger line, steps down (Silbernagel et al. 2007)"),
        std::string("a class whose sessions all last the same (or [activities] fixed_length = true) keeps its "
                    "length and the person's weekdays: it progresses by weight, or not at all"),
        std::string("every planned week is checked with these rules before it is shown; what they flag becomes the "
                    "load the finding proposes, or is left out")};
}

nlohmann::ordered_json rule_json(const Rule& rule) {
    nlohmann::ordered_json thresholds = nlohmann::ordered_json::array();
    for (const Threshold& t : rule.thresholds) {
        thresholds.push_back(
            {{"name", t.name}, {"default", t.value}, {"meaning", t.meaning}, {"min", t.min}, {"max", t.max}});
    }
    return {{"id", to_string(rule.id)},
            {"severity", rule.severity},
            {"summary", rule.summary},
            {"remedy", rule.remedy == Remedy::rest ? "rest" : "lighter load"},
            {"scope", scope_text(rule.scope)},
            {"thresholds", thresholds},
            {"source", rule.source},
            {"cite", rule.cite},
            {"example", rule.example}};
}

}  // namespace

int run_rules(const Context& context, const RulesFlags& flags) {
    const bool color = context.color_stdout;
    constexpr std::size_t width = 78;
    if (flags.format == "json") {
        if (flags.rule.empty()) {
            nlohmann::ordered_json all = nlohmann::ordered_json::array();
            for (const Rule& rule : rule_table()) all.push_back(rule_json(rule));
            fmt::print("{}", json_text(all));
            return 0;
        }
    }
    if (flags.rule.empty()) {
        bool first = true;
        for (const Rule& rule : rule_table()) {
            fmt::print("{}{}  {}\n  {}\n  {}\n  {}\n  {}\n", first ? "" : "\n",
                       paint(to_string(rule.id), Tone::bold, color), rule.severity, wrap(rule.summary, width, "  "),
                       wrap("judges: " + std::string(scope_text(rule.scope)), width, "    "),
                       wrap("thresholds: " + thresholds_line(rule), width, "    "),
                       wrap(fmt::format("source: {}", rule.source), width, "    "));
            first = false;
        }
        fmt::print("\n{}\n", paint("How plan progresses", Tone::bold, color));
        for (const std::string& line : plan_policy()) fmt::print("  - {}\n", wrap(line, width - 4, "    "));
        fmt::print("\n'anklog rules RULE' explains one rule with an example.\n");
        return 0;
    }
    const auto id = parse_rule(flags.rule);
    if (!id) {
        throw Error(fmt::format("unknown rule '{}'", flags.rule),
                    did_you_mean(flags.rule, rule_names.names(), "'anklog rules' lists every rule"));
    }
    const Rule* rule = &anklog::rule(*id);
    if (flags.format == "json") {
        fmt::print("{}", json_text(rule_json(*rule)));
        return 0;
    }
    fmt::print("{} ({})\n\n{}\n\n", paint(to_string(rule->id), Tone::bold, color), rule->severity,
               wrap(fmt::format("Fires when: {}.", rule->summary), width, ""));
    fmt::print("{}\n\n", wrap(fmt::format("Judges: {}.", scope_text(rule->scope)), width, ""));
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
