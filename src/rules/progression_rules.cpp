// Rules that compare a session with the earlier sessions of the same
// activity: start-light, weight-and-volume, weight-jump, volume-spike,
// return-after-break, and the pain rule's "load raised after pain".
// One pass per activity with sliding windows: O(n) overall.
#include <fmt/format.h>

#include <cmath>
#include <deque>
#include <map>
#include <optional>

#include "engine.hpp"

namespace anklog::rules {

namespace {

// The largest value among entries whose day is inside a sliding window.
class SlidingMax {
public:
    void push(int day, double value) {
        while (!items_.empty() && items_.back().second <= value) items_.pop_back();
        items_.emplace_back(day, value);
    }
    void drop_before(int day) {
        while (!items_.empty() && items_.front().first < day) items_.pop_front();
    }
    [[nodiscard]] std::optional<double> max() const {
        if (items_.empty()) return std::nullopt;
        return items_.front().second;
    }

private:
    std::deque<std::pair<int, double>> items_;
};

// How many entries are inside a sliding window.
class SlidingCount {
public:
    void push(int day) { days_.push_back(day); }
    void drop_before(int day) {
        while (!days_.empty() && days_.front() < day) days_.pop_front();
    }
    [[nodiscard]] std::size_t size() const { return days_.size(); }

private:
    std::deque<int> days_;
};

// The thresholds these rules use, read from the rule settings once per check.
struct Limits {
    explicit Limits(const Checker& c)
        : start_light(c.enabled("start-light")),
          weight_and_volume(c.enabled("weight-and-volume")),
          weight_jump(c.enabled("weight-jump")),
          volume_spike(c.enabled("volume-spike")),
          return_after_break(c.enabled("return-after-break")),
          pain(c.enabled("pain")),
          injury(c.log().profile.has_injury_history()),
          start_max_kg(start_light_max_kg(c.log())),
          start_max_minutes(static_cast<int>(c.value("start-light", "max_minutes"))),
          start_max_sets(static_cast<int>(c.value("start-light", "max_sets"))),
          wv_days(static_cast<int>(c.value("weight-and-volume", "window_days"))),
          wj_days(static_cast<int>(c.value("weight-jump", "window_days"))),
          wj_danger_ratio(c.value("weight-jump", "danger_ratio")),
          spike_days(static_cast<int>(c.value("volume-spike", "window_days"))),
          spike_min_sessions(static_cast<std::size_t>(c.value("volume-spike", "min_sessions"))),
          spike_note(c.value("volume-spike", "note")),
          spike_warning(c.value("volume-spike", "warning")),
          spike_danger(c.value("volume-spike", "danger")),
          break_days(static_cast<int>(c.value("return-after-break", "break_days"))),
          pain_raised_after(static_cast<int>(c.value("pain", "raised_after"))) {}

    bool start_light, weight_and_volume, weight_jump, volume_spike, return_after_break, pain;
    bool injury;
    double start_max_kg;
    int start_max_minutes, start_max_sets;
    int wv_days, wj_days;
    double wj_danger_ratio;
    int spike_days;
    std::size_t spike_min_sessions;
    double spike_note, spike_warning, spike_danger;
    int break_days;
    int pain_raised_after;
};

// One activity's sessions in date order, walked once.
class ActivityPass {
public:
    ActivityPass(Checker& checker, const Limits& limits, const std::vector<const Entry*>& series)
        : c_(checker), l_(limits), series_(series), wv_days_(limits.wv_days), wj_days_(limits.wj_days),
          spike_days_(limits.spike_days) {}

