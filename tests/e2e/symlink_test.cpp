// anklog follows a symlinked log for its owner, but never a link another
// user could have planted (the kernel's fs.protected_symlinks rule, which
// anklog applies itself because it reads links rather than opening through
// them), and never creates folders where a link points.
#include <doctest/doctest.h>
#include <unistd.h>

#include "faults.hpp"

using namespace e2e;

namespace {

const std::vector<std::string> walk{"log", "walk", "-m", "10", "--date", "2026-11-18", "--duplicate"};

}  // namespace

TEST_CASE("a symlink another user planted in a shared sticky folder is not followed") {
    if (!is_root()) {
        MESSAGE("skipped: needs root to give a link to another user (lchown)");
        return;
    }
    ScratchDir home;
    const unsigned victim = 12345;
    const fs::path shared = home / "shared";  // like /tmp
    fs::create_directory(shared);
    fs::permissions(shared, fs::perms::all | fs::perms::sticky_bit);
    const fs::path own = home / "victim";
    fs::create_directory(own);
    REQUIRE(chown_to(own, victim));
    const std::string precious = example("beginner-eight-weeks.toml");
    write(own / "precious.toml", precious);
    REQUIRE(chown_to(own / "precious.toml", victim));

    // Planted by nobody: one to the victim's log, one to where a file would be created.
    fs::create_symlink(own / "precious.toml", shared / "log.toml");
    REQUIRE(chown_to(shared / "log.toml", nobody));
    fs::create_symlink(own / "created.toml", shared / "new.toml");
    REQUIRE(chown_to(shared / "new.toml", nobody));

    Options as_victim;
    as_victim.prefix = as_user(victim);
    for (const auto& [name, command] : std::vector<std::pair<std::string, std::vector<std::string>>>{
             {"log.toml", {"init", "--force"}}, {"log.toml", walk}, {"new.toml", {"init"}}, {"new.toml", walk}}) {
        const std::string file = (shared / name).string();
        CAPTURE(fmt_args(args(file, command)));
        const Result r = run(home, args(file, command), as_victim);
        CHECK(r.exit_code == 2);
        CHECK(r.err == "anklog: error: " + file +
                           ": will not follow this symlink: it belongs to another user (nobody) and is in the shared "
                           "folder " + shared.string() + ", where anyone can plant a link\n"
                           "  help: remove the link, or name the file itself with -f; the log has not been changed\n");
    }
    CHECK(read(own / "precious.toml") == precious);
    CHECK(names_in(own) == std::vector<std::string>{"precious.toml"});

    // The victim's own link, and one of the folder's owner, are followed.
    fs::remove(shared / "log.toml");
    fs::create_symlink(own / "precious.toml", shared / "log.toml");
    REQUIRE(chown_to(shared / "log.toml", victim));
    CHECK(run(home, args((shared / "log.toml").string(), walk), as_victim).exit_code == 0);
    REQUIRE(chown_to(shared / "log.toml", 0));
    CHECK(run(home, args((shared / "log.toml").string(), walk), as_victim).exit_code == 0);
    CHECK(read(own / "precious.toml").size() > precious.size());
}

TEST_CASE("as root - a link owned by another user is not followed - not even to create a file") {
    if (!is_root()) {
        MESSAGE("skipped: needs root");
        return;
    }
    ScratchDir home;
    const std::string system_file = "version = 1\n# root's file\n";
    write(home / "system.toml", system_file);
    fs::create_directory(home / "user");
    fs::create_symlink(home / "system.toml", home / "user/log.toml");
    REQUIRE(chown_to(home / "user/log.toml", nobody));
    fs::create_symlink(home / "etc-like/anklog/x.conf", home / "user/dangling.toml");
    REQUIRE(chown_to(home / "user/dangling.toml", nobody));
    for (const std::string name : {"log.toml", "dangling.toml"}) {
        const std::string file = (home / "user" / name).string();
        for (const auto& command : std::vector<std::vector<std::string>>{{"init", "--force"}, walk}) {
            CAPTURE(fmt_args(args(file, command)));
            const Result r = run(home, args(file, command));
            CHECK(r.exit_code == 2);
            CHECK(r.err == "anklog: error: " + file +
                               ": will not follow this symlink as root: it belongs to another user (nobody), who "
                               "could point it at any file\n"
                               "  help: run anklog as that user, or name the file itself with -f; the log has not "
                               "been changed\n");
        }
    }
    CHECK(read(home / "system.toml") == system_file);
    CHECK_FALSE(fs::exists(home / "etc-like"));
}

TEST_CASE("no folder is created through a symlink") {
    ScratchDir home;
    fs::create_symlink("elsewhere/anklog/log.toml", home / "log.toml");
    const Result r = run(home, args("log.toml", walk));
    CHECK(r.exit_code == 2);
    CHECK(r.err == "anklog: error: log.toml: the log's symlink points into a folder that does not exist: "
                   "elsewhere/anklog\n"
                   "  help: create that folder yourself, or correct the link; the log has not been changed\n");
    CHECK_FALSE(fs::exists(home / "elsewhere"));
    // Once the folder is there, the link's owner may create the log through it.
    fs::create_directories(home / "elsewhere/anklog");
    CHECK(run(home, args("log.toml", walk)).exit_code == 0);
    CHECK(fs::is_regular_file(home / "elsewhere/anklog/log.toml"));
}
