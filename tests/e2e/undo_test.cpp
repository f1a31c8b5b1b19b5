// anklog undo: the log becomes byte for byte what it was before anklog's last
// write, or nothing changes.
#include <doctest/doctest.h>

#include <set>

#include "anklog/log.hpp"
#include "anklog/log_parser.hpp"
#include "faults.hpp"
#include "terminal.hpp"

using namespace e2e;

namespace {

const std::vector<std::string> walk_args{"-f", "log.toml", "log", "walk", "-w", "1kg", "-m", "12", "--date",
                                         "2026-11-18", "--note", "oops"};

const std::string appended_walk =
    "[[session]]\n"
    "date = 2026-11-18\n"
    "activity = \"walk\"\n"
    "on = \"ankle\"\n"
    "weight = \"1 kg\"\n"
    "minutes = 12\n"
    "note = \"oops\"\n";

const std::vector<std::string> undo_yes{"-f", "log.toml", "undo", "--yes"};

}  // namespace

TEST_CASE("undo after log - shows what it removes / the log is byte for byte as before / then nothing to undo") {
    ScratchDir home;
    const std::string before = example("beginner-eight-weeks.toml");
    write(home / "log.toml", before);
    REQUIRE(run(home, walk_args).exit_code == 0);
    CHECK(mode_of(home / ".log.toml.anklog-undo") == 0600);

    const Result r = run(home, undo_yes);
    CHECK(r.exit_code == 0);
    CHECK(r.err == "");
    CHECK(r.out == "The last change anklog made to log.toml was 'anklog log', which appended what undo removes:\n"
                   "\n" + appended_walk + "\n"
                   "undone: log.toml is as it was before 'anklog log'\n");
    CHECK(read(home / "log.toml") == before);
    CHECK(names_in(home.path()) == std::vector<std::string>{".log.toml.anklog-undo", "log.toml"});

    const Result again = run(home, undo_yes);
    CHECK(again.exit_code == 2);
    CHECK(again.out == "");
    CHECK(again.err == "anklog: error: log.toml: nothing to undo: anklog's last change to it ('anklog log') is "
                       "already undone\n"
                       "  help: undo reverts only the last change; to change anything else, use 'anklog edit'\n");
    CHECK(read(home / "log.toml") == before);
}

TEST_CASE("undo -q says nothing but errors / reverts only the last of several writes") {
    ScratchDir home;
    write(home / "log.toml", example("knee-rehab.toml"));
    REQUIRE(run(home, {"-f", "log.toml", "-q", "log", "walk", "-m", "5", "--date", "2026-11-17"}).exit_code == 0);
    const std::string after_first = read(home / "log.toml");
    REQUIRE(run(home, walk_args).exit_code == 0);
    const Result r = run(home, {"-f", "log.toml", "-q", "undo", "-y"});
    CHECK(r.exit_code == 0);
    CHECK(r.out == "");
    CHECK(r.err == "");
    CHECK(read(home / "log.toml") == after_first);
}

TEST_CASE("undo on a terminal asks first - y reverts / n, an empty line or end of input keep the log") {
    ScratchDir home;
    const std::string before = example("beginner-eight-weeks.toml");
    const std::string question = "The last change anklog made to log.toml was 'anklog log', which appended what "
                                 "undo removes:\n\n" + appended_walk + "\nUndo it? [y/N] ";
    for (const std::string answer : {"n", "", "no thanks"}) {
        CAPTURE(answer);
        write(home / "log.toml", before);
        REQUIRE(run(home, walk_args).exit_code == 0);
        const std::string logged = read(home / "log.toml");
        const Result r = run(home, {"-f", "log.toml", "undo"}, on_terminal({answer}));
        CHECK(r.exit_code == 0);
        CHECK(r.out == question + answer + "\nnot undone: log.toml has not been changed\n");
        CHECK(read(home / "log.toml") == logged);
    }
    const Result yes = run(home, {"-f", "log.toml", "undo"}, on_terminal({"y"}));
    CHECK(yes.exit_code == 0);
    CHECK(yes.out == question + "y\nundone: log.toml is as it was before 'anklog log'\n");
    CHECK(read(home / "log.toml") == before);
}

TEST_CASE("undo without a terminal and without --yes - exit 2, nothing changed") {
    ScratchDir home;
    write(home / "log.toml", example("beginner-eight-weeks.toml"));
    REQUIRE(run(home, walk_args).exit_code == 0);
    const auto files = contents_of(home.path());
    const Result r = run(home, {"-f", "log.toml", "undo"});
    CHECK(r.exit_code == 2);
    CHECK(r.out == "");
    CHECK(r.err == "anklog: error: undo asks before it changes the log, and there is no terminal to ask on\n"
                   "  help: run 'anklog undo --yes' to revert without asking; the log has not been changed\n");
    CHECK(contents_of(home.path()) == files);
}

