#pragma once
// Pain over training days: a day's pain is the highest pain of its sessions,
// so one painful day of three exercises counts once. The persistent-pain rule
// and the planner's rest week both count with this.
#include <array>
#include <deque>
#include <optional>
#include <string>
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
    std::string activity;  // the session's activity (a session's pain)
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
    // A later pain check above the settled level (the highest): the
    // evidence a step down cites when it came the next morning.
    std::optional<PainReading> worse;
    // The latest reading above the settled level after work here (the
    // painful day, or a later pain check that says it has not settled).
    std::optional<Date> latest_painful;
    // Without a reading at or below the settled level, the hold ends when
    // the latest painful reading is no longer recent (persistent-pain's
    // recent_days): the last day it holds is `ends`.
    std::optional<Date> ends;
    bool expired = false;  // `ends` is past on the day judged
    [[nodiscard]] bool holds_back() const { return painful && !settled && !expired; }
};

// A reading, dated by the session: "pain 3/10 in barre on Thu 2026-11-19",
// "pain check 1/10 on Fri 2026-11-20".
std::string pain_reading_text(const PainReading& r);

// The evidence for a hold, dated by the session: "pain 3/10 in barre on
// Thu 2026-11-19 after work on the ankles", or, when a pain check the next
// morning was higher, "pain check 4/10 on Fri 2026-11-20, higher than 3/10
// in barre the day before".
std::string hold_evidence_text(const PlacementPain& at, Limb on);

// What ends a hold: "record pain with --pain, or `anklog pain N` the next
// morning; the hold ends at a reading of 2/10 or less, or on 2026-12-02".
std::string hold_ends_text(const PlacementPain& at, int settled_level);

// A hold that ended without a reading at or below the settled level: the
// last reading was painful, so a pain check is due before the weights come
// back. "the last pain reading after work on the wrists was 5/10 on ..., and
// none since: check it first (anklog pain N); ...". The plan and the
// assessment say it in these words.
std::string unchecked_hold_text(const PlacementPain& at, Limb on, int settled_level);
[[nodiscard]] inline bool unchecked_hold(const PlacementPain& at) { return at.painful && !at.settled && at.expired; }

// One day of the log with sessions or pain checks: its highest pain of each.
struct ReadingDay {
    Date date{};
    std::optional<int> session_pain;  // highest pain of its sessions
    std::optional<int> check_pain;    // highest pain check
    std::string activity;             // the activity of its most painful session
    bool training = false;
    int line = 0;
    // Per placement (indexed by Limb): whether the day's sessions worked it,
    // and the highest pain of its sessions there. Pain belongs to the
    // session it was logged on: a painful wrist walk holds the wrists, not
    // the ankle work of the same day.
    struct AtPlacement {
        bool worked = false;
        std::optional<int> pain;
        std::string activity;
        int line = 0;
    };
    std::array<AtPlacement, 2> on{};
};

// The days of the log, up to and including `until`, in date order.
std::vector<ReadingDay> reading_days(const Log& log, Date until);

// Silbernagel et al. 2007, per placement: a painful session holds back the
// placement it loaded (a session without weights counts as ankle work), not
// the other placement's work of the same day; a painful pain check on a rest
// day holds every placement the last training day's work loaded. Each holds
// until a later reading at or below the settled level. The assessment and
// the rules follow the same days through this one class.
class PlacementPains {
public:
    // `recent_days`: how long a hold lasts without a reading (the same
    // window that ends the rest after persistent pain).
    PlacementPains(int painful_from, int settled_level, int danger, int recent_days)
        : painful_from_(painful_from), settled_level_(settled_level), danger_(danger), recent_days_(recent_days) {}

    // A day's pain check counts first (the morning); its sessions after it.
    void morning(const ReadingDay& day);
    void training(const ReadingDay& day);
    void add(const ReadingDay& day) {
        judge_on(day.date);
        morning(day);
        training(day);
    }
    // Judging on `date` (after its readings were added): a hold whose
    // latest painful reading is no longer recent has ended.
    void judge_on(Date date);

    [[nodiscard]] const std::array<PlacementPain, 2>& at() const { return at_; }
    [[nodiscard]] const PlacementPain& of(Limb on) const { return at_[static_cast<std::size_t>(on)]; }

private:
    void painful_on(PlacementPain& at, Date date);
    int painful_from_;
    int settled_level_;
    int danger_;
    int recent_days_;
    std::array<PlacementPain, 2> at_{};
    // The placements the last training day's work loaded: a pain check on a
    // rest day holds all of them.
    std::array<bool, 2> last_training_worked_{};
};

}  // namespace anklog
