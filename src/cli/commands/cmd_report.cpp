// anklog report: one self-contained HTML page for a physiotherapist, written
// to a file (-o) or to standard output when that is not a terminal.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "anklog/check.hpp"
#include "anklog/error.hpp"
#include "anklog/plan.hpp"
#include "anklog/summary.hpp"
#include "commands/commands.hpp"
#include "render/output.hpp"
#include "report/report_html.hpp"

namespace anklog::cli {

namespace {

namespace fs = std::filesystem;

Error write_error(const fs::path& target, int error_number) {
    return Error(fmt::format("cannot write {}: {}", target.string(), std::strerror(error_number)),
                 error_number == ENOSPC || error_number == EDQUOT ? "free some space on that disk, or write the "
                                                                    "report elsewhere with -o"
                                                                  : "write the report elsewhere with -o");
}

// Refuses targets a report must not replace: the log itself (by any name),
// a log-like .toml file, a folder or a device.
void check_target(const fs::path& target, const fs::path& log_path) {
    std::string extension = target.extension().string();
    for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (extension == ".toml") {
        throw Error(fmt::format("-o: {} looks like a log, not a report", target.string()),
                    "a report is an HTML page: name it e.g. report.html");
    }
    std::error_code error;
    const fs::file_status status = fs::status(target, error);
    if (!fs::exists(status)) return;
    if (!fs::is_regular_file(status)) {
        throw Error(fmt::format("-o: {} is not a regular file", target.string()),
                    "name a file, e.g. -o report.html, or redirect: anklog report > FILE");
    }
    if (fs::equivalent(target, log_path, error)) {
        throw Error(fmt::format("-o: {} is your log", target.string()), "name another file, e.g. -o report.html");
    }
}

// Writes `text` to a temporary file beside `target` (readable only by you:
// a report is health data), then renames it over `target`: a failed write
// leaves no half report and no temporary file behind.
void write_report(const fs::path& target, const std::string& text) {
    const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::string name = (folder / ("." + target.filename().string() + ".anklog-XXXXXX")).string();
    const int fd = ::mkstemp(name.data());
    if (fd < 0) throw write_error(target, errno);
    const auto fail = [&](int error_number) {
        ::close(fd);
        ::unlink(name.c_str());
        throw write_error(target, error_number);
    };
    for (std::size_t done = 0; done < text.size();) {
        const ssize_t wrote = ::write(fd, text.data() + done, text.size() - done);
        if (wrote < 0 && errno == EINTR) continue;
        if (wrote <= 0) fail(wrote < 0 ? errno : EIO);
        done += static_cast<std::size_t>(wrote);
    }
    if (::fsync(fd) != 0) fail(errno);
    if (::close(fd) != 0) {
        const int error_number = errno;
        ::unlink(name.c_str());
        throw write_error(target, error_number);
    }
    if (::rename(name.c_str(), target.c_str()) != 0) {
        const int error_number = errno;
        ::unlink(name.c_str());
        throw write_error(target, error_number);
    }
}

// The week after the period, or after the last session when that is later
// (a plan must come after every session).
Week next_week(const Log& log, Date until, std::optional<Date> last_session) {
    const Date after = last_session && *last_session > until ? *last_session : until;
    return plan(log, PlanOptions{add_days(week_start(after), 7), PlanOptions{}.days});
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
                        "Write the page to FILE (replacing it); without -o it goes to standard output, never to a "
                        "terminal")
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
    if (!flags.output && ::isatty(STDOUT_FILENO) == 1) {
        throw Error("a report is an HTML page, not for the terminal",
                    "write it to a file: anklog report -o report.html (or anklog report > report.html)");
    }
    const Log log = read_log(context);
    if (flags.output) check_target(*flags.output, context.log_path);

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
    if (!flags.output) {
        fmt::print("{}", page);
        return 0;
    }
    write_report(*flags.output, page);
    if (!context.quiet) {
        fmt::print("wrote {}: open it in a browser, or print it (A4)\n", terminal_safe(*flags.output));
    }
    return 0;
}

}  // namespace anklog::cli
