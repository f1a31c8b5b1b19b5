// The command line as a whole: version, help, exit codes, where the log is,
// colour, and the man page agreeing with --help.
#include <doctest/doctest.h>

#include <regex>
#include <set>

#include "harness.hpp"
#include "help_text.hpp"

using namespace e2e;

namespace {

// Every command --help lists: a command added anywhere is covered here.
std::vector<std::string> all_commands() {
    ScratchDir home;
    return commands_in_help(run(home, {"--help"}).out);
}

std::set<std::string> long_options(const std::string& help) {
    std::set<std::string> out;
    const std::regex option(R"(--[a-z][a-z-]*)");
    for (auto it = std::sregex_iterator(help.begin(), help.end(), option); it != std::sregex_iterator(); ++it) {
        out.insert(it->str());
    }
    return out;
}

std::string man_page_text() {
    std::string text = read(source_dir() / "man/anklog.1");
    // roff writes a literal hyphen-minus as "\-".
    for (std::size_t at = text.find("\\-"); at != std::string::npos; at = text.find("\\-", at)) text.erase(at, 1);
    return text;
}

}  // namespace

TEST_CASE("--version prints the version and exits 0") {
    ScratchDir home;
    const Result r = run(home, {"--version"});
    CHECK(r.exit_code == 0);
    CHECK(r.out == "anklog 0.1.0\n");
}

TEST_CASE("--help on anklog and on every command exits 0 and shows examples") {
    ScratchDir home;
    const Result main_help = run(home, {"--help"});
    CHECK(main_help.exit_code == 0);
    CHECK(main_help.out.find("Examples:") != std::string::npos);
    for (const std::string& command : all_commands()) {
        CAPTURE(command);
        const Result r = run(home, {command, "--help"});
        CHECK(r.exit_code == 0);
        CHECK(r.out.find("Examples:\n  anklog " + command) != std::string::npos);
        CHECK(main_help.out.find("  " + command + " ") != std::string::npos);
    }
}

TEST_CASE("the man page documents every command and every option --help lists") {
    ScratchDir home;
    const std::string man = man_page_text();
    const std::vector<std::string> commands = all_commands();
    REQUIRE(commands.size() >= 7);
    for (const std::string& option : long_options(run(home, {"--help"}).out)) {
        CAPTURE(option);
        CHECK(man.find(option) != std::string::npos);
    }
    const std::size_t global = man.find(".SH GLOBAL OPTIONS");
    const std::string globals = man.substr(global, man.find(".SH", global + 1) - global);
    for (const std::string& command : commands) {
        CAPTURE(command);
        const std::size_t section = man.find(".SS anklog " + command + "\n");
        REQUIRE(section != std::string::npos);
        // The synopsis names every command too.
        CHECK(man.find(".B anklog " + command + "\n") < man.find(".SH DESCRIPTION"));
        // Each option is documented in its command's own section, or among
        // the global options.
        const std::string own = man.substr(section, man.find(".S", section + 1) - section);
        for (const std::string& option : long_options(run(home, {command, "--help"}).out)) {
            CAPTURE(option);
            CHECK((own.find(option) != std::string::npos || globals.find(option) != std::string::npos));
        }
    }
    for (const char* section : {".SH EXAMPLES", ".SH FILES", ".SH ENVIRONMENT", ".SH EXIT STATUS"}) {
        CHECK(man.find(section) != std::string::npos);
    }
}

TEST_CASE("the man page documents the environment, usage errors, output errors and completion") {
    const std::string man = man_page_text();
    const std::size_t environment = man.find(".SH ENVIRONMENT");
    const std::string variables = man.substr(environment, man.find(".SH", environment + 1) - environment);
    for (const char* variable : {"ANKLOG_FILE", "ANKLOG_LOCK_TIMEOUT", "XDG_DATA_HOME", "HOME", "NO_COLOR", "COLUMNS"}) {
        CAPTURE(variable);
        CHECK(variables.find(std::string(".B ") + variable + "\n") != std::string::npos);
    }
    const std::size_t exit_status = man.find(".SH EXIT STATUS");
    const std::string status = man.substr(exit_status, man.find(".SH", exit_status + 1) - exit_status);
    CHECK(status.find("usage error") != std::string::npos);
    CHECK(status.find("cannot write output") != std::string::npos);
    CHECK(status.find("no command") != std::string::npos);
    CHECK(man.find("anklog completions bash") != std::string::npos);
    CHECK(man.find("share/bash-completion/completions/anklog") != std::string::npos);
}

TEST_CASE("the log is found via -f / then ANKLOG_FILE / then XDG_DATA_HOME / then HOME") {
    ScratchDir home;
    const std::vector<std::string> args{"log", "walk", "-m", "5", "--date", "2026-11-18", "--dry-run"};
    const auto target = [&](const Options& options, std::vector<std::string> extra = {}) {
        extra.insert(extra.end(), args.begin(), args.end());
        const std::string out = run(home, extra, options).out;
        return out.substr(0, out.find(":\n"));
    };
    Options all;
    all.env = {{"ANKLOG_FILE", "/tmp/from-env.toml"}, {"XDG_DATA_HOME", "/tmp/xdg"}};
    CHECK(target(all, {"-f", "flag.toml"}) == "would append to flag.toml");
    CHECK(target(all) == "would append to /tmp/from-env.toml");
    Options xdg;
    xdg.env = {{"XDG_DATA_HOME", "/tmp/xdg"}};
    CHECK(target(xdg) == "would append to /tmp/xdg/anklog/log.toml");
    Options relative_xdg;  // the XDG spec says to ignore a relative path
    relative_xdg.env = {{"XDG_DATA_HOME", "relative"}};
    CHECK(target(relative_xdg) == "would append to " + (home / ".local/share/anklog/log.toml").string());
    CHECK(target({}) == "would append to " + (home / ".local/share/anklog/log.toml").string());
    // Global options may also follow the command.
    CHECK(run(home, {"log", "walk", "-m", "5", "--date", "2026-11-18", "--dry-run", "-f", "after.toml"}).out.rfind(
              "would append to after.toml:", 0) == 0);
}

TEST_CASE("colour only when asked or on a terminal - NO_COLOR and --color never turn it off") {
    ScratchDir home;
    const std::string log = (source_dir() / "examples/beginner-eight-weeks.toml").string();
    const std::string escape = "\x1b[";
    CHECK(run(home, {"-f", log, "history"}).out.find(escape) == std::string::npos);  // not a terminal
    CHECK(run(home, {"-f", log, "--color", "always", "history"}).out.find(escape) != std::string::npos);
    CHECK(run(home, {"-f", log, "--color", "never", "history"}).out.find(escape) == std::string::npos);
    Options no_color;
    no_color.env = {{"NO_COLOR", "1"}};
    CHECK(run(home, {"-f", log, "--color", "auto", "history"}, no_color).out.find(escape) == std::string::npos);
    const std::string bad = (source_dir() / "examples/too-much-too-soon.toml").string();
    CHECK(run(home, {"check", bad}).out.find(escape) == std::string::npos);
    CHECK(run(home, {"--color", "always", "check", bad}).out.find("\x1b[1m\x1b[31mdanger") != std::string::npos);
    const Result error = run(home, {"-f", "missing.toml", "--color", "always", "history"});
    CHECK(error.err.find("\x1b[") != std::string::npos);
}
