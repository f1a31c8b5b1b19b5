// Rules on the weighted load of a whole family (gait, mobility, strength) or
// of all weighted training over days and weeks: load-ramp, monotony, no-rest.
// One pass over the sessions in date order; state per family.
#include <fmt/format.h>

#include <array>
#include <cmath>
#include <deque>
#include <limits>
#include <map>

#include "anklog/numeric.hpp"
#include "engine.hpp"

namespace anklog::rules {

namespace {

constexpr std::size_t family_count = 3;
std::size_t family(Kind kind) { return static_cast<std::size_t>(kind); }

// 1970-01-01 was a Thursday: Monday-based week numbers.
int week_of(int day) { return static_cast<int>(std::floor((day + 3) / 7.0)); }

std::string family_name(Kind kind) { return std::string(to_string(kind)); }

class LoadRamp {
public:
    explicit LoadRamp(Checker& checker)
        : checker_(checker),
          ratio_(checker.thresholds().load_ramp.weekly_ratio),
          weeks_(checker.thresholds().load_ramp.weeks),
          acwr_limit_(checker.thresholds().load_ramp.acwr),
          acute_days_(checker.thresholds().load_ramp.acute_days),
          chronic_days_(checker.thresholds().load_ramp.chronic_days) {}

    void add(const Entry& e) {
        State& s = states_[family(e.kind())];
        const bool weekly = weekly_ramp(e, s);
        const bool rolling = acwr(e, s);
        if (!weekly && rolling) report_acwr(e, s);
    }

private:
    struct State {
        std::map<int, double> week_totals;
        std::deque<std::pair<int, double>> acute;    // (day, volume) in the acute window
        std::deque<std::pair<int, double>> chronic;  // (day, volume) in the chronic window
        double acute_sum = 0;
        double chronic_sum = 0;
        int first_day = std::numeric_limits<int>::min();
        double ratio = 0;
    };

    bool weekly_ramp(const Entry& e, State& s) {
        const int week = week_of(e.day);
        double previous_max = 0;
        for (int w = week - weeks_; w < week; ++w) {
            if (const auto it = s.week_totals.find(w); it != s.week_totals.end()) previous_max = std::max(previous_max, it->second);
        }
        double& total = s.week_totals[week];
        const double before = total;
        total += e.volume;
        // Only the weeks the comparison still needs are kept.
        while (s.week_totals.begin()->first < week - weeks_) s.week_totals.erase(s.week_totals.begin());
        const double limit = ratio_ * previous_max;
        if (previous_max <= 0 || !above(total, limit) || above(before, limit)) return false;
        const Kind kind = e.kind();
        checker_.report(e, RuleId::load_ramp, Severity::warning,
                  fmt::format("weighted {} work in the week of {} passed {:.1f}x the largest of the {} weeks before",
                              family_name(kind), to_string(week_start(e.session->date)), ratio_, weeks_),
                  fmt::format("this week {} so far vs {} at most in the previous {} weeks ({:.0f}% more)",
                              amount(kind, total), amount(kind, previous_max), weeks_, (total / previous_max - 1) * 100),
                  fmt::format("keep this week's weighted {} work to about {}, and add about 10% a week",
                              family_name(kind), amount(kind, std::floor(previous_max * std::min(ratio_, 1.1)))));
        return true;
    }

    // Acute:chronic workload ratio of daily weighted volume (rest days = 0):
    // the acute window's total against the chronic window's total per acute
    // window. True when this session takes it over the limit.
    //
    // Rolling totals, not a daily EWMA: an EWMA with a 7-day
    // span moves by a quarter of each session, so a steady routine of 1-3
    // days a week reads 1.4-1.8 on every session day and would fire on
    // careful progressions. Totals over whole weeks are steady (1.0) for any
    // weekly routine and still rise to 1.6-1.8 when load or frequency jumps.
    bool acwr(const Entry& e, State& s) {
        if (s.first_day == std::numeric_limits<int>::min()) s.first_day = e.day;
        // The ratio after the previous session: a crossing is from at or
        // below the line then to above it now, so a ratio that stays high as
        // old days leave the window fires once.
        const double before = s.ratio;
        s.acute.emplace_back(e.day, e.volume);
        s.chronic.emplace_back(e.day, e.volume);
        s.acute_sum += e.volume;
        s.chronic_sum += e.volume;
        s.ratio = ratio(e.day, s);
        return e.day - s.first_day >= chronic_days_ && above(s.ratio, acwr_limit_) && !above(before, acwr_limit_);
    }

