// Rules on the weighted load of a whole family (gait, mobility, strength) or
// of all weighted training over days and weeks: load-ramp, monotony, no-rest.
// One pass over the sessions in date order; state per family.
#include <fmt/format.h>

#include <array>
#include <cmath>
#include <deque>
#include <limits>
#include <map>
#include <optional>

#include "anklog/numeric.hpp"
#include "anklog/policy.hpp"
#include "engine.hpp"

namespace anklog::rules {

namespace {

constexpr std::size_t family_count = 3;
std::size_t family(Kind kind) { return static_cast<std::size_t>(kind); }

// 1970-01-01 was a Thursday: Monday-based week numbers.
int week_of(int day) { return static_cast<int>(std::floor((day + 3) / 7.0)); }

constexpr int days_per_week = 7;
constexpr int unset = std::numeric_limits<int>::min();

// load-ramp: a family's weighted volume against its own recent past, by
// calendar week and by rolling acute and chronic totals. A ramp is a new
// high: neither criterion fires while the last 7 days hold no more than the
// largest of the previous calendar weeks. After a break the family counts
// from the return.
class LoadRamp {
public:
    explicit LoadRamp(Checker& checker)
        : checker_(checker),
          limits_(checker.thresholds().load_ramp),
          break_days_(checker.thresholds().return_after_break.break_days) {}

    void add(const Entry& e) {
        State& s = states_[family(e.kind())];
        if (s.last_day != unset && e.day - s.last_day >= break_days_) {
            s = State{};  // counts from the return
            s.returned_on = e.session->date;
        }
        s.last_day = e.day;
        if (s.first_day == unset) s.first_day = e.day;

        const int week = week_of(e.day);
        double previous_max = 0;
        for (int w = week - limits_.weeks; w < week; ++w) {
            if (const auto it = s.week_totals.find(w); it != s.week_totals.end()) {
                previous_max = std::max(previous_max, it->second);
            }
        }
        const bool weekly = weekly_ramp(e, s, week, previous_max);
        const bool rolling = acwr(e, s, previous_max);
        if (!weekly && rolling) report_acwr(e, s);
    }

private:
    struct State {
        std::map<int, double> week_totals;
        std::deque<std::pair<int, double>> acute;    // (day, volume) in the acute window
        std::deque<std::pair<int, double>> chronic;  // (day, volume) in the chronic window
        double acute_sum = 0;
        double chronic_sum = 0;
        int first_day = unset;
        int last_day = unset;
        double ratio = 0;  // after the previous session
        std::optional<Date> returned_on;  // the first session after a break, from which it counts
    };

    bool weekly_ramp(const Entry& e, State& s, int week, double previous_max) {
        double& total = s.week_totals[week];
        const double before = total;
        total += e.volume;
        // Only the weeks the comparison still needs are kept.
        while (s.week_totals.begin()->first < week - limits_.weeks) s.week_totals.erase(s.week_totals.begin());
        const double limit = limits_.weekly_ratio * previous_max;
        if (previous_max <= 0 || above(before, limit)) return false;
        Ceiling& ceiling = checker_.ceiling(e);
        ceiling.budget = std::min(ceiling.budget, limit - before);
        if (!above(total, limit)) return false;
        const Kind kind = e.kind();
        const double keep_to = std::floor(previous_max * std::min(limits_.weekly_ratio, 1 + policy::weekly_raise));
        checker_.report(
            e, RuleId::load_ramp, Severity::warning,
            fmt::format("weighted {} work in the week of {} passed {:.1f}x the largest of the {} weeks before",
                        to_string(kind), to_string(week_start(e.session->date)), limits_.weekly_ratio, limits_.weeks),
            fmt::format("this week {} so far vs {} at most in the previous {} weeks{} ({:.0f}% more)",
                        amount(kind, total), amount(kind, previous_max), limits_.weeks,
                        // Said when the weeks before are only those since a
                        // break (the tester read a ramp against weeks it did
                        // not know were left out).
                        s.returned_on && week_of(rules::day_number(*s.returned_on)) > week - limits_.weeks
                            ? fmt::format(", counted from your return on {} after a break", to_string(*s.returned_on))
                            : std::string(),
                        (total / previous_max - 1) * 100),
            {{"week_of", to_string(week_start(e.session->date))},
             {"week_volume", total},
             {"previous_max_volume", previous_max},
             {"weekly_ratio", limits_.weekly_ratio},
             {"volume_unit", std::string(volume_unit(kind))}},
            fmt::format("keep this week's weighted {} work to about {}, adding about {:.0f}% a week", to_string(kind),
                        amount(kind, keep_to), policy::weekly_raise * 100));
        return true;
    }

