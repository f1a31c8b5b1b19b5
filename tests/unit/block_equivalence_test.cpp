// Per-block parsing against toml++ on the whole text, over the examples, the
// toml-test corpus (valid and invalid, each also placed in a log around
// [[session]] blocks) and texts made to fool a block scanner.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "../support/block_equivalence.hpp"
#include "../support/files.hpp"
#include "anklog/toml_scan.hpp"

using namespace anklog;
using anklog::testing::compare_block_parse;
namespace fs = std::filesystem;
using anklog::testing::toml_files;
using anklog::testing::read_bytes;

namespace {

// Runs the comparison on text; returns whether the scanner split it.
bool same_either_way(const std::string& text) {
    const auto comparison = compare_block_parse(text);
    CHECK_MESSAGE(!comparison.difference, *comparison.difference);
    return comparison.split;
}

}  // namespace

TEST_CASE("equivalence: every example log is split, and per-block parsing reads it the same") {
    const auto files = toml_files(fs::path(ANKLOG_SOURCE_DIR) / "examples");
    REQUIRE(!files.empty());
    for (const fs::path& file : files) {
        CAPTURE(file);
        const std::string text = read_bytes(file);
        CHECK(same_either_way(text));
        CHECK(split_log_blocks(text)->blocks.size() > 10);
    }
}

TEST_CASE("equivalence: the toml-test corpus, as it is and inside a log") {
    const fs::path corpus = ANKLOG_TOML_TEST_DIR;  // CMake refuses to configure without it
    int files = 0;
    int split = 0;
    for (const char* const kind : {"valid", "invalid"}) {
        for (const fs::path& file : toml_files(corpus / kind)) {
            CAPTURE(file);
            const std::string text = read_bytes(file);
            ++files;
            split += same_either_way(text);
            split += same_either_way("version = 1\n[[session]]\ndate = 2026-11-18\n" + text);
            split += same_either_way(text + "\n[[session]]\ndate = 2026-11-18\n[[planned]]\nx = 1\n");
            split += same_either_way("[[planned]]\n" + text + "\n[[session]]\r\nx = [\n1]\n");
        }
    }
    CHECK(files >= 334);  // Debian's corpus has 334 files, the full toml-test suite 709
    MESSAGE(files << " files, " << split << " of " << 4 * files << " texts split into blocks");
    CHECK(split > files);  // the comparison must be about blocks, not only fallbacks
}

TEST_CASE("equivalence: texts made to fool a block scanner") {
    const std::vector<std::string> texts{
        "[[session]]\nnote = '''\n[[session]]\n'''\n[[session]]\nx = 1\n",
        "[[session]]\nnote = \"\"\"\n\\\"\"\"\n[[session]]\n\"\"\"\n",
        "[[session]]\nnote = \"\"\"a\"\"\"\"\"\nb = 1\n[[planned]]\n",
        "[[session]]\n# [[session]]\nx = [\n[[1]],\n# [[session]]\n]\n",
        "version = 1\r\n  [[session]]\r\n\tdate = 2026-11-18\r\n[[ planned ]] # next\r\n",
        "\xEF\xBB\xBF[[session]]\nx = 1\n[[session]]\nx = 2",
        "[[session]]\nx = 1\nx = 2\n[[session]]\nx = 3\n",
        "[[session]]\nx = 1\n[[session]]\nx = \"bad\\q\"\n[[session]]\ny = \n",
        "[[session]]\nx = 1\n[[session]]\nx = 1 2\n",
        "[[session]]\nx = 1\n[[session]]\nx = [1,\n[[session]]\n",
        "[[session]]\nx = {a = 1, a = 2}\n",
        "[[session]]\n\"x\" = 1\nx = 2\n",
        "version = 1\nversion = 2\n[[session]]\n",
        "[[session]]\nx = 1\n[[session]]\nx = \xff\n",
        "[[session]]\nx = 1\n[[session]]\nx = \"\x01\"\n",
        "[[session]]\nx = 1979-05-27 07:32:00Z\ny = [1979-05-27 07:32:00, 1]\n",
        "[[session]]\nx = 0x1F\ny = nan\nz = -inf\n",
        "a = []\n[[a.b]]\n\n[[planned]]\n",  // the error is at the start of line 3 either way
        "a = []\n[[a.b]]\n[[planned]]\n",
        // fallbacks: the whole parse decides, and both agree trivially
        "session = [{date = 2026-11-18}]\n[[session]]\n",
        "[[session]]\n[session]\n",
        "[session]\n[[session]]\n",
        "[[session]]\n[[session.x]]\n",
        "[[session]]\ndate = 2026-11-18\n[profile]\nunits = \"lb\"\n",
    };
    for (const std::string& text : texts) {
        CAPTURE(text);
        same_either_way(text);
    }
}

TEST_CASE("equivalence: a large generated log") {
    std::string text = "version = 1\n[profile]\nunits = \"kg\"\n";
    for (int i = 0; i < 2000; ++i) {
        text += "\n[[session]]\ndate = 2026-11-" + std::to_string(10 + i % 20) +
                "\nactivity = \"walk\"\nweight = \"1 kg\"\nminutes = " + std::to_string(10 + i % 7) +
                (i % 5 == 0 ? "\nnote = \"\"\"two\nlines\"\"\"\n" : "\n");
        if (i % 100 == 0) text += "[[planned]]\ndate = 2026-12-01\nactivity = \"walk\"\n";
    }
    CHECK(same_either_way(text));
    CHECK(split_log_blocks(text)->blocks.size() == 2020);
}

TEST_CASE("nesting guard: its line and column are where toml++ puts the key") {
    // With a low limit, the guard reports the key named deep, where toml++ has it.
    const std::vector<std::string> texts{
        "x = 1\n  deep.b.c = 2\n",
        "[t]\n\tdeep . z = 1\n",
        "x = {\"\xC3\xA9t\xC3\xA9\" = 1, deep.b = 2}\n",
        "\xEF\xBB\xBF" "deep.q.r = 1\n",
        "s = \"\"\"\n\xE2\x82\xAC\"\"\" # t = 1\nu = [{'\xE2\x82\xAC' = 1, deep.w = 1}]\n",
    };
    for (const std::string& text : texts) {
        CAPTURE(text);
        const auto deep = find_deep_nesting(text, 2);
        const auto key = anklog::testing::toml_key_position(text, "deep");
        REQUIRE(deep.has_value());
        REQUIRE(key.has_value());
        CHECK(deep->line == key->first);
        CHECK(deep->column == key->second);
        CHECK(anklog::testing::toml_key_depth(text) == deep->depth);
    }
}
