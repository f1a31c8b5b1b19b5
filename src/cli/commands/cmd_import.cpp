// anklog import: another app's CSV export (Strong, Hevy, FitNotes) appended
// as sessions, in one write that undo takes back.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

#include "anklog/error.hpp"
#include "anklog/import.hpp"
#include "anklog/log_parser.hpp"
#include "append_sessions.hpp"
#include "commands/commands.hpp"
#include "log_file.hpp"
#include "render/output.hpp"
#include "render/table.hpp"
#include "shell/usage_errors.hpp"

namespace anklog::cli {

namespace {

constexpr int exit_error = 2;

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
}

// The CSV or mapping file, read as storage reads a log (regular files only,
// the same size limit), its errors about that file rather than a log.
std::string read_input(const std::string& path) {
    try {
        return storage::read_file(path);
    } catch (const Error& e) {
        std::string message = e.message();
        std::string advice = e.advice();
        if (message.starts_with("the log is larger than")) {
            message = "the file" + message.substr(7);
            advice = "export a shorter period from the app, or split the file";
        } else if (message.ends_with("not a log file")) {
            message.replace(message.size() - 10, 10, "a regular file");
            advice = "name the exported .csv file";
        }
        throw Error(message, advice, e.where());
    }
}

ImportOptions options_from(const ImportFlags& flags, const Log& log) {
    ImportOptions options;
    options.file = flags.file;
    if (!flags.from.empty()) options.format = import_format_names.parse(flags.from);
    if (!flags.map_file.empty()) options.mappings = parse_mapping_file(read_input(flags.map_file), flags.map_file);
    for (const std::string& map : flags.maps) options.mappings.push_back(parse_mapping(map, Location{}));
    options.pair = flags.pair;
    options.profile_unit = log.profile.units;
    return options;
}

std::string format_title(ImportFormat format) {
    switch (format) {
        case ImportFormat::strong: return "Strong";
        case ImportFormat::hevy: return "Hevy";
        case ImportFormat::fitnotes: return "FitNotes";
    }
    return "";
}

// "import.csv: Strong export (comma form); weights taken per limb, in kg
// (the profile's unit: the export names none)"
std::string reading_line(const ImportResult& result, const std::string& file) {
    std::string unit;
    if (!result.unit) {
        unit = "in the unit of each row";
    } else if (result.unit_from_profile) {
        unit = fmt::format("in {} (the profile's unit: the export names none)", to_string(*result.unit));
    } else {
        unit = fmt::format("in {}", to_string(*result.unit));
    }
    const std::string reading = result.pair ? "as the pair's and halved (--pair)" : "per limb (--pair: as the pair's)";
    return fmt::format("{}: {} export ({}); weights taken {}, {}{}", terminal_safe(file), format_title(result.format),
                       result.form, reading, unit, result.rounded ? ", rounded to anklog's precision" : "");
}

std::string skipped_line(const ImportResult& result, std::size_t already) {
    std::vector<std::string> parts;
    if (result.warmup_rows > 0) parts.push_back(plural(static_cast<std::size_t>(result.warmup_rows), "warm-up set", "warm-up sets"));
    if (result.rest_rows > 0) parts.push_back(plural(static_cast<std::size_t>(result.rest_rows), "rest-timer row", "rest-timer rows"));
    if (result.note_rows > 0) parts.push_back(plural(static_cast<std::size_t>(result.note_rows), "note row", "note rows"));
    if (result.left_out_rows > 0) {
        parts.push_back(plural(static_cast<std::size_t>(result.left_out_rows), "row", "rows") + " of exercises mapped to -");
    }
    if (already > 0) parts.push_back(plural(already, "session", "sessions") + " already in the log");
    if (parts.empty()) return "";
    std::string out = "skipped: ";
    for (std::size_t i = 0; i < parts.size(); ++i) out += (i == 0 ? "" : ", ") + parts[i];
    return out + "\n";
}

std::string table_of(const std::vector<Session>& sessions, const std::vector<std::pair<int, int>>& lines, const Log& log,
                     bool color) {
    std::vector<std::vector<Cell>> rows;
    rows.reserve(sessions.size());
    for (std::size_t i = 0; i < sessions.size(); ++i) {
        const Session& s = sessions[i];
        const Activity* activity = log.catalogue.find(s.activity);
        const Kind kind = activity ? activity->kind : Kind::strength;
        const auto [first, last] = lines[i];
        rows.push_back({to_string(s.date), s.activity,
                        s.weighted() ? fmt::format("{} on {}", format_mass_exact(*s.weight), to_string(s.on)) : "-",
                        volume_text(s, kind), s.effort ? std::to_string(*s.effort) : "-",
                        first == last ? std::to_string(first) : fmt::format("{}-{}", first, last),
                        terminal_safe(s.note, 60)});
    }
    return render_table({{"DATE"}, {"ACTIVITY"}, {"WEIGHT"}, {"DOSE"}, {"EFFORT", true}, {"LINES"}, {"NOTE"}}, rows, color);
}

void print_refusal(const std::string& message, const std::vector<std::string>& lines, const std::string& advice,
                   bool color) {
    fmt::print(stderr, "anklog: {} {}\n", paint("error:", Tone::red, color), message);
    for (const std::string& line : lines) fmt::print(stderr, "  {}\n", line);
    fmt::print(stderr, "  {} {}\n", paint("help:", Tone::cyan, color), advice);
}

// Exit 2 when something cannot be imported: unmapped names or sessions
// that would not pass the log's validation. Nothing is written.
bool refused(const ImportResult& result, const std::string& file, bool color) {
    const std::string shown = terminal_safe(file);
    if (!result.unmapped.empty()) {
        std::vector<std::string> lines;
        for (const UnmappedExercise& u : result.unmapped) {
            lines.push_back(fmt::format("{}:{}:{}: \"{}\" ({}){}", shown, u.line, u.column, terminal_safe(u.exercise, 200),
                                        plural(static_cast<std::size_t>(u.rows), "set", "sets"),
                                        u.suggestion ? fmt::format(": did you mean {}?", *u.suggestion) : ""));
        }
        const UnmappedExercise& first = result.unmapped.front();
        print_refusal(fmt::format("{}: {} not mapped to an activity; nothing was imported", shown,
                                  plural(result.unmapped.size(), "exercise is", "exercises are")),
                      lines,
                      fmt::format("map each, e.g. --map \"{}={}\" (or ={} to leave it out), or list them in --map-file FILE",
                                  terminal_safe(first.exercise, 200), first.suggestion.value_or("ACTIVITY"), skip_activity),
                      color);
        return true;
    }
    if (!result.problems.empty()) {
        std::vector<std::string> lines;
        for (const ImportProblem& p : result.problems) {
            lines.push_back(fmt::format("{}:{}: {}", shown, p.line, terminal_safe(p.message, 300)));
        }
        print_refusal(fmt::format("{}: {} cannot be imported; nothing was imported", shown,
                                  plural(result.problems.size(), "session", "sessions")),
                      lines, "map those exercises to =- to leave them out, or fix the rows in a copy of the export",
                      color);
        return true;
    }
    return false;
}

// The imported sessions that are not in the log yet (nor earlier in the file).
std::vector<std::size_t> new_sessions(const ImportResult& result, const Log& log) {
    // The log's sessions by day and activity: a re-import of years is not
    // every session against every other.
    std::unordered_multimap<std::string, const Session*> by_day;
    by_day.reserve(log.sessions.size());
    const auto key = [](const Session& s) { return to_string(s.date) + s.activity; };
    for (const Session& s : log.sessions) by_day.emplace(key(s), &s);
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < result.sessions.size(); ++i) {
        const Session& s = result.sessions[i].session;
        const auto [from, to] = by_day.equal_range(key(s));
        const bool known = std::any_of(from, to, [&](const auto& entry) { return same_session(*entry.second, s); });
        if (!known) out.push_back(i);
    }
    return out;
}

}  // namespace

