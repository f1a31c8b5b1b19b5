// Rules that judge a session on its own (or with the few sessions just
// before it): ankle-weights-running, over-range, pain, persistent-pain,
// long-wear.
#include <fmt/format.h>

#include <deque>

#include "engine.hpp"

namespace anklog::rules {

namespace {

// The thresholds these rules use, read from the rule settings once per check.
struct SessionLimits {
    explicit SessionLimits(const Checker& c)
        : injury(c.log().profile.has_injury_history()),
          gait_danger_kg(c.value("over-range", "gait_danger_kg")),
          gait_warning_kg(gait_weight_limit_kg(c.log())),
          other_warning_kg(c.value("over-range", "other_warning_kg")),
          pain_danger(static_cast<int>(c.value("pain", "danger"))),
          pain_warning(static_cast<int>(c.value("pain", "warning"))),
          long_wear_minutes(static_cast<int>(c.value("long-wear", "max_minutes"))) {}
    bool injury;
    double gait_danger_kg, gait_warning_kg, other_warning_kg;
    int pain_danger, pain_warning, long_wear_minutes;
};

void ankle_weights_running(Checker& c, const Entry& e) {
    if (e.activity->name != "run" || !e.weighted() || e.session->on != Limb::ankle) return;
    c.report(e, "ankle-weights-running", Severity::warning,
             fmt::format("{} on {} was done with weights on the ankles", e.activity->name,
                         to_string(e.session->date)),
             fmt::format("{} per ankle while running", c.mass(e.kg)),
             "run without ankle weights: they change your stride and load the knees and hips; use wrist weights or "
             "a weighted vest instead");
}

void over_range(Checker& c, const SessionLimits& l, const Entry& e) {
    if (!e.weighted()) return;
    const bool injury = l.injury;
    if (e.kind() == Kind::gait) {
        const double danger = l.gait_danger_kg;
        const double warning = l.gait_warning_kg;
        if (e.kg <= warning + mass_epsilon_kg) return;
        const bool is_danger = e.kg > danger + mass_epsilon_kg;
        c.report(e, "over-range", is_danger ? Severity::danger : Severity::warning,
                 fmt::format("{} on {} used {} per limb, heavier than walking weights should be", e.activity->name,
                             to_string(e.session->date), c.mass(e.kg)),
                 fmt::format("{} > {}{}", c.mass(e.kg), c.mass(is_danger ? danger : warning),
                             is_danger ? " for any gait activity"
                                       : (injury ? " for gait with injury history" : " for gait activities")),
                 fmt::format("for walking and other gait work stay between {} and {} per limb; use heavier "
                             "weights for strength exercises",
                             c.mass(0.5), c.mass(std::min(warning, 1.0))));
        return;
    }
    const double warning = l.other_warning_kg;
    if (e.kg <= warning + mass_epsilon_kg) return;
    c.report(e, "over-range", Severity::warning,
             fmt::format("{} on {} used {} per limb, above the range of ankle and wrist weights", e.activity->name,
                         to_string(e.session->date), c.mass(e.kg)),
             fmt::format("{} > {} for {} work", c.mass(e.kg), c.mass(warning), to_string(e.kind())),
             fmt::format("stay at or below {} per limb, and progress with reps and sets instead", c.mass(warning)));
}

void pain(Checker& c, const SessionLimits& l, const Entry& e) {
    const int score = e.session->pain.value_or(-1);
    const int danger = l.pain_danger;
    const int warning = l.pain_warning;
    if (score < warning && score <= danger) return;
    const bool is_danger = score > danger;
    c.report(e, "pain", is_danger ? Severity::danger : Severity::warning,
             fmt::format("{} on {} hurt: pain {}/10", e.activity->name, to_string(e.session->date), score),
             is_danger ? fmt::format("pain {}/10 > {}/10, above what load monitoring accepts", score, danger)
                       : fmt::format("pain {}/10 >= {}/10", score, warning),
             is_danger ? "stop the weights and rest until it settles; if it does not settle by the next morning, or "
                         "keeps coming back, see a doctor or physiotherapist"
                       : "remove the weights and rest; pain should settle by the next morning before you train "
                         "that again");
}

void long_wear(Checker& c, const SessionLimits& l, const Entry& e) {
    const int max = l.long_wear_minutes;
    if (!e.weighted() || e.session->minutes.value_or(0) <= max) return;
    c.report(e, "long-wear", Severity::warning,
             fmt::format("{} on {} kept the weights on for {} min", e.activity->name, to_string(e.session->date),
                         *e.session->minutes),
             fmt::format("{} with {} per limb > {} min", amount(Kind::gait, *e.session->minutes), c.mass(e.kg), max),
             fmt::format("take the weights off after about {} min; don't wear them for hours", max));
}

// Pain of 3+ in 3 of the last 5 sessions: fires when the count reaches 3.
class PersistentPain {
public:
    explicit PersistentPain(Checker& c)
        : c_(c),
          pain_(static_cast<int>(c.value("persistent-pain", "pain"))),
          count_(static_cast<std::size_t>(c.value("persistent-pain", "count"))),
          of_last_(static_cast<std::size_t>(c.value("persistent-pain", "of_last"))) {}

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
        c_.report(e, "persistent-pain", Severity::danger,
                  fmt::format("{} on {} made {} of the last {} sessions painful ({}/10 or more)", e.activity->name,
                              to_string(e.session->date), now, last_.size(), pain_),
                  fmt::format("pain scores of the last {} sessions: {}", last_.size(), fmt::join(scores, ", ")),
                  "stop training with weights and see a doctor or physiotherapist: pain that keeps coming back "
                  "does not settle with rest alone");
    }

private:
    [[nodiscard]] std::size_t painful() const {
        std::size_t n = 0;
        for (const Entry* s : last_) n += s->session->pain.value_or(-1) >= pain_ ? 1 : 0;
        return n;
    }
    Checker& c_;
    int pain_;
    std::size_t count_;
    std::size_t of_last_;
    std::deque<const Entry*> last_;
};

}  // namespace

void check_sessions(Checker& checker) {
    PersistentPain persistent(checker);
    const SessionLimits limits(checker);
    const bool running = checker.enabled("ankle-weights-running");
    const bool range = checker.enabled("over-range");
    const bool pain_on = checker.enabled("pain");
    const bool persistent_on = checker.enabled("persistent-pain");
    const bool wear = checker.enabled("long-wear");
    for (const Entry& e : checker.entries()) {
        if (running) ankle_weights_running(checker, e);
        if (range) over_range(checker, limits, e);
        if (pain_on) pain(checker, limits, e);
        if (persistent_on) persistent.add(e);
        if (wear) long_wear(checker, limits, e);
    }
}

}  // namespace anklog::rules
