// anklog report: one self-contained HTML page for a physiotherapist, written
// to a file (-o) or to standard output when that is not a terminal.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "anklog/check.hpp"
#include "anklog/error.hpp"
#include "anklog/plan.hpp"
#include "anklog/summary.hpp"
#include "commands/commands.hpp"
#include "render/output.hpp"
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
    command->footer(
        "Examples:\n"
        "  anklog report -o report.html\n"
        "  anklog report --since 2026-09-01 -o autumn.html\n"
        "  anklog -f clients/ann.toml report --since 4w > ann.html\n"
        "\n"
        "The page holds everything it shows (no scripts, nothing fetched): email it, or\n"
        "print it on one or two A4 pages, in black and white if you like.\n");
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
    const Log log = read_log(context);
    if (output) check_report_target(*output, context.log_path);

    ReportInput input;
    input.log = &log;
    input.file = context.log_path.string();
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
    const std::string page = report_html(input);
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

}  // namespace anklog::cli
