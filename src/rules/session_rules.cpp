// Rules that judge a session on its own (or with the few sessions just
// before it): ankle-weights-running, over-range, pain, persistent-pain,
// long-wear.
#include <fmt/format.h>

#include <deque>

#include "anklog/numeric.hpp"
#include "engine.hpp"

namespace anklog::rules {

namespace {

void ankle_weights_running(Checker& checker, const Entry& e) {
    if (e.activity->name != "run" || !e.weighted() || e.session->on != Limb::ankle) return;
    checker.report(e, RuleId::ankle_weights_running, Severity::warning,
             fmt::format("{} on {} was done with weights on the ankles", e.activity->name,
                         to_string(e.session->date)),
             fmt::format("{} per ankle while running", checker.mass(e.kg)),
             "run without ankle weights: they change your stride and load the knees and hips; use wrist weights or "
             "a weighted vest instead");
}

void over_range(Checker& checker, const Thresholds& limits, const Entry& e) {
    if (!e.weighted()) return;
    const bool injury = limits.injury_history;
    if (e.kind() == Kind::gait) {
        const double danger = limits.over_range.gait_danger_kg;
        const double warning = limits.over_range.gait_warning_kg;
        if (!above(e.kg, warning)) return;
        const bool is_danger = above(e.kg, danger);
        checker.report(e, RuleId::over_range, is_danger ? Severity::danger : Severity::warning,
                 fmt::format("{} on {} used {} per limb, heavier than walking weights should be", e.activity->name,
                             to_string(e.session->date), checker.mass(e.kg)),
                 fmt::format("{} > {}{}", checker.mass(e.kg), checker.mass(is_danger ? danger : warning),
                             is_danger ? " for any gait activity"
                                       : (injury ? " for gait with injury history" : " for gait activities")),
                 fmt::format("for walking and other gait work stay between {} and {} per limb; use heavier "
                             "weights for strength exercises",
                             checker.mass(0.5), checker.mass(std::min(warning, 1.0))));
        return;
    }
    const double warning = limits.over_range.other_warning_kg;
    if (!above(e.kg, warning)) return;
    checker.report(e, RuleId::over_range, Severity::warning,
             fmt::format("{} on {} used {} per limb, above the range of ankle and wrist weights", e.activity->name,
                         to_string(e.session->date), checker.mass(e.kg)),
             fmt::format("{} > {} for {} work", checker.mass(e.kg), checker.mass(warning), to_string(e.kind())),
             fmt::format("stay at or below {} per limb, and progress with reps and sets instead", checker.mass(warning)));
}

void pain(Checker& checker, const Thresholds& limits, const Entry& e) {
    const int score = e.session->pain.value_or(-1);
    const int danger = limits.pain.danger;
    const int warning = limits.pain.warning;
    if (score < warning && score <= danger) return;
    const bool is_danger = score > danger;
    checker.report(e, RuleId::pain, is_danger ? Severity::danger : Severity::warning,
             fmt::format("{} on {} hurt: pain {}/10", e.activity->name, to_string(e.session->date), score),
             is_danger ? fmt::format("pain {}/10 > {}/10, above what load monitoring accepts", score, danger)
                       : fmt::format("pain {}/10 >= {}/10", score, warning),
             is_danger ? "stop the weights and rest until it settles; if it does not settle by the next morning, or "
                         "keeps coming back, see a doctor or physiotherapist"
                       : "remove the weights and rest; pain should settle by the next morning before you train "
                         "that again");
}

void long_wear(Checker& checker, const Thresholds& limits, const Entry& e) {
    const int max = limits.long_wear.max_minutes;
    if (!e.weighted() || e.session->minutes.value_or(0) <= max) return;
    checker.report(e, RuleId::long_wear, Severity::warning,
             fmt::format("{} on {} kept the weights on for {} min", e.activity->name, to_string(e.session->date),
                         *e.session->minutes),
             fmt::format("{} with {} per limb > {} min", amount(Kind::gait, *e.session->minutes), checker.mass(e.kg), max),
             fmt::format("take the weights off after about {} min; don't wear them for hours", max));
}

// Pain of 3+ in 3 of the last 5 sessions: fires when the count reaches 3.
class PersistentPain {
public:
    explicit PersistentPain(Checker& checker)
        : checker_(checker),
          pain_(checker.thresholds().persistent_pain.pain),
          count_(static_cast<std::size_t>(checker.thresholds().persistent_pain.count)),
          of_last_(static_cast<std::size_t>(checker.thresholds().persistent_pain.of_last)) {}

    void add(const Entry& e) {
        const std::size_t before = painful();
        last_.push_back(&e);
        if (last_.size() > of_last_) last_.pop_front();
        const std::size_t now = painful();
        if (now < count_ || before >= count_) return;
        std::vector<std::string> scores;
        for (const Entry* s : last_) {
            scores.push_back(s->session->pain ? fmt::format("{}", *s->session->pain) : std::string("-"));
        }
        checker_.report(e, RuleId::persistent_pain, Severity::danger,
                  fmt::format("{} on {} made {} of the last {} sessions painful ({}/10 or more)", e.activity->name,
                              to_string(e.session->date), now, last_.size(), pain_),
                  fmt::format("pain scores of the last {} sessions: {}", last_.size(), fmt::join(scores, ", ")),
                  "stop training with weights and see a doctor or physiotherapist: pain that keeps coming back "
                  "does not settle with rest alone");
    }

private:
    [[nodiscard]] std::size_t painful() const {
        std::size_t n = 0;
        for (const Entry* s : last_) n += s->session->pain.value_or(-1) >= pain_ ? 1U : 0U;
        return n;
    }
    Checker& checker_;
    int pain_;
    std::size_t count_;
    std::size_t of_last_;
    std::deque<const Entry*> last_;
};

}  // namespace

void check_sessions(Checker& checker) {
    PersistentPain persistent(checker);
    const Thresholds& limits = checker.thresholds();
    const bool running = limits.ankle_weights_running.on;
    const bool range = limits.over_range.on;
    const bool pain_on = limits.pain.on;
    const bool persistent_on = limits.persistent_pain.on;
    const bool wear = limits.long_wear.on;
    for (const Entry& e : checker.entries()) {
        if (running) ankle_weights_running(checker, e);
        if (range) over_range(checker, limits, e);
        if (pain_on) pain(checker, limits, e);
        if (persistent_on) persistent.add(e);
        if (wear) long_wear(checker, limits, e);
    }
}

}  // namespace anklog::rules
