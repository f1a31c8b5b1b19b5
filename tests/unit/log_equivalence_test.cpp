// parse_log block by block against parse_log_whole: the same Log, field by
// field and line by line, or the same error at the same place, over the
// examples, the toml-test corpus inside logs, and logs made to catch the
// two paths disagreeing (errors in the header and in blocks, in either order).
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "../support/log_equivalence.hpp"
#include "../support/files.hpp"

using anklog::testing::compare_log_parse;
namespace fs = std::filesystem;
using anklog::testing::toml_files;
using anklog::testing::read_bytes;

namespace {

// Returns whether both paths gave a log.
bool same_log_either_way(const std::string& text) {
    const auto comparison = compare_log_parse(text);
    CHECK_MESSAGE(!comparison.difference, *comparison.difference);
    return comparison.parsed;
}

}  // namespace

TEST_CASE("log equivalence: every example log reads the same either way") {
    const auto files = toml_files(fs::path(ANKLOG_SOURCE_DIR) / "examples");
    REQUIRE(!files.empty());
    for (const fs::path& file : files) {
        CAPTURE(file);
        CHECK(same_log_either_way(read_bytes(file)));
    }
}

TEST_CASE("log equivalence: the toml-test corpus inside logs") {
    const fs::path corpus = ANKLOG_TOML_TEST_DIR;
    const std::string session = "[[session]]\ndate = 2026-11-18\nactivity = \"walk\"\nminutes = 20\n";
    int parsed = 0;
    for (const char* const kind : {"valid", "invalid"}) {
        for (const fs::path& file : toml_files(corpus / kind)) {
            CAPTURE(file);
            const std::string text = read_bytes(file);
            parsed += same_log_either_way(text);
            parsed += same_log_either_way(session + text);
            parsed += same_log_either_way(text + "\n" + session);
            parsed += same_log_either_way("version = 1\n" + session + "[[session]]\n" + text + "\n" + session);
        }
    }
    MESSAGE(parsed << " texts read as logs");
}

TEST_CASE("log equivalence: the first error is the same either way") {
    const std::string walk = "[[session]]\ndate = 2026-11-18\nactivity = \"walk\"\nminutes = 20\n";
    const std::vector<std::string> texts{
        // an error in the header's meaning, then a syntax error in the first block
        "version = 2\n[[session]]\ndate = 2026-11-18\nx = \n",
        "[profile]\nunits = \"stone\"\n[[session]]\nnote = \"\\q\"\n" + walk,
        // the same, in a later block
        "version = 2\n" + walk + "[[session]]\nx = = 1\n",
        // an error in a block's meaning before a syntax error in a later one
        walk + "[[session]]\ndate = 2026-11-18\nactivity = \"walkk\"\nminutes = 20\n" + walk + "[[planned]]\nx = 1 2\n",
        // errors in meaning only: the first one in file order
        walk + "[[session]]\nminuts = 20\n[[planned]]\nnote = \"x\"\n",
        "[[planned]]\ndate = 2026-11-18\nactivity = \"walk\"\nminutes = 20\nnote = \"no notes here\"\n" + walk,
        // values every way they can be right or wrong
        "[[session]]\ndate = 2026-11-18\nactivity = \"walk\"\nweight = 1\nminutes = 20\n",
        "[profile]\nunits = \"lb\"\n[[session]]\ndate = 2026-11-18\nactivity = \"walk\"\nweight = 2\nminutes = 20\n",
        "[[session]]\ndate = 2026-11-18\nactivity = \"walk\"\nweight = \"1.2345 kg\"\nminutes = 20\n",
        "[[session]]\ndate = 2026-11-18\nactivity = \"walk\"\nminutes = 601\n",
        "[[session]]\ndate = 2026-11-18\nactivity = \"walk\"\nsets = 2\nminutes = 20\n",
        "[[session]]\ndate = \"2026-11-18\"\nactivity = \"walk\"\nminutes = 20\n",
        "[[session]]\ndate = 2026-11-18T10:00:00\nactivity = \"walk\"\nminutes = 20\n",
        "[[session]]\nactivity = \"walk\"\nminutes = 20\n",
        "[[session]]\ndate = 2026-11-18\nactivity = \"walk\"\nminutes = 20\nminutes = 20\n",
        "[[session]]\ndate = 2026-11-18\nactivity = \"walk\"\nminutes = 20 # c \x7F\n",
        "[[session]]\r\ndate = 2026-11-18\r\nactivity = 'side-leg-lift'\r\nsets = 2\r\nreps = 12\r\n",
        "[[session]]\ndate = 2026-11-18\nactivity = \"walk\"\nminutes = 20\nnote = \"a \\\"b\\\" \\u00e9\\t\"\n",
        "\xEF\xBB\xBF[[session]]\ndate = 2026-11-18\nactivity = \"walk\"\nminutes = 20\n",
        // plan saves
        "# anklog plan for the week of 2026-11-16\n[[planned]]\ndate = 2026-11-17\nactivity = \"walk\"\nminutes = 20\n"
        "# anklog plan for the week of 2026-11-16\n[[planned]]\ndate = 2026-11-18\nactivity = \"walk\"\nminutes = 25\n",
        // a rest week's save (its marker alone), and marker lines inside strings
        walk + "\n# anklog plan for the week of 2026-11-23\n# a rest week: nothing is planned\n",
        "# anklog plan for the week of 2026-11-16\n[[planned]]\ndate = 2026-11-17\nactivity = \"walk\"\nminutes = 20\n" +
            walk + "note = \"\"\"\n# anklog plan for the week of 2026-11-16\n\"\"\"\n",
        "[profile]\nname = '''\n# anklog plan for the week of 2026-11-16\n'''\n" + walk,
        walk + "note = \"\"\"\n# anklog plan for the week of 2026-11-16\n\"\"\"\n[activities]\n",
    };
    for (const std::string& text : texts) {
        CAPTURE(text);
        same_log_either_way(text);
    }
}