    double ratio(int day, State& s) const {
        while (!s.acute.empty() && s.acute.front().first <= day - acute_days_) {
            s.acute_sum -= s.acute.front().second;
            s.acute.pop_front();
        }
        while (!s.chronic.empty() && s.chronic.front().first <= day - chronic_days_) {
            s.chronic_sum -= s.chronic.front().second;
            s.chronic.pop_front();
        }
        const double chronic_per_window = s.chronic_sum * acute_days_ / chronic_days_;
        return chronic_per_window > 0 ? s.acute_sum / chronic_per_window : 0;
    }

    void report_acwr(const Entry& e, const State& s) {
        const Kind kind = e.kind();
        checker_.report(e, RuleId::load_ramp, Severity::warning,
                  fmt::format("weighted {} work in the {} days to {} rose fast against the last {} days", family_name(kind),
                              acute_days_, to_string(e.session->date), chronic_days_),
                  fmt::format("acute:chronic ratio {:.2f} > {:.1f}: {} in the last {} days vs {} per {} days over the "
                              "last {}",
                              s.ratio, acwr_limit_, amount(kind, s.acute_sum), acute_days_,
                              amount(kind, std::round(s.chronic_sum * acute_days_ / chronic_days_)), acute_days_,
                              chronic_days_),
                  "ease off for a few days (shorter or lighter sessions, or a rest day), then build up about 10% a "
                  "week");
    }

    Checker& checker_;
    double ratio_;
    int weeks_;
    double acwr_limit_;
    int acute_days_;
    int chronic_days_;
    std::array<State, family_count> states_;
};

// Foster monotony over the 7 days ending on each session's day.
class Monotony {
public:
    explicit Monotony(Checker& checker)
        : checker_(checker), max_(checker.thresholds().monotony.max),
          min_sessions_(checker.thresholds().monotony.min_sessions) {}

    void add(const Entry& e) {
        State& s = states_[family(e.kind())];
        s.sessions.emplace_back(e.day, e.volume);
        while (s.sessions.front().first <= e.day - 7) s.sessions.pop_front();
        if (s.sessions.size() < min_sessions_) {
            s.monotonous = false;
            return;
        }
        std::array<double, 7> daily{};
        for (const auto& [day, volume] : s.sessions) daily[static_cast<std::size_t>(e.day - day)] += volume;
        double mean = 0;
        for (const double load : daily) mean += load / 7;
        double variance = 0;
        for (const double load : daily) variance += (load - mean) * (load - mean) / 7;
        const double sd = std::sqrt(variance);
        const bool monotonous = !above(sd, 0) || above(mean / sd, max_);
        if (monotonous && !s.monotonous) {
            const Kind kind = e.kind();
            std::vector<std::string> loads;
            for (auto it = daily.rbegin(); it != daily.rend(); ++it) loads.push_back(fmt::format("{:.0f}", *it));
            checker_.report(e, RuleId::monotony, Severity::note,
                      fmt::format("weighted {} work in the 7 days to {} was the same day after day", family_name(kind),
                                  to_string(e.session->date)),
                      fmt::format("monotony {} > {:.1f} (daily {}: {}; mean / SD)",
                                  !above(sd, 0) ? std::string("unbounded") : fmt::format("{:.1f}", mean / sd), max_,
                                  is_timed(kind) ? "minutes" : "reps", fmt::join(loads, ", ")),
                      "vary the load: make one or two days a week easy or rest days");
        }
        s.monotonous = monotonous;
    }

private:
    struct State {
        std::deque<std::pair<int, double>> sessions;  // (day, volume) of the last 7 days
        bool monotonous = false;
    };
    Checker& checker_;
    double max_;
    std::size_t min_sessions_;
    std::array<State, family_count> states_;
};

class NoRest {
public:
    explicit NoRest(Checker& checker)
        : checker_(checker),
          in_a_row_(checker.thresholds().no_rest.days_in_a_row),
          early_days_(checker.thresholds().no_rest.early_days),
          early_max_(static_cast<std::size_t>(checker.thresholds().no_rest.early_max_days)) {}

