#include "log_equivalence.hpp"

#include <fmt/format.h>

#include <cstring>
#include <variant>

#include "../../src/log/log_parser.hpp"
#include "anklog/error.hpp"
#include "anklog/log_parser.hpp"
#include "anklog/rules.hpp"

namespace anklog::testing {

namespace {

// Doubles compared bit for bit: the two paths must compute the same value,
// not a close one.
bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

std::string text_of(const std::optional<Mass>& mass) {
    return mass ? fmt::format("{} {}", mass->amount, to_string(mass->unit)) : "none";
}

std::string text_of(const std::optional<int>& value) { return value ? std::to_string(*value) : "none"; }

bool same_mass(const Mass& a, const Mass& b) { return same_bits(a.amount, b.amount) && a.unit == b.unit; }

bool same_mass(const std::optional<Mass>& a, const std::optional<Mass>& b) {
    return a.has_value() == b.has_value() && (!a || same_mass(*a, *b));
}

std::optional<std::string> session_difference(const Session& a, const Session& b, const std::string& at) {
    const auto differs = [&](std::string_view field, const std::string& x, const std::string& y) {
        return fmt::format("{}.{}: {} vs {}", at, field, x, y);
    };
    if (a.date != b.date) return differs("date", to_string(a.date), to_string(b.date));
    if (a.activity != b.activity) return differs("activity", a.activity, b.activity);
    if (a.on != b.on) return differs("on", std::string(to_string(a.on)), std::string(to_string(b.on)));
    if (a.side != b.side) return differs("side", std::string(to_string(a.side)), std::string(to_string(b.side)));
    if (!same_mass(a.weight, b.weight)) return differs("weight", text_of(a.weight), text_of(b.weight));
    if (a.minutes != b.minutes) return differs("minutes", text_of(a.minutes), text_of(b.minutes));
    if (a.sets != b.sets) return differs("sets", text_of(a.sets), text_of(b.sets));
    if (a.reps != b.reps) return differs("reps", text_of(a.reps), text_of(b.reps));
    if (a.effort != b.effort) return differs("effort", text_of(a.effort), text_of(b.effort));
    if (a.pain != b.pain) return differs("pain", text_of(a.pain), text_of(b.pain));
    if (a.note != b.note) return differs("note", a.note, b.note);
    if (a.line != b.line) return differs("line", std::to_string(a.line), std::to_string(b.line));
    return std::nullopt;
}

std::optional<std::string> sessions_difference(const std::vector<Session>& a, const std::vector<Session>& b,
                                               std::string_view name) {
    if (a.size() != b.size()) return fmt::format("{}: {} vs {} of them", name, a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (auto d = session_difference(a[i], b[i], fmt::format("{}[{}]", name, i))) return d;
    }
    return std::nullopt;
}

std::optional<std::string> profile_difference(const Profile& a, const Profile& b) {
    if (a.name != b.name) return fmt::format("profile.name: {} vs {}", a.name, b.name);
    if (a.units != b.units) return "profile.units";
    if (a.weights.size() != b.weights.size()) return "profile.weights: different counts";
    for (std::size_t i = 0; i < a.weights.size(); ++i) {
        if (!same_mass(a.weights[i], b.weights[i])) return fmt::format("profile.weights[{}]", i);
    }
    if (a.injuries != b.injuries) return "profile.history";
    return std::nullopt;
}

std::optional<std::string> catalogue_difference(const Catalogue& a, const Catalogue& b) {
    if (a.names() != b.names()) return "catalogue: different names";
    for (const std::string& name : a.names()) {
        const Activity* x = a.find(name);
        const Activity* y = b.find(name);
        if (x->name != y->name || x->kind != y->kind || x->group != y->group || x->built_in != y->built_in) {
            return fmt::format("catalogue: activity '{}'", name);
        }
    }
    return std::nullopt;
}

std::optional<std::string> rules_difference(const RuleSettings& a, const RuleSettings& b) {
    for (std::size_t i = 0; i < rule_count; ++i) {
        const auto id = static_cast<RuleId>(i);
        if (a.enabled(id) != b.enabled(id)) return fmt::format("rules: '{}' on in one only", to_string(id));
    }
    for (std::size_t i = 0; i < knob_count; ++i) {
        const auto knob = static_cast<Knob>(i);
        if (!same_bits(a.value(knob), b.value(knob))) return fmt::format("rules: knob {}", i);
    }
    return std::nullopt;
}

struct Failure {
    std::string message;
    std::string advice;
    std::string where;
};

std::variant<Log, Failure> parse_with(Log (*parse)(std::string_view, std::string_view), std::string_view text) {
    try {
        return parse(text, "log.toml");
    } catch (const Error& e) {
        return Failure{e.message(), e.advice(), e.where().to_string()};
    }
}

}  // namespace

std::optional<std::string> log_difference(const Log& a, const Log& b) {
    if (auto d = profile_difference(a.profile, b.profile)) return d;
    if (auto d = catalogue_difference(a.catalogue, b.catalogue)) return d;
    if (auto d = rules_difference(a.rules, b.rules)) return d;
    if (auto d = sessions_difference(a.sessions, b.sessions, "sessions")) return d;
    if (auto d = sessions_difference(a.planned, b.planned, "planned")) return d;
    if (a.pain_checks.size() != b.pain_checks.size()) return "pain_checks: different counts";
    for (std::size_t i = 0; i < a.pain_checks.size(); ++i) {
        const PainCheck& x = a.pain_checks[i];
        const PainCheck& y = b.pain_checks[i];
        if (x.date != y.date || x.pain != y.pain || x.note != y.note || x.line != y.line) {
            return fmt::format("pain_checks[{}]", i);
        }
    }
    if (a.prescriptions.size() != b.prescriptions.size()) return "prescriptions: different counts";
    for (std::size_t i = 0; i < a.prescriptions.size(); ++i) {
        const Prescription& x = a.prescriptions[i];
        const Prescription& y = b.prescriptions[i];
        if (x.activity != y.activity || x.days != y.days || x.line != y.line || x.from != y.from ||
            x.until != y.until || x.note != y.note || x.side != y.side || x.on != y.on) {
            return fmt::format("prescriptions[{}]", i);
        }
    }
    if (a.plan_saves.size() != b.plan_saves.size()) return "plan_saves: different counts";
    for (std::size_t i = 0; i < a.plan_saves.size(); ++i) {
        if (a.plan_saves[i].monday != b.plan_saves[i].monday || a.plan_saves[i].line != b.plan_saves[i].line) {
            return fmt::format("plan_saves[{}]", i);
        }
    }
    if (a.inline_sessions_line != b.inline_sessions_line) {
        return fmt::format("inline_sessions_line: {} vs {}", a.inline_sessions_line, b.inline_sessions_line);
    }
    return std::nullopt;
}

LogParseComparison compare_log_parse(std::string_view text) {
    const auto by_blocks = parse_with(parse_log, text);
    const auto whole = parse_with(parse_log_whole, text);
    LogParseComparison result;
    if (by_blocks.index() != whole.index()) {
        const Failure& failure = std::holds_alternative<Failure>(by_blocks) ? std::get<Failure>(by_blocks)
                                                                            : std::get<Failure>(whole);
        result.difference = fmt::format("only the {} path failed: {}: {}",
                                        std::holds_alternative<Failure>(by_blocks) ? "per-block" : "whole-document",
                                        failure.where, failure.message);
        return result;
    }
    if (const auto* log = std::get_if<Log>(&by_blocks)) {
        result.parsed = true;
        result.difference = log_difference(*log, std::get<Log>(whole));
        return result;
    }
    const Failure& a = std::get<Failure>(by_blocks);
    const Failure& b = std::get<Failure>(whole);
    if (a.message != b.message || a.advice != b.advice || a.where != b.where) {
        result.difference = fmt::format("per-block: {}: {} ({}); whole-document: {}: {} ({})", a.where, a.message,
                                        a.advice, b.where, b.message, b.advice);
    }
    return result;
}

}  // namespace anklog::testing
