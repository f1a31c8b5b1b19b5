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

namespace {

// Every command that reads a log, as the person at the keyboard would run it.
std::vector<std::vector<std::string>> reading_commands(const fs::path& report) {
    return {{"history"},
            {"history", "--format", "csv"},
            {"check"},
            {"summary"},
            {"plan", "--week-of", "2026-11-23"},
            {"today", "--date", "2026-11-18"},
            {"report", "-o", report.string()},
            {"profile"},
            {"undo", "--yes"},
            {"edit"},
            {"log", "walk", "-m", "10", "--date", "2026-11-18", "--dry-run"}};
}

}  // namespace

TEST_CASE("reading follows the same link rule as writing - a link planted in a shared folder is refused by every command") {
    if (!is_root()) {
        MESSAGE("skipped: needs root to give a link to another user (lchown)");
        return;
    }
    // The physiotherapist (physio) keeps a client's log in their own folder;
    // mallory (nobody) plants a link to it in the shared drop folder.
    ScratchDir home;
    const unsigned physio = 12345;
    const fs::path drop = home / "drop";
    fs::create_directory(drop);
    fs::permissions(drop, fs::perms::all | fs::perms::sticky_bit);
    const fs::path clients = home / "clients";
    fs::create_directory(clients);
    REQUIRE(chown_to(clients, physio));
    const std::string dee = example("beginner-eight-weeks.toml");
    write(clients / "dee.toml", dee);
    REQUIRE(chown_to(clients / "dee.toml", physio));
    const fs::path planted = drop / "mallory.toml";
    fs::create_symlink(clients / "dee.toml", planted);
    REQUIRE(chown_to(planted, nobody));

    Options as_physio;
    as_physio.prefix = as_user(physio);
    as_physio.env["EDITOR"] = "true";
    const std::string refusal = "anklog: error: " + planted.string() +
                                ": will not follow this symlink: it belongs to another user (nobody) and is in the "
                                "shared folder " + drop.string() + ", where anyone can plant a link\n"
                                "  help: remove the link, or name the file itself with -f; the log has not been "
                                "changed\n";
    const fs::path report = clients / "m.html";
    for (const auto& command : reading_commands(report)) {
        CAPTURE(fmt_args(command));
        const Result r = run(home, args(planted.string(), command), as_physio);
        CHECK(r.exit_code == 2);
        CHECK(r.out.empty());
        CHECK(r.err == refusal);
    }
    // check FILE...: the planted link is refused in its place; the others are still read.
    write(clients / "own.toml", dee);
    REQUIRE(chown_to(clients / "own.toml", physio));
    const Result several = run(home, {"check", (clients / "own.toml").string(), planted.string()}, as_physio);
    CHECK(several.exit_code == 2);
    CHECK(several.err == refusal);
    CHECK(several.out.find(planted.filename().string()) != std::string::npos);  // its row says it was not read
    CHECK(several.out.find("own.toml") != std::string::npos);
    CHECK_FALSE(fs::exists(report));
    CHECK(read(clients / "dee.toml") == dee);
    CHECK(names_in(clients) == std::vector<std::string>{"dee.toml", "own.toml"});

    // The reader's own link, and one of the folder's owner, are followed.
    for (const unsigned owner : {physio, 0u}) {
        REQUIRE(chown_to(planted, owner));
        const Result r = run(home, args(planted.string(), {"history", "--last", "1"}), as_physio);
        CHECK(r.exit_code == 0);
        CHECK(r.err.empty());
    }
}

TEST_CASE("as root - reading follows no link another user owns - nothing of the file it names is shown") {
    if (!is_root()) {
        MESSAGE("skipped: needs root");
        return;
    }
    ScratchDir home;
    // Like /etc/shadow: a file only root may read, whose lines would show in parse errors.
    const std::string secret = "root:$6$secret-hash:19000:0:99999:7:::\n";
    write(home / "shadow", secret);
    fs::permissions(home / "shadow", fs::perms::owner_read);
    fs::create_directory(home / "user");
    REQUIRE(chown_to(home / "user", nobody));
    const fs::path link = home / "user/log.toml";
    fs::create_symlink(home / "shadow", link);
    REQUIRE(chown_to(link, nobody));
    const std::string refusal = "anklog: error: " + link.string() +
                                ": will not follow this symlink as root: it belongs to another user (nobody), who "
                                "could point it at any file\n"
                                "  help: run anklog as that user, or name the file itself with -f; the log has not "
                                "been changed\n";
    Options options;
    options.env["EDITOR"] = "true";
    auto commands = reading_commands(home / "report.html");
    commands.push_back({"check", link.string()});
    for (const auto& command : commands) {
        CAPTURE(fmt_args(command));
        const Result r = run(home, args(link.string(), command), options);
        CHECK(r.exit_code == 2);
        CHECK(r.out.empty());
        CHECK(r.err == refusal);
        CHECK(r.err.find("secret") == std::string::npos);
    }
    CHECK_FALSE(fs::exists(home / "report.html"));
    // Named by itself, the file is read (and is no log).
    const Result itself = run(home, {"check", (home / "shadow").string()});
    CHECK(itself.exit_code == 2);
    CHECK(itself.err.find("will not follow") == std::string::npos);
}
