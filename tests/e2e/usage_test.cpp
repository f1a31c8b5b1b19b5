// Usage errors in anklog's words: one "anklog: error:" line and one "help:"
// line, naming what was typed in the order it was typed, with "did you mean"
// for commands, options and values; integer flags read in decimal only.
#include <doctest/doctest.h>

#include "harness.hpp"
#include "help_text.hpp"

using namespace e2e;

namespace {

std::string error(const std::string& message, const std::string& help) {
    return "anklog: error: " + message + "\n  help: " + help + "\n";
}

// Runs anklog and checks it failed with exactly `expected` on stderr and
// nothing on stdout.
void check_usage_error(const std::vector<std::string>& args, const std::string& expected) {
    ScratchDir home;
    CAPTURE(fmt_args(args));
    const Result r = run(home, args);
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(r.err == expected);
}

// The minutes `log --dry-run` would write for `-m VALUE`, or its error.
std::string minutes_for(const std::string& flag, const std::string& value) {
    ScratchDir home;
    std::vector<std::string> args{"log", "walk", flag, value, "--date", "2026-11-18", "--dry-run", "-q"};
    if (flag == "--effort") args.insert(args.end(), {"-m", "5"});
    const Result r = run(home, args);
    if (r.exit_code != 0) return r.err;
    const std::size_t at = r.out.find(flag == "--effort" ? "effort = " : "minutes = ");
    return r.out.substr(at, r.out.find('\n', at) - at);
}

}  // namespace

TEST_CASE("unknown commands and options - did you mean, in the order typed") {
    check_usage_error({"histroy"}, error("unknown command 'histroy'", "did you mean 'history'?"));
    check_usage_error({"history", "--sinc", "3d"}, error("unknown option '--sinc'", "did you mean '--since'?"));
    // CLI11 said "The following arguments were not expected: 3 --efort".
    check_usage_error({"log", "walk", "-m", "3", "--efort", "3"}, error("unknown option '--efort'", "did you mean '--effort'?"));
    check_usage_error({"log", "walk", "--efort=3", "--sinc", "2"}, error("unknown option '--efort'", "did you mean '--effort'?"));
    check_usage_error({"--frobnicate"}, error("unknown option '--frobnicate'", "see 'anklog --help' for the options"));
    // Every one-letter option is one typo away from every other: no guess.
    check_usage_error({"rules", "-x"}, error("unknown option '-x'", "see 'anklog rules --help' for its options"));
}

TEST_CASE("an unknown command with nothing close lists the commands --help lists") {
    ScratchDir home;
    const std::vector<std::string> commands = commands_in_help(run(home, {"--help"}).out);
    REQUIRE(commands.size() >= 6);
    // CLI11 answered "anklog remove last" with "last remove".
    check_usage_error({"remove", "last"}, error("unknown command 'remove'", "the commands are " + one_of(commands)));
}

TEST_CASE("arguments a command does not take are named as typed") {
    check_usage_error({"history", "foo", "bar"},
                      error("unexpected arguments 'foo' 'bar'",
                            "history takes no arguments, only options; see 'anklog history --help'"));
    check_usage_error({"rules", "pain", "monotony"},
                      error("unexpected argument 'monotony'", "rules takes RULE; see 'anklog rules --help'"));
}

TEST_CASE("missing and repeated values") {
    check_usage_error({"log", "walk", "-m"}, error("-m needs a value", "write -m N"));
    check_usage_error({"--color"}, error("--color needs a value", "write --color WHEN"));
    // CLI11 said "--activity: At Most 1 required but received 2".
    check_usage_error({"--color", "always", "--color", "never", "rules"},
                      error("--color was given more than once", "--color takes one value: give it once"));
    check_usage_error({"--quiet=maybe", "rules"}, error("--quiet takes no value, but was given \"maybe\"", "write --quiet alone"));
    ScratchDir home;
    const Result missing = run(home, {"log"});
    CHECK(missing.exit_code == 2);
    CHECK(missing.err.starts_with("anklog: error: log needs ACTIVITY\n  help: e.g. anklog log "));
}

TEST_CASE("choices - the value as typed, the choices and did you mean") {
    check_usage_error({"--color", "sometimes", "history"},
                      error("--color: \"sometimes\" is not one of auto, always, never", "write --color auto, always or never"));
    check_usage_error({"check", "--fail-on", "warn"},
                      error("--fail-on: \"warn\" is not one of note, warning, danger", "write --fail-on note, warning or danger"));
    check_usage_error({"check", "--fail-on", "dnager"},
                      error("--fail-on: \"dnager\" is not one of note, warning, danger", "did you mean 'danger'?"));
    check_usage_error({"completions", "powershell"},
                      error("SHELL: \"powershell\" is not one of bash, zsh, fish", "write bash, zsh or fish"));
}

