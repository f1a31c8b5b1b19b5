// plan --format ics: the week as an iCalendar file (RFC 5545), its events
// named stably from the log's identity; --save keeps that identity in the log.
#include <doctest/doctest.h>

#include <algorithm>
#include <regex>
#include <set>

#include "harness.hpp"

using namespace e2e;

namespace {

// A log with an identity line, a name and an activity that need escaping
// (comma, semicolon, backslash, a bidi control, non-ASCII) and reasons long
// enough to fold.
const std::string log_with_id =
    "# anklog id 0123456789abcdef0123456789abcdef\n"
    "version = 1\n"
    "\n"
    "[profile]\n"
    "units = \"kg\"\n"
    "name = \"Zoë; \\\\ \\u202e, Ann\"\n"
    "weights = [\"0.5 kg\", \"1 kg\"]\n"
    "\n"
    "[activities]\n"
    "\"step, box; \\\\ ☃\" = { kind = \"strength\", group = \"legs\" }\n"
    "\n"
    "[[session]]\n"
    "date = 2026-11-16\n"
    "activity = \"walk\"\n"
    "weight = \"0.5 kg\"\n"
    "minutes = 10\n"
    "\n"
    "[[session]]\n"
    "date = 2026-11-18\n"
    "activity = \"step, box; \\\\ ☃\"\n"
    "weight = \"0.5 kg\"\n"
    "sets = 1\n"
    "reps = 10\n";

const std::vector<std::string> ics{"-f", "log.toml", "plan", "--week-of", "2026-11-23", "--format", "ics"};

std::vector<std::string> uids(const std::string& calendar) {
    std::vector<std::string> out;
    const std::regex uid("UID:([0-9a-f]{32}@anklog)\r\n");
    for (auto it = std::sregex_iterator(calendar.begin(), calendar.end(), uid); it != std::sregex_iterator(); ++it) {
        out.push_back((*it)[1]);
    }
    return out;
}

std::vector<std::string> id_lines(const std::string& log) {
    std::vector<std::string> out;
    const std::regex id("^# anklog id [0-9a-f]{32} .*$", std::regex::multiline);
    for (auto it = std::sregex_iterator(log.begin(), log.end(), id); it != std::sregex_iterator(); ++it) {
        out.push_back(it->str());
    }
    return out;
}

}  // namespace

TEST_CASE("plan --format ics prints an RFC 5545 calendar: all-day events, stable UIDs, CRLF, folded, TEXT escaped") {
    ScratchDir home;
    write(home / "log.toml", log_with_id);
    const Result r = run(home, ics);
    CHECK(r.exit_code == 0);
    CHECK(r.err == "");
    // UIDs: the first 32 hex digits of SHA-256("anklog event\nID\nDATE\nACTIVITY\nPLACEMENT"),
    // computed independently (Python hashlib) for this log. The bidi control
    // is shown as \u202e, as on a terminal; the snowman (3 octets) is never
    // split by a fold; no line is longer than 75 octets.
    CHECK(r.out ==
        "BEGIN:VCALENDAR\r\n"
        "VERSION:2.0\r\n"
        "PRODID:-//anklog//anklog plan//EN\r\n"
        "CALSCALE:GREGORIAN\r\n"
        "X-WR-CALNAME:anklog plan\\, week of 2026-11-23 (Zoë\\; \\\\ \\\\u202e\\, Ann)\r\n"
        "BEGIN:VEVENT\r\n"
        "UID:1270701453490bd3dbb1048945029585@anklog\r\n"
        "DTSTAMP:20261123T000000Z\r\n"
        "DTSTART;VALUE=DATE:20261123\r\n"
        "DTEND;VALUE=DATE:20261124\r\n"
        "SUMMARY:walk\\, 0.5 kg\\, 11 min\r\n"
        "DESCRIPTION:progress: +1 min (about 10%) from 0.5 kg for 10 min\\n\\nNote: 2 \r\n"
        " weighted days rather than 3: each activity keeps its usual number of weigh\r\n"
        " ted sessions a week (step\\,-box\\;-\\\\-☃ 1\\, walk 1)\\; more at once would \r\n"
        " ramp up the weekly load\\n\\nPain rule: pain up to 5/10 during the session i\r\n"
        " s acceptable if it has settled by the next morning. Above 5/10\\, or worse \r\n"
        " the next morning: stop\\, take the weights off\\, and record it (anklog done\r\n"
        "  --pain N\\, or anklog pain N)\\; the next plan steps down (Silbernagel et a\r\n"
        " l. 2007).\r\n"
        "TRANSP:TRANSPARENT\r\n"
        "END:VEVENT\r\n"
        "BEGIN:VEVENT\r\n"
        "UID:aaacebe9b45723f062377fafeb4390a4@anklog\r\n"
        "DTSTAMP:20261123T000000Z\r\n"
        "DTSTART;VALUE=DATE:20261125\r\n"
        "DTEND;VALUE=DATE:20261126\r\n"
        "SUMMARY:step\\,-box\\;-\\\\-☃\\, 0.5 kg\\, 1 x 11\r\n"
        "DESCRIPTION:progress: +1 rep from 0.5 kg for 1 x 10\\n\\nNote: 2 weighted day\r\n"
        " s rather than 3: each activity keeps its usual number of weighted sessions\r\n"
        "  a week (step\\,-box\\;-\\\\-☃ 1\\, walk 1)\\; more at once would ramp up the \r\n"
        " weekly load\\n\\nPain rule: pain up to 5/10 during the session is acceptable\r\n"
        "  if it has settled by the next morning. Above 5/10\\, or worse the next mor\r\n"
        " ning: stop\\, take the weights off\\, and record it (anklog done --pain N\\, \r\n"
        " or anklog pain N)\\; the next plan steps down (Silbernagel et al. 2007).\r\n"
        "TRANSP:TRANSPARENT\r\n"
        "END:VEVENT\r\n"
        "END:VCALENDAR\r\n"
);
    // The same bytes every run.
    CHECK(run(home, ics).out == r.out);
}