    void run() {
        std::size_t added = 0;  // series_[0, added) are on earlier days than the current entry
        const Entry* last_weighted = nullptr;
        bool seen_weighted = false;
        const Entry* previous = nullptr;  // the session right before, same day included
        for (const Entry* entry : series_) {
            while (added < series_.size() && series_[added]->day < entry->day) {
                const Entry* earlier = series_[added++];
                if (!earlier->weighted()) continue;
                wv_weight_.push(earlier->day, earlier->kg);
                wv_volume_.push(earlier->day, earlier->volume);
                wj_weight_.push(earlier->day, earlier->kg);
                spike_volume_.push(earlier->day, earlier->volume);
                spike_count_.push(earlier->day);
                last_weighted = earlier;
            }
            for (auto* window : {&wv_weight_, &wv_volume_}) window->drop_before(entry->day - wv_days_);
            wj_weight_.drop_before(entry->day - wj_days_);
            spike_volume_.drop_before(entry->day - spike_days_);
            spike_count_.drop_before(entry->day - spike_days_);

            if (previous) pain_then_raise(*entry, *previous);
            if (entry->weighted()) {
                if (!seen_weighted) start_light(*entry);
                if (last_weighted) {
                    weight_and_volume(*entry, *last_weighted);
                    weight_jump(*entry, *last_weighted);
                }
                volume_spike(*entry);
                if (added > 0) return_after_break(*entry, *series_[added - 1]);
                seen_weighted = true;
            }
            previous = entry;
        }
    }

private:
    void start_light(const Entry& e) {
        if (!l_.start_light) return;
        const bool injury = l_.injury;
        const double max_kg = l_.start_max_kg;
        const int max_minutes = l_.start_max_minutes;
        const int max_sets = l_.start_max_sets;
        std::vector<std::string> over;
        if (e.kg > max_kg + mass_epsilon_kg) {
            over.push_back(fmt::format("weight {} > {}{}", c_.mass(e.kg), c_.mass(max_kg),
                                       injury ? " (with injury history)" : ""));
        }
        if (is_timed(e.kind()) && e.volume > max_minutes) {
            over.push_back(fmt::format("duration {} min > {} min", e.volume, max_minutes));
        }
        if (!is_timed(e.kind()) && e.session->sets.value_or(0) > max_sets) {
            over.push_back(fmt::format("{} sets > {}", *e.session->sets, max_sets));
        }
        if (over.empty()) return;
        const std::string dose = is_timed(e.kind()) ? fmt::format("for at most {} min", max_minutes)
                                                    : fmt::format("for {} set{}", max_sets, max_sets == 1 ? "" : "s");
        c_.report(e, "start-light", Severity::warning,
                  fmt::format("first weighted {} on {} started heavier than a first session should", e.activity->name,
                              to_string(e.session->date)),
                  fmt::format("{} (first weighted session of {})", fmt::join(over, ", "), e.activity->name),
                  fmt::format("start with {} {} and build from there, one thing at a time",
                              c_.mass(std::min(max_kg, std::max(e.kg, 0.0))), dose));
    }

    void weight_and_volume(const Entry& e, const Entry& last) {
        if (!l_.weight_and_volume) return;
        const double working_kg = wv_weight_.max().value_or(last.kg);
        const double working_volume = wv_volume_.max().value_or(last.volume);
        if (e.kg <= working_kg + mass_epsilon_kg || e.volume <= working_volume) return;
        const bool in_window = wv_weight_.max().has_value();
        const auto word = volume_word(e.kind());
        c_.report(e, "weight-and-volume", Severity::warning,
                  fmt::format("{} on {} raised weight and {} together", e.activity->name, to_string(e.session->date),
                              word),
                  fmt::format("weight {} -> {}, {} {} -> {} (vs {})", c_.mass(working_kg), c_.mass(e.kg), word,
                              amount(e.kind(), working_volume), amount(e.kind(), e.volume),
                              in_window ? fmt::format("working level of the last {} days", wv_days_)
                                        : std::string("the last session")),
                  fmt::format("raise one at a time: keep {} at {}, or {} at {}", c_.mass(e.kg),
                              amount(e.kind(), working_volume), c_.mass(working_kg), amount(e.kind(), e.volume)));
    }

    void weight_jump(const Entry& e, const Entry& last) {
        if (!l_.weight_jump) return;
        const double working_kg = wj_weight_.max().value_or(last.kg);
        if (working_kg <= 0) return;  // from unweighted: start-light judges
        const Profile& profile = c_.log().profile;
        const Mass working{working_kg, Unit::kg};
        const Mass step = next_weight_up(profile, working)
                              .value_or(Mass{working.in(profile.units) + default_weight_step(profile.units).amount,
                                             profile.units});
        if (e.kg <= step.kg() + mass_epsilon_kg) return;
        const double ratio = e.kg / working_kg;
        const bool doubled = ratio >= l_.wj_danger_ratio - 1e-9;
        c_.report(e, "weight-jump", doubled ? Severity::danger : Severity::warning,
                  fmt::format("{} on {} jumped more than one weight step", e.activity->name, to_string(e.session->date)),
                  fmt::format("weight {} -> {} ({:.1f}x), one step up is {}", c_.mass(working_kg), c_.mass(e.kg), ratio,
                              c_.mass(step.kg())),
                  fmt::format("go up one step at a time: {} next", c_.mass(step.kg())));
    }

