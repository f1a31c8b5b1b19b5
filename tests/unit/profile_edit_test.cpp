// with_profile: only the [profile] table's changed keys are rewritten.
#include <doctest/doctest.h>

#include <functional>

#include "anklog/error.hpp"
#include "anklog/log.hpp"
#include "anklog/log_parser.hpp"
#include "anklog/profile_edit.hpp"

using namespace anklog;

namespace {

std::string changed(const std::string& text, const std::function<void(Profile&)>& change) {
    const Log log = parse_log(text, "log.toml");
    Profile after = log.profile;
    change(after);
    normalize(after);
    std::string out = with_profile(text, log.profile, after, "log.toml");
    CHECK(same_profile(parse_log(out, "log.toml").profile, after));
    return out;
}

std::string error_of(const std::string& text) {
    try {
        changed(text, [](Profile& p) { p.name = "Ann"; });
    } catch (const Error& e) {
        return e.where().to_string() + ": " + e.message() + " | " + e.advice();
    }
    return "no error";
}

const std::string sessions = "\n[[session]]\ndate = 2026-11-18\nactivity = \"walk\"\nweight = 1\nminutes = 10\n";

}  // namespace

TEST_CASE("a changed key is rewritten in place / comments and every other line stay") {
    const std::string text = "# my log\nversion = 1\n\n[profile]\n# my physio says 2 kg at most\nunits = \"kg\"\n"
                             "weights = [\"0.5 kg\",\n  \"1 kg\"]  # the red ones\nhistory = [\"knee\"]\n" + sessions;
    CHECK(changed(text, [](Profile& p) { p.weights.push_back(Mass{2, Unit::kg}); }) ==
          "# my log\nversion = 1\n\n[profile]\n# my physio says 2 kg at most\nunits = \"kg\"\n"
          "weights = [\"0.5 kg\", \"1 kg\", \"2 kg\"]  # weights you own, per limb\nhistory = [\"knee\"]\n" + sessions);
    // A key the profile did not have is added where anklog writes it; one it drops is removed.
    CHECK(changed(text, [](Profile& p) {
              p.name = "Ann";
              p.injuries.clear();
          }) == "# my log\nversion = 1\n\n[profile]\n# my physio says 2 kg at most\nname = \"Ann\"\nunits = \"kg\"\n"
                "weights = [\"0.5 kg\",\n  \"1 kg\"]  # the red ones\n" + sessions);
}

TEST_CASE("a log without [profile] gets one before its first table / above that table's comments / or at its end") {
    CHECK(changed("version = 1\n# walks\n[[session]]\ndate = 2026-11-18\nactivity = \"walk\"\nminutes = 10\n",
                  [](Profile& p) { p.name = "Bo"; }) ==
          "version = 1\n[profile]\nname = \"Bo\"\nunits = \"kg\"  # kg | lb: display unit, and unit of bare numbers\n\n"
          "# walks\n[[session]]\ndate = 2026-11-18\nactivity = \"walk\"\nminutes = 10\n");
    CHECK(changed("version = 1", [](Profile& p) { p.units = Unit::lb; }) ==
          "version = 1\n\n[profile]\nunits = \"lb\"  # kg | lb: display unit, and unit of bare numbers\n");
    CHECK(changed("", [](Profile& p) { p.units = Unit::lb; }) ==
          "[profile]\nunits = \"lb\"  # kg | lb: display unit, and unit of bare numbers\n");
}

TEST_CASE("new units rewrite the weights with their unit - they keep their mass / CRLF stays CRLF") {
    const std::string text = "[profile]\r\nunits = \"kg\"\r\nweights = [0.5, 1]\r\n";
    CHECK(changed(text, [](Profile& p) { p.units = Unit::lb; }) ==
          "[profile]\r\nunits = \"lb\"  # kg | lb: display unit, and unit of bare numbers\r\n"
          "weights = [\"0.5 kg\", \"1 kg\"]  # weights you own, per limb\r\n");
}

TEST_CASE("strings, comments and arrays that look like tables are not taken for them") {
    const std::string text = "[profile]\nname = \"[profile] # not a table\"\nweights = [\n  \"1 kg\", # [x]\n]\n"
                             "\n[rules]\noff = [\"monotony\"]\n";
    CHECK(changed(text, [](Profile& p) { p.units = Unit::lb; }) ==
          "[profile]\nname = \"[profile] # not a table\"\nunits = \"lb\"  # kg | lb: display unit, and unit of bare "
          "numbers\nweights = [\"1 kg\"]  # weights you own, per limb\n\n[rules]\noff = [\"monotony\"]\n");
}

TEST_CASE("a [profile] written in a shape anklog does not rewrite is refused with advice") {
    CHECK(error_of("profile = { units = \"kg\" }\n") ==
          "log.toml:1: [profile] is written as an inline table (profile = { ... }), which anklog does not rewrite | "
          "change the profile by hand with 'anklog edit'; the log has not been changed");
    CHECK(error_of("profile.units = \"kg\"\n") ==
          "log.toml:1: [profile] is written as dotted keys (profile.KEY = ...), which anklog does not rewrite | "
          "change the profile by hand with 'anklog edit'; the log has not been changed");
    Profile named;
    named.name = "Ann";
    CHECK_THROWS_AS(with_profile("[profile]\nunits = \"kg\"\n[profile.extra]\nx = 1\n", Profile{}, named, "log.toml"),
                    Error);
    // A quoted name is the same table, and as safe to change.
    CHECK(changed("[\"profile\"]\nunits = \"kg\"\n", [](Profile& p) { p.name = "Ann"; }) ==
          "[\"profile\"]\nname = \"Ann\"\nunits = \"kg\"\n");
}

TEST_CASE("a byte-order mark stays first / none is added") {
    const std::string bom = "\xEF\xBB\xBF";
    const auto named = [](Profile& p) { p.name = "Ann"; };
    CHECK(changed(bom + "[profile]\nunits = \"kg\"\n", named) == bom + "[profile]\nname = \"Ann\"\nunits = \"kg\"\n");
    CHECK(changed(bom + "# log\n" + sessions, named).rfind(bom + "# log\n\n[profile]\nname = \"Ann\"\n", 0) == 0);
    CHECK(changed("[profile]\nunits = \"kg\"\n", named) == "[profile]\nname = \"Ann\"\nunits = \"kg\"\n");
}

TEST_CASE("key_line_in_block finds a key's line in one block, past comments and multi-line values") {
    const std::string text = "[profile]\nweight = 1\n\n[[session]]\ndate = 2026-11-18\nnote = \"\"\"\nweight = 2\n\"\"\"\n"
                             "# weight = 3\nweight = 4\n\n[[session]]\ndate = 2026-11-19\nweight = 5\n";
    CHECK(key_line_in_block(text, 4, "weight") == 10);
    CHECK(key_line_in_block(text, 12, "weight") == 14);
    CHECK(key_line_in_block(text, 12, "minutes") == 12);  // none: the block's own line
}
