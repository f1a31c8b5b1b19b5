#include "anklog/summary.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "anklog/check.hpp"
#include "anklog/error.hpp"
#include "anklog/thresholds.hpp"

namespace anklog {

Date period_start(Date date, Grouping grouping) {
    if (grouping == Grouping::week) return week_start(date);
    return Date{date.year(), date.month(), std::chrono::day{1}};
}

Date period_end(Date date, Grouping grouping) {
    if (grouping == Grouping::week) return add_days(week_start(date), 6);
    return Date{std::chrono::year_month_day_last{date.year(), std::chrono::month_day_last{date.month()}}};
}

namespace {

Date default_since(Date until, Grouping grouping) {
    if (grouping == Grouping::week) {
        const Date since = add_days(week_start(until), -7 * (default_periods - 1));
        return is_log_date(since) ? since : first_log_date;
    }
    const std::chrono::year_month first = std::chrono::year_month{until.year(), until.month()} -
                                          std::chrono::months{default_periods - 1};
    const Date since{first.year(), first.month(), std::chrono::day{1}};
    return is_log_date(since) ? since : first_log_date;
}

// The totals of sessions and findings; the caller sets the dates.
class Totals {
public:
    Totals(const Log& log, std::vector<PeriodTotals>& periods) : log_(log), periods_(periods) {}

    PeriodTotals* row(Date date) {
        if (periods_.empty() || date < periods_.front().from || date > periods_.back().to) return nullptr;
        const auto it = std::upper_bound(periods_.begin(), periods_.end(), date,
                                         [](Date d, const PeriodTotals& p) { return d < p.start; });
        return &*(it - 1);
    }

    void add(const Session& s) {
        PeriodTotals* p = row(s.date);
        if (!p) return;
        const Kind kind = log_.catalogue.find(s.activity)->kind;
        ++p->sessions;
        if (s.weighted()) {
            p->weighted_volume[index_of(kind)] += volume(s, kind);
            if (!p->heaviest || compare(*s.weight, *p->heaviest) > 0) p->heaviest = s.weight;
            weighted_days_.insert(s.date);
        }
        if (const auto load = srpe_load(s)) p->srpe_load = p->srpe_load.value_or(0) + *load;
        if (s.pain && (!p->highest_pain || *s.pain >= *p->highest_pain)) {
            p->highest_pain = *s.pain;
            p->highest_pain_check = false;
        }
    }

    // A pain check is a pain reading of its day: it counts when higher than
    // the sessions' (added after them).
    void add(const PainCheck& c) {
        PeriodTotals* p = row(c.date);
        if (!p || (p->highest_pain && c.pain <= *p->highest_pain)) return;
        p->highest_pain = c.pain;
        p->highest_pain_check = true;
    }

