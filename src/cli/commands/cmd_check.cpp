// anklog check: the rules applied to one log, reported like a compiler; or
// to several logs, a review (a physiotherapist's Monday): one table of all
// of them, who needs attention first, then each log's findings under its name.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>
#include <string>
#include <utility>
#include <variant>

#include "anklog/prescribed_weeks.hpp"
#include "anklog/assess.hpp"
#include "anklog/check.hpp"
#include "anklog/error.hpp"
#include "anklog/thresholds.hpp"
#include "commands/commands.hpp"
#include "git.hpp"
#include "log_file.hpp"
#include "render/numbers.hpp"
#include "render/output.hpp"
#include "render/terminal.hpp"
#include "render/standing.hpp"
#include "render/table.hpp"

namespace anklog::cli {

namespace {

// "Recent" pain in a review: the highest of the last two weeks to the
// review date, as a physiotherapist asks "any pain lately?".
constexpr int recent_pain_days = 14;
// The review shows adherence to a prescription over this many weeks, to the
// review date, unless --since names its own.
constexpr int adherence_weeks = 4;

struct Counts {
    int note = 0;
    int warning = 0;
    int danger = 0;
    void add(Severity s) { ++(s == Severity::danger ? danger : s == Severity::warning ? warning : note); }
};

// One log, checked over the period.
struct Checked {
    std::string shown;  // the file name as given
    std::string name;   // [profile] name, if any
    std::vector<Finding> findings;  // in the period, at or above --min-severity
    std::vector<int> lines;         // each finding's session line
    long sessions = 0;              // in the period
    Counts counts;                  // of the findings shown
    long hidden = 0;                // findings in the period below --min-severity
    bool failed = false;            // a finding in the period at or above --fail-on
    std::optional<Date> last_session;  // on or before the review date
    std::optional<int> recent_pain;    // the highest of the recent_pain_days to the review date
    Assessment standing;               // where the person stands on the review date
    // Adherence to the prescription, week by week: a line each, and as JSON.
    std::string prescribed_text;
    nlohmann::ordered_json prescribed_json = nlohmann::ordered_json::array();
    // The table's "prescribed" cell: days done of days prescribed over the
    // weeks that ended by the review date (the review's own week if none
    // did); empty without a prescription.
    std::string prescribed_cell;
    Thresholds limits;                 // the log's, with its [rules]
    // Whatever --min-severity shows: a danger, and a pain warning, in the period.
    bool danger_in_period = false;
    bool pain_warning_in_period = false;
};

// One log of a review: checked, or the error that kept it from being read.
struct Reviewed {
    std::string shown;
    std::optional<Checked> checked;
    std::optional<Error> error;
};

// `shown` is a FILE argument unless it is the log -f names.
Checked check_log(const std::string& shown, const CheckFlags& flags, const Period& period, Date review_date) {
    // `anklog check clients/` means the logs in it; say how to name them.
    if (std::error_code ignored; !flags.files.empty() && std::filesystem::is_directory(shown, ignored)) {
        throw Error("this is a folder, not a log file",
                    fmt::format("name the logs in it, e.g. anklog check {}/*.toml",
                                std::string_view(shown).substr(0, shown.find_last_not_of('/') + 1)),
                    Location{shown});
    }
    const Log log = read_log(shown);
    Checked out;
    out.shown = shown;
    out.name = log.profile.name;
    const Severity fail_on = *severity_names.parse(flags.fail_on);
    const Severity at_least = *severity_names.parse(flags.min_severity);
    for (Finding& f : check(log)) {
        if (!period.contains(f.date)) continue;
        out.failed = out.failed || f.severity >= fail_on;
        out.danger_in_period = out.danger_in_period || f.severity == Severity::danger;
        const bool about_pain =
            f.rule == RuleId::pain || f.rule == RuleId::persistent_pain || f.rule == RuleId::pain_hold;
        out.pain_warning_in_period = out.pain_warning_in_period || (about_pain && f.severity == Severity::warning);
        if (f.severity < at_least) {
            ++out.hidden;
            continue;
        }
        out.counts.add(f.severity);
        out.lines.push_back(log.sessions[f.session].line);
        out.findings.push_back(std::move(f));
    }
    const Date recent_from = add_days(review_date, 1 - recent_pain_days);
    for (const Session& s : log.sessions) {
        if (period.contains(s.date)) ++out.sessions;
        // Whether a client stopped shows before the period too.
        if (s.date > review_date) continue;
        if (!out.last_session || s.date > *out.last_session) out.last_session = s.date;
        if (s.pain && s.date >= recent_from) out.recent_pain = std::max(out.recent_pain.value_or(0), *s.pain);
    }
    for (const PainCheck& c : log.pain_checks) {
        if (c.date <= review_date && c.date >= recent_from) {
            out.recent_pain = std::max(out.recent_pain.value_or(0), c.pain);
        }
    }
    out.standing = assess(log, review_date);
    out.limits = thresholds_of(log);
    // The weeks of --since to the review date, else the last adherence_weeks.
    const int weeks_shown =
        period.since && *period.since <= review_date
            ? days_between(week_start(*period.since), week_start(review_date)) / 7 + 1
            : adherence_weeks;
    const std::vector<PrescribedWeek> weeks = prescription_adherence(log, review_date, weeks_shown);
    const bool any_ended = std::any_of(weeks.begin(), weeks.end(),
                                       [&](const PrescribedWeek& w) { return add_days(w.monday, 6) <= review_date; });
    int days_done = 0;
    int days_prescribed = 0;
    for (const PrescribedWeek& w : weeks) {
        const Prescription& rx = *w.prescription;
        if (!any_ended || add_days(w.monday, 6) <= review_date) {
            days_done += w.days_done;
            days_prescribed += rx.days;
        }
        out.prescribed_text += fmt::format("  week of {}  {} {}/{} days, {}  ({}:{})\n", to_string(w.monday),
                                           terminal_safe(prescribed_activity(rx)), w.days_done, rx.days, adherence_text(w),
                                           terminal_safe(shown), rx.line);
        out.prescribed_json.push_back({{"week", to_string(w.monday)},
                                       {"activity", rx.activity},
                                       {"line", rx.line},
                                       {"days_done", w.days_done},
                                       {"days_prescribed", rx.days},
                                       {"sessions_above", w.outside},
                                       {"sessions_below", w.below}});
    }
    if (!weeks.empty()) {
        out.prescribed_text = "Adherence to the prescription:\n" + out.prescribed_text;
        out.prescribed_cell = fmt::format("{}/{} days", days_done, days_prescribed);
    }
    return out;
}

nlohmann::ordered_json evidence_json(const Finding& finding) {
    nlohmann::ordered_json out = nlohmann::ordered_json::object();
    for (const Evidence& item : finding.data) {
        std::visit([&](const auto& value) { out[std::string(item.name)] = value; }, item.value);
    }
    return out;
}

std::string plural(long n, std::string_view word) { return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s"); }

nlohmann::ordered_json findings_json(const Checked& c) {
    nlohmann::ordered_json items = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < c.findings.size(); ++i) {
        const Finding& f = c.findings[i];
        nlohmann::ordered_json item = {{"rule", to_string(f.rule)},
                                       {"severity", to_string(f.severity)},
                                       {"date", to_string(f.date)},
                                       {"activity", f.activity},
                                       {"line", c.lines[i]},
                                       {"message", f.message},
                                       {"advice", f.advice},
                                       {"source", finding_source(f, c.shown)},
                                       {"evidence", evidence_json(f)},
                                       {"explanation", f.evidence}};
        if (f.suggestion) item["suggestion"] = load_json(*f.suggestion);
        items.push_back(std::move(item));
    }
    return items;
}

nlohmann::ordered_json counts_json(const Checked& c) {
    return {{"sessions", c.sessions}, {"note", c.counts.note}, {"warning", c.counts.warning}, {"danger", c.counts.danger}};
}

// "log.toml (Ann): 3 sessions checked since 2026-11-01: 1 danger, 4 warnings";
// without the name under a review's heading, which already gives it.
std::string summary_line(const Checked& c, const Period& period, bool with_name, bool color) {
    std::string range;
    if (period.since && period.until) {
        range = fmt::format(" from {} to {}", to_string(*period.since), to_string(*period.until));
    } else if (period.since) {
        range = " since " + to_string(*period.since);
    } else if (period.until) {
        range = " until " + to_string(*period.until);
    }
    const std::string checked =
        fmt::format("{}: {} checked{}", with_name && !c.name.empty() ? log_title(c.shown, c.name) : terminal_safe(c.shown),
                    plural(c.sessions, "session"), range);
    // Findings --min-severity leaves out still count for --fail-on: say so.
    const std::string hidden = c.hidden > 0 ? fmt::format(" ({} below --min-severity not shown)", c.hidden) : "";
    if (c.findings.empty()) return fmt::format("{}: nothing to flag{}\n", checked, hidden);
    std::vector<std::string> parts;
    if (c.counts.danger) parts.push_back(paint(fmt::format("{} danger", c.counts.danger), Tone::red, color));
    if (c.counts.warning) parts.push_back(paint(plural(c.counts.warning, "warning"), Tone::yellow, color));
    if (c.counts.note) parts.push_back(paint(plural(c.counts.note, "note"), Tone::cyan, color));
    return fmt::format("{}: {}{}\n", checked, fmt::join(parts, ", "), hidden);
}

std::string findings_text(const Checked& c, bool color) {
    std::string out;
    for (std::size_t i = 0; i < c.findings.size(); ++i) {
        out += fit_to_terminal(render_finding(c.findings[i], c.shown, c.lines[i], color)) + "\n";
    }
    return out;
}

// Copies a sync tool kept beside the log when two devices changed it: said
// on stderr (a note, not a finding: the exit status is the log's).
void note_conflict_copies(const std::string& shown, bool color) {
    for (const storage::ConflictCopy& copy : storage::sync_conflict_copies(shown)) {
        const std::string what = fmt::format("{} is a copy {} kept of a change to {} made on another device at the same time",
                                             copy.path.string(), copy.tool, shown);
        const std::string help = fmt::format("compare them (diff {} {}), add what only the copy holds to the log with "
                                             "'anklog edit', then delete the copy; 'anklog sync --setup' lets git merge "
                                             "the log instead",
                                             shell_quoted(shown), shell_quoted(copy.path.string()));
        fmt::print(stderr, "anklog: {} {}\n  {} {}\n", paint("note:", Tone::cyan, color), terminal_safe(what),
                   paint("help:", Tone::cyan, color), terminal_safe(help));
    }
}

// The standing in JSON, as the review's summary carries it.
nlohmann::ordered_json standing_json(const Assessment& standing) {
    return {{"severity", standing.attention.empty() ? nlohmann::ordered_json(nullptr)
                                                    : nlohmann::ordered_json(to_string(standing.severity))},
            {"headline", standing.headline},
            {"short", short_standing(standing)}};
}

// A log whose standing needs attention at or above --fail-on is never
// clean, whatever the period holds (one log or a review alike): the
// assessment's severity, the same in every view (pain above 5/10 not yet
// settled is danger however long ago it was).
bool standing_fails(const Assessment& standing, const CheckFlags& flags) {
    const Severity fail_on = *severity_names.parse(flags.fail_on);
    return !standing.attention.empty() && standing.severity >= fail_on;
}

int run_one(const std::string& shown, const CheckFlags& flags, const Period& period, const Context& context) {
    note_conflict_copies(shown, context.color_stderr);
    const Checked c = check_log(shown, flags, period, period.until.value_or(context.today));
    if (flags.format == "json") {
        fmt::print("{}", json_text({{"file", shown},
                                    {"findings", findings_json(c)},
                                    {"summary", counts_json(c)},
                                    {"standing", standing_json(c.standing)}}));
    } else {
        fmt::print("{}{}", findings_text(c, context.color_stdout),
                   fit_to_terminal(summary_line(c, period, true, context.color_stdout)));
        // Beside findings, where the person stands now, also when nothing
        // needs attention: old findings are the period's, not the standing.
        if (!c.standing.attention.empty() || !c.findings.empty()) {
            fmt::print("{}\n", fit_to_terminal(standing_text(c.standing, context.color_stdout)));
        }
    }
    return c.failed || standing_fails(c.standing, flags) ? 1 : 0;
}

// The review's table: one row per log, a column per severity shown.
std::string review_table(const std::vector<Reviewed>& logs, Date review_date, Severity at_least, bool color) {
    std::vector<Column> columns{{"log"}, {"sessions", true}, {"last session"}, {"days since", true}};
    const std::vector<std::pair<Severity, Tone>> severities{
        {Severity::danger, Tone::red}, {Severity::warning, Tone::yellow}, {Severity::note, Tone::cyan}};
    for (const auto& [severity, tone] : severities) {
        if (severity >= at_least) columns.push_back({std::string(to_string(severity)), true});
    }
    columns.push_back({"pain (14d)", true});
    // Days done of days prescribed, for the clients with a prescription.
    const bool prescribed = std::any_of(logs.begin(), logs.end(), [](const Reviewed& r) {
        return r.checked && !r.checked->prescribed_cell.empty();
    });
    if (prescribed) columns.push_back({"prescribed", true});
    columns.push_back({"standing"});
    // The table names each log by its file name without the folder, which
    // the headings above give, so that it fits 80 columns; by the full path
    // when two logs share a file name.
    std::vector<std::string> file_names;
    file_names.reserve(logs.size());
    for (const Reviewed& r : logs) file_names.push_back(std::filesystem::path(r.shown).filename().string());
    const bool names_unique = std::set<std::string>(file_names.begin(), file_names.end()).size() == file_names.size();
    const auto label = [&](std::size_t i) { return names_unique ? file_names[i] : logs[i].shown; };
    std::vector<std::vector<Cell>> rows;
    for (std::size_t i = 0; i < logs.size(); ++i) {
        const Reviewed& r = logs[i];
        if (!r.checked) {
            rows.push_back({terminal_safe(label(i), 60), Cell("cannot be read: " + terminal_safe(r.error->message(), 200),
                                                              Tone::red)});
            continue;
        }
        const Checked& c = *r.checked;
        std::vector<Cell> row{terminal_safe(c.name.empty() ? label(i) : c.name, 60), std::to_string(c.sessions),
                              c.last_session ? to_string(*c.last_session) : "-",
                              c.last_session ? std::to_string(days_between(*c.last_session, review_date)) : "-"};
        for (const auto& [severity, tone] : severities) {
            if (severity < at_least) continue;
            const int n = severity == Severity::danger    ? c.counts.danger
                          : severity == Severity::warning ? c.counts.warning
                                                          : c.counts.note;
            row.push_back(n > 0 ? Cell(std::to_string(n), tone) : Cell("0"));
        }
        const std::optional<int> pain = c.recent_pain;
        row.push_back(pain ? pain_cell(*pain, fmt::format("{}/10", *pain), c.limits) : Cell("-"));
        if (prescribed) row.push_back(c.prescribed_cell.empty() ? Cell("-") : Cell(c.prescribed_cell));
        // The severity in words too: without colour (piped, NO_COLOR) it
        // would not show.
        const Severity s = c.standing.severity;
        const std::string severity =
            c.standing.attention.empty() ? std::string() : fmt::format("{}: ", to_string(s));
        row.push_back(Cell(severity + short_standing(c.standing), c.standing.attention.empty() ? std::nullopt
                                                       : s == Severity::danger     ? std::optional(Tone::red)
                                                                                   : std::optional(Tone::yellow)));
        rows.push_back(std::move(row));
    }
    // A layout, like summary's table: it fits the terminal's columns (or
    // COLUMNS, else 80, when piped), the standing wrapped at spaces.
    return render_table(columns, rows, color, terminal_width());
}

int run_review(const CheckFlags& flags, const Period& period, const Context& context) {
    const Date review_date = period.until.value_or(context.today);
    std::vector<Reviewed> logs;
    for (const std::string& shown : flags.files) {
        Reviewed r{shown, std::nullopt, std::nullopt};
        try {
            r.checked = check_log(shown, flags, period, review_date);
            // A client whose standing needs attention is never clean in a
            // review, whatever the period holds: the exit code says so.
            if (standing_fails(r.checked->standing, flags)) r.checked->failed = true;
        } catch (const Error& e) {
            // Reported in its place; the other logs are still reviewed.
            print_error(e, context.color_stderr);
            r.error = e;
        }
        logs.push_back(std::move(r));
    }
    // Who needs attention first (issue 19 point 10): a log that cannot be
    // read; then a standing of danger (the assessment's, as every view
    // shows it); then a danger in the period; then stepping
    // down or holding after pain, or a pain check asked; then a pain
    // warning in the period; then no session in the period; then the rest.
    // Ties by name. Text and JSON alike.
    const auto rank = [](const Reviewed& r) {
        if (!r.checked) return 0;
        const Checked& c = *r.checked;
        const Assessment& a = c.standing;
        if (!a.attention.empty() && a.severity == Severity::danger) return 1;
        if (c.danger_in_period) return 2;
        const bool held = std::any_of(a.loads.begin(), a.loads.end(), [](const LoadState& s) {
            return s.phase == Phase::holding || s.phase == Phase::stepping_down;
        });
        if (!a.attention.empty() || held || a.pain.check_due) return 3;
        if (c.pain_warning_in_period) return 4;
        if (c.sessions == 0) return 5;
        return 6;
    };
    const auto name_of = [](const Reviewed& r) {
        std::string name = r.checked && !r.checked->name.empty() ? r.checked->name
                                                                  : std::filesystem::path(r.shown).filename().string();
        std::transform(name.begin(), name.end(), name.begin(),
                       [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
        return std::pair{name, r.shown};
    };
    std::stable_sort(logs.begin(), logs.end(), [&](const Reviewed& a, const Reviewed& b) {
        const int ra = rank(a);
        const int rb = rank(b);
        if (ra != rb) return ra < rb;
        return name_of(a) < name_of(b);
    });
    const bool unreadable = std::any_of(logs.begin(), logs.end(), [](const Reviewed& r) { return !r.checked; });
    const bool failed = std::any_of(logs.begin(), logs.end(), [](const Reviewed& r) { return r.checked && r.checked->failed; });

    if (flags.format == "json") {
        nlohmann::ordered_json documents = nlohmann::ordered_json::array();
        for (const Reviewed& r : logs) {
            if (!r.checked) {
                documents.push_back({{"file", r.shown},
                                     {"error",
                                      {{"message", r.error->message()},
                                       {"advice", r.error->advice()},
                                       {"where", r.error->where().to_string()}}}});
                continue;
            }
            const Checked& c = *r.checked;
            nlohmann::ordered_json summary = counts_json(c);
            summary["last_session"] = c.last_session ? nlohmann::ordered_json(to_string(*c.last_session)) : nullptr;
            summary["days_since"] =
                c.last_session ? nlohmann::ordered_json(days_between(*c.last_session, review_date)) : nullptr;
            summary["recent_pain"] = json_or_null(c.recent_pain);
            summary["standing"] = standing_json(c.standing);
            summary["prescription"] = c.prescribed_json;
            documents.push_back({{"file", c.shown},
                                 {"name", c.name.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(c.name)},
                                 {"findings", findings_json(c)},
                                 {"summary", summary}});
        }
        fmt::print("{}", json_text(documents));
    } else {
        // The table first (who needs attention, in that order), then each
        // log's findings in the same order.
        const bool color = context.color_stdout;
        std::string range = period.since ? fmt::format("from {} to {}", to_string(*period.since), to_string(review_date))
                                         : fmt::format("to {}", to_string(review_date));
        fmt::print("{}\n{}", paint(fmt::format("Review of {} logs {}", logs.size(), range), Tone::bold, color),
                   review_table(logs, review_date, *severity_names.parse(flags.min_severity), color));
        for (const Reviewed& r : logs) {
            if (!r.checked) continue;
            const Checked& c = *r.checked;
            const std::string heading =
                c.name.empty() ? terminal_safe(c.shown)
                               : fmt::format("{} ({})", terminal_safe(c.name), terminal_safe(c.shown));
            fmt::print("\n{}\n{}{}{}", paint(heading, Tone::bold, color), c.findings.empty() ? "" : "\n",
                       findings_text(c, color), fit_to_terminal(summary_line(c, period, false, color)));
            if (!c.standing.attention.empty()) fmt::print("\n{}\n", fit_to_terminal(standing_text(c.standing, color)));
            if (!c.prescribed_text.empty()) fmt::print("\n{}", c.prescribed_text);
        }
    }
    if (unreadable) return 2;
    return failed ? 1 : 0;
}

}  // namespace

CLI::App* setup_check(CLI::App& app, CheckFlags& flags) {
    CLI::App* command = app.add_subcommand("check", "Flag risky jumps in load, with the numbers and a source");
    command->add_option("FILE", flags.files,
                        "The log to check (default: the log, as for every command); several logs make a review")
        ->type_name("");
    command->add_option("--format", flags.format, "Output format; default text")
        ->check(CLI::IsMember({"text", "json"}))
        ->option_text("text|json");
    command->add_option("--since", flags.since,
                        "Only report on sessions on or after P: YYYY-MM-DD, today, yesterday, or back from today: "
                        "7d, 2w, 3m, 1y (the rules still see all history)")
        ->option_text(period_value_name);
    command->add_option("--until", flags.until, "Only report on sessions on or before P (same forms as --since)")
        ->option_text(period_value_name);
    command->add_option("--fail-on", flags.fail_on, "Exit 1 when a finding is at least this severe; default warning")
        ->check(CLI::IsMember(severity_names.names()))
        ->option_text("note|warning|danger");
    command->add_option("--min-severity", flags.min_severity, "Show only findings at least this severe; default note")
        ->check(CLI::IsMember(severity_names.names()))
        ->option_text("note|warning|danger");
    command->footer(
        "Examples:\n"
        "  anklog check\n"
        "  anklog check examples/too-much-too-soon.toml\n"
        "  anklog check --since 2026-11-01 --fail-on danger\n"
        "  anklog check clients/*.toml --since 7d --min-severity warning\n"
        "  anklog check --format json | jq '.findings[].rule'\n"
        "\n"
        "Exit status: 0 nothing at or above --fail-on, 1 findings at or above it, 2 error\n"
        "(with several logs: 2 if any could not be read; the others are still reviewed).\n"
        "'anklog rules' explains every rule, its thresholds and its source.\n");
    return command;
}

int run_check(const Context& context, const CheckFlags& flags) {
    for (const std::string& file : flags.files) {
        if (file.empty()) {
            throw Error("FILE: the file name is empty",
                        "name the log, e.g. anklog check log.toml, or leave FILE out to check your log");
        }
    }
    const Period period = parse_period_flags(flags.since, flags.until, context.today);
    if (flags.files.size() <= 1) {
        return run_one(flags.files.empty() ? context.log_path.string() : flags.files.front(), flags, period, context);
    }
    return run_review(flags, period, context);
}

}  // namespace anklog::cli
