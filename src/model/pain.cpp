#include "anklog/pain.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <map>

#include "anklog/load.hpp"

namespace anklog {

bool PainDays::add(Date date, std::optional<int> pain) {
    const bool new_day = days_.empty() || days_.back().first != date;
    if (new_day) {
        days_.emplace_back(date, pain);
        if (days_.size() > kept_) days_.pop_front();
        return true;
    }
    auto& today = days_.back().second;
    if (pain && (!today || *pain > *today)) today = pain;
    return false;
}

int PainDays::painful() const {
    return static_cast<int>(std::count_if(days_.begin(), days_.end(), [this](const auto& day) {
        return day.second && *day.second >= painful_from_;
    }));
}

std::optional<Date> PainDays::last_painful() const {
    for (auto it = days_.rbegin(); it != days_.rend(); ++it) {
        if (it->second && *it->second >= painful_from_) return it->first;
    }
    return std::nullopt;
}

std::vector<ReadingDay> reading_days(const Log& log, Date until) {
    std::map<Date, ReadingDay> by_date;
    for (const Session* s : in_date_order(log)) {
        if (s->date > until) continue;
        ReadingDay& d = by_date[s->date];
        d.date = s->date;
        d.training = true;
        auto& at = d.on[static_cast<std::size_t>(s->on)];
        at.worked = true;
        if (s->pain && (!at.pain || *s->pain > *at.pain)) {
            at.pain = s->pain;
            at.activity = s->activity;
            at.line = s->line;
        }
        if (s->pain && (!d.session_pain || *s->pain > *d.session_pain)) {
            d.session_pain = s->pain;
            d.line = s->line;
            d.activity = s->activity;
        }
    }
    for (const PainCheck& c : log.pain_checks) {
        if (c.date > until) continue;
        ReadingDay& d = by_date[c.date];
        d.date = c.date;
        if (!d.check_pain || c.pain > *d.check_pain) d.check_pain = c.pain;
        if (!d.training) d.line = c.line;
    }
    std::vector<ReadingDay> out;
    out.reserve(by_date.size());
    for (auto& [date, day] : by_date) out.push_back(day);
    return out;
}

namespace {

std::string day_text(Date date) {
    static constexpr std::array<const char*, 7> names{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    const std::chrono::weekday weekday{std::chrono::sys_days{date}};
    return fmt::format("{} {}", names.at(weekday.c_encoding()), to_string(date));
}

}  // namespace

std::string pain_reading_text(const PainReading& r) {
    if (r.check) return fmt::format("pain check {}/10 on {}", r.pain, day_text(r.date));
    if (r.activity.empty()) return fmt::format("pain {}/10 on {}", r.pain, day_text(r.date));
    return fmt::format("pain {}/10 in {} on {}", r.pain, r.activity, day_text(r.date));
}

std::string hold_evidence_text(const PlacementPain& at, Limb on) {
    if (!at.painful) return "";
    if (at.worse) {
        const PainReading& p = *at.painful;
        const std::string in = p.activity.empty() ? std::string() : fmt::format(" in {}", p.activity);
        if (days_between(p.date, at.worse->date) == 1) {
            return fmt::format("{}, higher than {}/10{} the day before", pain_reading_text(*at.worse), p.pain, in);
        }
        return fmt::format("{}, after {}/10{} on {}", pain_reading_text(*at.worse), p.pain, in, day_text(p.date));
    }
    return fmt::format("{} after work on {}", pain_reading_text(*at.painful), placement_text(on));
}

std::string hold_ends_text(const PlacementPain& at, int settled_level) {
    std::string text = fmt::format(
        "record pain with --pain, or `anklog pain N` the next morning; the hold ends at a reading of {}/10 or less",
        settled_level);
    if (at.ends) text += fmt::format(", or on {}", to_string(*at.ends));
    return text;
}

std::string unchecked_hold_text(const PlacementPain& at, Limb on, int settled_level) {
    const PainReading& last = at.worse ? *at.worse : *at.painful;
    return fmt::format("the last pain reading after work on {} was {}/10 on {}, and none since: check it first (anklog "
                       "pain N); at {}/10 or less, go ahead as planned; above that, see a doctor or physiotherapist "
                       "before the weights come back",
                       placement_text(on), last.pain, to_string(last.date), settled_level);
}

void PlacementPains::painful_on(PlacementPain& at, Date date) {
    at.latest_painful = date;
    at.ends = add_days(date, recent_days_);
    at.expired = false;
}

void PlacementPains::judge_on(Date date) {
    for (PlacementPain& at : at_) {
        if (at.painful && !at.settled && at.ends) at.expired = date > *at.ends;
    }
}

void PlacementPains::morning(const ReadingDay& day) {
    if (!day.check_pain) return;
    const PainReading reading{day.date, *day.check_pain, true, day.line, {}};
    for (PlacementPain& at : at_) {
        if (!at.painful || at.painful->date >= day.date) continue;
        if (reading.pain <= settled_level_) {
            if (!at.settled) at.settled = reading;
        } else {
            // Worse the next morning than during the session, or above 5: step down.
            const bool next_morning = days_between(at.painful->date, day.date) == 1;
            if ((next_morning && reading.pain > at.painful->pain) || reading.pain > danger_) at.step_down = true;
            if (reading.pain >= painful_from_) {
                at.settled.reset();
                if (!at.worse || reading.pain >= at.worse->pain) at.worse = reading;
                painful_on(at, day.date);
            }
        }
    }
    // Pain on a rest day follows the last training day's work: every
    // placement it loaded.
    if (day.training || reading.pain < painful_from_) return;
    for (std::size_t i = 0; i < at_.size(); ++i) {
        if (!last_training_worked_.at(i)) continue;
        PlacementPain& at = at_.at(i);
        if (!at.painful || at.expired) {
            at.painful = reading;
            at.worse.reset();
            at.settled.reset();
            at.step_down = reading.pain > danger_;
            painful_on(at, day.date);
        }
    }
}

void PlacementPains::training(const ReadingDay& day) {
    if (!day.training) return;
    for (std::size_t i = 0; i < at_.size(); ++i) last_training_worked_.at(i) = day.on.at(i).worked;
    if (!day.session_pain) return;
    // Each placement's painful sessions hold that placement.
    for (std::size_t i = 0; i < at_.size(); ++i) {
        const ReadingDay::AtPlacement& worked = day.on.at(i);
        if (!worked.pain || *worked.pain < painful_from_) continue;
        PlacementPain& at = at_.at(i);
        at.painful = PainReading{day.date, *worked.pain, false, worked.line, worked.activity};
        at.worse.reset();
        at.settled.reset();
        at.step_down = *worked.pain > danger_;
        painful_on(at, day.date);
    }
    const PainReading reading{day.date, *day.session_pain, false, day.line, day.activity};
    if (reading.pain <= settled_level_) {
        for (PlacementPain& at : at_) {
            if (at.painful && at.painful->date < day.date && !at.settled) at.settled = reading;
        }
    }
}

}  // namespace anklog