TEST_CASE("undo refuses when the log changed otherwise since - a hand edit / another tool's append") {
    ScratchDir home;
    write(home / "log.toml", example("beginner-eight-weeks.toml"));
    REQUIRE(run(home, walk_args).exit_code == 0);
    for (const std::string& change : {std::string("# a note of mine\n"), std::string("\n")}) {
        CAPTURE(change);
        const std::string edited = read(home / "log.toml") + change;
        write(home / "log.toml", edited);
        const Result r = run(home, undo_yes);
        CHECK(r.exit_code == 2);
        CHECK(r.err == "anklog: error: log.toml: the log has changed since anklog's last write to it ('anklog log'), "
                       "so undo cannot tell what to revert\n"
                       "  help: undo reverts only anklog's own last write; make the change by hand with 'anklog "
                       "edit'; the log has not been changed\n");
        CHECK(read(home / "log.toml") == edited);
    }
}

TEST_CASE("nothing to undo - a log anklog never wrote / a missing log") {
    ScratchDir home;
    write(home / "log.toml", example("beginner-eight-weeks.toml"));
    const Result r = run(home, undo_yes);
    CHECK(r.exit_code == 2);
    CHECK(r.err == "anklog: error: log.toml: nothing to undo: anklog has no record of a change to this log\n"
                   "  help: undo reverts anklog's last write to the log (log, done, plan --save, profile, edit, "
                   "init); to change anything else, use 'anklog edit'\n");
    const Result missing = run(home, {"-f", "none.toml", "undo", "--yes"});
    CHECK(missing.exit_code == 2);
    CHECK(missing.err == "anklog: error: none.toml: nothing to undo: anklog has no record of a change to this log\n"
                         "  help: undo reverts anklog's last write to the log (log, done, plan --save, profile, "
                         "edit, init); to change anything else, use 'anklog edit'\n");
}

TEST_CASE("undo after the first log created the log - the log is removed again") {
    ScratchDir home;
    REQUIRE(run(home, walk_args).exit_code == 0);
    const std::string created = read(home / "log.toml");
    const Result r = run(home, undo_yes);
    CHECK(r.exit_code == 0);
    CHECK(r.out == "The last change anklog made to log.toml was 'anklog log', which created it. Undo removes the "
                   "log:\n\n" + created + "\nundone: log.toml is removed, as it was before 'anklog log'\n");
    CHECK(names_in(home.path()) == std::vector<std::string>{".log.toml.anklog-undo"});
    const Result again = run(home, undo_yes);
    CHECK(again.exit_code == 2);
    CHECK(again.err.find("is already undone") != std::string::npos);
}

TEST_CASE("undo after init --force - the old log comes back from its backup / the undone one is kept too") {
    ScratchDir home;
    const std::string before = example("beginner-eight-weeks.toml");
    write(home / "log.toml", before);
    REQUIRE(run(home, {"-f", "log.toml", "-q", "init", "--force", "--weights", "1kg"}).exit_code == 0);
    const std::string fresh = read(home / "log.toml");
    const Result r = run(home, undo_yes);
    CHECK(r.exit_code == 0);
    CHECK(r.out.rfind("The last change anklog made to log.toml was 'anklog init --force'. Undo changes back (- now, "
                      "+ after undo):\n\nline 1:\n",
                      0) == 0);
    CHECK(r.out.ends_with("\nundone: log.toml is as it was before 'anklog init --force' (the undone version is kept "
                          "in log.toml.~2~)\n"));
    CHECK(read(home / "log.toml") == before);
    CHECK(read(home / "log.toml.~1~") == before);
    CHECK(read(home / "log.toml.~2~") == fresh);
}

TEST_CASE("undo refuses when the backup it needs is gone or changed") {
    ScratchDir home;
    write(home / "log.toml", example("beginner-eight-weeks.toml"));
    REQUIRE(run(home, {"-f", "log.toml", "-q", "init", "--force"}).exit_code == 0);
    const std::string fresh = read(home / "log.toml");
    write(home / "log.toml.~1~", "tampered\n");
    const Result changed = run(home, undo_yes);
    CHECK(changed.exit_code == 2);
    CHECK(changed.err == "anklog: error: log.toml: the backup log.toml.~1~ that holds the log before 'anklog init "
                         "--force' is no longer as anklog kept it\n"
                         "  help: make the change by hand with 'anklog edit'; the log has not been changed\n");
    fs::remove(home / "log.toml.~1~");
    const Result gone = run(home, undo_yes);
    CHECK(gone.exit_code == 2);
    CHECK(gone.err.rfind("anklog: error: log.toml: the backup log.toml.~1~ that holds the log before 'anklog init "
                         "--force' is gone\n",
                         0) == 0);
    CHECK(read(home / "log.toml") == fresh);
}