    // Acute:chronic workload ratio of daily weighted volume (rest days = 0):
    // the acute window's total against the chronic window's total per acute
    // window. True when this session takes it over the limit.
    //
    // Rolling totals, not a daily EWMA: an EWMA with a 7-day span moves by a
    // quarter of each session, so a steady routine of 1-3 days a week reads
    // 1.4-1.8 on every session day and would fire on careful progressions.
    // Totals over whole weeks are steady (1.0) for any weekly routine and
    // still rise to 1.6-1.8 when load or frequency jumps.
    bool acwr(const Entry& e, State& s, double previous_max) {
        // A crossing is from at or below the line after the previous session
        // to above it now, so a ratio that stays high fires once.
        const double before = s.ratio;
        drop_old(e.day, s);
        const double acute_before = s.acute_sum;
        const double chronic_before = s.chronic_sum;
        s.acute.emplace_back(e.day, e.volume);
        s.chronic.emplace_back(e.day, e.volume);
        s.acute_sum += e.volume;
        s.chronic_sum += e.volume;
        s.ratio = ratio_of(s.acute_sum, s.chronic_sum);
        const bool judged = e.day - s.first_day >= limits_.chronic_days && !above(before, limits_.acwr);
        if (!judged) return false;
        // The most this session could hold without firing: a new high it is
        // not, or the ratio stays at the line.
        const double share = static_cast<double>(limits_.acute_days) / limits_.chronic_days;
        const double line = limits_.acwr * share;
        double at_line = Ceiling::none;
        if (line < 1) {
            at_line = (line * chronic_before - acute_before) / (1 - line);
        } else if (acute_before > line * chronic_before) {
            at_line = 0;
        }
        Ceiling& ceiling = checker_.ceiling(e);
        ceiling.budget = std::min(ceiling.budget, std::max(previous_max - acute_before, at_line));
        const bool new_high = above(s.acute_sum, previous_max);
        return new_high && above(s.ratio, limits_.acwr);
    }

    void drop_old(int day, State& s) const {
        while (!s.acute.empty() && s.acute.front().first <= day - limits_.acute_days) {
            s.acute_sum -= s.acute.front().second;
            s.acute.pop_front();
        }
        while (!s.chronic.empty() && s.chronic.front().first <= day - limits_.chronic_days) {
            s.chronic_sum -= s.chronic.front().second;
            s.chronic.pop_front();
        }
    }

    [[nodiscard]] double per_acute_window(double chronic_sum) const {
        return chronic_sum * limits_.acute_days / limits_.chronic_days;
    }
    [[nodiscard]] double ratio_of(double acute_sum, double chronic_sum) const {
        const double chronic = per_acute_window(chronic_sum);
        return chronic > 0 ? acute_sum / chronic : 0;
    }

    void report_acwr(const Entry& e, const State& s) {
        const Kind kind = e.kind();
        checker_.report(
            e, RuleId::load_ramp, Severity::warning,
            fmt::format("weighted {} work in the {} days to {} rose fast against the last {} days", to_string(kind),
                        limits_.acute_days, to_string(e.session->date), limits_.chronic_days),
            fmt::format("acute:chronic ratio {:.2f} > {:.1f}: {} in the last {} days vs {} per {} days over the last {}",
                        s.ratio, limits_.acwr, amount(kind, s.acute_sum), limits_.acute_days,
                        amount(kind, std::round(per_acute_window(s.chronic_sum))), limits_.acute_days,
                        limits_.chronic_days),
            {{"acwr", s.ratio},
             {"acwr_limit", limits_.acwr},
             {"acute_volume", s.acute_sum},
             {"chronic_volume_per_acute_window", per_acute_window(s.chronic_sum)},
             {"volume_unit", std::string(volume_unit(kind))}},
            fmt::format("ease off for a few days, then build up about {:.0f}% a week", policy::weekly_raise * 100));
    }

    Checker& checker_;
    const Thresholds::LoadRamp& limits_;
    int break_days_;
    std::array<State, family_count> states_;
};

// Foster monotony over the 7 days ending on each session's day.
class Monotony {
public:
    explicit Monotony(Checker& checker) : checker_(checker), limits_(checker.thresholds().monotony) {}

