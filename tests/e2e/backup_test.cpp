// init --force keeps every earlier log as a numbered backup (FILE.~N~), never
// overwrites one, and a failed replacement leaves every file as it was.
#include <doctest/doctest.h>

#include <set>

#include "anklog/log.hpp"
#include "anklog/log_parser.hpp"
#include "faults.hpp"

using namespace e2e;

namespace {

Result log_walk(const ScratchDir& home, const std::string& minutes) {
    return run(home, {"-f", "log.toml", "-q", "log", "walk", "-m", minutes, "--date", "2026-11-18"});
}

}  // namespace

TEST_CASE("init --force twice keeps both earlier logs - log.toml.~1~ and log.toml.~2~") {
    ScratchDir home;
    REQUIRE(run(home, {"-f", "log.toml", "-q", "init"}).exit_code == 0);
    for (const char* minutes : {"11", "12", "13"}) REQUIRE(log_walk(home, minutes).exit_code == 0);
    const std::string three_sessions = read(home / "log.toml");

    const Result first = run(home, {"-f", "log.toml", "init", "--force", "--weights", "1kg"});
    CHECK(first.exit_code == 0);
    CHECK(first.out.rfind("replaced log.toml (the old log is in log.toml.~1~)\n", 0) == 0);
    const std::string first_profile = read(home / "log.toml");
    const Result second = run(home, {"-f", "log.toml", "init", "--force", "--weights", "2kg"});
    CHECK(second.exit_code == 0);
    CHECK(second.out.rfind("replaced log.toml (the old log is in log.toml.~2~)\n", 0) == 0);

    CHECK(read(home / "log.toml.~1~") == three_sessions);
    CHECK(read(home / "log.toml.~2~") == first_profile);
    CHECK(read(home / "log.toml").find("weights = [\"2 kg\"]") != std::string::npos);
    CHECK(names_in(home.path()) ==
          std::vector<std::string>{".log.toml.anklog-undo", "log.toml", "log.toml.~1~", "log.toml.~2~"});
}

