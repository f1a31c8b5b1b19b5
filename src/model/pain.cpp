#include "anklog/pain.hpp"

#include <algorithm>
#include <map>

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
        if (s->on != Limb::wrist) d.wrist_only = false;
        if (s->pain && (!d.session_pain || *s->pain > *d.session_pain)) {
            d.session_pain = s->pain;
            d.line = s->line;
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

void PlacementPains::morning(const ReadingDay& day) {
    if (!day.check_pain) return;
    const PainReading reading{day.date, *day.check_pain, true, day.line};
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
                if (reading.pain > at.painful->pain) at.painful->pain = reading.pain;
            }
        }
    }
    // Pain on a rest day follows the last training day's work.
    if (!day.training && reading.pain >= painful_from_ && last_training_placement_) {
        PlacementPain& at = at_[static_cast<std::size_t>(*last_training_placement_)];
        if (!at.painful) {
            at.painful = reading;
            at.settled.reset();
            at.step_down = reading.pain > danger_;
        }
    }
}

void PlacementPains::training(const ReadingDay& day) {
    if (!day.training) return;
    const Limb placement = day.wrist_only ? Limb::wrist : Limb::ankle;
    last_training_placement_ = placement;
    if (!day.session_pain) return;
    const PainReading reading{day.date, *day.session_pain, false, day.line};
    if (reading.pain >= painful_from_) {
        PlacementPain& at = at_[static_cast<std::size_t>(placement)];
        at.painful = reading;
        at.settled.reset();
        at.step_down = reading.pain > danger_;
    } else if (reading.pain <= settled_level_) {
        for (PlacementPain& at : at_) {
            if (at.painful && at.painful->date < day.date && !at.settled) at.settled = reading;
        }
    }
}

}  // namespace anklog
