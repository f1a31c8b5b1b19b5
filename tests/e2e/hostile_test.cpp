// Hostile input: each is a clear error or handled correctly, never a crash,
// a hang or lost data.
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include "harness.hpp"

using namespace e2e;

namespace {

std::string sessions(int count, const std::string& note = "") {
    std::string text = "version = 1\n";
    for (int i = 0; i < count; ++i) {
        text += "\n[[session]]\ndate = 2026-" + std::string(i % 12 < 9 ? "0" : "") + std::to_string(i % 12 + 1) + "-" +
                std::to_string(10 + i % 18) + "\nactivity = \"walk\"\nweight = \"0.5 kg\"\nminutes = " +
                std::to_string(10 + i % 20) + "\n";
        if (!note.empty()) text += "note = \"" + note + "\"\n";
    }
    return text;
}

}  // namespace

TEST_CASE("a log locked by another process: wait, then a clear error - the log unchanged") {
    ScratchDir home;
    const std::string original = example("beginner-eight-weeks.toml");
    write(home / "log.toml", original);
    const int folder = ::open(home.path().c_str(), O_RDONLY | O_DIRECTORY);
    REQUIRE(folder >= 0);
    REQUIRE(::flock(folder, LOCK_EX) == 0);  // what a writing anklog holds
    Options quick;
    quick.env = {{"ANKLOG_LOCK_TIMEOUT", "0.3"}};
    const Result locked = run(home, {"-f", "log.toml", "log", "walk", "-m", "10", "--date", "2026-11-18"}, quick);
    CHECK(locked.exit_code == 2);
    // Any process may hold the lock (a backup tool, an editor): the message must not blame anklog.
    CHECK(locked.err == "anklog: error: log.toml: another process holds the lock on the folder " +
                            fs::canonical(home.path()).string() +
                            "\n  help: anklog locks the log's folder while it writes: wait for that process to "
                            "finish and try again; the log has not been changed\n");
    CHECK(read(home / "log.toml") == original);
    ::close(folder);  // releases the lock
    CHECK(run(home, {"-f", "log.toml", "-q", "log", "walk", "-m", "10", "--date", "2026-11-18"}, quick).exit_code == 0);
    Options bad;
    bad.env = {{"ANKLOG_LOCK_TIMEOUT", "soon"}};
    const Result r = run(home, {"-f", "log.toml", "history"}, bad);
    CHECK(r.exit_code == 2);
    CHECK(r.err == "anklog: error: ANKLOG_LOCK_TIMEOUT: \"soon\" is not a number of seconds from 0 to 3600\n"
                   "  help: unset it for the default of 10 seconds\n");
}

TEST_CASE("huge - negative - nan and inf numbers are located errors") {
    ScratchDir home;
    const std::vector<std::pair<std::string, std::string>> cases{
        {"weight = 1e308", "log.toml:5:10: weight 1e+308 kg is out of range"},
        {"weight = inf", "log.toml:5:10: 'weight' must be a weight of 0 or more"},
        {"weight = -inf", "log.toml:5:10: 'weight' must be a weight of 0 or more"},
        {"weight = \"99999999999999999999999999 kg\"", "log.toml:5:10: weight 1e+26 kg is out of range"},
        {"minutes = inf", "log.toml:4:11: 'minutes' must be a whole number, not a number"},
        {"effort = -9223372036854775808", "log.toml:5:10: effort -9223372036854775808 is out of range"},
    };
    for (const auto& [line, expected] : cases) {
        CAPTURE(line);
        const std::string text = "[[session]]\ndate = 2026-11-18\nactivity = \"walk\"\n" +
                                 std::string(line.rfind("minutes", 0) == 0 ? "" : "minutes = 10\n") + line + "\n";
        write(home / "log.toml", text);
        const Result r = run(home, {"check", "log.toml"});
        CHECK(r.exit_code == 2);
        CHECK(r.err.rfind("anklog: error: " + expected + "\n", 0) == 0);
    }
}

TEST_CASE("deep nesting - invalid UTF-8 - a file that is not a log: located errors, no crash") {
    ScratchDir home;
    // Each text and the start of what anklog says: a located error, or (for a
    // byte-order mark, which TOML allows) a clean check.
    const std::vector<std::pair<std::string, std::string>> texts{
        {"x = " + std::string(100000, '[') + std::string(100000, ']') + "\n",
         "anklog: error: log.toml:1:261: Error while parsing value: exceeded maximum nested value depth of 256"},
        {"x = " + [] {
            std::string s;
            for (int i = 0; i < 20000; ++i) s += "{a = ";
            s += "1";
            for (int i = 0; i < 20000; ++i) s += "}";
            return s;
        }() + "\n",
         "anklog: error: log.toml:1:1285: Error while parsing value: exceeded maximum nested value depth of 256"},
        {"[" + [] {
            std::string s = "a";
            for (int i = 0; i < 20000; ++i) s += ".a";
            return s;
        }() + "]\n",
         "anklog: error: log.toml:1:1: a key with 20001 dotted parts; anklog reads keys of at most 1000 parts"},
        {"[[session]]\ndate = 2026-11-18\nactivity = \"walk\"\nminutes = 10\nnote = \"caf\xe9\"\n",
         "anklog: error: log.toml:5:11: Encountered invalid utf-8 sequence"},
        {std::string("\xef\xbb\xbf") + "version = 1\n", ""},
        {std::string("version = 1\n\0\n", 14),
         "anklog: error: log.toml:2:1: Error while parsing root table: expected keys, tables, whitespace or comments, "
         "saw '\\u0000'"},
    };
    for (const auto& [text, error] : texts) {
        CAPTURE(text.substr(0, 40));
        write(home / "log.toml", text);
        const Result r = run(home, {"check", "log.toml"});
        CHECK(r.exit_code == (error.empty() ? 0 : 2));
        CHECK(r.err.substr(0, error.size()) == error);
    }
}