CLI::App* setup_import(CLI::App& app, ImportFlags& flags) {
    CLI::App* command = app.add_subcommand("import", "Add the workouts of a Strong, Hevy or FitNotes CSV export");
    command->add_option("FILE", flags.file, "The app's CSV export")->required()->type_name("");
    command->add_option("--from", flags.from, "The app that wrote it; default: recognised from the header")
        ->check(CLI::IsMember(import_format_names.names()))
        ->option_text("strong|hevy|fitnotes");
    command->add_option("--map", flags.maps, "An exercise as an activity: \"Lateral Leg Raise=side-leg-lift\"; =- leaves it out; @wrist (\"Walking=walk@wrist\") puts its weight on the wrists")
        ->option_text("NAME=ACTIVITY");
    command->add_option("--map-file", flags.map_file, "One NAME=ACTIVITY a line (# comments)")->option_text("FILE");
    command->add_flag("--pair", flags.pair, "The exported weight is the pair's: halve it (default: per limb)");
    command->add_flag("--dry-run", flags.dry_run, "Show what would be added, change nothing");
    command->footer(
        "Examples:\n"
        "  anklog import strong.csv --dry-run\n"
        "  anklog import hevy.csv --map \"Lateral Leg Raise=side-leg-lift\" --map \"Bench Press=-\"\n"
        "  anklog import fitnotes.csv --map-file names.txt --pair\n"
        "\n"
        "The sets of one exercise in one workout become one session (sets x reps, or\n"
        "minutes for timed activities); warm-up sets, rest timers and note rows are\n"
        "skipped. Sessions already in the log are not added again. One write:\n"
        "'anklog undo' takes the whole import back.\n");
    return command;
}

