// A rewrite grants exactly the access the log had: same owner, mode, ACL and
// extended attributes; what a rewrite cannot keep (a hard link, another
// user's ownership) or may not do (a read-only log) is refused.
#include <doctest/doctest.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <cstdint>

#include "faults.hpp"

using namespace e2e;

namespace {

const std::vector<std::string> walk{"log", "walk", "-m", "10", "--date", "2026-11-18"};


// A POSIX ACL in the kernel's xattr format (what setfacl writes to
// system.posix_acl_access or, for a folder's default, system.posix_acl_default):
// owner rw, named user `uid` rw, owning group `group_perm`, others nothing,
// mask rw.
std::string acl_owner_and_user_rw(std::uint32_t uid, std::uint16_t group_perm = 0) {
    std::string acl;
    const auto put = [&](std::uint32_t value, int bytes) {
        for (int i = 0; i < bytes; ++i) acl += static_cast<char>((value >> (8 * i)) & 0xff);
    };
    const auto entry = [&](std::uint16_t tag, std::uint16_t perm, std::uint32_t id) {
        put(tag, 2);
        put(perm, 2);
        put(id, 4);
    };
    constexpr std::uint32_t none = 0xffffffff;
    put(2, 4);               // version
    entry(0x01, 6, none);    // user::rw-
    entry(0x02, 6, uid);     // user:UID:rw-
    entry(0x04, group_perm, none);  // group::
    entry(0x10, 6, none);    // mask::rw-
    entry(0x20, 0, none);    // other::---
    return acl;
}

std::string xattr_of(const fs::path& path, const char* name) {
    std::string value(4096, '\0');
    const ssize_t n = ::getxattr(path.c_str(), name, value.data(), value.size());
    if (n < 0) return "<none>";
    value.resize(static_cast<std::size_t>(n));
    return value;
}
}  // namespace

TEST_CASE("a rewrite keeps the log's ACL and extended attributes - access is never widened") {
    ScratchDir home;
    write(home / "log.toml", example("beginner-eight-weeks.toml"));
    fs::permissions(home / "log.toml", fs::perms::owner_read | fs::perms::owner_write);
    const std::string acl = acl_owner_and_user_rw(nobody);  // e.g. the physiotherapist's account
    if (::setxattr((home / "log.toml").c_str(), "system.posix_acl_access", acl.data(), acl.size(), 0) != 0 ||
        ::setxattr((home / "log.toml").c_str(), "user.origin", "clinic", 6, 0) != 0) {
        MESSAGE("skipped: the temporary folder's file system has no ACLs or user extended attributes");
        return;
    }
    REQUIRE(mode_of(home / "log.toml") == 0660);  // the group bits show the ACL's mask
    CHECK(run(home, args("log.toml", walk)).exit_code == 0);
    CHECK(xattr_of(home / "log.toml", "system.posix_acl_access") == acl);
    CHECK(xattr_of(home / "log.toml", "user.origin") == "clinic");
    CHECK(mode_of(home / "log.toml") == 0660);
    if (is_root()) {
        // The named user can still read it; no one else gained access.
        Options as_nobody;
        as_nobody.prefix = as_user(nobody);
        CHECK(run(home, {"-f", (home / "log.toml").string(), "history", "--since", "2026-11-18"}, as_nobody)
                  .exit_code == 0);
        Options as_other;
        as_other.prefix = as_user(12345);
        CHECK(run(home, {"-f", (home / "log.toml").string(), "history"}, as_other).exit_code == 2);
    }
}

