// Output that cannot be written is an error: every command flushes and closes
// its standard output and checks (exit 2, "cannot write output: ..."), and a
// reader that goes away (anklog ... | head) ends anklog quietly.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <unistd.h>

#include <csignal>

#include "harness.hpp"

using namespace e2e;

namespace {

const std::string full_disk = "anklog: error: cannot write output: No space left on device\n"
                              "  help: free some space on that disk, or send the output elsewhere\n";

// stdout on /dev/full: every write fails with ENOSPC.
Options to_dev_full() {
    Options options;
    options.in_child = [] {
        const int full = ::open("/dev/full", O_WRONLY);
        if (full < 0 || ::dup2(full, STDOUT_FILENO) < 0) ::_exit(126);
    };
    return options;
}

// A log long enough that its history is far more than a pipe holds.
std::string long_log() {
    std::string text = "version = 1\n";
    for (int i = 0; i < 3000; ++i) {
        text += "\n[[session]]\ndate = 2026-01-01\nactivity = \"walk\"\nminutes = 10\nnote = \"a walk round the park\"\n";
    }
    return text;
}

}  // namespace

TEST_CASE("a full disk is exit 2 with the reason - for every kind of output") {
    REQUIRE(fs::exists("/dev/full"));
    ScratchDir home;
    const std::string log = (source_dir() / "examples/beginner-eight-weeks.toml").string();
    write(home / "long.toml", long_log());
    const std::vector<std::vector<std::string>> commands{
        {"-f", log, "history"},
        {"-f", log, "history", "--format", "json"},
        {"-f", (home / "long.toml").string(), "history"},  // fails mid-way, not at exit
        {"-f", log, "plan", "--week-of", "2026-11-16"},
        {"-f", log, "plan", "--week-of", "2026-11-16", "--format", "toml"},
        {"check", (source_dir() / "examples/too-much-too-soon.toml").string()},  // exit 1 otherwise
        {"rules"},
        {"--help"},
        {"log", "--help"},
        {"help", "plan"},
        {"--version"},
        {"completions", "bash"},
        {"-f", (home / "new.toml").string(), "log", "walk", "-m", "10", "--date", "2026-11-18"},
    };
    for (const auto& args : commands) {
        CAPTURE(fmt_args(args));
        const Result r = run(home, args, to_dev_full());
        CHECK(r.exit_code == 2);
        // A log that is new gets its note first.
        CHECK(r.err.ends_with(full_disk));
        CHECK((r.err == full_disk || r.err.starts_with("anklog: note: there was no log at ")));
    }
    // log's session is appended before its confirmation fails to print.
    CHECK(read(home / "new.toml").find("minutes = 10") != std::string::npos);
}

TEST_CASE("a closed stdout is an error only when there was something to write") {
    ScratchDir home;
    Options closed;
    closed.in_child = [] { ::close(STDOUT_FILENO); };
    const Result r = run(home, {"rules"}, closed);
    CHECK(r.exit_code == 2);
    CHECK(r.err == "anklog: error: cannot write output: Bad file descriptor\n"
                   "  help: standard output is closed: redirect it to a file or to /dev/null\n");
    const Result quiet = run(home, {"-q", "-f", (home / "log.toml").string(), "init"}, closed);
    CHECK(quiet.exit_code == 0);
    CHECK(quiet.err.empty());
}

TEST_CASE("a reader that goes away ends anklog quietly - killed by SIGPIPE, or exit 2 when SIGPIPE is ignored") {
    ScratchDir home;
    write(home / "long.toml", long_log());
    // bash -c SCRIPT ANKLOG ARGS...: $0 is anklog. The status of anklog,
    // then what it wrote on stderr.
    const std::string script = R"("$0" "$@" 2>"$HOME/err" | head -c 10 >/dev/null; echo "${PIPESTATUS[0]}"; cat "$HOME/err")";
    Options piped;
    piped.prefix = {"bash", "--norc", "--noprofile", "-c", script};
    piped.in_child = [] { (void)std::signal(SIGPIPE, SIG_DFL); };  // whatever the test runner ignores
    const Result killed = run(home, {"-f", "long.toml", "history"}, piped);
    CHECK(killed.out == "141\n");  // 128 + SIGPIPE, as for cat or seq
    Options ignoring = piped;
    ignoring.prefix = {"bash", "--norc", "--noprofile", "-c", "trap '' PIPE; " + script};
    const Result ignored = run(home, {"-f", "long.toml", "history"}, ignoring);
    CHECK(ignored.out == "2\n");  // no message: the reader chose to stop
}
