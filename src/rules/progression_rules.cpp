// Rules that compare a session with the earlier sessions of the same
// activity: start-light, weight-and-volume, weight-jump, volume-spike,
// return-after-break, and the pain rule's "load raised after pain".
// One pass per activity with sliding windows: O(n) overall. Each rule also
// records the most it accepts for the session, for the suggestions.
#include <fmt/format.h>

#include <cmath>
#include <deque>
#include <algorithm>
#include <array>
#include <limits>
#include <map>
#include <optional>

#include "anklog/load.hpp"
#include "anklog/numeric.hpp"
#include "anklog/pain.hpp"
#include "anklog/policy.hpp"
#include "engine.hpp"

namespace anklog::rules {

namespace {

// The entry with the largest value among entries whose day is inside a
// sliding window.
class SlidingMax {
public:
    void push(const Entry* entry, double value) {
        while (!items_.empty() && items_.back().value <= value) items_.pop_back();
        items_.push_back({entry, value});
    }
    void drop_before(int day) {
        while (!items_.empty() && items_.front().entry->day < day) items_.pop_front();
    }
    [[nodiscard]] const Entry* max_entry() const { return items_.empty() ? nullptr : items_.front().entry; }
    [[nodiscard]] std::optional<double> max() const {
        if (items_.empty()) return std::nullopt;
        return items_.front().value;
    }

private:
    struct Item {
        const Entry* entry;
        double value;
    };
    std::deque<Item> items_;
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

// One load's sessions (an activity at one placement) in date order, walked
// once. The series also holds the activity's sessions without weights at
// other placements: they are history (a session of the activity, its pain)
// but are judged in their own placement's pass.
class ActivityPass {
public:
    ActivityPass(Checker& checker, const std::vector<const Entry*>& series, Limb on,
                 const std::vector<char>& after_persistent_pain)
        : checker_(checker), limits_(checker.thresholds()), series_(series), on_(on),
          after_persistent_pain_(after_persistent_pain) {}

