#include "anklog/session.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "anklog/limits.hpp"

#include <utility>

namespace anklog {

std::string advice_for_log(const FieldProblem& problem) {
    if (problem.example.empty()) return problem.advice;
    std::vector<std::string> fields;
    for (const auto& [field, value] : problem.example) fields.push_back(fmt::format("{} = {}", field, value));
    return fmt::format("{}, e.g. {}", problem.advice, fmt::join(fields, " and "));
}

std::optional<Limb> parse_limb(std::string_view text) {
    if (!text.empty() && text.back() == 's') text.remove_suffix(1);
    return limb_names.parse(text);
}

int volume(const Session& session, Kind kind) {
    if (is_timed(kind)) return session.minutes.value_or(0);
    return session.sets.value_or(0) * session.reps.value_or(0);
}

std::optional<int> srpe_load(const Session& session) {
    if (!session.effort || !session.minutes) return std::nullopt;
    return *session.effort * *session.minutes;
}

namespace {

struct Range {
    std::string_view field;
    int low;
    int high;
    std::string_view what;
};

constexpr Range ranges[] = {
    {"minutes", limits::min_minutes, limits::max_minutes, "minutes"},
    {"sets", limits::min_sets, limits::max_sets, "sets"},
    {"reps", limits::min_reps, limits::max_reps, "reps per set"},
    {"effort", limits::min_score, limits::max_score, "effort (0 = rest, 10 = maximal)"},
    {"pain", limits::min_score, limits::max_score, "pain (0 = none, 10 = worst)"},
};

}  // namespace

std::optional<FieldProblem> check_range(std::string_view field, long long value) {
    for (const Range& range : ranges) {
        if (range.field != field) continue;
        if (value >= range.low && value <= range.high) return std::nullopt;
        return FieldProblem{std::string(field), fmt::format("{} {} is out of range", field, value),
                            fmt::format("{} must be {} to {}", range.what, range.low, range.high)};
    }
    return std::nullopt;
}

std::optional<FieldProblem> validate(const Session& session, const Activity& activity) {
    if (session.weight) {
        if (auto problem = check_weight(*session.weight, "weight")) return problem;
    }
    const std::pair<std::string_view, const std::optional<int>&> counts[] = {
        {"minutes", session.minutes}, {"sets", session.sets}, {"reps", session.reps},
        {"effort", session.effort},   {"pain", session.pain},
    };
    for (const auto& [field, value] : counts) {
        if (!value) continue;
        if (auto problem = check_range(field, *value)) return problem;
    }

    if (is_timed(activity.kind)) {
        if (session.sets || session.reps) {
            return FieldProblem{session.sets ? "sets" : "reps",
                                fmt::format("{} is timed ({}); it has no sets or reps", activity.name,
                                            to_string(activity.kind)),
                                "log how long it took in minutes instead"};
        }
        if (!session.minutes) {
            return FieldProblem{"minutes", fmt::format("{} needs minutes", activity.name), "add how long it took",
                                {{"minutes", "20"}}};
        }
    } else if (!session.sets || !session.reps) {
        return FieldProblem{session.sets ? "reps" : "sets", fmt::format("{} needs sets and reps", activity.name),
                            "add both", {{"sets", "1"}, {"reps", "10"}}};
    }
    return std::nullopt;
}

}  // namespace anklog