TEST_CASE("the next backup number follows the highest there - no existing file is touched") {
    ScratchDir home;
    const std::string original = example("beginner-eight-weeks.toml");
    write(home / "log.toml", original);
    write(home / "log.toml.~3~", "three\n");
    write(home / "log.toml.~10~", "ten\n");
    write(home / "log.toml.~x~", "not a numbered backup\n");
    fs::permissions(home / "log.toml", fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
    const Result r = run(home, {"-f", "log.toml", "init", "--force"});
    CHECK(r.exit_code == 0);
    CHECK(r.out.rfind("replaced log.toml (the old log is in log.toml.~11~)\n", 0) == 0);
    CHECK(read(home / "log.toml.~11~") == original);
    CHECK(mode_of(home / "log.toml.~11~") == 0640);  // the backup is the old file itself
    CHECK(read(home / "log.toml.~3~") == "three\n");
    CHECK(read(home / "log.toml.~10~") == "ten\n");
    CHECK(read(home / "log.toml.~x~") == "not a numbered backup\n");
}

TEST_CASE("without hard links the backup is a copy - with the old log's mode") {
    ScratchDir home;
    const std::string original = example("beginner-eight-weeks.toml");
    write(home / "log.toml", original);
    fs::permissions(home / "log.toml", fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
    const Result r = run(home, {"-f", "log.toml", "init", "--force"}, with_faults("link:log.toml.~*~:EPERM"));
    CHECK(r.exit_code == 0);
    CHECK(r.err == "");
    CHECK(r.out.rfind("replaced log.toml (the old log is in log.toml.~1~)\n", 0) == 0);
    CHECK(read(home / "log.toml.~1~") == original);
    CHECK(mode_of(home / "log.toml.~1~") == 0640);
    CHECK(names_in(home.path()) == std::vector<std::string>{".log.toml.anklog-undo", "log.toml", "log.toml.~1~"});
}

TEST_CASE("a failed init --force changes no file and creates none") {
    const std::vector<std::pair<std::string, std::string>> failures{
        // The replacement's rename fails after the backup was linked.
        {"rename:log.toml:EIO",
         "anklog: error: log.toml: cannot replace the log: Input/output error\n"
         "  help: check the folder's permissions; your log has not been changed\n"},
        // The disk is full while the new log is written.
        {"write:.log.toml.anklog-*:ENOSPC",
         "anklog: error: log.toml: cannot write the log: the disk is full\n"
         "  help: free some space and try again; your log has not been changed\n"},
        // No hard links here, and the disk fills up while the backup is copied.
        {"link:log.toml.~*~:EPERM;write:log.toml.~*~:ENOSPC",
         "anklog: error: log.toml: cannot write the backup log.toml.~2~: the disk is full\n"
         "  help: free some space and try again; your log has not been changed\n"},
    };
    for (const auto& [faults, expected] : failures) {
        CAPTURE(faults);
        ScratchDir home;
        write(home / "log.toml", example("beginner-eight-weeks.toml"));
        write(home / "log.toml.~1~", "an earlier log\n");
        const auto before = contents_of(home.path());
        const Result r = run(home, {"-f", "log.toml", "init", "--force"}, with_faults(faults));
        CHECK(r.exit_code == 2);
        CHECK(r.err == expected);
        CHECK(contents_of(home.path()) == before);
        CHECK(names_in(home.path()) == std::vector<std::string>{"log.toml", "log.toml.~1~"});
    }
}

TEST_CASE("a symlinked log - the backup is beside the real file and the message names it") {
    ScratchDir home;
    fs::create_directory(home / "sync");
    const std::string original = example("beginner-eight-weeks.toml");
    write(home / "sync/real.toml", original);
    fs::create_symlink("sync/real.toml", home / "log.toml");
    const Result r = run(home, {"-f", "log.toml", "init", "--force"});
    CHECK(r.exit_code == 0);
    CHECK(r.out.rfind("replaced log.toml (the old log is in sync/real.toml.~1~)\n", 0) == 0);
    CHECK(read(home / "sync/real.toml.~1~") == original);
    CHECK(fs::is_symlink(home / "log.toml"));
    // The undo record is beside the real file too.
    CHECK(names_in(home / "sync") == std::vector<std::string>{".real.toml.anklog-undo", "real.toml", "real.toml.~1~"});
}

TEST_CASE("init --force refuses to replace a file that is not an anklog log") {
    ScratchDir home;
    write(home / "notes.txt", "Shopping: milk, eggs\n");
    const Result r = run(home, {"-f", "notes.txt", "init", "--force"});
    CHECK(r.exit_code == 2);
    CHECK(r.err.rfind("anklog: error: notes.txt: init --force replaces only an anklog log, and this file is not one "
                      "(line 1: ",
                      0) == 0);
    CHECK(r.err.find("\n  help: move the file away, or choose another file with -f FILE; it has not been changed\n") !=
          std::string::npos);
    CHECK(read(home / "notes.txt") == "Shopping: milk, eggs\n");
    CHECK(names_in(home.path()) == std::vector<std::string>{"notes.txt"});
}

TEST_CASE("100 concurrent log calls and 2 init --force - every session reported appended is in the log or a backup") {
    ScratchDir home;
    const std::string original = example("beginner-eight-weeks.toml");
    write(home / "log.toml", original);
    Options patient;
    patient.env = {{"ANKLOG_LOCK_TIMEOUT", "300"}};
    std::vector<int> writers;
    std::vector<int> inits;
    for (int i = 0; i < 100; ++i) {
        if (i == 30 || i == 70) inits.push_back(start(home, {"-f", "log.toml", "-q", "init", "--force"}, patient));
        writers.push_back(start(home,
                                {"-f", "log.toml", "-q", "log", "walk", "-m", std::to_string(10 + i % 50), "--date",
                                 "2026-11-18", "--note", "writer " + std::to_string(i), "--duplicate"},
                                patient));
    }
    std::vector<int> appended;
    for (std::size_t i = 0; i < writers.size(); ++i) {
        const Result r = finish(writers[i], home);
        CHECK(r.exit_code == 0);
        if (r.exit_code == 0) appended.push_back(static_cast<int>(i));
    }
    for (const int pid : inits) CHECK(finish(pid, home).exit_code == 0);

    std::set<std::string> notes;
    bool original_kept = false;
    for (const auto& [name, text] : contents_of(home.path())) {
        CAPTURE(name);
        CHECK((name == "log.toml" || name.rfind("log.toml.~", 0) == 0 || name == ".log.toml.anklog-undo"));  // no temporary file left
        if (name == ".log.toml.anklog-undo") continue;
        original_kept = original_kept || text.rfind(original, 0) == 0;
        for (const anklog::Session& session : anklog::parse_log(text, name).sessions) notes.insert(session.note);
    }
    CHECK(original_kept);
    CHECK(names_in(home.path()) ==
          std::vector<std::string>{".log.toml.anklog-undo", "log.toml", "log.toml.~1~", "log.toml.~2~"});
    for (const int i : appended) {
        CAPTURE(i);
        CHECK(notes.count("writer " + std::to_string(i)) == 1);
    }
}
