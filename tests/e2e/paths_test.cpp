// Paths and folders that cannot be used give the real reason and advice,
// never an internal error; an empty -f never selects the default log.
#include <doctest/doctest.h>
#include <unistd.h>

#include "faults.hpp"

using namespace e2e;

namespace {

const std::vector<std::string> walk{"log", "walk", "-m", "10", "--date", "2026-11-18"};

}  // namespace

TEST_CASE("-f \"\" is an error - never the default log") {
    ScratchDir home;
    const fs::path default_log = home / ".local/share/anklog/log.toml";
    fs::create_directories(default_log.parent_path());
    const std::string original = example("beginner-eight-weeks.toml");
    write(default_log, original);
    for (const auto& command : std::vector<std::vector<std::string>>{{"init", "--force"}, walk, {"history"}}) {
        CAPTURE(fmt_args(command));
        const Result r = run(home, args("", command));
        CHECK(r.exit_code == 2);
        CHECK(r.err == "anklog: error: -f: the file name is empty\n"
                       "  help: name the log, e.g. -f log.toml, or leave -f out for the default log\n");
    }
    CHECK(read(default_log) == original);
    CHECK(names_in(default_log.parent_path()) == std::vector<std::string>{"log.toml"});
}

TEST_CASE("a path over PATH_MAX - a folder without permission: the real reason, never an internal error") {
    ScratchDir home;
    std::string deep;
    for (int i = 0; i < 2100; ++i) deep += "a/";
    const std::string too_long = deep + "log.toml";
    for (const auto& command : std::vector<std::vector<std::string>>{walk, {"init"}, {"history"}}) {
        CAPTURE(fmt_args(command));
        const Result r = run(home, args(too_long, command));
        CHECK(r.exit_code == 2);
        CHECK(r.err.find(": the file name or path is too long\n  help: use a shorter path or file name\n") !=
              std::string::npos);
        CHECK(r.err.find("internal error") == std::string::npos);
    }
    CHECK(names_in(home.path()).empty());

    if (!is_root()) return;  // the rest needs a folder the caller cannot enter
    fs::create_directory(home / "private");
    fs::permissions(home / "private", fs::perms::owner_all);
    Options as_nobody;
    as_nobody.prefix = as_user(nobody);
    const std::string file = (home / "private/anklog/log.toml").string();
    const Result write_denied = run(home, args(file, walk), as_nobody);
    CHECK(write_denied.exit_code == 2);
    CHECK(write_denied.err == "anklog: error: " + file + ": cannot reach the log: permission denied\n"
                              "  help: check the path and its folders' permissions\n");
    const Result read_denied = run(home, args(file, {"history"}), as_nobody);
    CHECK(read_denied.exit_code == 2);
    CHECK(read_denied.err == "anklog: error: " + file + ": cannot open the log: permission denied\n"
                             "  help: check the file's permissions, or choose another log with -f FILE\n");
    CHECK(fs::is_empty(home / "private"));
}

TEST_CASE("a log name of 241 to 255 bytes can be written") {
    for (const std::size_t length : {241u, 250u, 255u}) {
        CAPTURE(length);
        ScratchDir home;
        const std::string name = std::string(length - 5, 'n') + ".toml";
        CHECK(run(home, {"-f", name, "-q", "init"}).exit_code == 0);
        CHECK(run(home, args(name, walk)).exit_code == 0);
        CHECK(read(home / name).find("minutes = 10") != std::string::npos);
        // The undo record's name fits as well: past 242 bytes, the name's
        // start and the SHA-256 of the whole.
        const std::vector<std::string> names = names_in(home.path());
        REQUIRE(names.size() == 2);
        CHECK(names[1] == name);
        if (length <= 242) {
            CHECK(names[0] == "." + name + ".anklog-undo");
        } else {
            CHECK(names[0].size() == 255);
            CHECK(names[0].starts_with("." + name.substr(0, 177) + ".anklog-undo-"));
        }
    }
    // Its backup name must fit too: name.~1~ has 4 more bytes.
    ScratchDir home;
    const std::string name = std::string(246, 'n') + ".toml";  // 251 bytes
    write(home / name, "version = 1\n");
    const Result r = run(home, {"-f", name, "init", "--force"});
    CHECK(r.exit_code == 0);
    CHECK(read(home / (name + ".~1~")) == "version = 1\n");
}

TEST_CASE("two logs whose names share their first 242 bytes have undo records of their own") {
    ScratchDir home;
    const std::string stem(245, 'n');  // the names differ only in their 246th byte
    const std::string first = stem + "a.toml";
    const std::string second = stem + "b.toml";
    for (const std::string& name : {first, second}) {
        REQUIRE(run(home, {"-f", name, "-q", "init"}).exit_code == 0);
    }
    const std::string first_before = read(home / first);
    const std::string second_before = read(home / second);
    REQUIRE(run(home, args(first, walk)).exit_code == 0);
    REQUIRE(run(home, args(second, {"log", "walk", "-m", "12", "--date", "2026-11-18"})).exit_code == 0);
    CHECK(names_in(home.path()).size() == 4);  // two logs, two records
    // Undo on the first reverts the first's write, not a refusal about the second's.
    const Result undo_first = run(home, args(first, {"-q", "undo", "--yes"}));
    CHECK(undo_first.exit_code == 0);
    CHECK(undo_first.err.empty());
    CHECK(read(home / first) == first_before);
    CHECK(read(home / second) != second_before);
    const Result undo_second = run(home, args(second, {"-q", "undo", "--yes"}));
    CHECK(undo_second.exit_code == 0);
    CHECK(undo_second.err.empty());
    CHECK(read(home / second) == second_before);
}

// The folder's lock (hostile_test.cpp has a lock held by another process).
TEST_CASE("a folder that is writable but not readable (0333): an exact message - reading still works") {
    ScratchDir home;
    const fs::path folder = home / "dropbox";
    fs::create_directory(folder);
    const fs::path log = folder / "log.toml";
    const std::string original = example("beginner-eight-weeks.toml");
    write(log, original);
    Options options;
    if (is_root()) {
        REQUIRE(chown_to(folder, nobody));
        REQUIRE(chown_to(log, nobody));
        options.prefix = as_user(nobody);
    }
    fs::permissions(folder, fs::perms::owner_write | fs::perms::owner_exec | fs::perms::group_write |
                                fs::perms::group_exec | fs::perms::others_write | fs::perms::others_exec);
    const Result r = run(home, args(log.string(), walk), options);
    CHECK(r.exit_code == 2);
    CHECK(r.err == "anklog: error: " + log.string() + ": cannot lock the log: you have no read permission on its folder " +
                       folder.string() +
                       "\n  help: anklog locks the log's folder while it writes, which needs read permission: add it "
                       "(chmod u+r " + folder.string() + "), or keep the log in another folder; the log has not been "
                       "changed\n");
    CHECK(run(home, args(log.string(), {"history"}), options).exit_code == 0);
    fs::permissions(folder, fs::perms::owner_all);
    CHECK(read(log) == original);
    CHECK(names_in(folder) == std::vector<std::string>{"log.toml"});
}
