// Text from a log, a file name or an argument never drives the terminal or a
// spreadsheet: a client's log cannot hide a finding from the physiotherapist
// who opens it, retitle the window or fake table rows.
#include <doctest/doctest.h>

#include "harness.hpp"

using namespace e2e;

namespace {

// Activities and a note holding ESC, BEL, C1 (U+009B, CSI) and bidi
// overrides (U+202E), written as TOML escapes.
const char* const hostile_log =
    "[activities]\n"
    "\"evil\\u001b[8mx\" = { kind = \"gait\" }\n"
    "\"bell\\u0007\\u009b\\u202e\" = { kind = \"strength\", group = \"hips\" }\n"
    "\n"
    "[[session]]\n"
    "date = 2026-11-02\n"
    "activity = \"evil\\u001b[8mx\"\n"
    "weight = \"3 kg\"\n"
    "minutes = 20\n"
    "note = \"a\\u009bb\\u202ec\\u001b]0;title\\u0007\"\n"
    "\n"
    "[[session]]\n"
    "date = 2026-11-03\n"
    "activity = \"bell\\u0007\\u009b\\u202e\"\n"
    "weight = \"1 kg\"\n"
    "sets = 1\n"
    "reps = 10\n";

bool has_raw_controls(const std::string& text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if ((c < 0x20 && c != '\n') || c == 0x7f) return true;
        if (c == 0xc2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
            static_cast<unsigned char>(text[i + 1]) <= 0x9f) {
            return true;  // C1
        }
        if (c == 0xe2 && text.compare(i, 2, "\xe2\x80") == 0 && i + 2 < text.size() &&
            static_cast<unsigned char>(text[i + 2]) >= 0xaa && static_cast<unsigned char>(text[i + 2]) <= 0xae) {
            return true;  // U+202A-U+202E
        }
    }
    return false;
}

}  // namespace

TEST_CASE("names and notes from a log are shown escaped by check, history and plan") {
    ScratchDir home;
    write(home / "log.toml", hostile_log);
    const Result check = run(home, {"check", "log.toml"});
    CHECK(check.exit_code == 1);
    CHECK_FALSE(has_raw_controls(check.out));
    CHECK(check.out.find("warning[start-light]: first evil\\e[8mx with weights on the ankles, on 2026-11-02") !=
          std::string::npos);
    const Result history = run(home, {"-f", "log.toml", "history"});
    CHECK_FALSE(has_raw_controls(history.out));
    CHECK(history.out ==
          "date        activity              on     weight  volume  effort  pain  load  note\n"
          "2026-11-02  evil\\e[8mx            ankle  3 kg    20 min  -       -     -     "
          "a\\u009bb\\u202ec\\e]0;title\\x07\n"
          "2026-11-03  bell\\x07\\u009b\\u202e  ankle  1 kg    1 x 10  -       -     -\n"
          "\n"
          "2 sessions (2 weighted) from 2026-11-02 to 2026-11-03\n");
    const Result plan = run(home, {"-f", "log.toml", "plan", "--week-of", "2026-11-09"});
    CHECK_FALSE(has_raw_controls(plan.out));
    CHECK(plan.out.find("bell\\x07\\u009b\\u202e  1 kg    1 x 11  progress") != std::string::npos);
    // JSON carries the real text, escaped as JSON does, and stays valid.
    CHECK(json_of(run(home, {"-f", "log.toml", "history", "--format", "json"}).out)["sessions"][0]["activity"] ==
          "evil\x1b[8mx");
}

TEST_CASE("file names and arguments are shown escaped - JSON stays valid for a name that is not UTF-8") {
    ScratchDir home;
    const std::string name = "bad\xffname\x1b[2J.toml";
    write(home / name, "[[session]]\ndate = 2026-11-02\nactivity = \"walk\"\nminutes = 10\n");
    const Result check = run(home, {"check", name});
    CHECK(check.out == "bad\\xffname\\e[2J.toml: 1 session checked: nothing to flag\n");
    const auto json = json_of(run(home, {"check", name, "--format", "json"}).out);
    CHECK(json["file"] == "bad\xef\xbf\xbdname\x1b[2J.toml");  // U+FFFD for the byte that is not UTF-8
    const Result error = run(home, {"-f", name, "log", "walk\xe2\x80\xae\xc2\x9b", "-m", "10"});
    CHECK(error.exit_code == 2);
    CHECK(error.err.rfind("anklog: error: unknown activity \"walk\\u202e\\u009b\"\n  help: ", 0) == 0);
}