TEST_CASE("integer flags are decimal: 010 is ten - hex, signs, spaces and units are errors naming the range") {
    CHECK(minutes_for("-m", "10") == "minutes = 10");
    CHECK(minutes_for("-m", "010") == "minutes = 10");  // was 8 (octal)
    CHECK(minutes_for("-m", "09") == "minutes = 9");    // was "Could not convert"
    CHECK(minutes_for("--minutes", "0600") == "minutes = 600");
    CHECK(minutes_for("--effort", "010") == "effort = 10");
    CHECK(minutes_for("--effort", "0") == "effort = 0");
    const std::string minutes_help = "write minutes (20 or 20min) or hours and minutes (1h, 1h15)";
    CHECK(minutes_for("-m", "0x10") == error("-m: \"0x10\" is not a number of minutes", minutes_help));
    CHECK(minutes_for("-m", " +12") == error("-m: \" +12\" is not a number of minutes", minutes_help));
    CHECK(minutes_for("-m", "+12") == error("-m: \"+12\" is not a number of minutes", minutes_help));
    CHECK(minutes_for("-m", "1e3") == error("-m: \"1e3\" is not a number of minutes", minutes_help));
    CHECK(minutes_for("--minutes", "10min") == "minutes = 10");  // was "Could not convert: --minutes = 10min"
    CHECK(minutes_for("-m", "601") == error("-m: 601 is out of range", "write a whole number from 1 to 600"));
    CHECK(minutes_for("-m", "99999999999999999999999") ==
          error("-m: 99999999999999999999999 is out of range", "write a whole number from 1 to 600"));
    CHECK(minutes_for("--effort", "-1") == error("--effort: -1 is out of range", "write a whole number from 0 to 10"));
    check_usage_error({"plan", "--days", "9"}, error("--days: 9 is out of range", "write a whole number from 1 to 5"));
    check_usage_error({"plan", "--days", "0x2"}, error("--days: \"0x2\" is not a whole number", "write a whole number from 1 to 5"));
}

TEST_CASE("a huge argument is quoted short") {
    const std::string huge(100'000, 'x');
    check_usage_error({"log", "walk", "-m", huge},
                      error("-m: \"" + std::string(40, 'x') + "...\" is not a number of minutes",
                            "write minutes (20 or 20min) or hours and minutes (1h, 1h15)"));
    check_usage_error({huge}, error("unknown command '" + std::string(40, 'x') + "...'",
                                    "the commands are " + one_of(commands_in_help(run(ScratchDir{}, {"--help"}).out))));
}

TEST_CASE("anklog alone prints the commands, one line each, on stderr and exits 2") {
    ScratchDir home;
    const Result r = run(home, {});
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.starts_with("usage: anklog [-f FILE] [--color WHEN] [-q] COMMAND [ARGS]...\n\n"));
    for (const std::string& command : commands_in_help(run(home, {"--help"}).out)) {
        CAPTURE(command);
        CHECK(r.err.find("\n  " + command + " ") != std::string::npos);
    }
    CHECK(r.err.ends_with(error("no command given",
                                "run 'anklog help COMMAND' for its options, 'man anklog' for everything")));
}

TEST_CASE("anklog help - anklog help COMMAND") {
    ScratchDir home;
    const Result all = run(home, {"help"});
    CHECK(all.exit_code == 0);
    CHECK(all.out == run(home, {"--help"}).out);
    for (const std::string& command : commands_in_help(all.out)) {
        CAPTURE(command);
        const Result one = run(home, {"help", command});
        CHECK(one.exit_code == 0);
        CHECK(one.err.empty());
        CHECK(one.out == run(home, {command, "--help"}).out);
    }
    check_usage_error({"help", "lg"}, error("unknown command 'lg'", "did you mean 'log'?"));
}

TEST_CASE("check on a folder says it is a folder") {
    ScratchDir home;
    fs::create_directory(home / "clients");
    const Result r = run(home, {"check", "clients/"});
    CHECK(r.exit_code == 2);
    CHECK(r.err == "anklog: error: clients/: this is a folder, not a log file\n"
                   "  help: name the logs in it, e.g. anklog check clients/*.toml\n");
}

TEST_CASE("a log named after a command that takes none: the help shows -f") {
    ScratchDir home;
    const Result r = run(home, {"summary", "clients/bo.toml"});
    CHECK(r.exit_code == 2);
    CHECK(r.err == "anklog: error: unexpected argument 'clients/bo.toml'\n"
                   "  help: summary takes no arguments, only options; to name the log: anklog -f clients/bo.toml "
                   "summary\n");
}