TEST_CASE("a folder's default ACL does not widen a rewritten log that has no ACL") {
    ScratchDir home;
    const fs::path folder = home / "shared";
    fs::create_directory(folder);
    write(folder / "log.toml", example("beginner-eight-weeks.toml"));
    fs::permissions(folder / "log.toml", fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
    // Set after the log was made: new files in the folder would give nobody rw.
    const std::string default_acl = acl_owner_and_user_rw(nobody, 4);
    if (::setxattr(folder.c_str(), "system.posix_acl_default", default_acl.data(), default_acl.size(), 0) != 0) {
        MESSAGE("skipped: the temporary folder's file system has no ACLs");
        return;
    }
    CHECK(run(home, args((folder / "log.toml").string(), walk)).exit_code == 0);
    CHECK(xattr_of(folder / "log.toml", "system.posix_acl_access") == "<none>");
    CHECK(mode_of(folder / "log.toml") == 0640);
    if (is_root()) {
        Options as_nobody;
        as_nobody.prefix = as_user(nobody);
        CHECK(run(home, {"-f", (folder / "log.toml").string(), "history"}, as_nobody).exit_code == 2);
    }
}

TEST_CASE("a log the user cannot write (chmod 400) is refused - as a shell append would be") {
    ScratchDir home;
    const fs::path folder = home / "mine";
    fs::create_directory(folder);
    const fs::path log = folder / "log.toml";
    const std::string original = example("beginner-eight-weeks.toml");
    write(log, original);
    Options options;
    if (is_root()) {  // root may write anything: be a user who owns folder and log
        REQUIRE(chown_to(folder, nobody));
        REQUIRE(chown_to(log, nobody));
        options.prefix = as_user(nobody);
    }
    fs::permissions(log, fs::perms::owner_read);
    for (const auto& command : std::vector<std::vector<std::string>>{walk, {"init", "--force"}}) {
        CAPTURE(fmt_args(command));
        const Result r = run(home, args(log.string(), command), options);
        CHECK(r.exit_code == 2);
        CHECK(r.err == "anklog: error: " + log.string() + ": you cannot write to this log: permission denied\n" +
                           "  help: make it writable (chmod u+w " + log.string() +
                           ") if it should change, or choose another log with -f FILE; the log has not been changed\n");
    }
    CHECK(read(log) == original);
    CHECK(mode_of(log) == 0400);
    CHECK(names_in(folder) == std::vector<std::string>{"log.toml"});
}

TEST_CASE("a log with another hard link is refused - a rewrite would split the link") {
    ScratchDir home;
    const std::string original = example("beginner-eight-weeks.toml");
    write(home / "log.toml", original);
    fs::create_hard_link(home / "log.toml", home / "same.toml");
    for (const auto& command : std::vector<std::vector<std::string>>{walk, {"init", "--force"}}) {
        CAPTURE(fmt_args(command));
        const Result r = run(home, args("log.toml", command));
        CHECK(r.exit_code == 2);
        CHECK(r.err == "anklog: error: log.toml: the log has 1 other hard link (another name for the same file): "
                       "anklog replaces the file when it writes, which would split them\n"
                       "  help: keep the log under one name and make the other names symbolic links (ln -sf), which "
                       "anklog follows; the log has not been changed\n");
    }
    CHECK(fs::equivalent(home / "log.toml", home / "same.toml"));
    CHECK(read(home / "log.toml") == original);
    CHECK(names_in(home.path()) == std::vector<std::string>{"log.toml", "same.toml"});
}

TEST_CASE("a log that belongs to another user is not replaced - the new file would change its owner") {
    if (!is_root()) {
        MESSAGE("skipped: needs root to create another user's file");
        return;
    }
    ScratchDir home;
    const fs::path folder = home / "family";
    fs::create_directory(folder);
    fs::permissions(folder, fs::perms::all);
    const std::string original = example("beginner-eight-weeks.toml");
    write(folder / "log.toml", original);
    fs::permissions(folder / "log.toml", fs::perms::owner_read | fs::perms::owner_write | fs::perms::others_read |
                                             fs::perms::others_write);
    Options as_nobody;
    as_nobody.prefix = as_user(nobody);
    const Result r = run(home, args((folder / "log.toml").string(), walk), as_nobody);
    CHECK(r.exit_code == 2);
    CHECK(r.err == "anklog: error: " + (folder / "log.toml").string() +
                       ": the log belongs to another user (root): anklog replaces the file when it writes, and the "
                       "new one would belong to you\n"
                       "  help: let its owner write to it, or copy it and use -f with your copy; the log has not been "
                       "changed\n");
    CHECK(read(folder / "log.toml") == original);
    CHECK(names_in(folder) == std::vector<std::string>{"log.toml"});
}