TEST_CASE("keys of 40,000 dotted parts (which overflow toml++'s stack) are refused, located, by every command") {
    ScratchDir home;
    std::string key = "a";
    for (int i = 1; i < 40000; ++i) key += ".a";
    write(home / "dotted.toml", "version = 1\n" + key + " = 1\n");
    write(home / "header.toml", "[" + key + "]\n");
    write(home / "array.toml", "[[" + key + "]]\n");
    for (const char* file : {"dotted.toml", "header.toml", "array.toml"}) {
        CAPTURE(file);
        for (const std::vector<std::string>& args :
             std::vector<std::vector<std::string>>{{"history"}, {"check"}, {"plan"}, {"log", "walk", "-m", "5"}}) {
            std::vector<std::string> full{"-f", file};
            full.insert(full.end(), args.begin(), args.end());
            const Result r = run(home, full);
            CHECK(r.exit_code == 2);
            CHECK(r.err == fmt::format("anklog: error: {}:{}:1: a key with 40000 dotted parts; anklog reads keys of "
                                       "at most 1000 parts\n  help: a log needs only short keys like `minutes` or "
                                       "`[profile]`; remove or shorten this one\n",
                                       file, std::string(file) == "dotted.toml" ? 2 : 1));
        }
    }
}

TEST_CASE("a 10 MB note - a 100k-line log - CRLF line ends: all handled") {
    ScratchDir home;
    const std::string big_note(10 * 1024 * 1024, 'x');
    const std::string text = "[[session]]\ndate = 2026-11-02\nactivity = \"walk\"\nminutes = 10\nnote = \"" + big_note + "\"\n";
    write(home / "note.toml", text);
    CHECK(run(home, {"check", "note.toml"}).out == "note.toml: 1 session checked: nothing to flag\n");
    CHECK(run(home, {"-f", "note.toml", "-q", "log", "walk", "-m", "10", "--date", "2026-11-04"}).exit_code == 0);
    CHECK(read(home / "note.toml").substr(0, text.size()) == text);

    write(home / "long.toml", sessions(20000));  // about 100,000 lines
    const Result long_log = run(home, {"check", "long.toml", "--format", "json"});
    CHECK(long_log.exit_code == 1);  // 20,000 weighted walks within a year are flagged
    CHECK(json_of(long_log.out)["summary"]["sessions"] == 20000);

    std::string crlf;
    for (const char c : example("beginner-eight-weeks.toml")) {
        if (c == '\n') crlf += '\r';
        crlf += c;
    }
    write(home / "crlf.toml", crlf);
    CHECK(run(home, {"check", "crlf.toml"}).out == "crlf.toml: 36 sessions checked: nothing to flag\n");
    CHECK(run(home, {"-f", "crlf.toml", "history", "--format", "csv"}).out.size() > 1000);
}

TEST_CASE("dates at the ends of the calendar") {
    ScratchDir home;
    write(home / "log.toml",
          "[[session]]\ndate = 0001-01-01\nactivity = \"walk\"\nweight = \"1 kg\"\nminutes = 10\n"
          "[[session]]\ndate = 9999-12-30\nactivity = \"walk\"\nweight = \"1 kg\"\nminutes = 10\n");
    const Result check = run(home, {"check", "log.toml"});
    CHECK(check.exit_code == 1);  // back after a very long break at the full load
    CHECK(check.out.find("warning[return-after-break]") != std::string::npos);
    const Result plan = run(home, {"-f", "log.toml", "plan", "--week-of", "9999-12-31"});
    CHECK(plan.exit_code == 2);  // that week is already logged
}

TEST_CASE("an unreadable log: exit 2 - a clear message") {
    ScratchDir home;
    write(home / "log.toml", example("beginner-eight-weeks.toml"));
    fs::permissions(home / "log.toml", fs::perms::owner_read | fs::perms::owner_write);
    Options options;
    if (::geteuid() == 0) {
        options.prefix = {"setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"};
    } else {
        fs::permissions(home / "log.toml", fs::perms::none);
    }
    const Result r = run(home, {"check", (home / "log.toml").string()}, options);
    CHECK(r.exit_code == 2);
    CHECK(r.err == "anklog: error: " + (home / "log.toml").string() +
                       ": cannot open the log: permission denied\n"
                       "  help: check the file's permissions, or choose another log with -f FILE\n");
}
