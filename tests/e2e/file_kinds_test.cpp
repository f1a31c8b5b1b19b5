// What is not a regular file is refused by every command before anything
// reads from it or blocks on it.
#include <doctest/doctest.h>
#include <sys/socket.h>
#include <sys/un.h>

#include <cstring>

#include "faults.hpp"

using namespace e2e;

namespace {

// Every command that opens the log, as `-f NAME COMMAND...` arguments.
std::vector<std::vector<std::string>> every_command(const std::string& name) {
    return {
        {"-f", name, "history"},
        {"-f", name, "check"},  // `check FOLDER` names the logs in it: usage_test
        {"-f", name, "plan", "--week-of", "2026-11-23"},
        {"-f", name, "log", "walk", "-m", "10", "--date", "2026-11-18"},
        {"-f", name, "init"},
        {"-f", name, "init", "--force"},
    };
}

std::string refused(const std::string& name, const std::string& what) {
    return "anklog: error: " + name + ": this is " + what +
           ", not a log file\n  help: point -f (or ANKLOG_FILE) at a .toml log file\n";
}

}  // namespace

TEST_CASE("a FIFO as the log - every command refuses it at once and nothing waits") {
    ScratchDir home;
    REQUIRE(::mkfifo((home / "log.toml").c_str(), 0600) == 0);
    fs::create_symlink("log.toml", home / "link.toml");
    for (const std::string name : {"log.toml", "link.toml"}) {
        for (const auto& args : every_command(name)) {
            CAPTURE(fmt_args(args));
            // Without a writer, opening a FIFO for reading blocks forever.
            const Result r = run_within(home, args, {}, std::chrono::seconds(10));
            CHECK(r.exit_code == 2);
            CHECK(r.err == refused(name, "a FIFO (named pipe)"));
        }
    }
    CHECK(names_in(home.path()) == std::vector<std::string>{"link.toml", "log.toml"});
}

TEST_CASE("a device - a socket - a folder as the log are refused by every command") {
    ScratchDir home;
    fs::create_symlink("/dev/null", home / "device.toml");
    const int sock = ::socket(AF_UNIX, SOCK_STREAM, 0);
    REQUIRE(sock >= 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    const std::string socket_path = (home / "socket.toml").string();
    REQUIRE(socket_path.size() < sizeof address.sun_path);
    std::strcpy(address.sun_path, socket_path.c_str());
    REQUIRE(::bind(sock, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0);
    fs::create_directory(home / "folder.toml");
    const std::vector<std::pair<std::string, std::string>> kinds{
        {"device.toml", "a character device"}, {"socket.toml", "a socket"}, {"folder.toml", "a folder"}};
    for (const auto& [name, what] : kinds) {
        for (const auto& args : every_command(name)) {
            CAPTURE(fmt_args(args));
            const Result r = run_within(home, args, {}, std::chrono::seconds(10));
            CHECK(r.exit_code == 2);
            CHECK(r.err == refused(name, what));
        }
    }
    ::close(sock);
    CHECK(fs::is_empty(home / "folder.toml"));
    CHECK(names_in(home.path()) == std::vector<std::string>{"device.toml", "folder.toml", "socket.toml"});
}
