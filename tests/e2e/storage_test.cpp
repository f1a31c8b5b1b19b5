// The log is never lost: concurrent writers, failing writes, symlinks, modes.
#include <doctest/doctest.h>
#include <sys/resource.h>
#include <unistd.h>

#include <csignal>

#include "anklog/log.hpp"
#include "anklog/log_parser.hpp"
#include "harness.hpp"

using namespace e2e;

namespace {

// Everything in `dir` but the log itself and its undo record: temporary
// files must not linger.
std::vector<std::string> other_files(const fs::path& dir, const std::string& log_name) {
    std::vector<std::string> out;
    for (const auto& entry : fs::directory_iterator(dir)) {
        const std::string name = entry.path().filename().string();
        if (name != log_name && name != "." + log_name + ".anklog-undo") out.push_back(name);
    }
    return out;
}

}  // namespace

TEST_CASE("20 concurrent `log` calls all land / each exactly once") {
    ScratchDir home;
    write(home / "log.toml", example("beginner-eight-weeks.toml"));
    std::vector<int> pids;
    for (int i = 0; i < 20; ++i) {
        pids.push_back(start(home, {"-f", "log.toml", "-q", "log", "walk", "-m", std::to_string(10 + i), "--date",
                                    "2026-11-18", "--note", "writer " + std::to_string(i)}));
    }
    for (const int pid : pids) {
        const Result r = finish(pid, home);
        CHECK(r.exit_code == 0);
        CHECK(r.err == "");
    }
    const anklog::Log log = anklog::parse_log(read(home / "log.toml"), "log.toml");
    CHECK(log.sessions.size() == 36 + 20);
    for (int i = 0; i < 20; ++i) {
        const auto found = std::count_if(log.sessions.begin(), log.sessions.end(), [&](const anklog::Session& s) {
            return s.note == "writer " + std::to_string(i) && s.minutes == 10 + i;
        });
        CHECK(found == 1);
    }
    CHECK(other_files(home.path(), "log.toml").empty());
}

TEST_CASE("a write that hits the file-size limit leaves the log intact and no temporary file") {
    ScratchDir home;
    const std::string original = example("beginner-eight-weeks.toml");
    write(home / "log.toml", original);
    Options limited;
    // The limit lets the original size through but not the appended session.
    // SIGXFSZ is left at its default: anklog must ignore it itself.
    const rlim_t limit = original.size() + 10;
    limited.in_child = [limit] {
        const rlimit fsize{limit, limit};
        ::setrlimit(RLIMIT_FSIZE, &fsize);
    };
    const Result r = run(home, {"-f", "log.toml", "log", "walk", "-m", "10", "--date", "2026-11-18"}, limited);
    CHECK(r.exit_code == 2);
    CHECK(r.err ==
          "anklog: error: log.toml: cannot write the log: the file would exceed the file-size limit\n"
          "  help: free some space and try again; your log has not been changed\n");
    CHECK(read(home / "log.toml") == original);
    CHECK(other_files(home.path(), "log.toml").empty());
}

TEST_CASE("a read-only folder: exit 2 / clear message / log intact / nothing left behind") {
    ScratchDir home;
    const fs::path folder = home / "ro";
    fs::create_directory(folder);
    const std::string original = example("beginner-eight-weeks.toml");
    write(folder / "log.toml", original);
    Options options;
    if (::geteuid() == 0) {
        // root ignores permissions: run anklog as nobody, for whom the folder is read-only.
        fs::permissions(folder, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                    fs::perms::others_read | fs::perms::others_exec);
        fs::permissions(folder / "log.toml", fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                                                 fs::perms::others_read);
        // nobody's own log (anklog refuses to replace another user's), in root's folder.
        REQUIRE(::chown((folder / "log.toml").c_str(), 65534, 65534) == 0);
        options.prefix = {"setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"};
    } else {
        fs::permissions(folder, fs::perms::owner_read | fs::perms::owner_exec);
    }
    const Result r = run(home, {"-f", (folder / "log.toml").string(), "log", "walk", "-m", "10", "--date", "2026-11-18"},
                         options);
    CHECK(r.exit_code == 2);
    CHECK(r.err == "anklog: error: " + (folder / "log.toml").string() +
                       ": cannot write the log: permission denied\n"
                       "  help: anklog writes a temporary file beside the log: make the folder writable; the log has "
                       "not been changed\n");
    CHECK(read(folder / "log.toml") == original);
    CHECK(other_files(folder, "log.toml").empty());
}

TEST_CASE("a symlinked log stays a symlink - the file it points to gets the session") {
    ScratchDir home;
    fs::create_directory(home / "sync");
    write(home / "sync/real.toml", "version = 1\n");
    fs::create_symlink("sync/real.toml", home / "log.toml");
    const Result r = run(home, {"-f", "log.toml", "log", "walk", "-m", "10", "--date", "2026-11-18"});
    CHECK(r.exit_code == 0);
    CHECK(fs::is_symlink(home / "log.toml"));
    CHECK(fs::read_symlink(home / "log.toml") == "sync/real.toml");
    CHECK(read(home / "sync/real.toml") == "version = 1\n\n[[session]]\ndate = 2026-11-18\nactivity = \"walk\"\nminutes = 10\n");
    CHECK(other_files(home / "sync", "real.toml").empty());
}

TEST_CASE("an existing log keeps its mode - a new one is private") {
    ScratchDir home;
    write(home / "shared.toml", "");
    fs::permissions(home / "shared.toml", fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                                              fs::perms::others_read);
    CHECK(run(home, {"-f", "shared.toml", "log", "walk", "-m", "10", "--date", "2026-11-18"}).exit_code == 0);
    CHECK(mode_of(home / "shared.toml") == 0644);
    CHECK(run(home, {"-f", "new/private.toml", "log", "walk", "-m", "10", "--date", "2026-11-18"}).exit_code == 0);
    CHECK(mode_of(home / "new/private.toml") == 0600);
    CHECK(mode_of(home / "new") == 0700);
}

TEST_CASE("a log path that is a folder is an error / not a crash") {
    ScratchDir home;
    fs::create_directory(home / "folder.toml");
    const Result log = run(home, {"-f", "folder.toml", "log", "walk", "-m", "10", "--date", "2026-11-18"});
    CHECK(log.exit_code == 2);
    CHECK(log.err == "anklog: error: folder.toml: this is a folder, not a log file\n"
                     "  help: point -f (or ANKLOG_FILE) at a .toml log file\n");
    CHECK(run(home, {"-f", "folder.toml", "history"}).exit_code == 2);
    CHECK(fs::is_empty(home / "folder.toml"));
}
