// read_simple_block: blocks of the simplest shape read without toml++, value
// for value as toml++ reads them; anything else refused (toml++ reads it).
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "../support/block_equivalence.hpp"
#include "../support/files.hpp"
#include "anklog/toml_scan.hpp"

using namespace anklog;
using anklog::testing::compare_simple_block;

namespace {

std::vector<SimpleEntry> read(std::string_view text) {
    std::vector<SimpleEntry> entries;
    CHECK_MESSAGE(read_simple_block(text, entries), text);
    return entries;
}

bool refused(std::string_view text) {
    std::vector<SimpleEntry> entries;
    return !read_simple_block(text, entries);
}

}  // namespace

TEST_CASE("simple blocks: what anklog writes is read as toml++ reads it") {
    const std::string text =
        "[[session]]\n"
        "date = 2026-11-18\n"
        "activity = \"side-leg-lift\"\n"
        "weight = \"1.5 kg\"  # a comment\n"
        "sets=2\n"
        "\treps = 12\n"
        "\n"
        "# a comment line\n"
        "note = \"felt \\\"steady\\\", caf\xC3\xA9 \\u00e9 \\U0001F600 \\t\\n\\\\\"\n"
        "on = 'wrist'";
    const auto entries = read(text);
    REQUIRE(entries.size() == 7);
    CHECK(entries[0].key == "date");
    CHECK(entries[0].value.type == SimpleValue::Type::date);
    CHECK(entries[0].value.year == 2026);
    CHECK(entries[0].value.month == 11);
    CHECK(entries[0].value.day == 18);
    CHECK(entries[3].key == "sets");
    CHECK(entries[3].value.integer == 2);
    CHECK(entries[5].value.string == "felt \"steady\", caf\xC3\xA9 \xC3\xA9 \xF0\x9F\x98\x80 \t\n\\");
    CHECK(entries[6].value.string == "wrist");
    CHECK(!compare_simple_block(text));
}

TEST_CASE("simple blocks: CRLF, a byte-order mark, blanks in the header, a last line without a break") {
    for (const std::string text : {"[[session]]\r\nminutes = 20\r\n", "\xEF\xBB\xBF[[session]]\nminutes = 0",
                                   "  [[ planned ]] # next week\nminutes = 20 # min\n\n", "[[session]]"}) {
        CAPTURE(text);
        (void)read(text);
        CHECK(!compare_simple_block(text));
    }
}

TEST_CASE("simple blocks: anything else is for toml++, its errors included") {
    const std::vector<std::string> texts{
        // other kinds of values, or of keys
        "[[session]]\nweight = 1.5\n", "[[session]]\nminutes = 1_000\n", "[[session]]\nminutes = +5\n",
        "[[session]]\nminutes = -5\n", "[[session]]\nminutes = 0x10\n", "[[session]]\nok = true\n",
        "[[session]]\nx = [1]\n", "[[session]]\nx = {a = 1}\n", "[[session]]\nnote = \"\"\"a\"\"\"\n",
        "[[session]]\nnote = '''a'''\n", "[[session]]\ndate = 2026-11-18T10:00:00\n",
        "[[session]]\ndate = 2026-11-18 10:00:00\n", "[[session]]\nt = 10:00:00\n",
        "[[session]]\n\"date\" = 2026-11-18\n", "[[session]]\na.b = 1\n",
        "[[session]]\nminutes = 1234567890123456789\n",
        // what toml++ refuses
        "[[session]]\nminutes = 20\nminutes = 20\n", "[[session]]\nminutes = 007\n", "[[session]]\nminutes = 20 30\n",
        "[[session]]\ndate = 2026-02-29\n", "[[session]]\ndate = 2026-13-01\n", "[[session]]\ndate = 2026-11-31\n",
        "[[session]]\nnote = \"\\q\"\n", "[[session]]\nnote = \"\\uD800\"\n", "[[session]]\nnote = \"\\U00110000\"\n",
        "[[session]]\nnote = \"a\x01\"\n", "[[session]]\nnote = 'a\x7F'\n", "[[session]]\nnote = \"open\n",
        "[[session]]\nminutes = 20 # \x01\n", "[[session]]\rminutes = 20\n", "[[session]]\nminutes =\n",
        "[[session]]\nnote = \"\\e\"\n", "[[session]]\nnote = \"caf\xC3\"\n", "[[session]]\n= 1\n",
        "[[session]\nminutes = 20\n", "[session]\nminutes = 20\n", "minutes = 20\n", "",
    };
    for (const std::string& text : texts) {
        CAPTURE(text);
        CHECK(refused(text));
    }
}

TEST_CASE("simple blocks: dates are real days, leap years as toml++ counts them") {
    CHECK(read("[[s]]\nd = 2024-02-29\n")[0].value.day == 29);
    CHECK(read("[[s]]\nd = 2000-02-29\n")[0].value.month == 2);
    CHECK(read("[[s]]\nd = 0000-01-01\n")[0].value.year == 0);
    CHECK(refused("[[s]]\nd = 1900-02-29\n"));
    CHECK(refused("[[s]]\nd = 2026-04-31\n"));
    for (const std::string text : {"[[s]]\nd = 2024-02-29\n", "[[s]]\nd = 1900-02-28\n", "[[s]]\nd = 9999-12-31\n"}) {
        CHECK(!compare_simple_block(text));
    }
}

TEST_CASE("simple blocks: every block of the examples") {
    for (const auto& file : anklog::testing::toml_files(std::filesystem::path(ANKLOG_SOURCE_DIR) / "examples")) {
        CAPTURE(file.string());
        const std::string text = anklog::testing::read_bytes(file);
        const auto split = split_log_blocks(text);
        REQUIRE(split);
        for (const LogBlock& block : split->blocks) {
            CAPTURE(block.text);
            (void)read(block.text);
            CHECK(!compare_simple_block(block.text));
        }
    }
}