    void volume_spike(const Entry& e) {
        if (!l_.volume_spike) return;
        const auto longest = spike_volume_.max();
        if (!longest || spike_count_.size() < l_.spike_min_sessions) return;
        const double increase = e.volume / *longest - 1;
        Severity severity;
        if (increase > l_.spike_danger + 1e-9) {
            severity = Severity::danger;
        } else if (increase > l_.spike_warning + 1e-9) {
            severity = Severity::warning;
        } else if (increase > l_.spike_note + 1e-9) {
            severity = Severity::note;
        } else {
            return;
        }
        const double safe = std::floor(*longest * (1 + l_.spike_note) + 1e-9);
        c_.report(e, "volume-spike", severity,
                  fmt::format("{} on {} {} {:.0f}% {} than any in the last {} days", e.activity->name,
                              to_string(e.session->date), is_timed(e.kind()) ? "was" : "had", increase * 100,
                              is_timed(e.kind()) ? "longer" : "more reps", spike_days_),
                  fmt::format("{} {} vs {}, the longest of {} weighted sessions in the last {} days",
                              volume_word(e.kind()), amount(e.kind(), e.volume), amount(e.kind(), *longest),
                              spike_count_.size(), spike_days_),
                  fmt::format("build up in small steps: about {} next time", amount(e.kind(), safe)));
    }

    void return_after_break(const Entry& e, const Entry& last) {
        if (!l_.return_after_break) return;
        const int gap = e.day - last.day;
        if (gap < l_.break_days) return;
        if (e.kg + mass_epsilon_kg < last.kg || e.volume < last.volume) return;
        c_.report(e, "return-after-break", Severity::warning,
                  fmt::format("{} on {} came back after {} days at the full load", e.activity->name,
                              to_string(e.session->date), gap),
                  fmt::format("{} {} on {} (last session), now {} {}", c_.mass(last.kg), volume_of(last),
                              to_string(last.session->date), c_.mass(e.kg), volume_of(e)),
                  "come back lighter or shorter after a break (one step down, or about half the volume), then "
                  "build up again");
    }

    void pain_then_raise(const Entry& e, const Entry& previous) {
        if (!l_.pain) return;
        const int after = l_.pain_raised_after;
        if (previous.session->pain.value_or(-1) < after) return;
        const bool heavier = e.kg > previous.kg + mass_epsilon_kg;
        const bool more = e.volume > previous.volume;
        if (!heavier && !more) return;
        std::string what = heavier ? fmt::format("weight {} -> {}", c_.mass(previous.kg), c_.mass(e.kg)) : "";
        if (more) {
            what += fmt::format("{}{} {} -> {}", heavier ? ", " : "", volume_word(e.kind()),
                                amount(e.kind(), previous.volume), amount(e.kind(), e.volume));
        }
        c_.report(e, "pain", Severity::danger,
                  fmt::format("{} on {} raised the load right after a painful session", e.activity->name,
                              to_string(e.session->date)),
                  fmt::format("pain {}/10 on {}, then {}", *previous.session->pain, to_string(previous.session->date),
                              what),
                  "after pain, repeat the same load until it is pain-free, or step down; never push through pain");
    }

    Checker& c_;
    const Limits& l_;
    const std::vector<const Entry*>& series_;
    int wv_days_;
    int wj_days_;
    int spike_days_;
    SlidingMax wv_weight_, wv_volume_, wj_weight_, spike_volume_;
    SlidingCount spike_count_;
};

}  // namespace

void check_progression(Checker& checker) {
    std::map<const Activity*, std::vector<const Entry*>> by_activity;
    for (const Entry& entry : checker.entries()) by_activity[entry.activity].push_back(&entry);
    const Limits limits(checker);
    for (const auto& [activity, series] : by_activity) ActivityPass(checker, limits, series).run();
}

}  // namespace anklog::rules
