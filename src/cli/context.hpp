#pragma once
// What every command needs from the outside world, resolved once: where the
// log is, whether to colour output, and today's date.
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

#include "anklog/date.hpp"
#include "anklog/log.hpp"
#include "anklog/period.hpp"

namespace CLI {
class App;
}

namespace anklog::cli {

struct GlobalFlags {
    std::optional<std::string> file;  // -f, --file (given but empty is an error)
    std::string color = "auto"; // --color auto|always|never
    bool quiet = false;         // -q, --quiet
};

void setup_global(CLI::App& app, GlobalFlags& options);

struct Context {
    std::filesystem::path log_path;
    bool color_stdout = false;
    bool color_stderr = false;
    bool quiet = false;
    Date today{};
    std::chrono::milliseconds lock_timeout{10'000};  // $ANKLOG_LOCK_TIMEOUT seconds
};

// The log's path: -f FILE, else $ANKLOG_FILE, else $XDG_DATA_HOME/anklog/log.toml,
// else ~/.local/share/anklog/log.toml. Throws anklog::Error when none can be
// found, and for -f "" (an empty variable in a script must not select the
// default log).
std::filesystem::path resolve_log_path(const std::optional<std::string>& file_flag);

// Colour only on a terminal, unless --color always; NO_COLOR turns auto off.
bool use_color(const std::string& mode, int fd);

Context make_context(const GlobalFlags& options);

// Reads and parses the log at `path` (the context's log by default); throws
// anklog::Error located in it.
Log read_log(const std::filesystem::path& path);
inline Log read_log(const Context& context) { return read_log(context.log_path); }

// The value of a period flag such as --since or --until (see
// parse_period_date): nullopt when empty; anklog::Error naming `flag` when it
// is not a date or a span back from today.
std::optional<Date> parse_period_flag(std::string_view flag, const std::string& text, Date today);

// --since and --until together, as every command reads them:
// anklog::Error when --since comes after today (nothing can have happened
// yet) or after --until.
Period parse_period_flags(const std::string& since, const std::string& until, Date today);

// What a period flag takes, for --help.
inline constexpr const char* period_value_name = "P";

}  // namespace anklog::cli