    void run() {
        std::size_t added = 0;  // series_[0, added) are on earlier days than the current entry
        const Entry* last_weighted = nullptr;
        bool seen_weighted = false;
        const Entry* previous = nullptr;  // the session right before, same day included
        for (const Entry* entry : series_) {
            while (added < series_.size() && series_[added]->day < entry->day) {
                const Entry* earlier = series_[added++];
                if (!earlier->weighted()) continue;
                working_weight_.push(earlier, earlier->kg);
                working_volume_.push(earlier, earlier->volume);
                jump_weight_.push(earlier, earlier->kg);
                spike_volume_.push(earlier, earlier->volume);
                spike_count_.push(earlier->day);
                last_weighted = earlier;
            }
            working_weight_.drop_before(entry->day - limits_.weight_and_volume.window_days);
            working_volume_.drop_before(entry->day - limits_.weight_and_volume.window_days);
            jump_weight_.drop_before(entry->day - limits_.weight_jump.window_days);
            spike_volume_.drop_before(entry->day - limits_.volume_spike.window_days);
            spike_count_.drop_before(entry->day - limits_.volume_spike.window_days);

            if (previous && entry->session->on == on_) pain_then_raise(*entry, *previous);
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
        // An injury of one side: the other side starts at the ordinary limit;
        // wrist weights, at the ordinary limit too (the injury is a leg's).
        const Thresholds for_side = limits_.for_load(e.session->on, e.session->side);
        const auto& limits = for_side.start_light;
        if (!limits.on) return;
        Ceiling& ceiling = checker_.ceiling(e);
        ceiling.kg = std::min(ceiling.kg, limits.max_kg);
        if (is_timed(e.kind())) {
            ceiling.volume = std::min(ceiling.volume, static_cast<double>(limits.max_minutes));
        } else {
            ceiling.sets = std::min(ceiling.sets, static_cast<double>(limits.max_sets));
        }
        std::vector<std::string> over;
        std::vector<Evidence> data;
        if (above(e.kg, limits.max_kg)) {
            over.push_back(fmt::format("weight {} > {}{}", checker_.logged_mass(e), checker_.limit(limits.max_kg),
                                       for_side.injury_history ? " (with injury history)" : ""));
            data.push_back({"weight_kg", e.kg});
            data.push_back({"max_kg", limits.max_kg});
        }
        if (is_timed(e.kind()) && e.volume > limits.max_minutes) {
            over.push_back(fmt::format("duration {} min > {} min", e.volume, limits.max_minutes));
            data.push_back({"minutes", static_cast<long long>(e.volume)});
            data.push_back({"max_minutes", static_cast<long long>(limits.max_minutes)});
        }
        if (!is_timed(e.kind()) && e.session->sets.value_or(0) > limits.max_sets) {
            over.push_back(fmt::format("{} sets > {}", *e.session->sets, limits.max_sets));
            data.push_back({"sets", static_cast<long long>(*e.session->sets)});
            data.push_back({"max_sets", static_cast<long long>(limits.max_sets)});
        }
        if (over.empty()) return;
        // Say what was over: the weight, the length, the sets.
        std::vector<std::string_view> how;
        if (above(e.kg, limits.max_kg)) how.emplace_back("heavier");
        if (is_timed(e.kind()) && e.volume > limits.max_minutes) how.emplace_back("longer");
        if (!is_timed(e.kind()) && e.session->sets.value_or(0) > limits.max_sets) how.emplace_back("with more sets");
        // A load is an activity at a placement: a walk with wrist weights
        // before does not make the first walk with ankle weights any less new.
        checker_.report(e, RuleId::start_light, Severity::warning,
                        fmt::format("first {} with weights on {}, on {}, started {} than a first session should",
                                    e.activity->name, placement_text(on_, e.session->side),
                                    to_string(e.session->date), fmt::join(how, " and ")),
                        fmt::format("{} (first weighted session of {} on {})", fmt::join(over, ", "),
                                    e.activity->name, placement_text(on_, e.session->side)),
                        std::move(data), "start light and build up one thing at a time");
    }

    void weight_and_volume(const Entry& e, const Entry& last) {
        if (!limits_.weight_and_volume.on) return;
        const Entry* in_window = working_weight_.max_entry();
        const Entry& heaviest = in_window ? *in_window : last;
        const double working_volume = working_volume_.max().value_or(last.volume);
        Ceiling& ceiling = checker_.ceiling(e);
        ceiling.working_kg = std::min(ceiling.working_kg, heaviest.kg);
        ceiling.working_volume = std::min(ceiling.working_volume, working_volume);
        if (!above(e.kg, heaviest.kg) || e.volume <= working_volume) return;
        const auto word = volume_word(e.kind());
        checker_.report(
            e, RuleId::weight_and_volume, Severity::warning,
            fmt::format("{} on {} raised weight and {} together", named(e), to_string(e.session->date), word),
            fmt::format("weight {} -> {}, {} {} -> {} (vs {})", checker_.logged_mass(heaviest), checker_.logged_mass(e),
                        word, amount(e.kind(), working_volume), amount(e.kind(), e.volume),
                        in_window ? fmt::format("working level of the last {} days",
                                                limits_.weight_and_volume.window_days)
                                  : std::string("the last session")),
            {{"weight_kg", e.kg},
             {"working_weight_kg", heaviest.kg},
             {"volume", static_cast<long long>(e.volume)},
             {"working_volume", working_volume},
             {"volume_unit", std::string(volume_unit(e.kind()))}},
            "raise one thing at a time");
    }

    void weight_jump(const Entry& e, const Entry& last) {
        if (!limits_.weight_jump.on) return;
        const Entry* in_window = jump_weight_.max_entry();
        const Entry& heaviest = in_window ? *in_window : last;
        if (heaviest.kg <= 0) return;  // from unweighted: start-light judges
        const Profile& profile = checker_.log().profile;
        const Mass working{heaviest.kg, Unit::kg};
        const Mass step = next_weight_up(profile, e.session->on, working)
                              .value_or(Mass{working.in(profile.units) + default_weight_step(profile.units).amount,
                                             profile.units});
        Ceiling& ceiling = checker_.ceiling(e);
        ceiling.kg = std::min(ceiling.kg, step.kg());
        if (!above(e.kg, step.kg())) return;
        const double ratio = e.kg / heaviest.kg;
        const bool doubled = !below(ratio, limits_.weight_jump.danger_ratio);
        checker_.report(
            e, RuleId::weight_jump, doubled ? Severity::danger : Severity::warning,
            fmt::format("{} on {} jumped more than one weight step", named(e), to_string(e.session->date)),
            fmt::format("weight {} -> {} ({:.1f}x), one step up is {}", checker_.logged_mass(heaviest),
                        checker_.logged_mass(e), ratio, format_mass_exact(step)),
            {{"weight_kg", e.kg}, {"working_weight_kg", heaviest.kg}, {"next_step_kg", step.kg()}, {"ratio", ratio}},
            "go up one weight step at a time");
    }

    void volume_spike(const Entry& e) {
        const auto& limits = limits_.volume_spike;
        if (!limits.on) return;
        const auto longest = spike_volume_.max();
        if (!longest || spike_count_.size() < limits.min_sessions) return;
        // The smallest step is never a spike: one more minute, or one more
        // rep in each set (the planner's step), even where that is over 10%
        // of a short session; else "build up in small steps" would advise
        // no step at all.
        const double smallest_step = is_timed(e.kind()) ? 1.0 : std::max(1, e.session->sets.value_or(1));
        const double safe = std::max(std::floor(*longest * (1 + limits.note) + tolerance), *longest + smallest_step);
        Ceiling& ceiling = checker_.ceiling(e);
        ceiling.volume = std::min(ceiling.volume, safe);
        const double increase = e.volume / *longest - 1;
        if (!above(e.volume, safe)) return;
        Severity severity;
        if (above(increase, limits.danger)) {
            severity = Severity::danger;
        } else if (above(increase, limits.warning)) {
            severity = Severity::warning;
        } else {
            severity = Severity::note;
        }
        checker_.report(e, RuleId::volume_spike, severity,
                        fmt::format("{} on {} {} {:.0f}% {} than any in the last {} days", named(e),
                                    to_string(e.session->date), is_timed(e.kind()) ? "was" : "had", increase * 100,
                                    is_timed(e.kind()) ? "longer" : "more reps", limits.window_days),
                        fmt::format("{} {} vs {}, the longest of {} weighted sessions in the last {} days",
                                    volume_word(e.kind()), amount(e.kind(), e.volume), amount(e.kind(), *longest),
                                    spike_count_.size(), limits.window_days),
                        {{"volume", static_cast<long long>(e.volume)},
                         {"longest_volume", *longest},
                         {"increase", increase},
                         {"volume_unit", std::string(volume_unit(e.kind()))},
                         {"window_days", static_cast<long long>(limits.window_days)}},
                        fmt::format("build up in small steps, about {:.0f}% at a time", limits.note * 100));
    }

    void return_after_break(const Entry& e, const Entry& last) {
        if (!limits_.return_after_break.on) return;
        const int gap = e.day - last.day;
        if (gap < limits_.return_after_break.break_days) return;
        // Coming back: about half the last volume, or, when that cannot be
        // less than the last, a lighter weight.
        Ceiling& ceiling = checker_.ceiling(e);
        const double half = std::floor(last.volume * policy::come_back_factor);
        // After persistent pain, the come-back the plan makes: the lightest
        // weight, and about half the volume.
        const bool after_pain = after_persistent_pain_[e.order] != 0;
        if (after_pain) ceiling.kg = std::min(ceiling.kg, lightest_weight(checker_.log().profile, e.session->on).kg());
        if (half >= 1) {
            ceiling.volume = std::min(ceiling.volume, half);
            // Fewer sets first, as the plan's come-back (2 x 10 comes back
            // as 1 x 10, not 2 x 5).
            if (!is_timed(e.kind()) && last.session->sets) {
                ceiling.sets = std::min(ceiling.sets, std::max(1.0, std::round(*last.session->sets * policy::come_back_factor)));
            }
        } else if (const auto lighter = next_weight_down(checker_.log().profile, e.session->on, Mass{last.kg, Unit::kg})) {
            ceiling.kg = std::min(ceiling.kg, lighter->kg());
        } else {
            ceiling.kg = 0;
        }
        if (below(e.kg, last.kg) || e.volume < last.volume) return;
        checker_.report(
            e, RuleId::return_after_break, Severity::warning,
            fmt::format("{} on {} came back after {} days at the full load", named(e),
                        to_string(e.session->date), gap),
            fmt::format("{} {} on {} (the last session), now {} {}", checker_.logged_mass(last), volume_of(last),
                        to_string(last.session->date), checker_.logged_mass(e), volume_of(e)),
            {{"days_since", static_cast<long long>(gap)},
             {"last_date", to_string(last.session->date)},
             {"last_weight_kg", last.kg},
             {"last_volume", static_cast<long long>(last.volume)},
             {"weight_kg", e.kg},
             {"volume", static_cast<long long>(e.volume)},
             {"volume_unit", std::string(volume_unit(e.kind()))}},
            after_pain ? fmt::format("after pain, come back at the lightest weight and about {:.0f}% of the volume, "
                                     "then build up again",
                                     policy::come_back_factor * 100)
                       : fmt::format("come back lighter or shorter after a break (about {:.0f}% of the volume), then "
                                     "build up again",
                                     policy::come_back_factor * 100));
    }

    void pain_then_raise(const Entry& e, const Entry& previous) {
        if (!limits_.pain.on) return;
        if (previous.session->pain.value_or(-1) < limits_.pain.raised_after) return;
        Ceiling& ceiling = checker_.ceiling(e);
        ceiling.kg = std::min(ceiling.kg, previous.kg);
        ceiling.any_volume = std::min(ceiling.any_volume, static_cast<double>(previous.volume));
        const bool heavier = above(e.kg, previous.kg);
        const bool more = e.volume > previous.volume;
        if (!heavier && !more) return;
        std::string what =
            heavier ? fmt::format("weight {} -> {}", checker_.logged_mass(previous), checker_.logged_mass(e)) : "";
        if (more) {
            what += fmt::format("{}{} {} -> {}", heavier ? ", " : "", volume_word(e.kind()),
                                amount(e.kind(), previous.volume), amount(e.kind(), e.volume));
        }
        checker_.report(e, RuleId::pain, Severity::danger,
                        fmt::format("{} on {} raised the load right after a painful session", named(e),
                                    to_string(e.session->date)),
                        fmt::format("pain {}/10 on {}, then {}", *previous.session->pain,
                                    to_string(previous.session->date), what),
                        {{"previous_pain", static_cast<long long>(*previous.session->pain)},
                         {"previous_date", to_string(previous.session->date)},
                         {"previous_weight_kg", previous.kg},
                         {"weight_kg", e.kg},
                         {"previous_volume", static_cast<long long>(previous.volume)},
                         {"volume", static_cast<long long>(e.volume)}},
                        "after pain, repeat the same load until it is pain-free, or step down; never push through "
                        "pain");
    }

    Checker& checker_;
    const Thresholds& limits_;
    const std::vector<const Entry*>& series_;
    Limb on_;
    // By entry order: pain on persistent-pain's count of the last training
    // days, as it stood before that session's day.
    const std::vector<char>& after_persistent_pain_;
    SlidingMax working_weight_, working_volume_, jump_weight_, spike_volume_;
    SlidingCount spike_count_;
};

}  // namespace

void check_progression(Checker& checker) {
    // Per load: each placement of each activity (a session without weights
    // belongs to the placement it names, and is history for the others).
    std::map<const Activity*, std::vector<const Entry*>> by_activity;
    for (const Entry& entry : checker.entries()) by_activity[entry.activity].push_back(&entry);
    // By entry order: whether pain was on persistent-pain's count of the
    // training days up to the last training day before the entry's day.
    std::vector<char> after_persistent_pain(checker.entries().size(), 0);
    if (const auto& limits = checker.thresholds().persistent_pain; limits.on) {
        PainDays days(limits.pain, limits.of_last);
        char before_today = 0;
        int today = std::numeric_limits<int>::min();
        for (const Entry& e : checker.entries()) {
            if (e.day != today) {
                before_today = days.painful() >= limits.count ? 1 : 0;
                today = e.day;
            }
            after_persistent_pain[e.order] = before_today;
            days.add(e.session->date, e.session->pain);
        }
    }
    for (const auto& [activity, entries] : by_activity) {
        std::array<bool, 2> used{};
        for (const Entry* e : entries) used[static_cast<std::size_t>(e->session->on)] = true;
        for (const Limb on : {Limb::ankle, Limb::wrist}) {
            if (!used[static_cast<std::size_t>(on)]) continue;
            // Each side is its own load once a session of this load's
            // series names a side: a side's history is its own sessions and those of
            // both sides, and a session of both sides is judged as each side
            // (the more protective finding and ceiling stand). The other
            // side's sessions are not its history.
            const bool sided = std::any_of(entries.begin(), entries.end(), [on](const Entry* e) {
                return e->session->side != Side::both && (!e->weighted() || e->session->on == on);
            });
            for (const Side side : sided ? std::array{Side::left, Side::right} : std::array{Side::both, Side::both}) {
                std::vector<const Entry*> series;
                for (const Entry* e : entries) {
                    const bool of_side = side == Side::both || e->session->side == side ||
                                         e->session->side == Side::both;
                    if (of_side && (e->session->on == on || !e->weighted())) series.push_back(e);
                }
                ActivityPass(checker, series, on, after_persistent_pain).run();
                if (!sided) break;
            }
        }
    }
}

}  // namespace anklog::rules
