// A log has a documented maximum size, also when it keeps growing while it
// is read; an error quotes only an excerpt of what it is about.
#include <doctest/doctest.h>

#include "faults.hpp"

using namespace e2e;

TEST_CASE("an error quotes only an excerpt - a 2 MB activity name does not flood stderr") {
    ScratchDir home;
    const std::string name(2'000'000, 'x');
    write(home / "log.toml", "[[session]]\ndate = 2026-11-18\nactivity = \"" + name + "\"\nminutes = 10\n");
    const Result r = run(home, {"-f", "log.toml", "history"});
    CHECK(r.exit_code == 2);
    CHECK(r.err.rfind("anklog: error: log.toml:3:12: unknown activity \"xxxxxxxxxx", 0) == 0);
    CHECK(r.err.find(" bytes left out ...]") != std::string::npos);
    CHECK(r.err.find("\n  help: ") != std::string::npos);
    CHECK(r.err.size() < 2000);
}
