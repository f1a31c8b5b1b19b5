// parse_appended_session: the block `log` appends, read alone with the log's
// activities and unit, is the session parse_log reads at the end of the whole
// text, line included; what is not one [[session]] block after blank lines
// is an error.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "anklog/error.hpp"
#include "anklog/log.hpp"
#include "anklog/log_parser.hpp"
#include "anklog/toml_writer.hpp"

using namespace anklog;

namespace {

Session session(std::string activity, std::optional<Mass> weight) {
    Session s;
    s.date = Date{std::chrono::year{2026}, std::chrono::November, std::chrono::day{20}};
    s.activity = std::move(activity);
    s.weight = weight;
    s.sets = 2;
    s.reps = 12;
    s.effort = 4;
    s.note = "a \"quoted\" note\nwith two lines \xC3\xA9";
    return s;
}

}  // namespace

TEST_CASE("appended session: read alone as the whole text reads it") {
    const std::string walk = "[[session]]\ndate = 2026-11-18\nactivity = \"walk\"\nminutes = 20\n";
    const std::vector<std::string> logs{
        "",
        walk,
        walk + "minutes_note = 1\n",  // not a valid log: left out below
        "version = 1\n[profile]\nunits = \"lb\"\n" + walk,
        "[activities]\n\"kettle-swing\" = { kind = \"strength\", group = \"hips\" }\n" + walk + "# last line, no break",
        "version = 1\r\n[[session]]\r\ndate = 2026-11-18\r\nactivity = \"walk\"\r\nminutes = 20\r\n",
        walk + "[profile]\nunits = \"kg\"\n",  // a table after the sessions: parsed whole
        "[profile]\nunits = \"kg\"",
    };
    int compared = 0;
    for (const std::string& current : logs) {
        CAPTURE(current);
        Log log;
        try {
            log = parse_log(current, "log.toml");
        } catch (const Error&) {
            continue;
        }
        const bool kettle = log.catalogue.find("kettle-swing") != nullptr;
        const Session added = session(kettle ? "kettle-swing" : "side-leg-lift",
                                      Mass{2, log.profile.units});
        const std::string written = append_block(current, to_toml(added));
        const Log whole = parse_log(written, "log.toml");
        const int first_line = 1 + static_cast<int>(std::count(current.begin(), current.end(), '\n'));
        const Session read = parse_appended_session(log, std::string_view(written).substr(current.size()), first_line,
                                                    "log.toml");
        const Session& expected = whole.sessions.back();
        CHECK(read.line == expected.line);
        CHECK(read.date == expected.date);
        CHECK(read.activity == expected.activity);
        CHECK(read.weight->amount == expected.weight->amount);
        CHECK(read.weight->unit == expected.weight->unit);
        CHECK(read.sets == expected.sets);
        CHECK(read.reps == expected.reps);
        CHECK(read.effort == expected.effort);
        CHECK(read.note == expected.note);
        ++compared;
    }
    CHECK(compared == 7);
}

TEST_CASE("appended session: anything but one [[session]] block after blank lines is an error") {
    const Log log = parse_log("", "log.toml");
    const std::string walk = "[[session]]\ndate = 2026-11-18\nactivity = \"walk\"\nminutes = 20\n";
    const std::vector<std::string> texts{
        "\n", "x = 1\n" + walk, walk + walk, "[[planned]]\ndate = 2026-11-18\nactivity = \"walk\"\nminutes = 20\n",
        "\n[[session]]\ndate = 2026-11-18\nactivity = \"walkk\"\nminutes = 20\n"};
    for (const std::string& appended : texts) {
        CAPTURE(appended);
        CHECK_THROWS_AS(parse_appended_session(log, appended, 10, "log.toml"), Error);
    }
}
