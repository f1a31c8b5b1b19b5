#include "report/report_html.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <map>

#include "report/html.hpp"
#include "render/numbers.hpp"
#include "render/output.hpp"
#include "render/summary_text.hpp"
#include "report/svg_charts.hpp"
#include "anklog/prescribed_weeks.hpp"
#include "anklog/assess.hpp"
#include "anklog/prescription.hpp"
#include "render/standing.hpp"

namespace anklog::cli {

namespace {

// The report shows adherence to a prescription over this many weeks, to its last day.
constexpr int prescription_weeks = 12;

// Print first: A4, black on white; the screen shows the same page.
constexpr std::string_view style = R"(
@page { size: A4; margin: 10mm 13mm; }
* { box-sizing: border-box; }
html { background: #fff; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 9pt; line-height: 1.3;
       color: #111; max-width: 182mm; margin: 0 auto; padding: 8mm 0; }
@media print { body { padding: 0; } }
h1 { font-size: 17pt; margin: 0 0 2pt; }
h2 { font-size: 11pt; margin: 7pt 0 3pt; padding-bottom: 1pt; border-bottom: 1.5pt solid #222;
     break-after: avoid; }
h3 { font-size: 9.5pt; margin: 6pt 0 1pt; break-after: avoid; }
p { margin: 3pt 0; }
.meta { color: #333; }
.figures { display: flex; gap: 5pt; margin: 7pt 0 2pt; }
.figure { flex: 1; border: 1pt solid #222; padding: 3pt 6pt; }
.figure b { display: block; font-size: 14pt; }
.figure span { font-size: 8pt; color: #333; }
svg.chart { display: block; width: 100%; height: auto; }
svg text { font-family: inherit; font-size: 10px; fill: #222; }
svg text.value { font-size: 9px; }
.legend { font-size: 8pt; color: #333; margin: 1pt 0 4pt; }
.key { display: inline-block; width: 10pt; height: 8pt; border: 0.8pt solid #222; vertical-align: -1pt;
       margin: 0 2pt 0 8pt; }
.key.done { background: #222; }
.key.planned { background: repeating-linear-gradient(45deg, #222 0 1.2pt, #fff 1.2pt 3.4pt); }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; margin: 2pt 0; }
th { text-align: left; border-bottom: 1pt solid #222; padding: 1.5pt 4pt; }
td { border-bottom: 0.5pt solid #bbb; padding: 1pt 4pt; vertical-align: top; }
th.n, td.n { text-align: right; }
tr { break-inside: avoid; }
tr.empty td { color: #333; font-style: italic; }
.finding { border-left: 2.5pt solid #222; padding: 1pt 0 1pt 6pt; margin: 4pt 0; break-inside: avoid; }
.finding p { margin: 1pt 0; }
.finding { font-size: 8pt; }
.finding ul { margin: 1pt 0; padding-left: 11pt; font-size: 8pt; }
.evidence { color: #333; }
.finding.single > p:first-child, .finding.single ul, .finding.single li { display: inline; }
.finding.single ul { padding: 0; }
.two-columns { columns: 2; column-gap: 12pt; }
.two-columns .finding:first-child { margin-top: 0; }
.severity { font-size: 7.5pt; font-weight: bold; text-transform: uppercase; border: 0.8pt solid #222;
            padding: 0 3pt; margin-right: 4pt; }
.finding.danger { border-left-width: 5pt; }
.finding.danger .severity { background: #222; color: #fff; }
.source { color: #333; font-style: italic; }
.avoid-break { break-inside: avoid; }
.date, .nowrap { white-space: nowrap; }
code { font-family: inherit; font-size: inherit; font-weight: bold; }
.note { font-size: 8pt; margin: 1pt 0; }
table.plan td.why { font-size: 8pt; }
.finding, .note, table.plan td.why { line-height: 1.22; }
)";

std::string_view family_title(Kind family) {
    switch (family) {
        case Kind::gait: return "Walking and other gait work: weighted minutes";
        case Kind::mobility: return "Pilates, barre and yoga: weighted minutes";
        case Kind::strength: return "Strength exercises: weighted reps (sets \u00d7 reps)";
    }
    return "";
}

std::string_view unit_of(Kind family) { return family == Kind::strength ? "reps" : "min"; }

std::string period_label(const PeriodTotals& p, Grouping grouping) {
    const std::string date = to_string(p.start);
    return grouping == Grouping::week ? date : date.substr(0, 7);
}

std::string who(const ReportInput& in) {
    return in.log->profile.name.empty() ? html_text(in.file) : html_text(in.log->profile.name);
}

std::string figure(const std::string& number, std::string_view what) {
    return fmt::format("<div class=\"figure\"><b>{}</b><span>{}</span></div>", number, what);
}

std::string figures(const ReportInput& in) {
    const Summary& s = in.summary;
    int sessions = 0;
    int weighted_days = 0;
    int planned = 0;
    int done = 0;
    int warnings = 0;
    int dangers = 0;
    std::optional<int> pain;
    bool pain_check = false;  // the highest was a pain check
    for (const PeriodTotals& p : s.periods) {
        sessions += p.sessions;
        weighted_days += p.weighted_days;
        planned += p.plan.planned;
        done += p.plan.done;
        warnings += p.warnings;
        dangers += p.dangers;
        if (!p.highest_pain) continue;
        if (!pain || *p.highest_pain > *pain) {
            pain = p.highest_pain;
            pain_check = p.highest_pain_check;
        } else if (*p.highest_pain == *pain && !p.highest_pain_check) {
            pain_check = false;  // a session's pain as high: no need to say check
        }
    }
    std::string out = "<div class=\"figures\">";
    out += figure(std::to_string(sessions), "sessions");
    out += figure(std::to_string(weighted_days), "days with weights");
    out += figure(planned > 0 ? fmt::format("{}%", percent(done, planned)) : std::string("\u2013"),
                  planned > 0 ? fmt::format("of {} planned sessions done", planned) : std::string("no sessions planned"));
    out += figure(pain ? fmt::format("{}/10", *pain) : std::string("\u2013"),
                  pain ? (pain_check ? "highest pain (a pain check)" : "highest pain") : "no pain scores logged");
    out += figure(fmt::format("{} / {}", dangers, warnings), "danger / warning findings");
    return out + "</div>\n";
}

std::string volume_section(const ReportInput& in) {
    const Summary& s = in.summary;
    std::vector<Kind> shown{s.main_family};
    for (const Kind family : families) {
        if (family == s.main_family) continue;
        const bool any = std::any_of(s.periods.begin(), s.periods.end(), [&](const PeriodTotals& p) {
            return p.weighted_volume[index_of(family)] > 0 || p.planned_volume[index_of(family)] > 0;
        });
        if (any) shown.push_back(family);
    }
    const bool with_planned = std::any_of(s.periods.begin(), s.periods.end(), [](const PeriodTotals& p) {
        return p.plan.planned > 0;
    });
    std::string out = fmt::format("<section>\n<h2>Weighted volume per {}</h2>\n",
                                  s.grouping == Grouping::week ? "week" : "month");
    out += fmt::format(
        "<p class=\"legend\"><span class=\"key done\"></span>done{}. Only sessions with weights count.</p>\n",
        with_planned ? "<span class=\"key planned\"></span>planned (the plan in effect for that week)" : "");
    for (const Kind family : shown) {
        VolumeChart chart{std::string(to_string(family)), std::string(unit_of(family)), with_planned, {}};
        for (const PeriodTotals& p : s.periods) {
            chart.bars.push_back({period_label(p, s.grouping), p.weighted_volume[index_of(family)],
                                  p.planned_volume[index_of(family)]});
        }
        out += fmt::format("<div class=\"avoid-break\"><h3>{}</h3>\n{}\n</div>\n", family_title(family),
                           svg_volume_chart(chart));
    }
    return out + "</section>\n";
}

std::string pain_section(const ReportInput& in) {
    // A day's pain is the highest reading of its sessions and pain checks
    // (a check only when higher: then the point is marked as a check).
    std::map<Date, PainPoint> days;
    const auto in_period = [&](Date date) { return date >= in.summary.since && date <= in.summary.until; };
    for (const Session& session : in.log->sessions) {
        if (!session.pain || !in_period(session.date)) continue;
        auto [it, added] = days.try_emplace(session.date, PainPoint{session.date, *session.pain, false});
        if (!added) it->second.pain = std::max(it->second.pain, *session.pain);
    }
    for (const PainCheck& c : in.log->pain_checks) {
        if (!in_period(c.date)) continue;
        auto [it, added] = days.try_emplace(c.date, PainPoint{c.date, c.pain, true});
        if (!added && c.pain > it->second.pain) it->second = PainPoint{c.date, c.pain, true};
    }
    std::string out = "<section class=\"avoid-break\">\n<h2>Pain</h2>\n";
    if (days.empty()) return out + "<p>No pain scores were logged in this period.</p>\n</section>\n";
    std::vector<PainPoint> points;
    points.reserve(days.size());
    for (const auto& [date, point] : days) points.push_back(point);
    // The levels marked and named are the log's rules (the table or its
    // [rules] overrides): one place for a threshold.
    const Thresholds limits = thresholds_of(*in.log);
    out += fmt::format("<p class=\"legend\">The highest pain (0\u201310) of each day, from sessions and pain checks "
                       "(anklog pain; hollow points). Pain up to 5/10 that settles by the next morning is acceptable "
                       "in the pain-monitoring model (Silbernagel et al. 2007); this log's rules flag pain of {} or "
                       "more, above {} as danger, and {} or more on {} of the last {} training days.</p>\n",
                       limits.pain.warning, limits.pain.danger, limits.persistent_pain.pain,
                       limits.persistent_pain.count, limits.persistent_pain.of_last);
    return out +
           svg_pain_chart(in.summary.since, in.summary.until, points,
                          PainLines{limits.persistent_pain.pain, limits.pain.danger}) +
           "\n</section>\n";
}

std::string load_section(const ReportInput& in) {
    std::string out = "<section class=\"avoid-break\">\n<h2>This week</h2>\n";
    out += fmt::format("<p>{}</p>\n", html_prose(load_words(in.summary)));
    const Severity standing = assess(*in.log, in.summary.until).severity;
    if (const std::string plan = plan_words(in.summary, standing); !plan.empty()) {
        out += fmt::format("<p>{}</p>\n", html_prose(plan));
    }
    return out + "</section>\n";
}

std::string adherence_section(const ReportInput& in) {
    const Summary& s = in.summary;
    std::string out = "<section class=\"avoid-break\">\n<h2>Planned and done</h2>\n";
    std::string rows;
    int planned = 0;
    int done = 0;
    for (const PeriodTotals& p : s.periods) {
        if (p.plan.planned == 0) continue;
        planned += p.plan.planned;
        done += p.plan.done;
        std::vector<std::string> missed;
        for (const Session* m : p.plan.missed) {
            missed.push_back(fmt::format("{} on {}{}", activity_html(*m), to_string(m->date),
                                         m->date >= s.until ? " (to come)" : ""));
        }
        rows += fmt::format("<tr class=\"adherence\" data-period=\"{}\" data-planned=\"{}\" data-done=\"{}\"><td>{}</td>"
                            "<td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}%</td><td>{}</td></tr>\n",
                            period_label(p, s.grouping), p.plan.planned, p.plan.done, period_label(p, s.grouping),
                            p.plan.planned, p.plan.done, percent(p.plan.done, p.plan.planned),
                            missed.empty() ? std::string("\u2013") : fmt::format("{}", fmt::join(missed, ", ")));
    }
    // Nothing planned: the figures say so ("no sessions planned"); a section
    // to say it again cost the page its room.
    if (planned == 0) return "";
    out += fmt::format("<p>{} of {} planned sessions done ({}%). A planned session counts as done when a session of "
                       "the same activity is logged on its day.</p>\n",
                       done, planned, percent(done, planned));
    out += fmt::format("<table>\n<tr><th>{}</th><th class=\"n\">planned</th><th class=\"n\">done</th>"
                       "<th class=\"n\">%</th><th>not done</th></tr>\n{}</table>\n",
                       s.grouping == Grouping::week ? "week of" : "month", rows);
    return out + "</section>\n";
}

// Adherence to the clinician's prescription, week by week: days done of
// days prescribed, and whether the dose stayed inside the ranges.
std::string prescription_section(const ReportInput& in) {
    const std::vector<PrescribedWeek> weeks = prescription_adherence(*in.log, in.summary.until, prescription_weeks);
    if (weeks.empty()) return "";
    std::string out = "<section class=\"avoid-break\">\n<h2>Prescription and adherence</h2>\n<ul>\n";
    std::vector<const Prescription*> shown;
    for (const PrescribedWeek& w : weeks) {
        if (std::find(shown.begin(), shown.end(), w.prescription) != shown.end()) continue;
        shown.push_back(w.prescription);
        const Prescription& rx = *w.prescription;
        out += fmt::format("<li>{}: {}, {} days a week <span class=\"source\">({}:{})</span></li>\n",
                           html_text(prescribed_activity(rx)),
                           html_text(dose_text(rx, written_unit(rx, in.log->profile.units))), rx.days,
                           html_text(in.file), rx.line);
    }
    out += "</ul>\n<table>\n<tr><th>week of</th><th>activity</th><th class=\"n\">days done</th>"
           "<th class=\"n\">prescribed</th><th>dose</th></tr>\n";
    for (const PrescribedWeek& w : weeks) {
        out += fmt::format("<tr class=\"prescribed\" data-week=\"{}\"><td>{}</td><td>{}</td><td class=\"n\">{}</td>"
                           "<td class=\"n\">{}</td><td>{}</td></tr>\n",
                           to_string(w.monday), to_string(w.monday), html_text(prescribed_activity(*w.prescription)),
                           w.days_done,
                           w.prescription->days, adherence_text(w));
    }
    return out + "</table>\n</section>\n";
}

std::string weeks_section(const ReportInput& in) {
    const Summary& s = in.summary;
    const Unit unit = in.log->profile.units;
    const auto any = [&](const auto& has) { return std::any_of(s.periods.begin(), s.periods.end(), has); };
    const auto optional = [](const std::optional<int>& v) { return v ? std::to_string(*v) : std::string("\u2013"); };
    struct TableColumn {
        std::string header;
        std::function<std::string(const PeriodTotals&)> cell;
    };
    std::vector<TableColumn> columns{{"days", [](const PeriodTotals& p) { return std::to_string(p.weighted_days); }}};
    const std::array<std::string_view, family_count> volume_headers{"walking etc. min", "Pilates etc. min",
                                                                     "strength reps"};
    for (const Kind family : families) {
        const std::size_t i = index_of(family);
        if (!any([i](const PeriodTotals& p) { return p.weighted_volume[i] > 0; })) continue;
        columns.push_back({std::string(volume_headers[i]),
                           [i](const PeriodTotals& p) { return std::to_string(p.weighted_volume[i]); }});
    }
    columns.push_back({"heaviest", [unit](const PeriodTotals& p) {
                           return p.heaviest ? html_text(format_mass(*p.heaviest, unit)) : std::string("\u2013");
                       }});
    if (any([](const PeriodTotals& p) { return p.srpe_load.has_value(); })) {
        columns.push_back({"load", [optional](const PeriodTotals& p) { return optional(p.srpe_load); }});
    }
    columns.push_back({"pain", [optional](const PeriodTotals& p) {
                           return optional(p.highest_pain) + (p.highest_pain_check ? " (check)" : "");
                       }});
    columns.push_back({"warn", [](const PeriodTotals& p) { return std::to_string(p.warnings); }});
    columns.push_back({"danger", [](const PeriodTotals& p) { return std::to_string(p.dangers); }});

    const bool weekly = s.grouping == Grouping::week;
    std::string out = fmt::format("<section>\n<h2>{} by {}</h2>\n<table class=\"periods\">\n<tr><th>{}</th>",
                                  weekly ? "Week" : "Month", weekly ? "week" : "month", weekly ? "week of" : "month");
    for (const TableColumn& c : columns) out += fmt::format("<th class=\"n\">{}</th>", c.header);
    out += "</tr>\n";
    // A run of empty periods (nothing logged, nothing planned, no pain
    // check) is one row: a row of zeros each was the page's room.
    const auto empty = [](const PeriodTotals& p) {
        return p.sessions == 0 && p.plan.planned == 0 && !p.highest_pain && p.warnings == 0 && p.dangers == 0;
    };
    for (std::size_t i = 0; i < s.periods.size();) {
        const PeriodTotals& p = s.periods[i];
        std::size_t run = 1;
        while (empty(p) && i + run < s.periods.size() && empty(s.periods[i + run])) ++run;
        if (run > 1) {
            out += fmt::format("<tr class=\"empty\"><td>{}</td><td colspan=\"{}\">nothing logged for {} {}s, to "
                               "{}</td></tr>\n",
                               period_label(p, s.grouping), columns.size(), run, weekly ? "week" : "month",
                               to_string(s.periods[i + run - 1].to));
            i += run;
            continue;
        }
        out += fmt::format("<tr><td>{}</td>", period_label(p, s.grouping));
        for (const TableColumn& c : columns) out += fmt::format("<td class=\"n\">{}</td>", c.cell(p));
        out += "</tr>\n";
        ++i;
    }
    out += "</table>\n<p class=\"legend\">days: days with weights; minutes and reps: weighted work only (reps are "
           "sets \u00d7 reps); heaviest: weight per limb; load: session-RPE load, effort \u00d7 minutes (Foster "
           "2001), where effort was logged; pain: the highest, of a session or a pain check; warn, danger: findings of the safety rules.</p>\n";
    return out + "</section>\n";
}

// Findings grouped by rule, the most serious first: each session on a line
// with its numbers, the advice (the latest) and the source once per rule, so
// that a busy period still prints on a page.
constexpr std::size_t sessions_per_rule = 2;

// Of a period with many rules, the latest session of each (13 rules printed
// three pages).
constexpr std::size_t sessions_per_rule_when_many = 1;
constexpr std::size_t many_rules = 8;

std::string findings_section(const ReportInput& in) {
    std::string out = "<section>\n<h2>Findings of the safety rules</h2>\n";
    // Advice is said once: the danger lines at the top say theirs, and a rule
    // whose advice another rule said already points to it (after pain, four
    // rules said "stop training with weights and see a doctor").
    std::map<std::string, std::string> advised;  // advice -> the rule that said it ("" at the top)
    for (const Finding& f : in.findings) {
        if (f.severity != Severity::danger) continue;
        const auto last = std::find_if(in.findings.rbegin(), in.findings.rend(), [&](const Finding& g) {
            return g.severity == Severity::danger && g.rule == f.rule;
        });
        advised.try_emplace(last->advice, "");
    }
    std::map<std::string, int> notes;
    std::map<std::pair<int, RuleId>, std::vector<const Finding*>> groups;  // (-severity, rule) -> findings
    for (const Finding& f : in.findings) {
        if (f.severity == Severity::note) {
            ++notes[std::string(to_string(f.rule))];
            continue;
        }
        groups[{-static_cast<int>(f.severity), f.rule}].push_back(&f);
    }
    if (groups.empty()) out += "<p>Nothing at warning or danger in this period.</p>\n";
    // Several rules: two columns, so that a busy period still fits a page.
    out += groups.size() > 2 ? "<div class=\"findings two-columns\">\n" : "<div class=\"findings\">\n";
    for (const auto& [key, findings] : groups) {
        const Severity severity = findings.front()->severity;
        const RuleId id = key.second;
        // A rule of one session says it on the heading's line.
        out += fmt::format("<div class=\"finding {}{}\" data-rule=\"{}\"><p><span class=\"severity\">{}</span><b>{}</b> "
                           "\u00b7 {} session{}</p>\n<ul>\n",
                           to_string(severity), findings.size() == 1 ? " single" : "", to_string(id),
                           to_string(severity), to_string(id), findings.size(), findings.size() == 1 ? ":" : "s");
        // The latest few sessions of each rule, with their numbers; the
        // count says how many more (a busy month printed three pages).
        const std::size_t shown =
            std::min(findings.size(), groups.size() > many_rules ? sessions_per_rule_when_many : sessions_per_rule);
        for (auto it = findings.end() - static_cast<std::ptrdiff_t>(shown); it != findings.end(); ++it) {
            const Finding* f = *it;
            out += fmt::format("<li class=\"flagged\" data-date=\"{}\">{} <span class=\"evidence\">({})</span></li>\n",
                               to_string(f->date), html_prose(f->message), html_prose(f->evidence));
        }
        if (findings.size() > shown) {
            out += fmt::format("<li class=\"more\">and {} earlier (<code>anklog check</code> lists them)</li>\n",
                               findings.size() - shown);
        }
        const std::string& advice = findings.back()->advice;
        const auto [said, first] = advised.try_emplace(advice, std::string(to_string(id)));
        const std::string what = first              ? html_prose(advice)
                                 : said->second.empty() ? std::string("what to do: as at the top")
                                                        : fmt::format("as for {} above", html_text(said->second));
        out += fmt::format("</ul>\n<p>\u2192 {} <span class=\"source\">({})</span></p></div>\n", what,
                           html_text(rule(id).cite));
    }
    out += "</div>\n";
    if (!notes.empty()) {
        std::vector<std::string> parts;
        int count = 0;
        for (const auto& [rule_name, n] : notes) {
            parts.push_back(fmt::format("{} {}", n, rule_name));
            count += n;
        }
        out += fmt::format("<p class=\"legend\">Also {} note{} ({}): small steps worth knowing about; "
                           "<code>anklog check</code> lists them.</p>\n",
                           count, count == 1 ? "" : "s", fmt::join(parts, ", "));
    }
    return out + "</section>\n";
}

// Danger in the period, one line a rule with what to do (the latest
// advice): the decision, on the first screen. The findings section below
// lists each session with its numbers.
std::string danger_section(const ReportInput& in) {
    std::map<RuleId, std::vector<const Finding*>> dangers;
    for (const Finding& f : in.findings) {
        if (f.severity == Severity::danger) dangers[f.rule].push_back(&f);
    }
    std::string out;
    for (const auto& [id, findings] : dangers) {
        out += fmt::format("<p class=\"finding danger\" data-rule=\"{}\"><span class=\"severity\">danger</span><b>{}"
                           "</b> \u00b7 {} session{}, the last on {}. What to do: {}</p>\n",
                           to_string(id), to_string(id), findings.size(), findings.size() == 1 ? "" : "s",
                           to_string(findings.back()->date), html_prose(findings.back()->advice));
    }
    return out;
}

std::string plan_section(const ReportInput& in) {
    if (!in.next_week) {
        return fmt::format("<section>\n<h2>Next week</h2>\n<p>No plan: {}</p>\n</section>\n",
                           html_text(in.no_plan_reason));
    }
    const Week& week = *in.next_week;
    const Log& log = *in.log;
    std::string out = fmt::format("<section class=\"avoid-break\">\n<h2>Plan for the week of {} to {}</h2>\n",
                                  to_string(week.monday), to_string(add_days(week.monday, 6)));
    if (week.sessions.empty()) {
        out += "<p>A rest week: nothing is planned.</p>\n";
    } else {
        out += "<table class=\"plan\">\n<tr><th>day</th><th>activity</th><th class=\"n\">weight</th>"
               "<th class=\"n\">dose</th><th>why</th></tr>\n";
        static constexpr std::array<std::string_view, 7> weekdays{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
        for (const PlannedSession& p : week.sessions) {
            const Session& s = p.session;
            const Kind kind = log.catalogue.find(s.activity)->kind;
            out += fmt::format("<tr><td class=\"date\">{} {}</td><td>{}</td><td class=\"n nowrap\">{}</td>"
                               "<td class=\"n nowrap\">{}</td><td class=\"why\">{}: {}</td></tr>\n",
                               weekdays[static_cast<std::size_t>(days_between(week.monday, s.date))],
                               to_string(s.date), activity_html(s),
                               s.weighted() ? html_text(format_mass_exact(*s.weight)) +
                                                  (s.on == Limb::wrist ? " (wrists)" : "")
                                            : std::string("none"),
                               html_text(volume_text(s, kind)), html_text(to_string(p.label)), html_prose(p.reason));
        }
        out += "</table>\n";
    }
    for (const std::string& note : week.notes) out += fmt::format("<p class=\"note\">Note: {}</p>\n", html_prose(note));
    out += "<p class=\"legend\">anklog's plan raises one thing at a time (volume first, then one weight step) and "
           "passes its own safety rules; adjust it to what you see.</p>\n";
    return out + "</section>\n";
}

}  // namespace

std::string report_html(const ReportInput& in) {
    const Summary& s = in.summary;
    const std::string period = fmt::format("{} to {}", to_string(s.since), to_string(s.until));
    std::string out(report_html_start);
    out += fmt::format("{}, {}</title>\n", who(in), period);
    out += fmt::format("<style>{}</style>\n</head>\n<body>\n", style);
    out += fmt::format("<header>\n<h1>Training report: {}</h1>\n", who(in));
    out += fmt::format("<p class=\"meta\">{} ({} {}{}) \u00b7 log {} \u00b7 weights per limb in {} \u00b7 made on {} "
                       "with anklog {}, which flags, explains and cites, and never diagnoses</p>\n",
                       html_prose(period), s.periods.size(), s.grouping == Grouping::week ? "week" : "month",
                       s.periods.size() == 1 ? "" : "s", html_text(in.file), to_string(in.log->profile.units),
                       html_prose(to_string(in.made)), ANKLOG_VERSION);
    // The first screen is the decision: where things stand (the assessment,
    // as today and summary say it), any danger and what to do about it, then
    // how the plan was followed; the charts and tables follow. Adherence
    // never reads as good news over danger.
    const Assessment standing = assess(*in.log, s.until);
    out += fmt::format("<p class=\"standing\"><b>Where things stand on {}:</b> {}</p>\n", to_string(s.until),
                       html_prose(standing_line(standing)));
    for (std::size_t i = 1; i < standing.attention.size(); ++i) {
        out += fmt::format("<p class=\"standing\">Also, {}: {}</p>\n", to_string(standing.attention[i].severity),
                           html_prose(standing.attention[i].what));
    }
    out += danger_section(in) + "</header>\n";
    if (!s.first_session) {
        out += figures(in) + "<p>Not enough data: the log has no sessions yet.</p>\n" + plan_section(in);
    } else {
        if (!s.enough_data) {
            out += "<p><b>Not enough data for trends yet:</b> the log spans less than two weeks.</p>\n";
        }
        out += figures(in) + prescription_section(in) + adherence_section(in) + volume_section(in) + pain_section(in) + load_section(in) +
               weeks_section(in) + findings_section(in) + plan_section(in);
    }
    out += "</body>\n</html>\n";
    return out;
}

}  // namespace anklog::cli