    void add(const Entry& e) {
        if (!is_timed(e.kind())) same_group(e);
        if (e.day == last_day_) return;  // the day-based parts judge a day once, at its first session
        streak_ = (e.day == last_day_ + 1 && last_day_ != unset) ? streak_ + 1 : 1;
        last_day_ = e.day;
        if (first_day_ == unset) first_day_ = e.day;
        days_.push_back(e.day);
        while (days_.front() <= e.day - 7) days_.pop_front();

        if (streak_ >= in_a_row_ && (streak_ - in_a_row_) % in_a_row_ == 0) {
            checker_.report(e, RuleId::no_rest, Severity::warning,
                      fmt::format("{} on {} made {} weighted days in a row", e.activity->name, to_string(e.session->date),
                                  streak_),
                      fmt::format("weighted sessions every day from {} to {}", to_string(add_days(e.session->date, 1 - streak_)),
                                  to_string(e.session->date)),
                      "take at least one rest day (or an unweighted easy day) a week");
        }
        // Fires when the count first passes the limit, not again while it stays over.
        const bool too_many = e.day < first_day_ + early_days_ && days_.size() > early_max_;
        if (too_many && !too_many_) {
            checker_.report(e, RuleId::no_rest, Severity::warning,
                      fmt::format("{} on {} made {} weighted days in 7, within the first {} days", e.activity->name,
                                  to_string(e.session->date), days_.size(), early_days_),
                      fmt::format("weighted days {}; at first, at most {} in any 7", fmt::join(days_text(), ", "),
                                  early_max_),
                      "start with 2-3 weighted days a week, with rest days between, for the first weeks");
        }
        too_many_ = too_many;
    }

private:
    static constexpr int unset = std::numeric_limits<int>::min();

    [[nodiscard]] std::vector<std::string> days_text() const {
        std::vector<std::string> out;
        for (const int day : days_) out.push_back(to_string(date_of_day(day)));
        return out;
    }

    // Weighted strength work for one muscle group on consecutive days.
    void same_group(const Entry& e) {
        GroupDays& g = groups_[static_cast<std::size_t>(e.activity->group)];
        if (e.day != g.day) {
            g.previous_day = g.day;
            g.previous_activity = g.activity;
            g.day = e.day;
            g.activity = e.activity->name;
            g.reported = false;
        }
        if (g.previous_day == unset || e.day - g.previous_day != 1 || g.reported) return;
        g.reported = true;
        checker_.report(e, RuleId::no_rest, Severity::warning,
                  fmt::format("{} on {} worked the {} again after {} the day before", e.activity->name,
                              to_string(e.session->date), to_string(e.activity->group), g.previous_activity),
                  fmt::format("weighted {} work on {} and {}: less than 48 h to recover", to_string(e.activity->group),
                              to_string(add_days(e.session->date, -1)), to_string(e.session->date)),
                  fmt::format("leave 48 h between weighted {} sessions: work another muscle group, walk, or rest",
                              to_string(e.activity->group)));
    }

    struct GroupDays {
        int day = unset;
        int previous_day = unset;
        std::string activity;
        std::string previous_activity;
        bool reported = false;
    };

    Checker& checker_;
    int in_a_row_;
    int early_days_;
    std::size_t early_max_;
    int first_day_ = unset;
    int last_day_ = unset;
    int streak_ = 0;
    bool too_many_ = false;
    std::deque<int> days_;  // weighted days of the last 7
    std::array<GroupDays, 4> groups_;
};

}  // namespace

void check_load(Checker& checker) {
    LoadRamp load_ramp(checker);
    Monotony monotony(checker);
    NoRest no_rest(checker);
    const bool ramp_on = checker.thresholds().load_ramp.on;
    const bool monotony_on = checker.thresholds().monotony.on;
    const bool no_rest_on = checker.thresholds().no_rest.on;
    for (const Entry& entry : checker.entries()) {
        if (!entry.weighted()) continue;
        if (ramp_on) load_ramp.add(entry);
        if (monotony_on) monotony.add(entry);
        if (no_rest_on) no_rest.add(entry);
    }
}

}  // namespace anklog::rules
