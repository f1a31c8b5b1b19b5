#include "context.hpp"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <charconv>
#include <cstdlib>
#include <fmt/format.h>
#include <ctime>

#include "anklog/error.hpp"
#include "anklog/log_parser.hpp"
#include "log_file.hpp"

namespace anklog::cli {

namespace {

std::string env(const char* name) {
    const char* value = std::getenv(name);
    return value ? std::string(value) : std::string();
}

Date local_today() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    ::localtime_r(&now, &local);
    return Date{std::chrono::year{local.tm_year + 1900}, std::chrono::month{static_cast<unsigned>(local.tm_mon + 1)},
                std::chrono::day{static_cast<unsigned>(local.tm_mday)}};
}

}  // namespace

void setup_global(CLI::App& app, GlobalFlags& options) {
    app.add_option("-f,--file", options.file,
                   "The log file (default: $ANKLOG_FILE, else $XDG_DATA_HOME/anklog/log.toml, else "
                   "~/.local/share/anklog/log.toml)")
        ->option_text("FILE");
    app.add_option("--color", options.color, "Colour the output: auto (on a terminal, unless NO_COLOR is set), "
                                             "always or never")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->option_text("WHEN");
    app.add_flag("-q,--quiet", options.quiet, "Print only what was asked for: no confirmations");
}

std::filesystem::path resolve_log_path(const std::optional<std::string>& file_flag) {
    if (file_flag) {
        if (file_flag->empty()) {
            throw Error("-f: the file name is empty", "name the log, e.g. -f log.toml, or leave -f out for the default log");
        }
        return *file_flag;
    }
    if (const std::string file = env("ANKLOG_FILE"); !file.empty()) return file;
    // The XDG spec says a relative XDG_DATA_HOME is invalid and to be ignored.
    if (const std::string data = env("XDG_DATA_HOME"); !data.empty() && data.front() == '/') {
        return std::filesystem::path(data) / "anklog" / "log.toml";
    }
    if (const std::string home = env("HOME"); !home.empty()) {
        return std::filesystem::path(home) / ".local" / "share" / "anklog" / "log.toml";
    }
    throw Error("cannot tell where your log is: HOME is not set", "name the log with -f FILE or set ANKLOG_FILE");
}

bool use_color(const std::string& mode, int fd) {
    if (mode == "always") return true;
    if (mode == "never") return false;
    return env("NO_COLOR").empty() && ::isatty(fd) == 1 && env("TERM") != "dumb";
}

Context make_context(const GlobalFlags& options) {
    Context context;
    context.log_path = resolve_log_path(options.file);
    context.color_stdout = use_color(options.color, STDOUT_FILENO);
    context.color_stderr = use_color(options.color, STDERR_FILENO);
    context.quiet = options.quiet;
    context.today = local_today();
    if (const std::string timeout = env("ANKLOG_LOCK_TIMEOUT"); !timeout.empty()) {
        double seconds = -1;
        const auto [end, error] = std::from_chars(timeout.data(), timeout.data() + timeout.size(), seconds);
        if (error != std::errc{} || end != timeout.data() + timeout.size() || !(seconds >= 0 && seconds <= 3600)) {
            throw Error(fmt::format("ANKLOG_LOCK_TIMEOUT: \"{}\" is not a number of seconds from 0 to 3600", timeout),
                        "unset it for the default of 10 seconds");
        }
        context.lock_timeout = std::chrono::milliseconds(static_cast<long long>(seconds * 1000));
    }
    return context;
}

Log read_log(const std::filesystem::path& path) { return parse_log(storage::read_file(path), path.string()); }

std::optional<Date> parse_period_flag(std::string_view flag, const std::string& text, Date today) {
    if (text.empty()) return std::nullopt;
    const auto date = parse_period_date(text, today);
    if (!date) {
        throw Error(fmt::format("{}: \"{}\" is not a date or a period", flag, text), date_advice(text, today));
    }
    return date;
}

Period parse_period_flags(const std::string& since, const std::string& until, Date today) {
    const Period period{parse_period_flag("--since", since, today), parse_period_flag("--until", until, today)};
    // "--since 3m (2026-08-29)": what was typed, and the date it means.
    const auto shown = [](const std::string& text, Date date) {
        return text == to_string(date) ? text : fmt::format("{} ({})", text, to_string(date));
    };
    // Nothing can have happened after today: such a period would be empty
    // (history, check) or cut back to this week (summary, report).
    if (period.since && *period.since > today) {
        throw Error(fmt::format("--since {} is after today ({})", shown(since, *period.since), to_string(today)),
                    "a period starts on a day up to today, e.g. --since 4w; 'anklog plan --week-of DATE' shows a "
                    "week ahead");
    }
    if (period.since && period.until && *period.since > *period.until) {
        throw Error(fmt::format("--since {} is after --until {}", shown(since, *period.since),
                                shown(until, *period.until)),
                    "give the earlier date to --since, the later to --until (both are included)");
    }
    return period;
}

}  // namespace anklog::cli