    void count_weighted_days() {
        for (const Date day : weighted_days_) ++row(day)->weighted_days;
    }

private:
    const Log& log_;
    std::vector<PeriodTotals>& periods_;
    std::set<Date> weighted_days_;
};

// The first day with a session or a planned session in effect.
std::optional<Date> first_day(const Log& log) {
    std::optional<Date> first;
    const auto see = [&first](Date date) {
        if (!first || date < *first) first = date;
    };
    for (const Session& s : log.sessions) see(s.date);
    for (const Session* planned : planned_in_effect(log)) see(planned->date);
    return first;
}

PeriodTotals empty_period(Date start, Date end, Date since, Date until) {
    PeriodTotals p;
    p.start = start;
    p.end = end;
    p.from = std::max(start, since);
    p.to = std::min(end, until);
    return p;
}

// The planned sessions in effect into the periods that hold them: one pass.
void add_plans(const Log& log, const std::vector<PlannedStatus>& status, std::vector<PeriodTotals>& periods) {
    Totals rows(log, periods);
    for (const PlannedStatus& s : status) {
        PeriodTotals* p = rows.row(s.planned->date);
        if (!p) continue;
        ++p->plan.planned;
        if (s.done) {
            ++p->plan.done;
        } else {
            p->plan.missed.push_back(s.planned);
        }
        if (s.planned->weighted()) {
            const Kind kind = log.catalogue.find(s.planned->activity)->kind;
            p->planned_volume[index_of(kind)] += volume(*s.planned, kind);
        }
    }
}

}  // namespace

Summary summarize(const Log& log, const SummaryOptions& options) {
    Summary out;
    out.grouping = options.grouping;
    out.until = options.period.until.value_or(options.today);
    out.since = options.period.since.value_or(default_since(out.until, options.grouping));
    if (out.since > out.until) out.since = out.until;
    // No rows before the person started (their first session, or the first
    // planned one): weeks of nothing before it would read as weeks missed.
    if (const std::optional<Date> started = first_day(log); started && *started > out.since) {
        out.since = std::min(*started, out.until);
    }
    // Rows are whole calendar weeks (months), as in hledger: a period that
    // starts mid-week starts at its Monday, or its first row would look like
    // a quiet week.
    out.since = period_start(out.since, out.grouping);

    const int periods = out.grouping == Grouping::week
                            ? days_between(week_start(out.since), out.until) / 7 + 1
                            : (static_cast<int>(out.until.year()) - static_cast<int>(out.since.year())) * 12 +
                                  static_cast<int>(static_cast<unsigned>(out.until.month())) -
                                  static_cast<int>(static_cast<unsigned>(out.since.month())) + 1;
    if (periods > max_periods) {
        throw Error(fmt::format("{} to {} holds {} {}s; a summary shows at most {}", to_string(out.since),
                                to_string(out.until), periods, out.grouping == Grouping::week ? "week" : "month",
                                max_periods),
                    "choose a shorter period with --since and --until");
    }
    for (Date start = period_start(out.since, out.grouping); start <= out.until;) {
        const Date end = period_end(start, out.grouping);
        out.periods.push_back(empty_period(start, end, out.since, out.until));
        if (end >= last_log_date) break;
        start = add_days(end, 1);
    }

    Totals totals(log, out.periods);
    std::array<std::set<Date>, family_count> weighted_days;
    for (const Session& s : log.sessions) {
        if (!out.first_session || s.date < *out.first_session) out.first_session = s.date;
        if (!out.last_session || s.date > *out.last_session) out.last_session = s.date;
        if (s.date < out.since || s.date > out.until) continue;
        totals.add(s);
        if (s.weighted()) weighted_days[index_of(log.catalogue.find(s.activity)->kind)].insert(s.date);
    }
    for (const PainCheck& c : log.pain_checks) {
        if (c.date >= out.since && c.date <= out.until) totals.add(c);
    }
    totals.count_weighted_days();
    out.enough_data = out.first_session && days_between(*out.first_session, *out.last_session) + 1 >= min_days_for_trends;
    // Days, not sessions: three exercises make one strength day. Ties go to
    // the first family in Kind's order (gait, mobility, strength).
    out.main_family = families[static_cast<std::size_t>(
        std::max_element(weighted_days.begin(), weighted_days.end(),
                         [](const auto& a, const auto& b) { return a.size() < b.size(); }) -
        weighted_days.begin())];

    for (const Finding& f : check(log)) {
        if (f.severity < Severity::warning) continue;
        if (PeriodTotals* p = totals.row(f.date)) ++(f.severity == Severity::danger ? p->dangers : p->warnings);
    }

    const std::vector<PlannedStatus> status = planned_status(log, out.until);
    out.has_plan = !log.planned.empty() || !log.plan_saves.empty();
    add_plans(log, status, out.periods);
    const Date monday = week_start(out.until);
    std::vector<PeriodTotals> week{empty_period(monday, add_days(monday, 6), monday, add_days(monday, 6))};
    add_plans(log, status, week);
    if (week.front().plan.planned > 0) out.current_week = week.front();
    const std::vector<PlanSave> rest_weeks = saved_rest_weeks(log);
    out.rest_week = std::any_of(rest_weeks.begin(), rest_weeks.end(),
                                [monday](const PlanSave& save) { return save.monday == monday; });

    out.spike_above = thresholds_of(log).load_ramp.acwr;
    for (const Kind family : families) {
        LoadRatio ratio = load_ratio(log, family, out.until);
        if (ratio.ratio) out.load.push_back(ratio);
    }
    return out;
}

}  // namespace anklog
