// anklog sync: one log on two devices through git, with real git: setup,
// clones that both append, pulls that merge every session once, a real
// conflict marked and located by check; and check's note on the copies sync
// tools keep.
#include <doctest/doctest.h>

#include "harness.hpp"

using namespace e2e;

namespace {

// git, not the person's: no global or system configuration, a fixed author,
// and a PATH without anklog (the merge driver must not need it).
Options git_env(const fs::path& cwd) {
    Options options;
    options.env = {{"GIT_CONFIG_GLOBAL", "/dev/null"}, {"GIT_CONFIG_NOSYSTEM", "1"},
                   {"GIT_AUTHOR_NAME", "Ann"},         {"GIT_AUTHOR_EMAIL", "ann@example.org"},
                   {"GIT_COMMITTER_NAME", "Ann"},      {"GIT_COMMITTER_EMAIL", "ann@example.org"},
                   {"PATH", "/usr/bin:/bin"},          {"GIT_MERGE_AUTOEDIT", "no"}};
    options.cwd = cwd;
    return options;
}

// `git args...` in `cwd`: the harness runs `prefix... anklog args...`, and
// the shell drops anklog.
Result git(const ScratchDir& home, const fs::path& cwd, const std::vector<std::string>& args) {
    Options options = git_env(cwd);
    options.prefix = {"sh", "-c", "shift; exec git \"$@\"", "sh"};
    return run(home, args, options);
}

Result anklog_in(const ScratchDir& home, const fs::path& cwd, const std::vector<std::string>& args) {
    return run(home, args, git_env(cwd));
}

std::vector<std::string> walk(const std::string& date, int minutes) {
    return {"-q", "-f", "log.toml", "log", "walk", "-w", "1kg", "-m", std::to_string(minutes), "--date", date};
}

std::string session(const std::string& date, int minutes) {
    return "\n[[session]]\ndate = " + date + "\nactivity = \"walk\"\non = \"ankle\"\nweight = \"1 kg\"\nminutes = " +
           std::to_string(minutes) + "\n";
}

const std::string new_log =
    "# anklog training log. Plain TOML: edit freely, anklog only appends.\n"
    "version = 1\n"
    "\n"
    "[profile]\n"
    "units = \"kg\"  # kg | lb: display unit, and unit of bare numbers\n";

const std::string setup_out =
    "anklog merges log.toml in the git repository {root}:\n"
    "  .git/config       merge driver 'anklog': added\n"
    "  .gitattributes    /log.toml merge=anklog: added\n"
    "  .gitignore        backups and undo record: added\n"
    "Commit .gitattributes and .gitignore. Run 'anklog sync --setup' once in every clone: git does not copy "
    ".git/config.\n";

std::string with_root(std::string text, const fs::path& root) {
    text.replace(text.find("{root}"), 6, root.string());
    return text;
}

// A repository "a" with a new log, set up and committed, and its clone "b", set up.
void two_devices(const ScratchDir& home) {
    fs::create_directory(home / "a");
    REQUIRE(git(home, home / "a", {"init", "-q", "-b", "main"}).exit_code == 0);
    REQUIRE(anklog_in(home, home / "a", {"-q", "-f", "log.toml", "init"}).exit_code == 0);
    const Result setup = anklog_in(home, home / "a", {"sync", "--setup", "--log", "log.toml"});
    CHECK(setup.exit_code == 0);
    CHECK(setup.out == with_root(setup_out, fs::canonical(home / "a")));
    CHECK(setup.err == "");
    REQUIRE(git(home, home / "a", {"add", "-A"}).exit_code == 0);
    REQUIRE(git(home, home / "a", {"commit", "-q", "-m", "a log"}).exit_code == 0);
    REQUIRE(git(home, home.path(), {"clone", "-q", "a", "b"}).exit_code == 0);
    REQUIRE(anklog_in(home, home / "b", {"-q", "sync", "--setup", "--log", "log.toml"}).exit_code == 0);
}

}  // namespace

