#pragma once
// Pain over training days: a day's pain is the highest pain of its sessions,
// so one painful day of three exercises counts once. The persistent-pain rule
// and the planner's rest week both count with this.
#include <array>
#include <deque>
#include <optional>
#include <vector>

#include "anklog/date.hpp"
#include "anklog/log.hpp"

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

// A reading of the person's pain: a session's pain score, or a pain check.
struct PainReading {
    Date date{};
    int pain = 0;
    bool check = false;  // a pain check without a workout
    int line = 0;
};

// What the pain says about one placement's loads.
struct PlacementPain {
    // The last painful day (pain at or above the pain rule's raised_after
    // line) whose work was at this placement, and its highest pain.
    std::optional<PainReading> painful;
    // The reading that says it settled: a later one at or below the settled
    // level. Absent while there is none.
    std::optional<PainReading> settled;
    // Next-morning pain higher than the day's, or pain above the pain rule's
    // danger line: step down.
    bool step_down = false;
    [[nodiscard]] bool holds_back() const { return painful && !settled; }
};

// One day of the log with sessions or pain checks: its highest pain of each.
struct ReadingDay {
    Date date{};
    std::optional<int> session_pain;  // highest pain of its sessions
    std::optional<int> check_pain;    // highest pain check
    bool training = false;
    bool wrist_only = true;  // every session of the day was on the wrists
    int line = 0;
};

// The days of the log, up to and including `until`, in date order.
std::vector<ReadingDay> reading_days(const Log& log, Date until);

// Silbernagel et al. 2007, per placement: a painful day holds back the
// placement it loaded (wrist only when every session was on the wrists)
// until a later reading at or below the settled level. The assessment and
// the rules follow the same days through this one class.
class PlacementPains {
public:
    PlacementPains(int painful_from, int settled_level, int danger)
        : painful_from_(painful_from), settled_level_(settled_level), danger_(danger) {}

    // A day's pain check counts first (the morning); its sessions after it.
    void morning(const ReadingDay& day);
    void training(const ReadingDay& day);
    void add(const ReadingDay& day) {
        morning(day);
        training(day);
    }

    [[nodiscard]] const std::array<PlacementPain, 2>& at() const { return at_; }
    [[nodiscard]] const PlacementPain& of(Limb on) const { return at_[static_cast<std::size_t>(on)]; }

private:
    int painful_from_;
    int settled_level_;
    int danger_;
    std::array<PlacementPain, 2> at_{};
    std::optional<Limb> last_training_placement_;
};

}  // namespace anklog
