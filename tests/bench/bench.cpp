// anklog's benchmark: whole-process time and peak memory of each command on
// generated logs of 1k, 10k and 100k sessions (and 1M with --million),
// against a program that only parses the same file with toml++ (the
// baseline); and (rows scan and blocks) anklog's block scanner alone and with
// toml++ parsing each block on its own. With --old, a second anklog build
// (e.g. of main) is measured in the same run, so that old and new figures
// share the machine's load. First, start-up: `anklog --version` against an
// empty program linked with fmt and toml++ (--startup-only: nothing else).
// Run it on a release build:
//   cmake --workflow --preset default && cmake --build --preset default --target bench
// or, for more: build/default/tests/bench/anklog_bench ANKLOG PARSE_ONLY SCAN_BENCH [options]
//   (the empty program: build/default/tests/bench/anklog_empty_program)
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace fs = std::filesystem;

namespace {

struct Sample {
    double seconds = 0;
    long peak_kb = 0;
    double cpu_seconds = 0;  // user + system
};

// Runs argv with stdout and stderr to /dev/null; wall time and peak RSS.
// An exit status above `max_exit` (check exits 1 on findings) fails the run.
Sample run_once(const std::vector<std::string>& argv, int max_exit) {
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = ::fork();
    if (pid == 0) {
        const int null = ::open("/dev/null", O_WRONLY);
        ::dup2(null, 1);
        ::dup2(null, 2);
        ::execv(args[0], args.data());
        ::_exit(127);
    }
    int status = 0;
    rusage usage{};
    ::wait4(pid, &status, 0, &usage);
    const auto end = std::chrono::steady_clock::now();
    if (!WIFEXITED(status) || WEXITSTATUS(status) > max_exit) {
        fmt::print(stderr, "bench: {} failed\n", argv[0]);
        std::exit(1);
    }
    const auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
    return {std::chrono::duration<double>(end - start).count(), usage.ru_maxrss,
            seconds(usage.ru_utime) + seconds(usage.ru_stime)};
}

// Wall times of `runs` runs (median and range: the machine is shared and
// noisy) and the largest peak memory; `before` runs first each time.
struct Measured {
    double median = 0;
    double fastest = 0;
    double slowest = 0;
    long peak_kb = 0;
};

Measured measure(const std::vector<std::string>& argv, int runs, const std::function<void()>& before = [] {},
                 int max_exit = 2) {
    std::vector<double> times;
    long peak = 0;
    for (int i = 0; i < runs; ++i) {
        before();
        const Sample s = run_once(argv, max_exit);
        times.push_back(s.seconds);
        peak = std::max(peak, s.peak_kb);
    }
    std::sort(times.begin(), times.end());
    return {times[times.size() / 2], times.front(), times.back(), peak};
}

// Start-up: `anklog --version` and the empty program, as whole processes,
// taking turns run by run so that both see the same load on the machine.
// Wall time, and CPU time (user + system), which a busy machine disturbs
// less.
void startup(const std::string& label, const std::string& anklog, const std::optional<std::string>& empty,
             int runs) {
    std::vector<Sample> version;
    std::vector<Sample> baseline;
    for (int i = 0; i < runs; ++i) {
        version.push_back(run_once({anklog, "--version"}, 0));
        if (empty) baseline.push_back(run_once({*empty}, 0));
    }
    const auto median = [](const std::vector<Sample>& samples, double Sample::*field) {
        std::vector<double> values;
        for (const Sample& s : samples) values.push_back(s.*field);
        std::sort(values.begin(), values.end());
        return values[values.size() / 2] * 1000;
    };
    long peak = 0;
    for (const Sample& s : version) peak = std::max(peak, s.peak_kb);
    fmt::print("start-up, median of {} runs: {} --version {:.2f} ms (CPU {:.2f} ms), {} MB peak\n", runs, label,
               median(version, &Sample::seconds), median(version, &Sample::cpu_seconds), peak / 1024);
    if (!empty) return;
    const double wall = median(baseline, &Sample::seconds);
    const double cpu = median(baseline, &Sample::cpu_seconds);
    fmt::print("  empty program (fmt, toml++) {:.2f} ms (CPU {:.2f} ms): {:.2f}x wall, {:.2f}x CPU "
               "(target: at most 1.5x)\n",
               wall, cpu, median(version, &Sample::seconds) / wall, median(version, &Sample::cpu_seconds) / cpu);
}

// A realistic log: a person training for years on a weekly routine (walks
// Mon/Wed/Fri, leg work Tue/Thu, Pilates some Saturdays), progressing a
// little most weeks with an easy week every fourth, an occasional sore day,
// notes now and then. Realistic matters: check's cost grows with what it
// finds, and a careful person's log has few findings.
void generate(const fs::path& path, int sessions) {
    std::mt19937 random(42);
    std::ofstream out(path);
    out << "# generated by anklog's benchmark\nversion = 1\n\n[profile]\nunits = \"kg\"\n"
           "weights = [\"0.5 kg\", \"1 kg\", \"1.5 kg\", \"2 kg\"]\n";
    auto monday = std::chrono::sys_days{std::chrono::year{1900} / 1 / 1};
    monday -= std::chrono::days{(std::chrono::weekday{monday}.c_encoding() + 6) % 7};
    int written = 0;
    for (int week = 0; written < sessions; ++week, monday += std::chrono::weeks{1}) {
        const bool easy = week % 4 == 3;
        const int level = week % 16;  // a 16-week cycle of slow progression
        // Weeks 8-15 walk with 1 kg: the step up comes with shorter walks.
        const int walk_minutes = easy ? 12 : (level < 8 ? 15 + level : 12 + (level - 8));
        const int reps = easy ? 8 : 10 + level % 6;
        const char* walk_weight = level < 8 ? "0.5 kg" : "1 kg";
        const auto session = [&](int weekday, const std::string& body) {
            if (written >= sessions) return;
            const std::chrono::year_month_day date{monday + std::chrono::days{weekday}};
            out << fmt::format("\n[[session]]\ndate = {:04}-{:02}-{:02}\n{}", static_cast<int>(date.year()),
                               static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()), body);
            if (random() % 10 == 0) out << fmt::format("pain = {}\n", 1 + random() % 2);
            if (random() % 8 == 0) out << "note = \"felt good, \\\"steady\\\" pace\"\n";
            ++written;
        };
        for (const int day : {0, 2, 4}) {
            session(day, fmt::format("activity = \"walk\"\nweight = \"{}\"\nminutes = {}\neffort = {}\n", walk_weight,
                                     walk_minutes, 3 + random() % 2));
        }
        for (const int day : {1, 3}) {
            session(day, fmt::format("activity = \"side-leg-lift\"\nweight = \"1 kg\"\nsets = 2\nreps = {}\n", reps));
            session(day, fmt::format("activity = \"calf-raise\"\nweight = \"1 kg\"\nsets = 2\nreps = {}\n", reps));
        }
        if (week % 2 == 0) session(5, "activity = \"pilates\"\nminutes = 45\neffort = 4\n");
    }
}

