#include "anklog/pain.hpp"

#include <algorithm>

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

}  // namespace anklog
