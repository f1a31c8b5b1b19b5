// Rules that judge a session on its own, or with the other sessions of its
// day and the last few training days: ankle-weights-running, over-range,
// pain, persistent-pain, long-wear.
#include <algorithm>
#include <fmt/format.h>

#include <limits>
#include <optional>

#include "anklog/numeric.hpp"
#include "anklog/pain.hpp"
#include "engine.hpp"

namespace anklog::rules {

namespace {

void ankle_weights_running(Checker& checker, const Entry& e) {
    if (e.activity->name != "run" || !e.weighted()) return;
    checker.ceiling(e).wrist = true;
    if (e.session->on != Limb::ankle) return;
    // Weights moved to the wrists are a new load there, which the ankle
    // run's history says nothing about: the load proposed is the run
    // without weights.
    checker.ceiling(e).kg = 0;
    checker.report(e, RuleId::ankle_weights_running, Severity::warning,
                   fmt::format("{} on {} was done with weights on the ankles", e.activity->name,
                               to_string(e.session->date)),
                   fmt::format("{} per ankle while running", checker.logged_mass(e)), {{"weight_kg", e.kg}},
                   "run without ankle weights: they change your stride and load the knees and hips; put them on "
                   "the wrists, or use a weighted vest");
}

void over_range(Checker& checker, const Thresholds& limits, const Entry& e) {
    if (!e.weighted()) return;
    const double warning = limits.weight_limit_kg(e.kind());
    Ceiling& ceiling = checker.ceiling(e);
    ceiling.kg = std::min(ceiling.kg, warning);
    if (!above(e.kg, warning)) return;
    if (e.kind() == Kind::gait) {
        const double danger = limits.over_range.gait_danger_kg;
        const bool is_danger = above(e.kg, danger);
        checker.report(
            e, RuleId::over_range, is_danger ? Severity::danger : Severity::warning,
            fmt::format("{} on {} used {} per limb, heavier than weights for walking and other gait work should be",
                        named(e), to_string(e.session->date), checker.logged_mass(e)),
            fmt::format("{} > {}{}", checker.logged_mass(e), checker.limit(is_danger ? danger : warning),
                        is_danger ? " for any gait activity"
                                  : (limits.injury_history ? " for gait with injury history" : " for gait activities")),
            {{"weight_kg", e.kg}, {"limit_kg", is_danger ? danger : warning}},
            fmt::format("for gait work stay at or below {} per limb, and use heavier weights for strength exercises",
                        checker.limit(warning)));
        return;
    }
    checker.report(e, RuleId::over_range, Severity::warning,
                   fmt::format("{} on {} used {} per limb, above the range of ankle and wrist weights",
                               named(e), to_string(e.session->date), checker.logged_mass(e)),
                   fmt::format("{} > {} for {} work", checker.logged_mass(e), checker.limit(warning),
                               to_string(e.kind())),
                   {{"weight_kg", e.kg}, {"limit_kg", warning}},
                   fmt::format("stay at or below {} per limb, and progress with reps and sets instead",
                               checker.limit(warning)));
}

// A session's own pain score: the advice is to stop and rest, never a load.
void pain(Checker& checker, const Thresholds& limits, const Entry& e) {
    const int score = e.session->pain.value_or(-1);
    const int danger = limits.pain.danger;
    const int warning = limits.pain.warning;
    if (score < warning && score <= danger) return;
    const bool is_danger = score > danger;
    checker.report(e, RuleId::pain, is_danger ? Severity::danger : Severity::warning,
                   fmt::format("{} on {} hurt: pain {}/10", named(e), to_string(e.session->date), score),
                   is_danger ? fmt::format("pain {}/10 > {}/10, above what load monitoring accepts", score, danger)
                             : fmt::format("pain {}/10 >= {}/10", score, warning),
                   {{"pain", static_cast<long long>(score)},
                    {"limit", static_cast<long long>(is_danger ? danger : warning)}},
                   // What comes after is the assessment's hold or step down, in
                   // the words the standing and the plan use (one voice).
                   is_danger ? fmt::format("stop the weights and rest until it settles; then step down one weight "
                                           "step and hold there until a reading of {}/10 or less; if it has not "
                                           "settled by the next morning, or keeps coming back, see a doctor or "
                                           "physiotherapist",
                                           std::max(0, limits.pain.raised_after - 1))
                             : fmt::format("take the weights off and rest for the day; then repeat this load and "
                                           "raise nothing until a reading of {}/10 or less (--pain, or `anklog "
                                           "pain N` the next morning)",
                                           std::max(0, limits.pain.raised_after - 1)),
                   Remedy::rest);
}

// Weighted minutes of one day, all its sessions together: fires on the
// session that takes the day over the limit.
class LongWear {
public:
    LongWear(Checker& checker, int max_minutes) : checker_(checker), max_(max_minutes) {}