TEST_CASE("a damaged undo record is refused, never trusted") {
    ScratchDir home;
    write(home / "log.toml", example("beginner-eight-weeks.toml"));
    REQUIRE(run(home, walk_args).exit_code == 0);
    const std::string logged = read(home / "log.toml");
    write(home / ".log.toml.anklog-undo", "anklog undo record 1\nchange appended\n");
    const Result r = run(home, undo_yes);
    CHECK(r.exit_code == 2);
    CHECK(r.err == "anklog: error: .log.toml.anklog-undo: this is not an undo record anklog wrote, so undo cannot "
                   "tell what to revert\n"
                   "  help: remove it, and correct the log by hand with 'anklog edit'\n");
    CHECK(read(home / "log.toml") == logged);
}

TEST_CASE("undo fails cleanly - a full disk / a read-only folder: exit 2, the log and the record as they were") {
    ScratchDir home;
    const std::string before = example("beginner-eight-weeks.toml");
    write(home / "log.toml", before);
    REQUIRE(run(home, walk_args).exit_code == 0);
    const auto files = contents_of(home.path());
    const Result full = run(home, undo_yes, with_faults("write:.log.toml.anklog-*:ENOSPC"));
    CHECK(full.exit_code == 2);
    CHECK(full.err.ends_with("anklog: error: log.toml: cannot write the log: the disk is full\n"
                             "  help: free some space and try again; your log has not been changed\n"));
    CHECK(contents_of(home.path()) == files);
    // The undo record is written before the log is replaced: a full disk then fails the whole undo.
    const Result record_full = run(home, undo_yes, with_faults("write:.log.toml.anklog-undo.*:ENOSPC"));
    CHECK(record_full.exit_code == 2);
    CHECK(record_full.err.ends_with("anklog: error: log.toml: cannot write the undo record .log.toml.anklog-undo: the "
                                    "disk is full\n"
                                    "  help: free some space and try again; your log has not been changed\n"));
    CHECK(contents_of(home.path()) == files);
    CHECK(names_in(home.path()) == std::vector<std::string>{".log.toml.anklog-undo", "log.toml"});

    if (is_root()) {
        // A read-only folder for nobody, whose log it is.
        fs::permissions(home.path(), fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                         fs::perms::others_read | fs::perms::others_exec);
        REQUIRE(chown_to(home / "log.toml", nobody));
        REQUIRE(chown_to(home / ".log.toml.anklog-undo", nobody));
        Options as_nobody;
        as_nobody.prefix = as_user(nobody);
        const Result read_only = run(home, undo_yes, as_nobody);
        CHECK(read_only.exit_code == 2);
        CHECK(read_only.err.ends_with("anklog: error: log.toml: cannot write the log: permission denied\n"
                                      "  help: anklog writes a temporary file beside the log: make the folder "
                                      "writable; the log has not been changed\n"));
        CHECK(contents_of(home.path()) == files);
    }
    // And undo still works afterwards.
    const Result r = run(home, undo_yes);
    CHECK(r.exit_code == 0);
    CHECK(read(home / "log.toml") == before);
}

TEST_CASE("a write whose undo record cannot be put in place - the change stands, with a warning / undo refuses") {
    ScratchDir home;
    write(home / "log.toml", example("beginner-eight-weeks.toml"));
    const Result r = run(home, walk_args, with_faults("rename:.log.toml.anklog-undo:EIO"));
    CHECK(r.exit_code == 0);
    CHECK(r.err == "anklog: warning: log.toml: cannot keep the undo record .log.toml.anklog-undo (Input/output "
                   "error): 'anklog undo' cannot revert this change\n");
    CHECK(read(home / "log.toml").ends_with(appended_walk));
    CHECK(names_in(home.path()) == std::vector<std::string>{"log.toml"});
    CHECK(run(home, undo_yes).err.find("nothing to undo") != std::string::npos);
}

TEST_CASE("undo among concurrent writers - every other write lands / undo reverts exactly one write or refuses") {
    ScratchDir home;
    const std::string before = example("beginner-eight-weeks.toml");
    write(home / "log.toml", before);
    Options patient;
    patient.env = {{"ANKLOG_LOCK_TIMEOUT", "60"}};
    std::vector<int> writers;
    int undo = 0;
    for (int i = 0; i < 12; ++i) {
        if (i == 6) undo = start(home, undo_yes, patient);
        writers.push_back(start(home, {"-f", "log.toml", "-q", "log", "walk", "-m", std::to_string(10 + i), "--date",
                                       "2026-11-18", "--note", "writer " + std::to_string(i)},
                                patient));
    }
    for (const int pid : writers) CHECK(finish(pid, home).exit_code == 0);
    const Result undone = finish(undo, home);
    const anklog::Log log = anklog::parse_log(read(home / "log.toml"), "log.toml");
    std::multiset<std::string> notes;
    for (const auto& session : log.sessions) notes.insert(session.note);
    int landed = 0;
    for (int i = 0; i < 12; ++i) {
        const std::string note = "writer " + std::to_string(i);
        const bool removed = undone.exit_code == 0 && undone.out.find("\"" + note + "\"") != std::string::npos;
        CHECK(notes.count(note) == (removed ? 0u : 1u));
        landed += notes.count(note) == 1 ? 1 : 0;
    }
    if (undone.exit_code == 0) {
        CHECK(landed == 11);
    } else {
        // Refused: the log changed between reading the record and taking the lock, or nothing was written yet.
        CHECK(undone.exit_code == 2);
        CHECK(landed == 12);
    }
    CHECK(read(home / "log.toml").rfind(before, 0) == 0);
}