int run_import(const Context& context, const ImportFlags& flags) {
    const std::string file = context.log_path.string();
    const std::string text = read_input(flags.file);
    const auto current = storage::read_file_if_exists(context.log_path);
    const Log log = current ? parse_log(*current, file) : Log{};
    const ImportResult result = import_csv(text, log.catalogue, options_from(flags, log));
    if (refused(result, flags.file, context.color_stderr)) return exit_error;
    const std::vector<std::size_t> fresh = new_sessions(result, log);
    const std::size_t already = result.sessions.size() - fresh.size();
    if (!context.quiet) fmt::print("{}\n", reading_line(result, flags.file));
    if (fresh.empty()) {
        if (!context.quiet) {
            fmt::print("nothing to add: {}\n", result.sessions.empty()
                                                   ? std::string("the file holds no sessions")
                                                   : fmt::format("{} already in the log", plural(already, "session is", "sessions are")));
            fmt::print("{}", skipped_line(result, already));
        }
        return 0;
    }
    std::vector<Session> sessions;
    std::vector<std::pair<int, int>> lines;
    for (const std::size_t i : fresh) {
        sessions.push_back(result.sessions[i].session);
        lines.emplace_back(result.sessions[i].first_line, result.sessions[i].last_line);
    }
    if (!flags.dry_run) {
        const Appended appended = append_sessions(context, "import", [&](const Log& locked) {
            // Another write between the read above and the lock: judge again.
            if (new_sessions(result, locked).size() != fresh.size()) {
                throw Error("the log changed while importing", "run the import again");
            }
            return sessions;
        }, true);
        if (!appended.indices.empty()) {
            const int first = appended.log.sessions[appended.indices.front()].line;
            if (context.quiet) return 0;
            fmt::print("{}", table_of(sessions, lines, log, context.color_stdout));
            fmt::print("{} {} to {}:{} ({}'anklog undo' takes them back)\n", paint("added", Tone::green, context.color_stdout),
                       plural(sessions.size(), "session", "sessions"), terminal_safe(file), first,
                       appended.result.backup
                           ? fmt::format("the log before is kept as {}; ", terminal_safe(appended.result.backup->filename().string()))
                           : std::string());
        }
    } else {
        fmt::print("{}", table_of(sessions, lines, log, context.color_stdout));
        fmt::print("would add {} to {}\n", plural(sessions.size(), "session", "sessions"), terminal_safe(file));
    }
    if (!context.quiet) fmt::print("{}", skipped_line(result, already));
    return 0;
}

}  // namespace anklog::cli