TEST_CASE("sync --setup - the driver by anklog's absolute path / .gitattributes / .gitignore / idempotent") {
    ScratchDir home;
    two_devices(home);
    const fs::path a = home / "a";
    CHECK(read(a / ".gitattributes") == "# anklog sync --setup: git merges the log with anklog\n/log.toml merge=anklog\n");
    CHECK(read(a / ".gitignore") ==
          "# anklog sync --setup: the log's numbered backups and undo record stay on this device\n"
          "/log.toml.~*~\n/.log.toml.anklog-*\n");
    CHECK(git(home, a, {"config", "--get", "merge.anklog.driver"}).out ==
          std::string(ANKLOG_BIN) + " sync --merge-driver %O %A %B %P\n");
    // Again: nothing added twice.
    const Result again = anklog_in(home, a, {"sync", "--setup", "--log", "log.toml"});
    CHECK(again.exit_code == 0);
    CHECK(again.out == "anklog merges log.toml in the git repository " + fs::canonical(a).string() +
                           ":\n"
                           "  .git/config       merge driver 'anklog': already there\n"
                           "  .gitattributes    /log.toml merge=anklog: already there\n"
                           "  .gitignore        backups and undo record: already there\n"
                           "Run 'anklog sync --setup' once in every clone: git does not copy .git/config.\n");
    CHECK(read(a / ".gitattributes") == "# anklog sync --setup: git merges the log with anklog\n/log.toml merge=anklog\n");
    CHECK(git(home, a, {"status", "--porcelain"}).out == "");
    // Backups and the undo record stay out of the repository.
    REQUIRE(anklog_in(home, a, walk("2026-11-02", 10)).exit_code == 0);
    REQUIRE(anklog_in(home, a, {"-q", "-f", "log.toml", "profile", "--name", "Ann"}).exit_code == 0);
    CHECK(fs::exists(a / "log.toml.~1~"));
    CHECK(fs::exists(a / ".log.toml.anklog-undo"));
    CHECK(git(home, a, {"status", "--porcelain"}).out == " M log.toml\n");
}

TEST_CASE("sync - sessions appended on two clones merge on pull: every session once, no conflict") {
    ScratchDir home;
    two_devices(home);
    const fs::path a = home / "a";
    const fs::path b = home / "b";
    REQUIRE(anklog_in(home, a, walk("2026-11-02", 10)).exit_code == 0);
    REQUIRE(anklog_in(home, a, walk("2026-11-04", 11)).exit_code == 0);
    REQUIRE(git(home, a, {"commit", "-q", "-am", "a"}).exit_code == 0);
    REQUIRE(anklog_in(home, b, walk("2026-11-03", 12)).exit_code == 0);
    REQUIRE(git(home, b, {"commit", "-q", "-am", "b"}).exit_code == 0);

    const Result pull = git(home, b, {"pull", "-q", "--no-rebase", "--no-edit"});
    CHECK(pull.exit_code == 0);
    const std::string merged = new_log + session("2026-11-03", 12) + session("2026-11-02", 10) + session("2026-11-04", 11);
    CHECK(read(b / "log.toml") == merged);
    CHECK(anklog_in(home, b, {"-f", "log.toml", "history"}).exit_code == 0);
    // And back: the first device gets the merge as it is.
    REQUIRE(git(home, b, {"push", "-q", "origin", "HEAD:merged"}).exit_code == 0);
    CHECK(git(home, a, {"merge", "-q", "merged"}).exit_code == 0);
    CHECK(read(a / "log.toml") == merged);
    // Both append again, the other way round: still each once.
    REQUIRE(anklog_in(home, a, walk("2026-11-06", 13)).exit_code == 0);
    REQUIRE(git(home, a, {"commit", "-q", "-am", "a2"}).exit_code == 0);
    REQUIRE(anklog_in(home, b, walk("2026-11-06", 13)).exit_code == 0);  // the same session on both
    REQUIRE(anklog_in(home, b, walk("2026-11-07", 14)).exit_code == 0);
    REQUIRE(git(home, b, {"commit", "-q", "-am", "b2"}).exit_code == 0);
    CHECK(git(home, a, {"pull", "-q", "--no-rebase", "--no-edit", "../b", "main"}).exit_code == 0);
    CHECK(read(a / "log.toml") == merged + session("2026-11-06", 13) + session("2026-11-07", 14));
}

