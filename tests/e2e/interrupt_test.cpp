// A write that is stuck, makes no progress or is interrupted never leaves a
// changed log or a stray file; a write that may not be durable says so.
#include <doctest/doctest.h>

#include "faults.hpp"

using namespace e2e;

namespace {

const std::vector<std::string> log_walk{"-f", "log.toml", "log", "walk", "-m", "10", "--date", "2026-11-18"};

bool has_temp_file(const fs::path& dir) {
    const auto names = names_in(dir);
    return std::any_of(names.begin(), names.end(),
                       [](const std::string& name) { return name.rfind(".log.toml.anklog-", 0) == 0; });
}

}  // namespace

TEST_CASE("a write that makes no progress is an error - not a busy loop") {
    ScratchDir home;
    const std::string original = example("beginner-eight-weeks.toml");
    write(home / "log.toml", original);
    const Result r = run_within(home, log_walk, with_faults("write:.log.toml.anklog-*:zero"));
    CHECK(r.exit_code == 2);
    CHECK(r.err == "anklog: error: log.toml: cannot write the log: the file system accepted no data\n"
                   "  help: check the disk and try again; your log has not been changed\n");
    CHECK(read(home / "log.toml") == original);
    CHECK(names_in(home.path()) == std::vector<std::string>{"log.toml"});
}

TEST_CASE("SIGINT or SIGTERM during a stuck write ends anklog - the log untouched - no temporary file") {
    for (const int signal : {SIGINT, SIGTERM}) {
        CAPTURE(signal);
        ScratchDir home;
        const std::string original = example("beginner-eight-weeks.toml");
        write(home / "log.toml", original);
        const int pid = start(home, log_walk, with_faults("write:.log.toml.anklog-*:block"));
        CHECK(wait_until([&] { return has_temp_file(home.path()); }, std::chrono::seconds(10)));
        ::kill(pid, signal);
        // Ctrl-C or `timeout` must be able to stop it; SIGKILL is the test's last resort.
        if (!wait_until([pid] { return ended(pid); }, std::chrono::seconds(10))) ::kill(pid, SIGKILL);
        const Result r = finish(pid, home);
        CHECK(r.exit_code == 128 + signal);
        CHECK(r.out == "");
        CHECK(read(home / "log.toml") == original);
        CHECK(names_in(home.path()) == std::vector<std::string>{"log.toml"});
    }
}

TEST_CASE("temporary files left by a killed anklog are removed by the next write") {
    ScratchDir home;
    write(home / "log.toml", example("beginner-eight-weeks.toml"));
    write(home / ".log.toml.anklog-Ab12Cd", "half of a log");
    write(home / ".log.toml.anklog-zZ9y8X", "");
    write(home / "log.toml.anklog-notes", "not a temporary file of anklog's\n");
    const Result r = run(home, {"-f", "log.toml", "-q", "log", "walk", "-m", "10", "--date", "2026-11-18"});
    CHECK(r.exit_code == 0);
    // The undo record is no temporary file: the write just made it.
    CHECK(names_in(home.path()) ==
          std::vector<std::string>{".log.toml.anklog-undo", "log.toml", "log.toml.anklog-notes"});
}

TEST_CASE("a failing fsync of the folder - the command succeeds and warns it may not survive a power cut") {
    ScratchDir home;
    fs::create_directory(home / "data");
    const Options failing_sync = with_faults("fsync:data:EIO");
    const Result logged = run(home, {"-f", "data/log.toml", "log", "walk", "-m", "10", "--date", "2026-11-18"},
                              failing_sync);
    CHECK(logged.exit_code == 0);
    CHECK(logged.out.rfind("appended to data/log.toml:", 0) == 0);
    CHECK(logged.err == "anklog: warning: data/log.toml: the session is in the log but may not survive a power cut: "
                        "cannot flush the folder to disk (Input/output error)\n"
                        "anklog: note: there was no log at data/log.toml: started a new one\n");
    CHECK(read(home / "data/log.toml").find("minutes = 10") != std::string::npos);

    const Result init = run(home, {"-f", "data/log.toml", "-q", "init", "--force"}, failing_sync);
    CHECK(init.exit_code == 0);
    CHECK(init.err == "anklog: warning: data/log.toml: the new log is in place but may not survive a power cut: "
                      "cannot flush the folder to disk (Input/output error)\n");
    CHECK(names_in(home / "data") == std::vector<std::string>{".log.toml.anklog-undo", "log.toml", "log.toml.~1~"});
}
