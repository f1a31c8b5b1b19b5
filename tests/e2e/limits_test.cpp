// A log has a documented maximum size, also when it keeps growing while it
// is read; an error quotes only an excerpt of what it is about.
#include <doctest/doctest.h>
#include <sys/resource.h>

#include "faults.hpp"

using namespace e2e;

namespace {

// Every command that reads the log, as `-f NAME COMMAND...` arguments.
std::vector<std::vector<std::string>> every_command(const std::string& name) {
    return {
        {"-f", name, "history"},
        {"check", name},
        {"-f", name, "plan", "--week-of", "2026-11-23"},
        {"-f", name, "log", "walk", "-m", "10", "--date", "2026-11-18"},
        {"-f", name, "init"},
        {"-f", name, "init", "--force"},
    };
}

}  // namespace

TEST_CASE("a log over 256 MiB is refused with a clear error - also one that keeps growing while it is read") {
    ScratchDir home;
    const std::string too_big = "anklog: error: big.toml: the log is larger than 256 MiB, the most anklog reads\n"
                                "  help: move older sessions into another file (anklog check FILE reads any log)\n";
    write(home / "big.toml", "version = 1\n");
    fs::resize_file(home / "big.toml", 300u << 20);  // sparse: takes no disk space
    for (const auto& args : every_command("big.toml")) {
        CAPTURE(fmt_args(args));
        const Result r = run_within(home, args);
        CHECK(r.exit_code == 2);
        CHECK(r.err == too_big);
    }
    CHECK(fs::file_size(home / "big.toml") == 300u << 20);

    // A file that never ends: reading must stop at the limit, not exhaust memory.
    write(home / "big.toml", "version = 1\n");
    Options endless = with_faults("read:big.toml:endless");
#ifndef ANKLOG_BIN_SANITIZED  // AddressSanitizer (in the binary under test) reserves terabytes of address space
    endless.in_child = [] {
        const rlimit memory{1u << 30, 1u << 30};
        ::setrlimit(RLIMIT_AS, &memory);
    };
#endif
    // Each read 256 MiB: one command of each way in (read_file, read_file_if_exists, the update).
    for (const std::vector<std::string>& args : {std::vector<std::string>{"check", "big.toml"},
                                                {"-f", "big.toml", "plan", "--week-of", "2026-11-23"},
                                                {"-f", "big.toml", "log", "walk", "-m", "10", "--date", "2026-11-18"}}) {
        CAPTURE(fmt_args(args));
        // 256 MiB read under AddressSanitizer on a busy machine can take
        // more than run_within's usual 30 s.
        const Result r = run_within(home, args, endless, std::chrono::seconds(120));
        CHECK(r.exit_code == 2);
        CHECK(r.err == too_big);
    }
    CHECK(read(home / "big.toml") == "version = 1\n");
    CHECK(names_in(home.path()) == std::vector<std::string>{"big.toml"});
}

TEST_CASE("an error quotes only an excerpt - a 2 MB activity name does not flood stderr") {
    ScratchDir home;
    const std::string name(2'000'000, 'x');
    write(home / "log.toml", "[[session]]\ndate = 2026-11-18\nactivity = \"" + name + "\"\nminutes = 10\n");
    const Result r = run(home, {"-f", "log.toml", "history"});
    CHECK(r.exit_code == 2);
    CHECK(r.err.rfind("anklog: error: log.toml:3:12: unknown activity \"xxxxxxxxxx", 0) == 0);
    CHECK(r.err.find("\n  help: ") != std::string::npos);
    CHECK(r.err.size() < 4000);  // a short excerpt, not the 2 MB name (twice)
}

TEST_CASE("out of memory just after a write landed says the change was made - and what - never 'not been changed'") {
    // Memory runs out at the first allocation after the log's rename (as a
    // tight `ulimit -v` does on a big log): exit 2, and the error says what
    // the write did, so that a retry does not log it twice.
    ScratchDir home;
    REQUIRE(run(home, {"-f", "log.toml", "-q", "init"}).exit_code == 0);
    const Options out_of_memory = with_faults("new:log.toml:after-rename");
    const auto fails_after_landing = [&](const std::vector<std::string>& command, const std::string& what) {
        CAPTURE(fmt_args(command));
        const Result r = run(home, args("log.toml", command), out_of_memory);
        CHECK(r.exit_code == 2);
        CHECK(r.err == "anklog: error: out of memory\n"
                       "  help: close other programs, or raise the memory limit (ulimit -v)\n"
                       "  note: the change was made before this error: " + what + "\n");
        CHECK(r.err.find("not been changed") == std::string::npos);
    };
    const std::string empty = read(home / "log.toml");
    fails_after_landing({"log", "walk", "-m", "10", "--date", "2026-11-18"},
                        "the session was appended to log.toml:7; do not log it again");
    const std::string logged = read(home / "log.toml");
    CHECK(logged.substr(empty.size()) == "\n[[session]]\ndate = 2026-11-18\nactivity = \"walk\"\nminutes = 10\n");

    fails_after_landing({"plan", "--save", "--week-of", "2026-11-23"}, "'anklog plan --save' appended to log.toml");
    CHECK(read(home / "log.toml").starts_with(logged));
    CHECK(read(home / "log.toml").find("[[planned]]") != std::string::npos);

    fails_after_landing({"undo", "--yes"}, "'anklog undo' reverted 'anklog plan --save': log.toml is now as it was before it");
    CHECK(read(home / "log.toml") == logged);

    fails_after_landing({"profile", "--name", "Bobby"},
                        "'anklog profile' rewrote log.toml (the log before is kept as log.toml.~1~)");
    CHECK(read(home / "log.toml.~1~") == logged);
    CHECK(read(home / "log.toml").find("name = \"Bobby\"") != std::string::npos);

    // Each change is in the log once.
    const std::string text = read(home / "log.toml");
    CHECK(text.find("[[session]]") == text.rfind("[[session]]"));
    CHECK(text.find("[[planned]]") == std::string::npos);
}