// What writes to append.toml leave beside it: numbered backups
// (append.toml.~N~) and the undo record (.append.toml.anklog-undo).
void remove_written_beside(const fs::path& dir) {
    std::vector<fs::path> written;
    for (const auto& entry : fs::directory_iterator(dir)) {
        const std::string name = entry.path().filename().string();
        if (name.starts_with("append.toml.") || name.starts_with(".append.toml.")) written.push_back(entry.path());
    }
    for (const fs::path& path : written) fs::remove(path);
}

// A Strong export (comma form) of `rows` rows: a workout a day of leg
// raises and calf raises (a warm-up set and three working sets each, a rest
// timer between) and a walk.
void generate_csv(const fs::path& path, int rows) {
    std::ofstream out(path);
    out << "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n";
    auto day = std::chrono::sys_days{std::chrono::year{1950} / 1 / 1};
    int written = 0;
    for (int n = 0; written < rows; ++n, day += std::chrono::days{1}) {
        const std::chrono::year_month_day date{day};
        const std::string when = fmt::format("{:04}-{:02}-{:02} 08:00:00", static_cast<int>(date.year()),
                                             static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
        const auto row = [&](const std::string& rest) {
            if (written >= rows) return;
            out << when << ",Legs,30m," << rest << "\n";
            ++written;
        };
        for (const char* exercise : {"Lateral Leg Raise", "Calf Raise"}) {
            row(fmt::format("{},W,0.5,10,0,0,,,", exercise));
            for (int set = 1; set <= 3; ++set) row(fmt::format("{},{},1,{},0,0,,,7", exercise, set, 10 + n % 5));
            row("Rest Timer,Rest Timer,0,0,0,90,,,");
        }
        row(fmt::format("Walking,1,1,0,0,{},\"steady, \"\"easy\"\"\",,", 900 + 60 * (n % 10)));
    }
}

}  // namespace