    void add(const Entry& e) {
        if (e.day != day_) {
            day_ = e.day;
            minutes_ = 0;
            sessions_.clear();
        }
        if (!e.weighted() || !is_timed(e.kind())) return;
        const int before = minutes_;
        minutes_ += e.volume;
        sessions_.push_back(fmt::format("{} {} min", e.activity->name, e.volume));
        if (before > max_) return;  // already over: fired on an earlier session of the day
        Ceiling& ceiling = checker_.ceiling(e);
        ceiling.budget = std::min(ceiling.budget, static_cast<double>(max_ - before));
        if (minutes_ <= max_) return;
        checker_.report(e, RuleId::long_wear, Severity::warning,
                        fmt::format("{} on {} took the day's time in weights to {} min", e.activity->name,
                                    to_string(e.session->date), minutes_),
                        sessions_.size() == 1
                            ? fmt::format("{} with weights > {} min", sessions_.front(), max_)
                            : fmt::format("weighted minutes on {}: {} = {} min > {} min", to_string(e.session->date),
                                          fmt::join(sessions_, " + "), minutes_, max_),
                        {{"day_minutes", static_cast<long long>(minutes_)}, {"max_minutes", static_cast<long long>(max_)}},
                        fmt::format("take the weights off after about {} min in a day; don't wear them for hours", max_));
    }

private:
    Checker& checker_;
    int max_;
    int day_ = std::numeric_limits<int>::min();
    int minutes_ = 0;
    std::vector<std::string> sessions_;
};

// Pain of 3+ on 3 of the last 5 training days: fires on the session that
// makes the count reach 3, and again on each later painful training day
// while it holds (training on through pain is the danger, every time), once
// a day.
class PersistentPain {
public:
    explicit PersistentPain(Checker& checker)
        : checker_(checker),
          limits_(checker.thresholds().persistent_pain),
          days_(limits_.pain, limits_.of_last) {}

    void add(const Entry& e) {
        days_.add(e.session->date, e.session->pain);
        const int now = days_.painful();
        const bool painful = e.session->pain && *e.session->pain >= limits_.pain;
        if (now < limits_.count || !painful || reported_day_ == e.session->date) return;
        reported_day_ = e.session->date;
        std::vector<std::string> scores;
        for (const auto& [date, pain] : days_.days_and_pain()) {
            scores.push_back(pain ? fmt::format("{}", *pain) : std::string("-"));
        }
        checker_.report(
            e, RuleId::persistent_pain, Severity::danger,
            fmt::format("{} on {} made {} of the last {} training days painful ({}/10 or more)", e.activity->name,
                        to_string(e.session->date), now, days_.days(), limits_.pain),
            fmt::format("highest pain of each of the last {} training days: {}", days_.days(), fmt::join(scores, ", ")),
            {{"painful_days", static_cast<long long>(now)},
             {"training_days", static_cast<long long>(days_.days())},
             {"pain", static_cast<long long>(limits_.pain)}},
            "stop training with weights and see a doctor or physiotherapist: pain that keeps coming back does not "
            "settle with rest alone");
    }

private:
    Checker& checker_;
    const Thresholds::PersistentPain& limits_;
    PainDays days_;
    std::optional<Date> reported_day_;
};

}  // namespace

void check_sessions(Checker& checker) {
    const Thresholds& limits = checker.thresholds();
    PersistentPain persistent(checker);
    LongWear wear(checker, limits.long_wear.max_minutes);
    // An injury of one side: the other side's sessions keep the ordinary
    // limits; wrist weights keep them too (the injury is a leg's).
    for (const Entry& e : checker.entries()) {
        if (limits.ankle_weights_running.on) ankle_weights_running(checker, e);
        if (limits.over_range.on) over_range(checker, limits.for_load(e.session->on, e.session->side), e);
        if (limits.pain.on) pain(checker, limits, e);
        if (limits.persistent_pain.on) persistent.add(e);
        if (limits.long_wear.on) wear.add(e);
    }
}

}  // namespace anklog::rules
