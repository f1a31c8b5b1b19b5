// Output that cannot be written is an error: every command flushes and closes
// its standard output and checks (exit 2, "cannot write output: ..."), and a
// reader that goes away (anklog ... | head) ends anklog quietly.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <unistd.h>

#include <csignal>

#include "faults.hpp"
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
    };
    for (const auto& args : commands) {
        CAPTURE(fmt_args(args));
        const Result r = run(home, args, to_dev_full());
        CHECK(r.exit_code == 2);
        CHECK(r.err == full_disk);
    }
}

TEST_CASE("output that cannot be written after a write says the change was made - and what - log, done, profile, undo") {
    // The write lands before the confirmation fails to print: exit 2, and the
    // error says what was changed, so that nobody logs the session twice.
    ScratchDir home;
    const std::string note = "  note: the change was made before this error: ";
    const Result created = run(home, {"-f", "log.toml", "log", "walk", "-m", "10", "--date", "2026-11-18"},
                               to_dev_full());
    CHECK(created.exit_code == 2);
    CHECK(created.err == "anklog: note: there was no log at log.toml: started a new one\n" + full_disk + note +
                             "the session was written to the new log log.toml:7; do not log it again\n");
    const std::string one = read(home / "log.toml");

    const Result logged = run(home, {"-f", "log.toml", "log", "walk", "-m", "12", "--date", "2026-11-19"}, to_dev_full());
    CHECK(logged.exit_code == 2);
    CHECK(logged.err == full_disk + note + "the session was appended to log.toml:12; do not log it again\n");
    const std::string two = read(home / "log.toml");
    CHECK(two.starts_with(one));
    CHECK(two.substr(one.size()) == "\n[[session]]\ndate = 2026-11-19\nactivity = \"walk\"\nminutes = 12\n");

    const Result several =
        run(home, {"-f", "log.toml", "log", "walk", "side-leg-lift", "-m", "12", "--sets", "1", "--reps", "10",
                   "--date", "2026-11-20"},
            to_dev_full());
    CHECK(several.exit_code == 2);
    CHECK(several.err == full_disk + note + "the 2 sessions were appended to log.toml:17; do not log them again\n");
    const std::string three = read(home / "log.toml");
    CHECK(three.starts_with(two));
    CHECK(three.substr(two.size()).find("[[session]]", 20) != std::string::npos);

    const Result profile = run(home, {"-f", "log.toml", "profile", "--name", "Bobby"}, to_dev_full());
    CHECK(profile.exit_code == 2);
    CHECK(profile.err == full_disk + note + "'anklog profile' rewrote log.toml (the log before is kept as log.toml.~1~)\n");
    const std::string four = read(home / "log.toml");
    CHECK(four.find("name = \"Bobby\"") != std::string::npos);
    CHECK(read(home / "log.toml.~1~") == three);

    const Result undo = run(home, {"-f", "log.toml", "undo", "--yes"}, to_dev_full());
    CHECK(undo.exit_code == 2);
    CHECK(undo.err == full_disk + note + "'anklog undo' reverted 'anklog profile': log.toml is now as it was before it\n");
    CHECK(read(home / "log.toml") == three);
    CHECK(names_in(home.path()) == std::vector<std::string>{".log.toml.anklog-undo", "log.toml", "log.toml.~1~", "log.toml.~2~"});

    // A reader that goes away is no error, but the change is still said.
    Options gone_reader;
    gone_reader.in_child = [] {
        int ends[2];
        if (::pipe(ends) != 0 || ::dup2(ends[1], STDOUT_FILENO) < 0) ::_exit(126);
        ::close(ends[0]);
        ::close(ends[1]);
        (void)std::signal(SIGPIPE, SIG_IGN);
    };
    const Result gone = run(home, {"-f", "log.toml", "log", "walk", "-m", "12", "--date", "2026-11-21"}, gone_reader);
    CHECK(gone.exit_code == 2);
    CHECK(gone.err == "anklog: note: the change was made: the session was appended to log.toml:28; do not log it "
                      "again\n");
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
