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
