#include "report/handout_html.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "anklog/activity.hpp"
#include "anklog/mass.hpp"
#include "anklog/prescription.hpp"
#include "anklog/rules.hpp"
#include "report/html.hpp"

namespace anklog::cli {

namespace {

// One A4 page, large type (body 15 pt), black on white.
constexpr std::string_view style = R"(
@page { size: A4; margin: 12mm 14mm; }
* { box-sizing: border-box; }
html { background: #fff; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 14pt; line-height: 1.2;
       color: #000; max-width: 182mm; margin: 0 auto; padding: 8mm 0; }
@media print { body { padding: 0; } }
h1 { font-size: 20pt; margin: 0 0 2pt; }
h2 { font-size: 16pt; margin: 10pt 0 3pt; padding-bottom: 1pt; border-bottom: 2pt solid #000; break-after: avoid; }
p { margin: 3pt 0; }
table { border-collapse: collapse; width: 100%; }
th { text-align: left; border-bottom: 1.5pt solid #000; padding: 1pt 4pt; }
td { border-bottom: 0.75pt solid #777; padding: 2pt 4pt; vertical-align: top; }
tr { break-inside: avoid; }
td.day, td.weight, td.dose { white-space: nowrap; }
td.what { overflow-wrap: anywhere; }
td.day { font-weight: bold; }
td.tick { text-align: center; }
th.pain { width: 20mm; }
.box { display: inline-block; width: 5.5mm; height: 5.5mm; border: 1.5pt solid #000; vertical-align: -1mm; }
table.rule td:first-child { white-space: nowrap; font-weight: bold; }
code { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-weight: bold; }
.note { border-left: 4pt solid #000; padding-left: 6pt; }
.rxnote { display: block; font-size: 12pt; font-style: italic; }
.date { white-space: nowrap; }
)";

constexpr std::array<std::string_view, 7> weekday_names{"Monday",   "Tuesday", "Wednesday", "Thursday",
                                                        "Friday",   "Saturday", "Sunday"};
constexpr std::array<std::string_view, 12> month_names{"January", "February", "March",     "April",   "May",      "June",
                                                       "July",    "August",   "September", "October", "November",
                                                       "December"};

// "Monday 30 November", or short: "Mon 30 Nov"
std::string day_words(Date monday, Date date, bool short_names = false) {
    const int day = static_cast<int>(static_cast<unsigned>(date.day()));
    const auto month = static_cast<std::size_t>(static_cast<unsigned>(date.month()) - 1);
    const std::string_view weekday = weekday_names[static_cast<std::size_t>(days_between(monday, date))];
    return short_names ? fmt::format("{} {} {}", weekday.substr(0, 3), day, month_names[month].substr(0, 3))
                       : fmt::format("{} {} {}", weekday, day, month_names[month]);
}

// "side-leg-lift" -> "side leg lift": the activity in plain words.
std::string plain_name(std::string name) {
    std::replace(name.begin(), name.end(), '-', ' ');
    std::replace(name.begin(), name.end(), '_', ' ');
    return name;
}

// "0.5 kg on each ankle", "0.5 kg on the left ankle", "1 kg on each wrist",
// "no weights"
std::string weight_words(const Session& s) {
    if (!s.weighted()) return s.side == Side::both ? "no weights" : fmt::format("no weights, {} side only", to_string(s.side));
    const std::string_view limb = s.on == Limb::wrist ? "wrist" : "ankle";
    const std::string where =
        s.side == Side::both ? fmt::format("each {}", limb) : fmt::format("the {} {}", to_string(s.side), limb);
    return html_text(format_mass_exact(*s.weight)) + " on " + where;
}

// The exercise, and beside it the clinician's note of its prescription.
std::string what_words(const Log& log, const Session& s) {
    std::string out = html_text(plain_name(s.activity));
    const Prescription* rx = prescription_for(log.prescriptions, s.activity, s.side, s.date);
    if (rx && !rx->note.empty()) out += fmt::format("<span class=\"rxnote\">{}</span>", html_text(rx->note));
    return out;
}

// Where the client stands, without the physiotherapist's words: the
// command syntax becomes what to do.
std::string plain_standing(std::string text) {
    for (const std::string_view command : {"(anklog pain N)", "`anklog pain N`"}) {
        for (auto at = text.find(command); at != std::string::npos; at = text.find(command, at)) {
            text.replace(at, command.size(), "(score your pain from 0 to 10 and tell anklog: see below)");
        }
    }
    return text;
}

// "25 minutes", "2 sets of 13": the planner's dose, in words.
std::string dose_words(const Log& log, const Session& s) {
    const Activity* activity = log.catalogue.find(s.activity);
    if (activity && is_timed(activity->kind)) {
        return s.minutes ? fmt::format("{} minute{}", *s.minutes, *s.minutes == 1 ? "" : "s") : std::string("\u2013");
    }
    const int sets = s.sets.value_or(0);
    return fmt::format("{} set{} of {}", sets, sets == 1 ? "" : "s", s.reps.value_or(0));
}

std::string optional_number(const std::optional<int>& value) { return value ? std::to_string(*value) : std::string(); }

std::string week_table(const HandoutInput& in) {
    const Log& log = *in.log;
    std::string out = "<table class=\"week\">\n<tr><th>day</th><th>what</th><th>weight</th><th>how much</th>"
                      "<th>done</th><th class=\"pain\">pain</th></tr>\n";
    for (int d = 0; d < 7; ++d) {
        const Date date = add_days(in.monday, d);
        bool first = true;
        for (const HandoutDay& day : in.sessions) {
            const Session& s = *day.session;
            if (s.date != date) continue;
            out += fmt::format(
                "<tr class=\"session\" data-date=\"{}\" data-weight=\"{}\" data-minutes=\"{}\" data-sets=\"{}\" "
                "data-reps=\"{}\"><td class=\"day\">{}</td><td class=\"what\">{}</td><td class=\"weight\">{}</td>"
                "<td class=\"dose\">{}</td><td class=\"tick\">{}</td><td class=\"pain\"></td></tr>\n",
                to_string(date), s.weighted() ? html_text(format_mass_exact(*s.weight)) : std::string(),
                optional_number(s.minutes), optional_number(s.sets), optional_number(s.reps),
                first ? day_words(in.monday, date, true) : std::string(), what_words(log, s), weight_words(s),
                dose_words(log, s), day.done ? std::string("\u2713 done") : std::string("<span class=\"box\"></span>"));
            first = false;
        }
        if (first) {
            out += fmt::format("<tr class=\"rest\" data-date=\"{}\"><td class=\"day\">{}</td><td colspan=\"5\">rest"
                               "</td></tr>\n",
                               to_string(date), day_words(in.monday, date, true));
        }
    }
    return out + "</table>\n";
}

// "3", or "3 to 5"; empty when the band holds no score.
std::string band(int from, int to) {
    from = std::max(from, 0);
    to = std::min(to, 10);
    if (from > to) return {};
    return from == to ? fmt::format("{}/10", from) : fmt::format("{} to {}/10", from, to);
}

// The pain rule (Silbernagel et al. 2007, as the rule table states it) in
// the log's own numbers: its [rules] may move them.
std::string pain_rule(const Log& log) {
    const auto knob = [&](Knob k) { return static_cast<int>(log.rules.value(k)); };
    const int raised_after = knob(Knob::pain_raised_after);
    const int warning = knob(Knob::pain_warning);
    const int danger = knob(Knob::pain_danger);
    const int settled = std::max(0, raised_after - 1);
    std::string rows;
    const auto row = [&](const std::string& when, const std::string& what, std::string_view kind) {
        if (!when.empty()) {
            rows += fmt::format("<tr data-pain=\"{}\"><td>{}</td><td>{}</td></tr>\n", kind, when, what);
        }
    };
    row(band(0, settled), "Fine: train as planned.", "fine");
    std::string middle = fmt::format("Acceptable if it has settled by the next morning. Do not add anything next "
                                     "time: do the same again until it is {}/10 or less.",
                                     settled);
    if (warning > raised_after && warning <= danger) {
        middle += fmt::format(" From {}/10: take the weights off and rest for the day.", warning);
    } else if (warning <= raised_after) {
        middle += " Take the weights off and rest for the day.";
    }
    row(band(raised_after, danger), middle, "acceptable");
    row(band(danger + 1, 10),
        "Stop. Take the weights off and rest. If it has not settled by the next morning, call your physiotherapist.",
        "stop");
    row("The next morning",
        fmt::format("Score it again. {}/10 or less: carry on. Worse than the day before, or above {}/10: your next "
                    "sessions will be lighter.",
                    settled, danger),
        "morning");
    row("Again and again",
        fmt::format("Pain of {}/10 or more on {} of your last {} training days: stop training with weights and call "
                    "your physiotherapist.",
                    knob(Knob::persistent_pain_pain), knob(Knob::persistent_pain_count),
                    knob(Knob::persistent_pain_of_last)),
        "persistent");
    return "<section>\n<h2>If it hurts: pain from 0 (none) to 10 (the worst)</h2>\n<table class=\"rule\">\n" +
           rows + "</table>\n</section>\n";
}

std::string logging(const HandoutInput& in) {
    return fmt::format(
        "<section>\n<h2>Tell anklog</h2>\n<table class=\"rule\">\n"
        "<tr><td>After a session</td><td><code>anklog done --pain 2</code>: done as planned, with your pain "
        "score</td></tr>\n"
        "<tr><td>The next morning</td><td><code>anklog pain 1</code>: how it feels now</td></tr>\n"
        "</table>\n<p>Your log: {}. No computer at hand? Tick the box, write the pain down, and tell anklog "
        "later.</p>\n</section>\n",
        html_text(in.file));
}

}  // namespace

std::string handout_html(const HandoutInput& in) {
    const Log& log = *in.log;
    const std::string who = log.profile.name.empty() ? std::string() : html_text(log.profile.name);
    const Date sunday = add_days(in.monday, 6);
    std::string out(handout_html_start);
    out += fmt::format("{}week of {}</title>\n", who.empty() ? std::string() : who + ", ", to_string(in.monday));
    out += fmt::format("<style>{}</style>\n</head>\n<body>\n", style);
    out += fmt::format("<h1>{}: {} to {}</h1>\n", who.empty() ? std::string("Your training") : who,
                       day_words(in.monday, in.monday, true), day_words(in.monday, sunday, true));
    out += fmt::format("<p class=\"meta\">{} Made on {}.</p>\n",
                       in.saved ? "The plan saved in your log."
                                : "The plan anklog makes from your log.",
                       to_string(in.made));
    if (!in.standing.empty()) {
        out += fmt::format("<p class=\"note standing\"><b>First:</b> {}</p>\n", html_prose(plain_standing(in.standing)));
    }
    out += week_table(in);
    if (in.sessions.empty()) out += "<p>A rest week: no training with weights.</p>\n";
    out += pain_rule(log) + logging(in);
    out += "</body>\n</html>\n";
    return out;
}

}  // namespace anklog::cli
