// anklog report: one self-contained HTML page for a physiotherapist, written
// to a file (-o) or to standard output when that is not a terminal.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "anklog/assess.hpp"
#include "anklog/check.hpp"
#include "anklog/error.hpp"
#include "anklog/plan.hpp"
#include "anklog/planned_done.hpp"
#include "anklog/summary.hpp"
#include "commands/commands.hpp"
#include "render/output.hpp"
#include "shell/typed_flags.hpp"
#include "report/handout_html.hpp"
#include "report/report_file.hpp"
#include "report/report_html.hpp"

namespace anklog::cli {

namespace {

// The week after the period, or after the last session when that is later
// (a plan must come after every session). Its words count days from the
// report's date, as the report's standing does.
Week next_week(const Log& log, Date until, std::optional<Date> last_session) {
    const Date after = last_session && *last_session > until ? *last_session : until;
    return plan(log, PlanOptions{add_days(week_start(after), 7), PlanOptions{}.days, until});
}

// The week of `monday` as saved in the log (plan --save, or [[planned]]
// blocks), as `plan` shows it; false when nothing is saved for it.
bool saved_week(const Log& log, Date monday, HandoutInput& out) {
    bool saved = std::any_of(log.plan_saves.begin(), log.plan_saves.end(),
                             [&](const PlanSave& save) { return save.monday == monday; });
    for (const PlannedStatus& status : planned_status(log)) {
        if (week_start(status.planned->date) != monday) continue;
        out.sessions.push_back({status.planned, status.done});
        saved = true;
    }
    out.monday = monday;
    out.saved = saved;
    return saved;
}

// The handout's week: the one of --week-of, else next week, as `plan`
// shows it (the saved plan, else the planner's); when the planner cannot
// plan that week (a session after its Monday), the handout shows the week
// after. `fresh` keeps the planner's week alive.
HandoutInput handout_input(const Log& log, const Context& context, const ReportFlags& flags, Week& fresh) {
    const bool chosen = !flags.week_of.empty();
    const Date first = chosen ? week_start(date_flag("--week-of", flags.week_of, context.today))
                              : add_days(week_start(context.today), 7);
    HandoutInput in;
    in.log = &log;
    in.file = context.log_path.filename().string();  // not the folders of the clinician's disk
    in.made = context.today;
    if (const Assessment standing = assess(log, context.today); !standing.attention.empty()) {
        in.standing = standing.headline;
    }
    for (const Date monday : {first, add_days(first, 7)}) {
        if (saved_week(log, monday, in)) return in;
        try {
            fresh = plan(log, PlanOptions{monday, PlanOptions{}.days, context.today});
        } catch (const Error& e) {
            if (chosen) throw Error("--week-of: " + e.message(), e.advice(), e.where());
            if (monday != first) throw;
            continue;
        }
        for (const PlannedSession& p : fresh.sessions) in.sessions.push_back({&p.session, false});
        return in;
    }
    return in;
}

// The page on standard output, or in the file -o names: the report and the
// handout alike.
int emit_page(const std::string& page, const std::optional<std::string>& output, const Context& context) {
    if (!output) {
        fmt::print("{}", page);
        return 0;
    }
    write_report_file(*output, page);
    if (!context.quiet) {
        fmt::print("wrote {}: open it in a browser, or print it (A4)\n", terminal_safe(*output));
    }
    return 0;
}

}  // namespace

CLI::App* setup_report(CLI::App& app, ReportFlags& flags) {
    CLI::App* command =
        app.add_subcommand("report", "One HTML page for your physiotherapist: charts, findings, next week's plan");
    command->add_option("--since", flags.since,
                        "From P: YYYY-MM-DD, today, yesterday, or back from today: 7d, 2w, 3m, 1y; default 12 weeks back")
        ->option_text(period_value_name);
    command->add_option("--until", flags.until, "To P (same forms as --since); default today")
        ->option_text(period_value_name);
    command->add_option("-o,--output", flags.output,
                        "Write the page to FILE, replacing only a report anklog wrote; without -o, or "
                        "with -o -, it goes to standard output, never to a terminal")
        ->option_text("FILE");
    command->add_flag("--handout", flags.handout,
                      "Instead, one A4 page for the client in large type: the week's sessions day by day, the pain "
                      "rule in plain words, how to log");
    command->add_option("--week-of", flags.week_of, "With --handout: any day of the week to show; default next week, as plan")
        ->option_text("DATE");
    command->footer(
        "Examples:\n"
        "  anklog report -o report.html\n"
        "  anklog report --handout -o handout.html\n"
        "  anklog report --since 2026-09-01 -o autumn.html\n"
        "  anklog -f clients/ann.toml report --since 4w > ann.html\n"
        "\n"
        "The page holds everything it shows (no scripts, nothing fetched): email it, or\n"
        "print it on one or two A4 pages, in black and white if you like. It begins\n"
        "with the decision: where things stand, any danger and what to do about it.\n"
        "--handout makes the client's page instead: the week plan shows (next week; the\n"
        "saved plan, else plan's), each exercise with the clinician's note, the pain rule\n"
        "in the log's own numbers and plain words, how to log; one A4 page.\n");
    return command;
}

int run_report(const Context& context, const ReportFlags& flags) {
    if (flags.output && flags.output->empty()) {
        throw Error("-o: the file name is empty", "name the report, e.g. -o report.html, or leave -o out and redirect");
    }
    // -o -: standard output, as without -o (a file named "-" is -o ./-).
    const std::optional<std::string> output = flags.output == "-" ? std::nullopt : flags.output;
    if (!output && ::isatty(STDOUT_FILENO) == 1) {
        throw Error("a report is an HTML page, not for the terminal",
                    "write it to a file: anklog report -o report.html (or anklog report > report.html)");
    }
    if (flags.handout && (!flags.since.empty() || !flags.until.empty())) {
        throw Error(fmt::format("{}: a handout shows one week, not a period", flags.since.empty() ? "--until" : "--since"),
                    "choose the handout's week with --week-of DATE, or leave --handout out for the report");
    }
    if (!flags.handout && !flags.week_of.empty()) {
        throw Error("--week-of: only a handout shows one week",
                    "add --handout for the client's page of that week, or choose the report's period with --since "
                    "and --until");
    }
    const Log log = read_log(context);
    if (output) check_report_target(*output, context.log_path);
    if (flags.handout) {
        Week fresh;
        return emit_page(handout_html(handout_input(log, context, flags, fresh)), output, context);
    }

    ReportInput input;
    input.log = &log;
    input.file = context.log_path.filename().string();  // not the folders of the clinician's disk
    input.made = context.today;
    input.summary = summarize(log, SummaryOptions{Grouping::week,
                                                  parse_period_flags(flags.since, flags.until, context.today),
                                                  context.today});
    for (Finding& f : check(log)) {
        if (f.date >= input.summary.since && f.date <= input.summary.until) input.findings.push_back(std::move(f));
    }
    try {
        input.next_week = next_week(log, input.summary.until, input.summary.last_session);
    } catch (const Error& e) {
        input.no_plan_reason = e.message();
    }
    return emit_page(report_html(input), output, context);
}

}  // namespace anklog::cli