TEST_CASE("the undo record outlives failed writes and the clean-up of stale temporary files") {
    ScratchDir home;
    const std::string before = example("beginner-eight-weeks.toml");
    write(home / "log.toml", before);
    REQUIRE(run(home, walk_args).exit_code == 0);
    // Stale temporary files of a killed anklog (the log's and the record's) go; the record stays.
    write(home / ".log.toml.anklog-Ab12Cd", "half a log");
    write(home / ".log.toml.anklog-undo.Xy34Zw", "half a record");
    CHECK(run(home, {"-f", "log.toml", "log", "walk", "-m", "0"}).exit_code == 2);       // refused by the flags
    CHECK(run(home, {"-f", "log.toml", "log", "wlak", "-m", "10"}).exit_code == 2);      // refused under the lock
    CHECK(names_in(home.path()) == std::vector<std::string>{".log.toml.anklog-undo", "log.toml"});
    const Result r = run(home, undo_yes);
    CHECK(r.exit_code == 0);
    CHECK(read(home / "log.toml") == before);
}

namespace {

// Whether `pid` has stopped (SIGSTOP), without collecting it.
bool stopped(int pid) {
    siginfo_t info{};
    return ::waitid(P_PID, static_cast<id_t>(pid), &info, WSTOPPED | WNOHANG | WNOWAIT) == 0 && info.si_pid == pid &&
           info.si_code == CLD_STOPPED;
}

const std::vector<std::string> second_walk{"-f", "log.toml", "log", "walk", "-m", "15", "--date", "2026-11-19"};

}  // namespace

TEST_CASE("undo while another anklog writes - undo names that write, and changes nothing") {
    // undo has shown (or, with --yes, chosen) the last write, then waits for
    // the lock; meanwhile another `anklog log` appends. Undo must not blame
    // "a change by other means": it names anklog's own newer write.
    ScratchDir home;
    REQUIRE(run(home, {"-f", "log.toml", "-q", "init"}).exit_code == 0);
    REQUIRE(run(home, walk_args).exit_code == 0);
    const std::string first = read(home / "log.toml");
    const int pid = start(home, undo_yes, with_faults("flock:*:stop"));  // stops before taking the lock
    REQUIRE(wait_until([pid] { return stopped(pid); }, std::chrono::seconds(30)));
    CHECK(run(home, second_walk).exit_code == 0);
    const std::string second = read(home / "log.toml");
    ::kill(pid, SIGCONT);
    const Result r = finish(pid, home);
    CHECK(r.exit_code == 2);
    CHECK(r.err == "anklog: error: log.toml: another anklog command wrote to the log while undo was running: "
                   "'anklog log' (lines 15-18), after 'anklog log' (lines 7-13), the write undo was to revert\n"
                   "  help: run 'anklog undo' again to see and revert the newer write; the log has not been changed\n");
    CHECK(read(home / "log.toml") == second);
    // The newer write is the one undo now reverts.
    CHECK(run(home, {"-f", "log.toml", "-q", "undo", "--yes"}).exit_code == 0);
    CHECK(read(home / "log.toml") == first);
}

TEST_CASE("undo while another anklog writes - a write between reading the record and the log is the one undone") {
    ScratchDir home;
    REQUIRE(run(home, {"-f", "log.toml", "-q", "init"}).exit_code == 0);
    REQUIRE(run(home, walk_args).exit_code == 0);
    const std::string first = read(home / "log.toml");
    // Stops as it reads the undo record, before it reads the log.
    const int pid = start(home, undo_yes, with_faults("read:.log.toml.anklog-undo:stop"));
    REQUIRE(wait_until([pid] { return stopped(pid); }, std::chrono::seconds(30)));
    CHECK(run(home, second_walk).exit_code == 0);
    ::kill(pid, SIGCONT);
    const Result r = finish(pid, home);
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK(r.out.find("minutes = 15") != std::string::npos);
    CHECK(read(home / "log.toml") == first);
}