TEST_CASE("sync - both devices changed one session: marked and explained, check locates it (exit 2)") {
    ScratchDir home;
    two_devices(home);
    const fs::path a = home / "a";
    const fs::path b = home / "b";
    REQUIRE(anklog_in(home, a, walk("2026-11-02", 10)).exit_code == 0);
    REQUIRE(git(home, a, {"commit", "-q", "-am", "a"}).exit_code == 0);
    REQUIRE(git(home, b, {"pull", "-q"}).exit_code == 0);
    write(a / "log.toml", new_log + session("2026-11-02", 15));
    REQUIRE(git(home, a, {"commit", "-q", "-am", "a edits"}).exit_code == 0);
    write(b / "log.toml", new_log + session("2026-11-02", 20));
    REQUIRE(git(home, b, {"commit", "-q", "-am", "b edits"}).exit_code == 0);

    const Result pull = git(home, b, {"pull", "-q", "--no-rebase", "--no-edit"});
    CHECK(pull.exit_code == 1);
    CHECK(pull.err.find("anklog: warning: log.toml: 1 merge conflict left marked (<<<<<<< ours, >>>>>>> theirs); "
                        "'anklog check' says where\n") != std::string::npos);
    CHECK(read(b / "log.toml") == new_log +
                                      "\n# anklog: merge conflict: both devices changed this session; keep one side "
                                      "and delete the marker lines\n<<<<<<< ours\n" +
                                      session("2026-11-02", 20).substr(1) + "=======\n" +
                                      session("2026-11-02", 15).substr(1) + ">>>>>>> theirs\n");
    const Result check = anklog_in(home, b, {"-f", "log.toml", "check"});
    CHECK(check.exit_code == 2);
    CHECK(check.out == "");
    CHECK(check.err == "anklog: error: log.toml:8: merge conflict: both devices changed this session\n"
                       "  help: keep one side, and delete the marker lines (<<<<<<<, =======, >>>>>>>) and the comment "
                       "above them ('anklog edit' opens the log)\n");
}

TEST_CASE("sync --setup outside a git repository - exit 2, nothing written") {
    ScratchDir home;
    REQUIRE(run(home, {"-q", "-f", "log.toml", "init"}).exit_code == 0);
    const Result r = anklog_in(home, home.path(), {"sync", "--setup", "--log", "log.toml"});
    CHECK(r.exit_code == 2);
    CHECK(r.out == "");
    CHECK(r.err == "anklog: error: log.toml: the log is not in a git repository\n"
                   "  help: keep the log in a git repository ('git init' in its folder, or clone yours), then run "
                   "'anklog sync --setup'; nothing was changed\n");
    CHECK(!fs::exists(home / ".gitattributes"));
    CHECK(!fs::exists(home / ".gitignore"));
    const Result nothing = run(home, {"sync"});
    CHECK(nothing.exit_code == 2);
}

TEST_CASE("sync --merge-driver - merges BASE OURS THEIRS into OURS - 0 when clean, 1 with markers") {
    ScratchDir home;
    write(home / "base", new_log);
    write(home / "ours", new_log + session("2026-11-02", 10));
    write(home / "theirs", new_log + session("2026-11-03", 11));
    const Result clean = run(home, {"sync", "--merge-driver", "base", "ours", "theirs", "log.toml"});
    CHECK(clean.exit_code == 0);
    CHECK(clean.out == "");
    CHECK(clean.err == "");
    CHECK(read(home / "ours") == new_log + session("2026-11-02", 10) + session("2026-11-03", 11));
    write(home / "base", new_log + session("2026-11-02", 10));
    write(home / "ours", new_log + session("2026-11-02", 12));
    write(home / "theirs", new_log);
    const Result conflict = run(home, {"sync", "--merge-driver", "base", "ours", "theirs"});
    CHECK(conflict.exit_code == 1);
    CHECK(read(home / "ours").find("# anklog: merge conflict: one device changed this session, the other deleted "
                                   "it; keep one side and delete the marker lines\n<<<<<<< ours\n") != std::string::npos);
    // Not among the commands --help lists: git runs it.
    CHECK(run(home, {"sync", "--help"}).out.find("--merge-driver") == std::string::npos);
}

