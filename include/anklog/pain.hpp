#pragma once
// Pain over training days: a day's pain is the highest pain of its sessions,
// so one painful day of three exercises counts once. The persistent-pain rule
// and the planner's rest week both count with this.
#include <deque>
#include <optional>

#include "anklog/date.hpp"

namespace anklog {

class PainDays {
public:
    PainDays(int painful_from, int days_kept)
        : painful_from_(painful_from), kept_(static_cast<std::size_t>(days_kept)) {}

    // Adds a session's pain (nullopt when none was logged); sessions come in
    // date order. True when it starts a new training day.
    bool add(Date date, std::optional<int> pain);

    // Painful days among the last `days_kept` training days.
    [[nodiscard]] int painful() const;
    // Training days counted (at most days_kept).
    [[nodiscard]] int days() const { return static_cast<int>(days_.size()); }
    // The latest painful day among them.
    [[nodiscard]] std::optional<Date> last_painful() const;
    // Each day's highest pain, oldest first (nullopt: none logged).
    [[nodiscard]] const std::deque<std::pair<Date, std::optional<int>>>& days_and_pain() const { return days_; }

private:
    int painful_from_;
    std::size_t kept_;
    std::deque<std::pair<Date, std::optional<int>>> days_;
};

}  // namespace anklog
