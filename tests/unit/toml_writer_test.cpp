#include <doctest/doctest.h>

#include "anklog/log.hpp"
#include "anklog/log_parser.hpp"
#include "anklog/toml_writer.hpp"
#include "anklog/utf8.hpp"

using namespace anklog;
using namespace std::chrono;

namespace {

Session walk_with_note(std::string note) {
    Session s;
    s.date = Date{year{2026}, month{11}, day{18}};
    s.activity = "walk";
    s.weight = Mass{1, Unit::kg};
    s.minutes = 15;
    s.effort = 3;
    s.note = std::move(note);
    return s;
}

}  // namespace

TEST_CASE("a session is written as a [[session]] block in a fixed / readable order") {
    Session s = walk_with_note("easy pace");
    s.pain = 0;
    CHECK(to_toml(s) ==
          "[[session]]\n"
          "date = 2026-11-18\n"
          "activity = \"walk\"\n"
          "on = \"ankle\"\n"
          "weight = \"1 kg\"\n"
          "minutes = 15\n"
          "effort = 3\n"
          "pain = 0\n"
          "note = \"easy pace\"\n");
}

TEST_CASE("unweighted sessions have no `on` - strength has sets and reps - masses keep their unit") {
    Session s;
    s.date = Date{year{2026}, month{1}, day{2}};
    s.activity = "glute-bridge";
    s.sets = 2;
    s.reps = 12;
    CHECK(to_toml(s) == "[[session]]\ndate = 2026-01-02\nactivity = \"glute-bridge\"\nsets = 2\nreps = 12\n");
    s.weight = Mass{2.5, Unit::lb};
    s.on = Limb::wrist;
    CHECK(to_toml(s) == "[[session]]\ndate = 2026-01-02\nactivity = \"glute-bridge\"\non = \"wrist\"\n"
                        "weight = \"2.5 lb\"\nsets = 2\nreps = 12\n");
}

TEST_CASE("notes with any text read back identically") {
    const std::vector<std::string> notes{
        "he said \"stop\"",
        "C:\\path\\to\\file \\n is not a newline",
        "line one\nline two\n",
        "\nstarts with a newline",
        "windows\r\nline end",
        "tab\there",
        "Straße, café, 足首, 🦵",
        "''' and \"\"\" and '",
        "control \x01\x1f\x7f chars",
        "trailing backslash \\",
        "# not a comment",
    };
    for (const std::string& note : notes) {
        CAPTURE(note);
        const Log log = parse_log(to_toml(walk_with_note(note)), "f");
        REQUIRE(log.sessions.size() == 1);
        CHECK(log.sessions[0].note == note);
    }
}

TEST_CASE("appending keeps the existing bytes as a prefix / in their line-ending style") {
    CHECK(append_block("", "[[session]]\n") == "[[session]]\n");
    CHECK(append_block("version = 1\n", "[[session]]\na = 1\n") == "version = 1\n\n[[session]]\na = 1\n");
    CHECK(append_block("version = 1", "[[session]]\n") == "version = 1\n\n[[session]]\n");
    CHECK(append_block("version = 1\r\n", "[[session]]\na = 1\n") == "version = 1\r\n\r\n[[session]]\r\na = 1\r\n");
}

TEST_CASE("a new log holds version and profile / and parses back to the same profile") {
    Profile profile;
    profile.units = Unit::lb;
    profile.weights = {Mass{1, Unit::lb}, Mass{2.5, Unit::lb}};
    profile.injuries = {Injury::knee, Injury::ankle};
    profile.name = "Ann \"A\" B";
    const std::string text = new_log_text(profile);
    CHECK(text.find("\nversion = 1\n") != std::string::npos);
    const Log log = parse_log(text, "f");
    CHECK(log.profile.name == profile.name);
    CHECK(log.profile.units == Unit::lb);
    REQUIRE(log.profile.weights.size() == 2);
    CHECK(format_mass_exact(log.profile.weights[1]) == "2.5 lb");
    CHECK(log.profile.injuries == profile.injuries);
}

TEST_CASE("UTF-8 validation") {
    CHECK(is_valid_utf8("plain"));
    CHECK(is_valid_utf8("Straße 足首 🦵"));
    CHECK_FALSE(is_valid_utf8("\xff"));
    CHECK_FALSE(is_valid_utf8("\xc3"));           // truncated
    CHECK_FALSE(is_valid_utf8("\xc0\xaf"));       // overlong
    CHECK_FALSE(is_valid_utf8("\xed\xa0\x80"));   // surrogate
    CHECK_FALSE(is_valid_utf8("\xf4\x90\x80\x80"));  // past U+10FFFF
}

TEST_CASE("wide_unicode_encoding: UTF-16 and UTF-32, with or without a byte-order mark - never UTF-8") {
    using namespace std::string_view_literals;
    CHECK(wide_unicode_encoding("\xFF\xFE[\0"sv) == "UTF-16");
    CHECK(wide_unicode_encoding("\xFE\xFF\0["sv) == "UTF-16");
    CHECK(wide_unicode_encoding("[\0p\0"sv) == "UTF-16");
    CHECK(wide_unicode_encoding("\0[\0p"sv) == "UTF-16");
    CHECK(wide_unicode_encoding("\xFF\xFE\0\0[\0\0\0"sv) == "UTF-32");
    CHECK(wide_unicode_encoding("\0\0\0["sv) == "UTF-32");
    CHECK(wide_unicode_encoding("[\0\0\0"sv) == "UTF-32");
    CHECK(wide_unicode_encoding("\xEF\xBB\xBF[profile]\n"sv).empty());
    CHECK(wide_unicode_encoding("[profile]\n").empty());
    CHECK(wide_unicode_encoding("").empty());
    CHECK(wide_unicode_encoding("x").empty());
}

TEST_CASE("a session of one side is written with side = after the volume - and reads back") {
    Session s;
    s.date = Date{year{2026}, month{11}, day{18}};
    s.activity = "side-leg-lift";
    s.weight = Mass{0.5, Unit::kg};
    s.sets = 2;
    s.reps = 12;
    s.side = Side::left;
    CHECK(to_toml(s) == "[[session]]\ndate = 2026-11-18\nactivity = \"side-leg-lift\"\non = \"ankle\"\n"
                        "weight = \"0.5 kg\"\nsets = 2\nreps = 12\nside = \"left\"\n");
    CHECK(to_toml_planned(s) == "[[planned]]\ndate = 2026-11-18\nactivity = \"side-leg-lift\"\non = \"ankle\"\n"
                                "weight = \"0.5 kg\"\nsets = 2\nreps = 12\nside = \"left\"\n");
    s.side = Side::right;
    const Log log = parse_log(to_toml(s) + to_toml_planned(s), "log.toml");
    CHECK(log.sessions.at(0).side == Side::right);
    CHECK(log.planned.at(0).side == Side::right);
}