TEST_CASE("CSV cells a spreadsheet would evaluate are neutralised - numbers stay numbers") {
    ScratchDir home;
    std::string text;
    int day = 2;
    for (const char* note : {"=HYPERLINK(\\\"http://x\\\")", "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3", "\\tx",
                             "\\rx", "plain"}) {
        text += "[[session]]\ndate = 2026-11-0" + std::to_string(day++) + "\nactivity = \"walk\"\nminutes = 10\n" +
                "note = \"" + note + "\"\n\n";
    }
    write(home / "log.toml", text);
    const Result csv = run(home, {"-f", "log.toml", "history", "--format", "csv"});
    CHECK(csv.out ==
          "date,activity,kind,on,weight,weight_kg,weight_lb,minutes,sets,reps,effort,pain,srpe_load,note,line\r\n"
          "2026-11-02,walk,gait,ankle,,,,10,,,,,,\"'=HYPERLINK(\"\"http://x\"\")\",1\r\n"
          "2026-11-03,walk,gait,ankle,,,,10,,,,,,'+cmd|' /C calc'!A0,7\r\n"
          "2026-11-04,walk,gait,ankle,,,,10,,,,,,'@SUM(1+1),13\r\n"
          "2026-11-05,walk,gait,ankle,,,,10,,,,,,'-2+3,19\r\n"
          // A tab or CR is shown escaped, as in the text views: nothing left to evaluate.
          "2026-11-06,walk,gait,ankle,,,,10,,,,,,\\tx,25\r\n"
          "2026-11-07,walk,gait,ankle,,,,10,,,,,,\\rx,31\r\n"
          "2026-11-08,walk,gait,ankle,,,,10,,,,,,plain,37\r\n");
}

TEST_CASE("CSV carries names and notes escaped as the text views show them - history, plan and summary") {
    ScratchDir home;
    write(home / "log.toml", hostile_log);
    // Its lines end in CR LF, as CSV's do: the rest may hold no control character.
    const auto csv_lines = [](std::string text) {
        for (std::size_t at = text.find("\r\n"); at != std::string::npos; at = text.find("\r\n", at)) text.erase(at, 1);
        return text;
    };
    const Result history = run(home, {"-f", "log.toml", "history", "--format", "csv"});
    CHECK(history.exit_code == 0);
    CHECK_FALSE(has_raw_controls(csv_lines(history.out)));
    CHECK(history.out == "date,activity,kind,on,weight,weight_kg,weight_lb,minutes,sets,reps,effort,pain,srpe_load,note,line\r\n"
                         "2026-11-02,evil\\e[8mx,gait,ankle,3 kg,3,6.614,20,,,,,,a\\u009bb\\u202ec\\e]0;title\\x07,5\r\n"
                         "2026-11-03,bell\\x07\\u009b\\u202e,strength,ankle,1 kg,1,2.205,,1,10,,,,,12\r\n");
    const Result planned = run(home, {"-f", "log.toml", "history", "--planned", "--format", "csv"});
    CHECK_FALSE(has_raw_controls(csv_lines(planned.out)));
    const Result plan = run(home, {"-f", "log.toml", "plan", "--week-of", "2026-11-09", "--format", "csv"});
    CHECK(plan.exit_code == 0);
    CHECK_FALSE(has_raw_controls(csv_lines(plan.out)));
    CHECK(plan.out.find("\r\n2026-11-10,bell\\x07\\u009b\\u202e,ankle,1 kg,1,2.205,,1,11,progress,") != std::string::npos);
    const Result summary = run(home, {"-f", "log.toml", "summary", "--since", "2026-11-02", "--until", "2026-11-08",
                                      "--format", "csv"});
    CHECK(summary.exit_code == 0);
    CHECK_FALSE(has_raw_controls(csv_lines(summary.out)));
    // A note's lines stay lines, in one quoted cell; a formula is still neutralised after escaping.
    write(home / "notes.toml", "[[session]]\ndate = 2026-11-02\nactivity = \"walk\"\nminutes = 10\n"
                               "note = \"=1+1\\u001b[2J\\nsecond line\\u0085\"\n");
    CHECK(run(home, {"-f", "notes.toml", "history", "--format", "csv"}).out ==
          "date,activity,kind,on,weight,weight_kg,weight_lb,minutes,sets,reps,effort,pain,srpe_load,note,line\r\n"
          "2026-11-02,walk,gait,ankle,,,,10,,,,,,\"'=1+1\\e[2J\nsecond line\\u0085\",1\r\n");
}

TEST_CASE("repeated weights and injuries are kept once") {
    ScratchDir home;
    const Result r = run(home, {"-f", "log.toml", "init", "--weights", "1kg,1kg,1000g,0.5kg", "--history",
                                "knee,knee,hip"});
    CHECK(r.exit_code == 0);
    const std::string log = read(home / "log.toml");
    CHECK(log.find("weights = [\"0.5 kg\", \"1 kg\"]") != std::string::npos);
    CHECK(log.find("history = [\"knee\", \"hip\"]") != std::string::npos);
}

TEST_CASE("dates a log cannot hold are refused - plan never prints one") {
    ScratchDir home;
    write(home / "log.toml", "");
    const Result old = run(home, {"-f", "log.toml", "log", "walk", "-m", "10", "--date", "0000-01-01"});
    CHECK(old.exit_code == 2);
    CHECK(old.err == "anklog: error: --date: \"0000-01-01\" is not a date\n  help: there is no such day: write a real date "
                     "as YYYY-MM-DD, years 0001 to 9999\n");
    const Result last = run(home, {"-f", "log.toml", "plan", "--week-of", "9999-12-27", "--format", "toml"});
    CHECK(last.exit_code == 2);
    CHECK(last.out == "");
    CHECK(last.err == "anklog: error: --week-of: the week of 9999-12-27 runs outside the dates a log can hold\n"
                      "  help: plan a week from 0001-01-01 to 9999-12-31\n");
    CHECK(read(home / "log.toml") == "");
}
