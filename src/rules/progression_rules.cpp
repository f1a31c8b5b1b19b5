// Rules that compare a session with the earlier sessions of the same
// activity: start-light, weight-and-volume, weight-jump, volume-spike,
// return-after-break, and the pain rule's "load raised after pain".
// One pass per activity with sliding windows: O(n) overall.
#include <fmt/format.h>

#include <cmath>
#include <deque>
#include <map>
#include <optional>

#include "anklog/numeric.hpp"
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

// One activity's sessions in date order, walked once.
class ActivityPass {
public:
    ActivityPass(Checker& checker, const std::vector<const Entry*>& series)
        : checker_(checker), limits_(checker.thresholds()), series_(series) {}

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
            const int working_days = limits_.weight_and_volume.window_days;
            for (auto* window : {&wv_weight_, &wv_volume_}) window->drop_before(entry->day - working_days);
            wj_weight_.drop_before(entry->day - limits_.weight_jump.window_days);
            spike_volume_.drop_before(entry->day - limits_.volume_spike.window_days);
            spike_count_.drop_before(entry->day - limits_.volume_spike.window_days);

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
        const auto& limits = limits_.start_light;
        if (!limits.on) return;
        const bool injury = limits_.injury_history;
        const double max_kg = limits.max_kg;
        const int max_minutes = limits.max_minutes;
        const int max_sets = limits.max_sets;
        std::vector<std::string> over;
        if (above(e.kg, max_kg)) {
            over.push_back(fmt::format("weight {} > {}{}", checker_.mass(e.kg), checker_.mass(max_kg),
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
        checker_.report(e, RuleId::start_light, Severity::warning,
                  fmt::format("first weighted {} on {} started heavier than a first session should", e.activity->name,
                              to_string(e.session->date)),
                  fmt::format("{} (first weighted session of {})", fmt::join(over, ", "), e.activity->name),
                  fmt::format("start with {} {} and build from there, one thing at a time",
                              checker_.mass(std::min(max_kg, std::max(e.kg, 0.0))), dose));
    }

    void weight_and_volume(const Entry& e, const Entry& last) {
        if (!limits_.weight_and_volume.on) return;
        const double working_kg = wv_weight_.max().value_or(last.kg);
        const double working_volume = wv_volume_.max().value_or(last.volume);
        if (!above(e.kg, working_kg) || e.volume <= working_volume) return;
        const bool in_window = wv_weight_.max().has_value();
        const auto word = volume_word(e.kind());
        checker_.report(e, RuleId::weight_and_volume, Severity::warning,
                  fmt::format("{} on {} raised weight and {} together", e.activity->name, to_string(e.session->date),
                              word),
                  fmt::format("weight {} -> {}, {} {} -> {} (vs {})", checker_.mass(working_kg), checker_.mass(e.kg), word,
                              amount(e.kind(), working_volume), amount(e.kind(), e.volume),
                              in_window ? fmt::format("working level of the last {} days", limits_.weight_and_volume.window_days)
                                        : std::string("the last session")),
                  fmt::format("raise one at a time: keep {} at {}, or {} at {}", checker_.mass(e.kg),
                              amount(e.kind(), working_volume), checker_.mass(working_kg), amount(e.kind(), e.volume)));
    }

    void weight_jump(const Entry& e, const Entry& last) {
        if (!limits_.weight_jump.on) return;
        const double working_kg = wj_weight_.max().value_or(last.kg);
        if (working_kg <= 0) return;  // from unweighted: start-light judges
        const Profile& profile = checker_.log().profile;
        const Mass working{working_kg, Unit::kg};
        const Mass step = next_weight_up(profile, working)
                              .value_or(Mass{working.in(profile.units) + default_weight_step(profile.units).amount,
                                             profile.units});
        if (!above(e.kg, step.kg())) return;
        const double ratio = e.kg / working_kg;
        const bool doubled = !below(ratio, limits_.weight_jump.danger_ratio);
        checker_.report(e, RuleId::weight_jump, doubled ? Severity::danger : Severity::warning,
                  fmt::format("{} on {} jumped more than one weight step", e.activity->name, to_string(e.session->date)),
                  fmt::format("weight {} -> {} ({:.1f}x), one step up is {}", checker_.mass(working_kg), checker_.mass(e.kg), ratio,
                              checker_.mass(step.kg())),
                  fmt::format("go up one step at a time: {} next", checker_.mass(step.kg())));
    }

    void volume_spike(const Entry& e) {
        const auto& limits = limits_.volume_spike;
        if (!limits.on) return;
        const auto longest = spike_volume_.max();
        if (!longest || spike_count_.size() < limits.min_sessions) return;
        const double increase = e.volume / *longest - 1;
        Severity severity;
        if (above(increase, limits.danger)) {
            severity = Severity::danger;
        } else if (above(increase, limits.warning)) {
            severity = Severity::warning;
        } else if (above(increase, limits.note)) {
            severity = Severity::note;
        } else {
            return;
        }
        const double safe = std::floor(*longest * (1 + limits.note) + tolerance);
        checker_.report(e, RuleId::volume_spike, severity,
                  fmt::format("{} on {} {} {:.0f}% {} than any in the last {} days", e.activity->name,
                              to_string(e.session->date), is_timed(e.kind()) ? "was" : "had", increase * 100,
                              is_timed(e.kind()) ? "longer" : "more reps", limits.window_days),
                  fmt::format("{} {} vs {}, the longest of {} weighted sessions in the last {} days",
                              volume_word(e.kind()), amount(e.kind(), e.volume), amount(e.kind(), *longest),
                              spike_count_.size(), limits.window_days),
                  fmt::format("build up in small steps: about {} next time", amount(e.kind(), safe)));
    }

    void return_after_break(const Entry& e, const Entry& last) {
        if (!limits_.return_after_break.on) return;
        const int gap = e.day - last.day;
        if (gap < limits_.return_after_break.break_days) return;
        if (below(e.kg, last.kg) || e.volume < last.volume) return;
        checker_.report(e, RuleId::return_after_break, Severity::warning,
                  fmt::format("{} on {} came back after {} days at the full load", e.activity->name,
                              to_string(e.session->date), gap),
                  fmt::format("{} {} on {} (last session), now {} {}", checker_.mass(last.kg), volume_of(last),
                              to_string(last.session->date), checker_.mass(e.kg), volume_of(e)),
                  "come back lighter or shorter after a break (one step down, or about half the volume), then "
                  "build up again");
    }

    void pain_then_raise(const Entry& e, const Entry& previous) {
        if (!limits_.pain.on) return;
        if (previous.session->pain.value_or(-1) < limits_.pain.raised_after) return;
        const bool heavier = above(e.kg, previous.kg);
        const bool more = e.volume > previous.volume;
        if (!heavier && !more) return;
        std::string what = heavier ? fmt::format("weight {} -> {}", checker_.mass(previous.kg), checker_.mass(e.kg)) : "";
        if (more) {
            what += fmt::format("{}{} {} -> {}", heavier ? ", " : "", volume_word(e.kind()),
                                amount(e.kind(), previous.volume), amount(e.kind(), e.volume));
        }
        checker_.report(e, RuleId::pain, Severity::danger,
                  fmt::format("{} on {} raised the load right after a painful session", e.activity->name,
                              to_string(e.session->date)),
                  fmt::format("pain {}/10 on {}, then {}", *previous.session->pain, to_string(previous.session->date),
                              what),
                  "after pain, repeat the same load until it is pain-free, or step down; never push through pain");
    }

    Checker& checker_;
    const Thresholds& limits_;
    const std::vector<const Entry*>& series_;
    SlidingMax wv_weight_, wv_volume_, wj_weight_, spike_volume_;
    SlidingCount spike_count_;
};

}  // namespace

void check_progression(Checker& checker) {
    std::map<const Activity*, std::vector<const Entry*>> by_activity;
    for (const Entry& entry : checker.entries()) by_activity[entry.activity].push_back(&entry);
    for (const auto& [activity, series] : by_activity) ActivityPass(checker, series).run();
}

}  // namespace anklog::rules