    void add(const Entry& e) {
        State& s = states_[family(e.kind())];
        s.sessions.emplace_back(e.day, e.volume);
        while (s.sessions.front().first <= e.day - days_per_week) s.sessions.pop_front();
        if (s.sessions.size() < limits_.min_sessions) {
            s.monotonous = false;
            return;
        }
        std::array<double, days_per_week> daily{};
        for (const auto& [day, volume] : s.sessions) daily[static_cast<std::size_t>(e.day - day)] += volume;
        double mean = 0;
        for (const double load : daily) mean += load / days_per_week;
        double variance = 0;
        for (const double load : daily) variance += (load - mean) * (load - mean) / days_per_week;
        const double sd = std::sqrt(variance);
        const bool monotonous = !above(sd, 0) || above(mean / sd, limits_.max);
        if (monotonous && !s.monotonous) {
            const Kind kind = e.kind();
            std::vector<std::string> loads;
            for (auto it = daily.rbegin(); it != daily.rend(); ++it) loads.push_back(fmt::format("{:.0f}", *it));
            std::vector<Evidence> data{{"monotony_limit", limits_.max}, {"mean", mean}, {"sd", sd}};
            if (above(sd, 0)) data.push_back({"monotony", mean / sd});
            checker_.report(e, RuleId::monotony, Severity::note,
                            fmt::format("weighted {} work in the 7 days to {} was the same day after day",
                                        to_string(kind), to_string(e.session->date)),
                            fmt::format("monotony {} > {:.1f} (daily {}: {}; mean / SD)",
                                        !above(sd, 0) ? std::string("unbounded") : fmt::format("{:.1f}", mean / sd),
                                        limits_.max, is_timed(kind) ? "minutes" : "reps", fmt::join(loads, ", ")),
                            std::move(data), "vary the load: make one or two days a week easy or rest days");
        }
        s.monotonous = monotonous;
    }

private:
    struct State {
        std::deque<std::pair<int, double>> sessions;  // (day, volume) of the last 7 days
        bool monotonous = false;
    };
    Checker& checker_;
    const Thresholds::Monotony& limits_;
    std::array<State, family_count> states_;
};

// Rest days: 48 h per muscle group, a day off a week, and few weighted days
// in the first weeks.
class NoRest {
public:
    explicit NoRest(Checker& checker) : checker_(checker), limits_(checker.thresholds().no_rest) {}

    void add(const Entry& e) {
        if (!is_timed(e.kind())) same_group(e);
        if (e.day == last_day_) return;  // the day-based parts judge a day once, at its first session
        streak_ = (e.day == last_day_ + 1 && last_day_ != unset) ? streak_ + 1 : 1;
        last_day_ = e.day;
        if (first_day_ == unset) first_day_ = e.day;
        days_.push_back(e.day);
        while (days_.front() <= e.day - days_per_week) days_.pop_front();

        const int in_a_row = limits_.days_in_a_row;
        if (streak_ >= in_a_row && (streak_ - in_a_row) % in_a_row == 0) {
            checker_.report(
                e, RuleId::no_rest, Severity::warning,
                fmt::format("{} on {} made {} weighted days in a row", e.activity->name, to_string(e.session->date),
                            streak_),
                fmt::format("weighted sessions every day from {} to {}",
                            to_string(add_days(e.session->date, 1 - streak_)), to_string(e.session->date)),
                {{"days_in_a_row", static_cast<long long>(streak_)}, {"limit", static_cast<long long>(in_a_row)}},
                "take at least one rest day (or an unweighted easy day) a week");
        }
        // Fires when the count first passes the limit, not again while it stays over.
        const auto early_max = static_cast<std::size_t>(limits_.early_max_days);
        const bool too_many = e.day < first_day_ + limits_.early_days && days_.size() > early_max;
        if (too_many && !too_many_) {
            checker_.report(
                e, RuleId::no_rest, Severity::warning,
                fmt::format("{} on {} made {} weighted days in 7, within the first {} days", e.activity->name,
                            to_string(e.session->date), days_.size(), limits_.early_days),
                fmt::format("weighted days {}; at first, at most {} in any 7", fmt::join(days_text(), ", "),
                            limits_.early_max_days),
                {{"weighted_days_in_7", static_cast<long long>(days_.size())},
                 {"early_max_days", static_cast<long long>(limits_.early_max_days)},
                 {"early_days", static_cast<long long>(limits_.early_days)}},
                "start with 2-3 weighted days a week, with rest days between, for the first weeks");
        }
        too_many_ = too_many;
    }

private:
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
        const std::string_view group = to_string(e.activity->group);
        checker_.report(e, RuleId::no_rest, Severity::warning,
                        fmt::format("{} on {} worked the {} again after {} the day before", e.activity->name,
                                    to_string(e.session->date), group, g.previous_activity),
                        fmt::format("weighted {} work on {} and {}: less than 48 h to recover", group,
                                    to_string(add_days(e.session->date, -1)), to_string(e.session->date)),
                        {{"group", std::string(group)}, {"previous_date", to_string(add_days(e.session->date, -1))}},
                        fmt::format("leave 48 h between weighted {} sessions: work another muscle group, walk, or rest",
                                    group));
    }

    struct GroupDays {
        int day = unset;
        int previous_day = unset;
        std::string activity;
        std::string previous_activity;
        bool reported = false;
    };

    Checker& checker_;
    const Thresholds::NoRest& limits_;
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
    const Thresholds& limits = checker.thresholds();
    for (const Entry& entry : checker.entries()) {
        if (!entry.weighted()) continue;
        if (limits.load_ramp.on) load_ramp.add(entry);
        if (limits.monotony.on) monotony.add(entry);
        if (limits.no_rest.on) no_rest.add(entry);
    }
}

}  // namespace anklog::rules