TEST_CASE("plan --format ics: every line at most 75 octets and whole UTF-8, CRLF only, UIDs all different") {
    ScratchDir home;
    write(home / "log.toml", example("knee-rehab.toml"));
    const Result r = run(home, ics);
    REQUIRE(r.exit_code == 0);
    std::size_t start = 0;
    while (start < r.out.size()) {
        const std::size_t end = r.out.find("\r\n", start);
        REQUIRE(end != std::string::npos);
        const std::string line = r.out.substr(start, end - start);
        CHECK(line.size() <= 75);
        CHECK(line.find('\n') == std::string::npos);
        CHECK(line.find('\r') == std::string::npos);
        if (!line.empty()) CHECK((static_cast<unsigned char>(line.front()) & 0xC0U) != 0x80U);
        start = end + 2;
    }
    const std::vector<std::string> all = uids(r.out);
    CHECK(all.size() == 5);
    CHECK(std::set<std::string>(all.begin(), all.end()).size() == 5);
    CHECK(r.out.find("SUMMARY:walk\\, 0.5 kg\\, 13 min\r\n") != std::string::npos);
    CHECK(r.out.find("DTSTART;VALUE=DATE:20261128\r\nDTEND;VALUE=DATE:20261129\r\n") != std::string::npos);
}

TEST_CASE("plan --format ics without an id line: UIDs from the first session, unchanged by CRLF, comments and "
          "later sessions - --save writes that identity once, undone with the save") {
    ScratchDir home;
    const std::string before = example("knee-rehab.toml");
    write(home / "log.toml", before);
    const std::vector<std::string> first = uids(run(home, ics).out);
    REQUIRE(first.size() == 5);

    // Line endings, comments and indentation do not move the identity.
    std::string crlf;
    for (const char c : "# my log\n" + before) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    write(home / "log.toml", crlf);
    CHECK(uids(run(home, ics).out) == first);

    // Saved as a calendar: the log gets the identity it had, after the save's
    // marker line; the events keep their UIDs.
    write(home / "log.toml", before);
    const Result saved = run(home, {"-f", "log.toml", "plan", "--week-of", "2026-11-23", "--save", "--format", "ics"});
    CHECK(saved.exit_code == 0);
    CHECK(uids(saved.out) == first);
    const std::string after = read(home / "log.toml");
    REQUIRE(id_lines(after).size() == 1);
    CHECK(after.rfind(before, 0) == 0);
    CHECK(std::regex_match(id_lines(after)[0], std::regex("# anklog id [0-9a-f]{32} \\(calendar events of this log "
                                                          "are named from it; keep this line\\)")));
    CHECK(after.substr(before.size()).rfind("\n# anklog plan for the week of 2026-11-23\n" + id_lines(after)[0] + "\n", 0) ==
          0);
    // The saved week shows the same events; a second save adds no second id.
    CHECK(uids(run(home, ics).out) == first);
    CHECK(run(home, {"-f", "log.toml", "plan", "--week-of", "2026-11-23", "--save", "--format", "ics"}).exit_code == 0);
    CHECK(id_lines(read(home / "log.toml")).size() == 1);
    // An edit of the first session no longer changes the names.
    std::string edited = read(home / "log.toml");
    const std::size_t effort = edited.find("effort = 4\npain = 1\n");
    REQUIRE(effort != std::string::npos);
    edited.insert(effort, "note = \"edited\"\n");
    write(home / "log.toml", edited);
    CHECK(uids(run(home, ics).out) == first);

    // Undone like any save: the log as it was, byte for byte.
    write(home / "log.toml", before);
    CHECK(run(home, {"-f", "log.toml", "plan", "--week-of", "2026-11-23", "--save", "--format", "ics"}).exit_code == 0);
    CHECK(run(home, {"-f", "log.toml", "undo", "--yes"}).exit_code == 0);
    CHECK(read(home / "log.toml") == before);
}

