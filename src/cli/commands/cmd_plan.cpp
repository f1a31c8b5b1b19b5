// anklog plan: a safe, progressive next week; --save keeps it in the log as
// [[planned]] blocks, and a week with a saved plan shows that plan.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <random>

#include "anklog/adherence.hpp"
#include "anklog/error.hpp"
#include "anklog/log_parser.hpp"
#include "anklog/plan.hpp"
#include "anklog/toml_writer.hpp"
#include "commands/commands.hpp"
#include "log_file.hpp"
#include "render/ics.hpp"
#include "render/numbers.hpp"
#include "render/output.hpp"
#include "render/terminal.hpp"
#include "shell/typed_flags.hpp"
#include "shell/usage_errors.hpp"
#include "undo/sha256.hpp"
#include "write_warnings.hpp"

namespace anklog::cli {

namespace {

constexpr std::array<std::string_view, 7> weekday_names{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

std::string_view weekday(Date monday, Date date) {
    return weekday_names[static_cast<std::size_t>(days_between(monday, date))];
}

std::string dose_text(const Log& log, const Session& s) {
    const Activity* activity = log.catalogue.find(s.activity);
    return (activity ? volume_text(s, activity->kind) : std::string("-")) +
           (s.weighted() && s.on == Limb::wrist ? " (wrists)" : "");
}

// The weight as the person sets it (as owned or logged), or "-" without weights.
std::string weight_text(const Session& s) { return s.weighted() ? format_mass_exact(*s.weight) : std::string("-"); }

// The reason as the person reads it: the prescription's, and what the rule
// engine made the planner change.
std::string reason_text(const Log& log, const PlannedSession& p) {
    if (!p.eased_for) return p.reason;
    const Activity& activity = *log.catalogue.find(p.session.activity);
    return fmt::format("{}; eased to {} so that {} does not flag it", p.reason, describe_load(p.session, activity.kind),
                       to_string(*p.eased_for));
}

// One row of the week: a planned session, with what plan says about it.
struct Row {
    const Session* session;
    std::string label;   // "progress", ...; for a saved plan, "done" or "not done" or ""
    std::string reason;  // empty for a saved plan
    Tone tone = Tone::cyan;
};

struct Shown {
    Date monday{};
    std::vector<Row> rows;       // in date order
    std::vector<std::string> notes;
    std::optional<int> saved_line;  // the line of the save shown, for a saved plan
};

Shown fresh(const Log& log, const Week& week) {
    Shown shown{week.monday, {}, week.notes, std::nullopt};
    for (const PlannedSession& p : week.sessions) {
        shown.rows.push_back({&p.session, std::string(to_string(p.label)), reason_text(log, p), Tone::cyan});
    }
    return shown;
}

// Where the plan in effect for the week of `monday` starts, if it has one:
// the line of its latest save, else (blocks written by hand) of its first block.
std::optional<int> saved_line(const Log& log, Date monday) {
    std::optional<int> line;
    for (const PlanSave& save : log.plan_saves) {
        if (save.monday == monday) line = save.line;
    }
    if (line) return line;
    for (const Session* planned : planned_in_effect(log)) {
        if (week_start(planned->date) == monday && (!line || planned->line < *line)) line = planned->line;
    }
    return line;
}

Shown saved(const Log& log, Date monday, int line, Date today) {
    Shown shown{monday, {}, {}, line};
    for (const PlannedStatus& status : match_planned(log)) {
        if (week_start(status.planned->date) != monday) continue;
        const bool past = status.planned->date < today;
        shown.rows.push_back({status.planned, status.done ? "done" : past ? "not done" : "", "",
                              status.done ? Tone::green : Tone::yellow});
    }
    return shown;
}

void print_text(const Log& log, const Shown& week, const std::string& file, const Context& context) {
    const bool color = context.color_stdout;
    int weighted_days = 0;
    int unweighted_days = 0;  // days planned without weights only
    int rest_days = 0;
    for (int d = 0; d < 7; ++d) {
        const Date date = add_days(week.monday, d);
        const auto on_day = [&](const Row& r) { return r.session->date == date; };
        const bool weighted = std::any_of(week.rows.begin(), week.rows.end(),
                                          [&](const Row& r) { return on_day(r) && r.session->weighted(); });
        const bool any = std::any_of(week.rows.begin(), week.rows.end(), on_day);
        weighted_days += weighted ? 1 : 0;
        unweighted_days += any && !weighted ? 1 : 0;
        rest_days += any ? 0 : 1;
    }
    // The days add up to seven: a day without weights is neither.
    const std::string without =
        unweighted_days > 0 ? fmt::format(", {} day{} without weights", unweighted_days, unweighted_days == 1 ? "" : "s")
                            : "";
    const std::string which = week.saved_line ? fmt::format(" the plan saved on line {},", *week.saved_line) : "";
    fmt::print("{}\n\n", paint(wrap_for_terminal(fmt::format("Week of {} to {}, from {}:{} {} weighted day{}{}, {} rest days",
                                           to_string(week.monday), to_string(add_days(week.monday, 6)),
                                           log_title(file, log.profile), which, weighted_days, weighted_days == 1 ? "" : "s",
                                           without, rest_days)),
                               Tone::bold, color));
    std::size_t activity_width = 8;
    std::size_t dose_width = 6;
    for (const Row& row : week.rows) {
        activity_width = std::max(activity_width, display_width(activity_text(*row.session)));
        dose_width = std::max(dose_width, display_width(dose_text(log, *row.session)));
    }
    for (int d = 0; d < 7; ++d) {
        const Date date = add_days(week.monday, d);
        bool first = true;
        for (const Row& row : week.rows) {
            if (row.session->date != date) continue;
            const std::string day = first ? fmt::format("{} {}", weekday(week.monday, date), to_string(date)) : "";
            // Padded before painting: colour sequences take no columns.
            std::string line = fmt::format("{:<14}  {}  {:<6}  {}  ", day,
                                           pad_to(activity_text(*row.session), activity_width),
                                           weight_text(*row.session), pad_to(dose_text(log, *row.session), dose_width));
            if (row.reason.empty()) {
                if (row.label.empty()) line.erase(line.find_last_not_of(' ') + 1);
                line += paint(row.label, row.tone, color);
            } else {
                const std::size_t reason_column = display_width(line) + 9 + 2;
                line += paint(fmt::format("{:<9}", row.label), row.tone, color) + "  " + terminal_safe(row.reason);
                // On a terminal the reason continues under itself, or under the
                // activity when the terminal leaves it too little room (at 80
                // columns a 20-column reason ran to eleven lines a day).
                constexpr std::size_t least_reason_width = 36;
                constexpr std::size_t activity_column = 16;
                if (const auto width = text_wrap_width()) {
                    line = wrap_line(line, *width - 1,
                                     reason_column + least_reason_width < *width ? reason_column : activity_column);
                }
            }
            fmt::print("{}\n", line);
            first = false;
        }
        if (first) fmt::print("{} {}  {}\n", weekday(week.monday, date), to_string(date), paint("rest", Tone::dim, color));
    }
    for (const std::string& note : week.notes) fmt::print("\n{}", fit_to_terminal("note: " + terminal_safe(note), 6));
    if (!week.notes.empty()) fmt::print("\n");
    if (week.rows.empty()) fmt::print("\nA rest week: nothing is planned.\n");
    if (week.saved_line && !context.quiet) {
        fmt::print("\n{}\n", wrap_for_terminal(fmt::format("To plan this week afresh and save the new plan in its "
                                                          "place: anklog plan --save --week-of {}",
                                                          to_string(week.monday))));
    }
}

// Whether a row of the week names a side: then JSON has a side field and
// CSV a side column (null/empty for both sides); a week without sides keeps
// its fields and columns as before sides existed.
bool names_sides(const Shown& week) {
    return std::any_of(week.rows.begin(), week.rows.end(), [](const Row& row) { return row.session->side != Side::both; });
}

void print_json(const Shown& week, const std::string& file) {
    nlohmann::ordered_json sessions = nlohmann::ordered_json::array();
    const bool sides = names_sides(week);
    for (const Row& row : week.rows) {
        const Session& s = *row.session;
        nlohmann::ordered_json row_json = {{"date", to_string(s.date)}, {"activity", s.activity}, {"on", to_string(s.on)}};
        if (sides) {
            row_json["side"] =
                s.side == Side::both ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(to_string(s.side));
        }
        row_json["weight"] = s.weighted() ? nlohmann::ordered_json(format_mass_exact(*s.weight)) : nullptr;
        row_json["minutes"] = json_or_null(s.minutes);
        row_json["sets"] = json_or_null(s.sets);
        row_json["reps"] = json_or_null(s.reps);
        row_json["label"] = week.saved_line ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(row.label);
        row_json["reason"] = week.saved_line ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(row.reason);
        row_json["done"] = row.label == "done";
        sessions.push_back(std::move(row_json));
    }
    fmt::print("{}", json_text({{"file", file},
                                {"week_of", to_string(week.monday)},
                                {"saved", week.saved_line.has_value()},
                                {"sessions", sessions},
                                {"notes", week.notes}}));
}

void print_csv(const Shown& week) {
    const auto field = [](const std::optional<int>& value) { return value ? std::to_string(*value) : ""; };
    const bool sides = names_sides(week);
    fmt::print("date,activity,on,{}weight,weight_kg,weight_lb,minutes,sets,reps,label,reason,done\r\n",
               sides ? "side," : "");
    for (const Row& row : week.rows) {
        const Session& s = *row.session;
        fmt::print("{},{},{},{}{},{},{},{},{},{},{},{},{}\r\n", to_string(s.date), csv_text(s.activity), to_string(s.on),
                   sides ? std::string(to_string(s.side)) + "," : "",
                   s.weighted() ? format_mass_exact(*s.weight) : "",
                   s.weighted() ? decimal_text(mass_number(*s.weight, Unit::kg)) : "",
                   s.weighted() ? decimal_text(mass_number(*s.weight, Unit::lb)) : "", field(s.minutes), field(s.sets),
                   field(s.reps), week.saved_line ? "" : csv_text(row.label), csv_text(row.reason),
                   row.label == "done" ? "yes" : "");
    }
}

// The calendar (--format ics). Each event's UID is a digest of the log's
// identity, the day, the activity and its placement: the same in every run,
// different for every session of every log, and never a counter, so that a
// calendar importing the week again updates its events instead of adding
// copies.

constexpr std::size_t id_digits = 32;

// The log's identity: its "# anklog id" line; without one, a digest of its
// first block as anklog writes it (the first session, else the first planned
// session or pain check, else the header), which re-indenting, line endings
// and comments leave alone. plan --save --format ics writes that value into
// the log, so that later edits of the first block change nothing.
std::string log_identity(const Log& log) {
    if (!log.id.empty()) return log.id;
    const std::string first = !log.sessions.empty()      ? to_toml(log.sessions.front())
                              : !log.planned.empty()     ? to_toml_planned(log.planned.front())
                              : !log.pain_checks.empty() ? to_toml(log.pain_checks.front())
                                                         : new_log_text(log.profile);
    return storage::sha256_hex("anklog log id\n" + first).substr(0, id_digits);
}

// The identity plan --save --format ics writes into a log without one: the
// one it already has, so that events imported before keep their UIDs; but a
// log with no block yet has nothing of its own (every new log's header is
// alike), so it gets 128 random bits.
std::string identity_to_write(const Log& log) {
    if (!log.sessions.empty() || !log.planned.empty() || !log.pain_checks.empty()) return log_identity(log);
    std::random_device device;
    std::string id;
    for (int i = 0; i < 4; ++i) id += fmt::format("{:08x}", device());
    return id;
}

std::string event_uid(std::string_view log_id, std::string_view key) {
    return storage::sha256_hex(fmt::format("anklog event\n{}\n{}", log_id, key)).substr(0, id_digits) + "@anklog";
}

// "walk, 1 kg, 20 min"; "side-leg-lift, 0.5 kg on the wrists, 1 x 11"; "walk, 20 min".
std::string event_summary(const Log& log, const Session& s) {
    const Activity* activity = log.catalogue.find(s.activity);
    std::string out = s.activity;
    if (s.side != Side::both) out += fmt::format(" ({})", to_string(s.side));
    if (s.weighted()) out += ", " + format_mass_exact(*s.weight) + (s.on == Limb::wrist ? " on the wrists" : "");
    return out + ", " + (activity ? volume_text(s, activity->kind) : std::string("-"));
}

// The pain rule in the log's own numbers (its [rules] may move them).
std::string pain_rule(const Log& log) {
    return fmt::format(
        "Pain rule: pain up to {0:g}/10 during the session is acceptable if it has settled by the next morning. "
        "Above {0:g}/10, or worse the next morning: stop, take the weights off, and record it (anklog done --pain "
        "N, or anklog pain N); the next plan steps down (Silbernagel et al. 2007).",
        log.rules.value(Knob::pain_danger));
}

void print_ics(const Log& log, const Shown& week, const std::string& log_id) {
    Calendar calendar{fmt::format("anklog plan, week of {}{}", to_string(week.monday),
                                  log.profile.name.empty() ? "" : " (" + log.profile.name + ")"),
                      week.monday, {}};
    std::string notes;
    for (const std::string& note : week.notes) notes += "\n\nNote: " + note;
    std::map<std::string, int> seen;  // two sessions alike on one day still differ
    for (const Row& row : week.rows) {
        const Session& s = *row.session;
        std::string key = fmt::format("{}\n{}\n{}", to_string(s.date), s.activity, to_string(s.on));
        if (s.side != Side::both) key += fmt::format("\n{}", to_string(s.side));
        if (const int n = ++seen[key]; n > 1) key += fmt::format("\n{}", n);
        std::string about = row.reason.empty()
                                ? fmt::format("From the plan saved on line {} of the log{}.", week.saved_line.value_or(0),
                                              row.label == "done" ? " (done)" : "")
                                : fmt::format("{}: {}", row.label, row.reason);
        calendar.events.push_back(
            {s.date, 1, event_uid(log_id, key), event_summary(log, s), about + notes + "\n\n" + pain_rule(log)});
    }
    if (week.rows.empty()) {
        const std::string about = "A rest week: nothing is planned." + notes;
        calendar.events.push_back({week.monday, 7, event_uid(log_id, to_string(week.monday) + "\nrest week"),
                                   "rest week", about});
    }
    fmt::print("{}", ics_calendar(calendar));
}

// A comment line: TOML allows no control characters in comments.
std::string comment(std::string_view text) {
    std::string out = "# ";
    for (const char c : text) out += static_cast<unsigned char>(c) < 0x20 || c == 0x7f ? ' ' : c;
    return out + "\n";
}

// What --save appends (after one blank line): the save's marker line, then
// each planned session with its reason in a comment above it.
std::string saved_text(const Log& log, const Week& week) {
    std::string out = plan_save_marker(week.monday);
    if (week.sessions.empty()) out += comment("a rest week: nothing is planned");
    for (std::size_t i = 0; i < week.sessions.size(); ++i) {
        const PlannedSession& p = week.sessions[i];
        out += (i == 0 ? "" : "\n") + comment(fmt::format("{}: {}", to_string(p.label), reason_text(log, p))) +
               to_toml_planned(p.session);
    }
    return out;
}

// The same blocks for a plan already saved, without the reasons it had.
std::string saved_text(const Shown& week) {
    std::string out = plan_save_marker(week.monday);
    if (week.rows.empty()) out += comment("a rest week: nothing is planned");
    for (std::size_t i = 0; i < week.rows.size(); ++i) out += (i == 0 ? "" : "\n") + to_toml_planned(*week.rows[i].session);
    return out;
}

Week plan_week(const Log& log, Date week_of, Date today, const PlanFlags& flags) {
    try {
        // The week's words count days from today, as today, check and summary do.
        return plan(log, anklog::PlanOptions{week_of, flags.days, today});
    } catch (const Error& e) {
        if (flags.week_of.empty()) throw;
        throw Error("--week-of: " + e.message(), e.advice(), e.where());
    }
}

void print(const Log& log, const Shown& week, const std::string& file, const PlanFlags& flags, const Context& context,
           const std::string& toml, const std::string& log_id) {
    if (flags.format == "ics") {
        print_ics(log, week, log_id);
    } else if (flags.format == "toml") {
        fmt::print("\n{}", toml);
    } else if (flags.format == "json") {
        print_json(week, file);
    } else if (flags.format == "csv") {
        print_csv(week);
    } else {
        print_text(log, week, file, context);
    }
}

int save_plan(const Context& context, const PlanFlags& flags, Date week_of) {
    const std::string file = context.log_path.string();
    Log before;
    Week week;
    std::string appended;
    std::size_t planned_before = 0;
    Log after;
    std::string log_id;
    const storage::UpdateResult result = storage::update_file(
        context.log_path,
        [&](const std::optional<std::string>& current) {
            // Like log, --save starts a missing log: it is a write the person asked for.
            before = current ? parse_log(*current, file) : Log{};
            week = plan_week(before, week_of, context.today, flags);
            appended = saved_text(before, week);
            planned_before = before.planned.size();
            // A calendar saved from the log fixes the log's identity in it,
            // after the save's marker line (the line the save is known by).
            log_id = log_identity(before);
            if (flags.format == "ics" && before.id.empty()) {
                log_id = identity_to_write(before);
                appended.insert(appended.find('\n') + 1, log_id_line(log_id));
            }
            return append_block(current ? *current : new_log_text(before.profile), appended);
        },
        [&](std::string_view written) {
            after = parse_log(written, file);
            if (after.planned.size() != planned_before + week.sessions.size() ||
                saved_line(after, week.monday) == saved_line(before, week.monday) ||
                (flags.format == "ics" && log_identity(after) != log_id)) {
                throw Error("the saved plan did not read back from the log",
                            "please report this; your log has not been changed", Location{file});
            }
        },
        storage::UpdateOptions{context.lock_timeout, false, storage::UndoNote{"plan --save"}});
    print_write_warnings(result, file, "the plan is in the log", context.color_stderr);
    print(before, fresh(before, week), file, flags, context, appended, log_id);
    if (flags.format == "text" && !context.quiet) {
        const std::optional<int> earlier = saved_line(before, week.monday);
        fmt::print("\n{} {}:{}{}\n", paint("saved to", Tone::green, context.color_stdout), terminal_safe(file),
                   *saved_line(after, week.monday),
                   earlier ? fmt::format(", in place of the plan saved on line {}", *earlier) : "");
        fmt::print("Each day, 'anklog today' shows what is planned and 'anklog done' logs it.\n");
    }
    return 0;
}

}  // namespace

CLI::App* setup_plan(CLI::App& app, PlanFlags& flags) {
    CLI::App* command = app.add_subcommand("plan", "Plan a safe, progressive next week from the log");
    command->add_option("--week-of", flags.week_of, "Any day of the week to plan; default next Monday")
        ->option_text("DATE");
    command->add_option("--days", flags.days, "Weighted days, 1-5 (at most 3 in the first 14 days); default 3")
        ->transform(whole_number(1, max_plan_days))
        ->option_text("N");
    command->add_flag("--save", flags.save,
                      "Save the plan in the log ([[planned]] blocks), in place of any plan saved for that week");
    command->add_option("--format", flags.format, "Output format; default text")
        ->check(CLI::IsMember({"text", "toml", "json", "csv", "ics"}))
        ->option_text("text|toml|json|csv|ics");
    command->footer(
        "Examples:\n"
        "  anklog plan\n"
        "  anklog plan --save\n"
        "  anklog plan --days 2 --week-of 2026-11-30\n"
        "  anklog plan --format csv > next-week.csv\n"
        "  anklog plan --save --format ics > next-week.ics\n"
        "\n"
        "Each session raises one thing at most (volume first, then one weight step with\n"
        "the volume cut), repeats after pain or a hard session, and passes 'anklog check'.\n"
        "A week with a saved plan shows that plan; --save plans it afresh.\n"
        "--format ics prints an iCalendar file: one all-day event per session, named so\n"
        "that importing the week again updates the events (with --save, the log keeps\n"
        "the identity the names come from, on a line '# anklog id').\n");
    return command;
}

int run_plan(const Context& context, const PlanFlags& flags) {
    Date week_of = add_days(week_start(context.today), 7);
    if (!flags.week_of.empty()) {
        week_of = date_flag("--week-of", flags.week_of, context.today);
    }
    if (flags.save) return save_plan(context, flags, week_of);

    const std::string file = context.log_path.string();
    // A missing log is an error, as for every reading command: a misspelt -f
    // must not quietly plan a beginner's week.
    const Log log = read_log(context);
    if (const auto line = saved_line(log, week_start(week_of))) {
        const Shown week = saved(log, week_start(week_of), *line, context.today);
        print(log, week, file, flags, context, saved_text(week), log_identity(log));
        return 0;
    }
    const Week week = plan_week(log, week_of, context.today, flags);
    print(log, fresh(log, week), file, flags, context, saved_text(log, week), log_identity(log));
    return 0;
}

}  // namespace anklog::cli