int main(int argc, char** argv) {
    const auto usage = [] {
        fmt::print(stderr,
                   "usage: anklog_bench ANKLOG PARSE_ONLY SCAN_BENCH [KEEP_DIR] [--keep DIR] [--million] [--old ANKLOG]\n"
                   "                    [--empty PROGRAM] [--startup-only] [--import-only]\n"
                   "  --keep DIR       keep the generated logs in DIR, e.g. for profiling (or KEEP_DIR)\n"
                   "  --million        also a log of 1,000,000 sessions (about 95 MB; the baseline needs 1.2 GB)\n"
                   "  --old ANKLOG     also measure this anklog build (e.g. of main), in the same run\n"
                   "  --empty PROGRAM  the start-up baseline: an empty program linked with fmt and toml++\n"
                   "                   (default: anklog_empty_program beside PARSE_ONLY, when it is there)\n"
                   "  --startup-only   measure the start-up only\n"
                   "  --import-only    measure only the import of 100,000 CSV rows against check\n");
        return 2;
    };
    if (argc < 4) return usage();
    const std::string anklog = fs::absolute(argv[1]).string();
    const std::string baseline = fs::absolute(argv[2]).string();
    const std::string scan_bench = fs::absolute(argv[3]).string();
    std::optional<fs::path> keep;
    std::optional<std::string> old_anklog;
    std::optional<std::string> empty;
    bool startup_only = false;
    bool import_only = false;  // only the import of 100,000 CSV rows against check
    std::vector<int> sizes{1000, 10000, 100000};
    for (int i = 4; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--million") {
            sizes.push_back(1000000);
        } else if (arg == "--keep" && i + 1 < argc) {
            keep = argv[++i];
        } else if (arg == "--old" && i + 1 < argc) {
            old_anklog = fs::absolute(argv[++i]).string();
        } else if (arg == "--empty" && i + 1 < argc) {
            empty = fs::absolute(argv[++i]).string();
        } else if (arg == "--startup-only") {
            startup_only = true;
        } else if (arg == "--import-only") {
            import_only = true;
        } else if (!arg.starts_with("--") && !keep) {
            keep = arg;
        } else {
            return usage();
        }
    }
    if (!empty && fs::exists(fs::path(baseline).parent_path() / "anklog_empty_program")) {
        empty = (fs::path(baseline).parent_path() / "anklog_empty_program").string();
    }
    if (!import_only) {
        startup("anklog", anklog, empty, 101);
        if (old_anklog) startup("old anklog", *old_anklog, empty, 101);
        fmt::print("\n");
    }
    if (startup_only) return 0;
    if (import_only) sizes.clear();

    const fs::path dir = keep ? *keep : fs::temp_directory_path() / fmt::format("anklog-bench-{}", ::getpid());
    fs::create_directories(dir);
    // `edit`'s editor: it changes the first note (of a session in 1900), and
    // its private copy goes to the benchmark's folder.
    ::setenv("EDITOR", "sed -i 0,/felt.good/s//felt.fine/", 1);
    ::setenv("TMPDIR", dir.c_str(), 1);

    if (!import_only) fmt::print("{:>8}  {:<14} {:>9} {:>19} {:>7}  {:>8} {:>7}\n", "sessions", "command", "median", "range",
               "x parse", "peak", "x parse");
    for (const int n : sizes) {
        const fs::path log = dir / fmt::format("log-{}.toml", n);
        if (!fs::exists(log)) generate(log, n);
        const fs::path copy = dir / "append.toml";
        const int runs = n >= 1000000 ? 3 : n >= 100000 ? 7 : 11;
        const Measured parse = measure({baseline, log.string()}, runs);
        const auto row = [&](const std::string& name, const Measured& m) {
            fmt::print("{:>8}  {:<14} {:>7.1f}ms  {:>7.1f}-{:>7.1f}ms {:>6.2f}x  {:>6}MB {:>6.2f}x\n", n, name,
                       m.median * 1000, m.fastest * 1000, m.slowest * 1000, m.median / parse.median,
                       m.peak_kb / 1024, static_cast<double>(m.peak_kb) / static_cast<double>(parse.peak_kb));
        };
        row("parse-only", parse);
        // Per-block parsing without anklog: the scanner alone, then with toml++ on each block.
        row("scan", measure({scan_bench, "scan", log.string()}, runs));
        row("blocks", measure({scan_bench, "blocks", log.string()}, runs));

        // The commands, each on the same log; `log` and `edit` write to a
        // fresh copy of it each time.
        struct Command {
            std::string name;
            std::vector<std::string> args;
            bool writes = false;
        };
        const std::vector<Command> commands{
            {"check", {"check", log.string()}},
            {"history", {"-f", log.string(), "history"}},
            {"plan", {"-f", log.string(), "plan", "--week-of", "2200-01-01"}},
            // A century of months: reads every session, sums most of them.
            {"summary", {"-f", log.string(), "summary", "--monthly", "--since", "2000-01-01", "--until", "2099-12-31"}},
            // --date today: a date after today is refused before anything is
            // written (the 100k and 1M logs run past today; that is allowed).
            {"log", {"-f", copy.string(), "-q", "log", "walk", "-w", "1kg", "-m", "20", "--date", "today"}, true},
            // The editor (EDITOR, set above) changes one note.
            {"edit", {"-f", copy.string(), "edit"}, true},
            // What each Tab on an activity runs: the names the log declares.
            {"completion", {"-f", log.string(), "__complete", "activities"}},
        };
        for (const Command& command : commands) {
            for (const bool old : {false, true}) {
                if (old && !old_anklog) continue;
                std::vector<std::string> command_line{old ? *old_anklog : anklog};
                command_line.insert(command_line.end(), command.args.begin(), command.args.end());
                const auto fresh_copy = [&] {
                    if (!command.writes) return;
                    fs::copy_file(log, copy, fs::copy_options::overwrite_existing);
                    remove_written_beside(dir);  // edit's backup: each run starts as the first
                };
                // A write must succeed (exit 0), or the row measures a refusal.
                row(old ? command.name + " (old)" : command.name,
                    measure(command_line, runs, fresh_copy, command.writes ? 0 : 2));
            }
        }
    }
    // import: a 100,000-row export into a new log, against check of that log
    // (target: within 2x).
    {
        const fs::path csv = dir / "import-100000.csv";
        const fs::path imported = dir / "import.toml";
        generate_csv(csv, 100000);
        const auto fresh = [&] {
            std::vector<fs::path> written;
            for (const auto& entry : fs::directory_iterator(dir)) {
                const std::string name = entry.path().filename().string();
                if (name.starts_with("import.toml") || name.starts_with(".import.toml")) written.push_back(entry.path());
            }
            for (const fs::path& path : written) fs::remove(path);
        };
        const Measured import = measure({anklog, "-f", imported.string(), "-q", "import", csv.string(), "--map",
                                         "Lateral Leg Raise=side-leg-lift", "--map", "Walking=walk"},
                                        7, fresh, 0);
        const Measured check = measure({anklog, "check", imported.string()}, 7);
        fmt::print("\nimport of 100000 CSV rows (Strong) into a new log: median {:.1f} ms ({:.1f}-{:.1f}), {} MB peak\n",
                   import.median * 1000, import.fastest * 1000, import.slowest * 1000, import.peak_kb / 1024);
        fmt::print("check of the log it wrote: median {:.1f} ms, {} MB peak; import {:.2f}x check (target: at most 2x)\n",
                   check.median * 1000, check.peak_kb / 1024, import.median / check.median);
        fresh();
        fs::remove(csv);
    }
    fs::remove(dir / "append.toml");
    remove_written_beside(dir);
    if (!keep) fs::remove_all(dir);
    return 0;
}