TEST_CASE("plan --save --format ics on a new log gives it a random identity, kept - two logs differ") {
    ScratchDir home;
    const std::vector<std::string> save_a{"-f", "a.toml", "plan", "--week-of", "2026-11-23", "--save", "--format", "ics"};
    const Result a = run(home, save_a);
    CHECK(a.exit_code == 0);
    const std::vector<std::string> a_uids = uids(a.out);
    CHECK(a_uids.size() == 4);  // the beginner week
    CHECK(id_lines(read(home / "a.toml")).size() == 1);
    CHECK(uids(run(home, {"-f", "a.toml", "plan", "--week-of", "2026-11-23", "--format", "ics"}).out) == a_uids);
    // Another new log, alike in every byte but its id: other UIDs.
    const Result b = run(home, {"-f", "b.toml", "plan", "--week-of", "2026-11-23", "--save", "--format", "ics"});
    CHECK(b.exit_code == 0);
    CHECK(id_lines(read(home / "b.toml")) != id_lines(read(home / "a.toml")));
    for (const std::string& uid : uids(b.out)) CHECK(std::find(a_uids.begin(), a_uids.end(), uid) == a_uids.end());
}

TEST_CASE("plan --format ics of a rest week: one event over the week, the reason in it") {
    ScratchDir home;
    write(home / "log.toml", example("too-much-too-soon.toml"));
    const Result r = run(home, {"-f", "log.toml", "plan", "--week-of", "2026-11-09", "--format", "ics"});
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("DTSTART;VALUE=DATE:20261109\r\n"
                     "DTEND;VALUE=DATE:20261116\r\n"
                     "SUMMARY:rest week\r\n"
                     "DESCRIPTION:A rest week: nothing is planned.\\n\\nNote: pain of 3/10 or more \r\n"
                     " on 3 of your last 5 training days\\, the last on 2026-11-02: rest until 202\r\n"
                     " 6-11-16\\, so no weights this week\\, and see a doctor or physiotherapist be\r\n") !=
          std::string::npos);
    CHECK(uids(r.out).size() == 1);
}

TEST_CASE("plan --format: an unknown format names ics among the choices, exit 2") {
    ScratchDir home;
    write(home / "log.toml", example("knee-rehab.toml"));
    const Result r = run(home, {"-f", "log.toml", "plan", "--format", "ical"});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("ics") != std::string::npos);
}

TEST_CASE("plan --format ics folds before a UTF-8 character that would straddle octet 75, never inside it") {
    ScratchDir home;
    std::string log = example("knee-rehab.toml");
    // 47 octets of "X-WR-CALNAME:anklog plan\, week of 2026-11-23 (", then
    // "a" and 2-octet characters: the 14th would take octets 75 and 76.
    log.replace(log.find("units = \"kg\"\n"), 13, "units = \"kg\"\nname = \"a\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9"
                                                  "\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\"\n");
    write(home / "log.toml", log);
    const Result r = run(home, ics);
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("X-WR-CALNAME:anklog plan\\, week of 2026-11-23 (a"
                     "\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\r\n"
                     " \u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9)\r\n") != std::string::npos);
}

TEST_CASE("plan --format ics of a saved plan with two sessions alike on one day: two events, two UIDs, stable") {
    ScratchDir home;
    const std::string walk = "[[planned]]\ndate = 2026-11-24\nactivity = \"walk\"\non = \"ankle\"\nweight = \"0.5 kg\"\n"
                             "minutes = 10\n";
    write(home / "log.toml", example("knee-rehab.toml") + "\n# anklog plan for the week of 2026-11-23\n" + walk +
                                 "\n" + walk);
    const Result r = run(home, ics);
    CHECK(r.exit_code == 0);
    const std::vector<std::string> both = uids(r.out);
    REQUIRE(both.size() == 2);
    CHECK(both[0] != both[1]);
    CHECK(uids(run(home, ics).out) == both);
    CHECK(r.out.find("SUMMARY:walk\\, 0.5 kg\\, 10 min\r\n"
                     "DESCRIPTION:From the plan saved on line ") != std::string::npos);
}