TEST_CASE("check - notes the copies sync tools keep beside the log, terminal-safe, and does not fail on them") {
    ScratchDir home;
    REQUIRE(run(home, {"-q", "-f", "log.toml", "init"}).exit_code == 0);
    write(home / "log.sync-conflict-20261205-101010-ABCDEFG.toml", new_log);
    write(home / "log (Ann\x1b[31m's conflicted copy 2026-12-05).toml", new_log);
    write(home / "other.sync-conflict-20261205-101010-ABCDEFG.toml", new_log);
    const Result r = run(home, {"-f", "log.toml", "check"});
    CHECK(r.exit_code == 0);
    CHECK(r.out == "log.toml: 0 sessions checked: nothing to flag\n");
    CHECK(r.err ==
          "anklog: note: log (Ann\\e[31m's conflicted copy 2026-12-05).toml is a copy Dropbox kept of a change to "
          "log.toml made on another device at the same time\n"
          "  help: compare them (diff log.toml 'log (Ann\\e[31m'\\''s conflicted copy 2026-12-05).toml'), add what "
          "only the copy holds to the log with 'anklog edit', then delete the copy; 'anklog sync --setup' lets git "
          "merge the log instead\n"
          "anklog: note: log.sync-conflict-20261205-101010-ABCDEFG.toml is a copy Syncthing kept of a change to "
          "log.toml made on another device at the same time\n"
          "  help: compare them (diff log.toml log.sync-conflict-20261205-101010-ABCDEFG.toml), add what only the "
          "copy holds to the log with 'anklog edit', then delete the copy; 'anklog sync --setup' lets git merge the "
          "log instead\n");
}

TEST_CASE("sync --setup - a log in a subfolder whose names hold blanks and glob characters still merges") {
    ScratchDir home;
    fs::create_directories(home / "a" / "my log");
    const std::string log = "my log/log [1].toml";
    REQUIRE(git(home, home / "a", {"init", "-q", "-b", "main"}).exit_code == 0);
    REQUIRE(anklog_in(home, home / "a", {"-q", "-f", log, "init"}).exit_code == 0);
    REQUIRE(anklog_in(home, home / "a", {"-q", "sync", "--setup", "--log", log}).exit_code == 0);
    CHECK(read(home / "a" / ".gitattributes") ==
          "# anklog sync --setup: git merges the log with anklog\n\"/my log/log \\\\[1].toml\" merge=anklog\n");
    CHECK(git(home, home / "a", {"check-attr", "merge", "--", log}).out == log + ": merge: anklog\n");
    CHECK(read(home / "a" / ".gitignore") ==
          "# anklog sync --setup: the log's numbered backups and undo record stay on this device\n"
          "/my log/log \\[1].toml.~*~\n/my log/.log \\[1].toml.anklog-*\n");
    REQUIRE(git(home, home / "a", {"add", "-A"}).exit_code == 0);
    REQUIRE(git(home, home / "a", {"commit", "-q", "-m", "a log"}).exit_code == 0);
    REQUIRE(git(home, home.path(), {"clone", "-q", "a", "b"}).exit_code == 0);
    REQUIRE(anklog_in(home, home / "b", {"-q", "sync", "--setup", "--log", log}).exit_code == 0);
    std::vector<std::string> b_walk = walk("2026-11-02", 10);
    b_walk[2] = log;
    REQUIRE(anklog_in(home, home / "b", b_walk).exit_code == 0);
    REQUIRE(git(home, home / "b", {"commit", "-q", "-am", "b"}).exit_code == 0);
    std::vector<std::string> a_walk = walk("2026-11-03", 11);
    a_walk[2] = log;
    REQUIRE(anklog_in(home, home / "a", a_walk).exit_code == 0);
    REQUIRE(anklog_in(home, home / "a", {"-q", "-f", log, "profile", "--name", "Ann"}).exit_code == 0);
    CHECK(git(home, home / "a", {"status", "--porcelain"}).out == " M \"my log/log [1].toml\"\n");  // backup ignored
    REQUIRE(git(home, home / "a", {"commit", "-q", "-am", "a"}).exit_code == 0);
    CHECK(git(home, home / "b", {"pull", "-q", "--no-rebase", "--no-edit"}).exit_code == 0);
    const std::string merged = read(home / "b" / "my log" / "log [1].toml");
    CHECK(merged.find("name = \"Ann\"") != std::string::npos);
    CHECK(merged.ends_with(session("2026-11-02", 10) + session("2026-11-03", 11)));
}
