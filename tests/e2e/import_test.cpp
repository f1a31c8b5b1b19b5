// anklog import: CSV exports of Strong, Hevy and FitNotes as sessions, in
// one write that undo takes back; bad files change nothing.
#include <doctest/doctest.h>

#include <unistd.h>

#include "harness.hpp"

using namespace e2e;

namespace {

const std::string empty_log = "version = 1\n\n[profile]\nunits = \"kg\"\n";

// The fixture `name` copied into the scratch folder, so that paths print short.
void fixture(const ScratchDir& home, const std::string& name) {
    write(home / name, read(source_dir() / "tests/fixtures/import" / name));
}

std::vector<std::string> import_args(const std::string& file, std::vector<std::string> more = {}) {
    std::vector<std::string> args{"-f", "log.toml", "import", file, "--map", "Walking=walk",
                                  "--map", "Lateral Leg Raise=side-leg-lift",
                                  "--map", "Lateral Leg Raise (Machine)=side-leg-lift"};
    args.insert(args.end(), more.begin(), more.end());
    return args;
}

const std::string strong_table =
    "DATE        ACTIVITY       WEIGHT             DOSE    EFFORT  LINES  NOTE\n"
    "2026-10-05  side-leg-lift  1 kg on ankle      2 x 12       8  3-4    left hip tight, \"ok\"\n"
    "2026-10-05  glute-bridge   1 kg on ankle      2 x 10       -  6-7\n"
    "2026-10-05  walk           1 kg on ankle      20 min       -  8\n"
    "2026-10-07  side-leg-lift  1.5 kg on ankle    2 x 10       -  10-11  felt easy; sets as exported: 12 x 1.5 kg, 10 x 1.5 kg\n";

const std::string strong_reading =
    "strong.csv: Strong export (comma form); weights taken per limb (--pair: as the pair's), in kg (the profile's "
    "unit: the export names none)\n";

const std::string strong_blocks =
    "\n[[session]]\ndate = 2026-10-05\nactivity = \"side-leg-lift\"\non = \"ankle\"\nweight = \"1 kg\"\nsets = 2\n"
    "reps = 12\neffort = 8\nnote = \"left hip tight, \\\"ok\\\"\"\n"
    "\n[[session]]\ndate = 2026-10-05\nactivity = \"glute-bridge\"\non = \"ankle\"\nweight = \"1 kg\"\nsets = 2\n"
    "reps = 10\n"
    "\n[[session]]\ndate = 2026-10-05\nactivity = \"walk\"\non = \"ankle\"\nweight = \"1 kg\"\nminutes = 20\n"
    "\n[[session]]\ndate = 2026-10-07\nactivity = \"side-leg-lift\"\non = \"ankle\"\nweight = \"1.5 kg\"\nsets = 2\n"
    "reps = 10\nnote = \"felt easy; sets as exported: 12 x 1.5 kg, 10 x 1.5 kg\"\n";

// The table's columns are as wide as the widest cell: compare without the padding.
std::string squeeze(std::string text) {
    std::string out;
    for (char c : text) {
        if (c == ' ' && !out.empty() && out.back() == ' ') continue;
        out += c;
    }
    return out;
}

}  // namespace

TEST_CASE("import strong - dry run shows the table and the count / writes nothing / skipped rows counted") {
    ScratchDir home;
    fixture(home, "strong.csv");
    write(home / "log.toml", empty_log);
    const Result r = run(home, import_args("strong.csv", {"--dry-run"}));
    CHECK(r.exit_code == 0);
    CHECK(r.err == "");
    CHECK(squeeze(r.out) == squeeze(strong_reading + strong_table + "would add 4 sessions to log.toml\n"
                                    "skipped: 1 warm-up set, 1 rest-timer row, 1 note row\n"));
    CHECK(read(home / "log.toml") == empty_log);
    CHECK(!fs::exists(home / ".log.toml.anklog-undo"));
}

TEST_CASE("import strong - one write with a numbered backup / the second import adds nothing / undo takes it back") {
    ScratchDir home;
    fixture(home, "strong.csv");
    write(home / "log.toml", empty_log);
    const Result r = run(home, import_args("strong.csv"));
    CHECK(r.exit_code == 0);
    CHECK(squeeze(r.out) ==
          squeeze(strong_reading + strong_table +
                  "added 4 sessions to log.toml:6 (the log before is kept as log.toml.~1~; 'anklog undo' takes them back)\n"
                  "skipped: 1 warm-up set, 1 rest-timer row, 1 note row\n"));
    CHECK(read(home / "log.toml") == empty_log + strong_blocks);
    CHECK(read(home / "log.toml.~1~") == empty_log);
    // A valid log: check reads it and raises only what the rules see (first sessions of 2 sets).
    const Result checked = run(home, {"-f", "log.toml", "check"});
    CHECK(checked.exit_code == 1);
    CHECK(checked.out.find("log.toml: 4 sessions checked: 3 warnings\n") != std::string::npos);

    const Result again = run(home, import_args("strong.csv"));
    CHECK(again.exit_code == 0);
    CHECK(again.out == strong_reading +
                           "nothing to add: 4 sessions are already in the log\n"
                           "skipped: 1 warm-up set, 1 rest-timer row, 1 note row, 4 sessions already in the log\n");
    CHECK(read(home / "log.toml") == empty_log + strong_blocks);

    const Result undo = run(home, {"-f", "log.toml", "undo", "--yes"});
    CHECK(undo.exit_code == 0);
    CHECK(undo.out.find("The last change anklog made to log.toml was 'anklog import'") == 0);
    CHECK(read(home / "log.toml") == empty_log);
}

TEST_CASE("import - a session in the log already is counted, the others are added") {
    ScratchDir home;
    fixture(home, "strong.csv");
    write(home / "log.toml", empty_log);
    REQUIRE(run(home, {"-f", "log.toml", "log", "walk", "-w", "1kg", "-m", "20", "--date", "2026-10-05"}).exit_code == 0);
    const Result r = run(home, import_args("strong.csv"));
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("added 3 sessions to log.toml:13") != std::string::npos);
    CHECK(r.out.find("skipped: 1 warm-up set, 1 rest-timer row, 1 note row, 1 session already in the log\n") !=
          std::string::npos);
}

TEST_CASE("import each form - Strong semicolon and unit column, Hevy, FitNotes and its iOS form") {
    ScratchDir home;
    write(home / "log.toml", empty_log);
    struct Case {
        std::string file;
        std::string out;
    };
    const std::vector<Case> cases{
        {"strong-semicolon.csv",
         "strong-semicolon.csv: Strong export (semicolon form); weights taken per limb (--pair: as the pair's), in kg\n"
         "DATE ACTIVITY WEIGHT DOSE EFFORT LINES NOTE\n"
         "2026-10-05 side-leg-lift 1.5 kg on ankle 2 x 12 8 3-4\n"
         "2026-10-05 walk - 25 min - 5\n"
         "would add 2 sessions to log.toml\n"
         "skipped: 1 warm-up set\n"},
        {"strong-unit.csv",
         "strong-unit.csv: Strong export (comma form); weights taken per limb (--pair: as the pair's), in the unit of "
         "each row\n"
         "DATE ACTIVITY WEIGHT DOSE EFFORT LINES NOTE\n"
         "2026-10-05 side-leg-lift 2.5 lb on ankle 2 x 12 6 2-3\n"
         "would add 1 session to log.toml\n"},
        {"hevy.csv",
         "hevy.csv: Hevy export (weight_kg); weights taken per limb (--pair: as the pair's), in kg, rounded to anklog's "
         "precision\n"
         "DATE ACTIVITY WEIGHT DOSE EFFORT LINES NOTE\n"
         "2026-10-05 side-leg-lift 1 kg on ankle 2 x 12 8 3-4 slow\n"
         "2026-10-05 walk - 15 min - 5\n"
         "2026-10-12 side-leg-lift 2.268 kg on ankle 2 x 8 - 6-7 sets as exported: 10 x 2.26796185 kg, 8 x 2.26796185 kg\n"
         "would add 3 sessions to log.toml\n"
         "skipped: 1 warm-up set\n"},
        {"fitnotes.csv",
         "fitnotes.csv: FitNotes export (Android form); weights taken per limb (--pair: as the pair's), in the unit of "
         "each row\n"
         "DATE ACTIVITY WEIGHT DOSE EFFORT LINES NOTE\n"
         "2026-10-05 calf-raise 2.2 lb on ankle 2 x 15 - 2-3\n"
         "2026-10-05 walk - 20 min - 4\n"
         "would add 2 sessions to log.toml\n"
         "skipped: 1 note row\n"},
        {"fitnotes-ios.csv",
         "fitnotes-ios.csv: FitNotes export (iOS form); weights taken per limb (--pair: as the pair's), in kg\n"
         "DATE ACTIVITY WEIGHT DOSE EFFORT LINES NOTE\n"
         "2026-10-05 calf-raise 1 kg on ankle 2 x 15 - 2-3\n"
         "would add 1 session to log.toml\n"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.file);
        fixture(home, c.file);
        const Result r = run(home, import_args(c.file, {"--dry-run"}));
        CHECK(r.exit_code == 0);
        CHECK(r.err == "");
        CHECK(squeeze(r.out) == c.out);
    }
    // --from insists, and a header of another app is refused at line 1.
    fixture(home, "strong.csv");
    const Result wrong = run(home, import_args("strong.csv", {"--from", "hevy"}));
    CHECK(wrong.exit_code == 2);
    CHECK(wrong.err ==
          "anklog: error: strong.csv:1: this is not a Hevy export: the header has no \"start_time\" column\n"
          "  help: export the workouts again from the app, or name the right one with --from\n");
    CHECK(read(home / "log.toml") == empty_log);
}

TEST_CASE("import --pair halves the exported weight, and says so") {
    ScratchDir home;
    fixture(home, "hevy.csv");
    write(home / "log.toml", empty_log);
    const Result r = run(home, import_args("hevy.csv", {"--pair"}));
    CHECK(r.exit_code == 0);
    CHECK(squeeze(r.out).find("hevy.csv: Hevy export (weight_kg); weights taken as the pair's and halved (--pair), in kg, "
                              "rounded to anklog's precision\n") == 0);
    const std::string log = read(home / "log.toml");
    CHECK(log.find("weight = \"0.5 kg\"\nsets = 2\nreps = 12\neffort = 8\nnote = \"slow\"\n") != std::string::npos);
    CHECK(log.find("weight = \"1.134 kg\"\nsets = 2\nreps = 8\n") != std::string::npos);
}

TEST_CASE("import - unmapped names listed with suggestions, nothing written, exit 2 / --map-file maps them") {
    ScratchDir home;
    fixture(home, "strong.csv");
    write(home / "log.toml", empty_log);
    const Result r = run(home, {"-f", "log.toml", "import", "strong.csv"});
    CHECK(r.exit_code == 2);
    CHECK(r.out == "");
    CHECK(r.err ==
          "anklog: error: strong.csv: 2 exercises are not mapped to an activity; nothing was imported\n"
          "  strong.csv:3:33: \"Lateral Leg Raise\" (4 sets): did you mean side-leg-lift?\n"
          "  strong.csv:8:33: \"Walking\" (1 set): did you mean walk?\n"
          "  help: map each, e.g. --map \"Lateral Leg Raise=side-leg-lift\" (or =- to leave it out), or list them "
          "in --map-file FILE\n");
    CHECK(read(home / "log.toml") == empty_log);
    CHECK(!fs::exists(home / ".log.toml.anklog-undo"));

    write(home / "names.txt", "# Strong's names\nLateral Leg Raise = side-leg-lift\n\nWalking=walk\n");
    const Result mapped = run(home, {"-f", "log.toml", "import", "strong.csv", "--map-file", "names.txt"});
    CHECK(mapped.exit_code == 0);
    CHECK(read(home / "log.toml") == empty_log + strong_blocks);

    // =- leaves an exercise out, counted.
    write(home / "log2.toml", empty_log);
    const Result left_out = run(home, {"-f", "log2.toml", "import", "strong.csv", "--map-file", "names.txt", "--map",
                                       "Glute Bridge=-", "--dry-run"});
    CHECK(left_out.exit_code == 0);
    CHECK(left_out.out.find("would add 3 sessions to log2.toml\n"
                            "skipped: 1 warm-up set, 1 rest-timer row, 1 note row, 2 rows of exercises mapped to -\n") !=
          std::string::npos);

    write(home / "bad.txt", "Walking\n");
    const Result bad = run(home, {"-f", "log.toml", "import", "strong.csv", "--map-file", "bad.txt"});
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("anklog: error: bad.txt:1: \"Walking\" is not NAME=activity\n") == 0);
    const Result unknown = run(home, {"-f", "log.toml", "import", "strong.csv", "--map", "Walking=wlak"});
    CHECK(unknown.exit_code == 2);
    CHECK(unknown.err == "anklog: error: --map Walking=wlak: there is no activity wlak\n  help: did you mean 'walk'?\n");
}

TEST_CASE("import - a session the log would refuse is reported at its line and nothing is imported") {
    ScratchDir home;
    write(home / "log.toml", empty_log);
    write(home / "heavy.csv", "Date,Exercise,Category,Weight,Weight Unit,Reps\n"
                              "2026-10-05,Calf Raise,Legs,25,kg,15\n"
                              "2026-10-06,Calf Raise,Legs,1,kg,300\n"
                              "2026-10-07,Calf Raise,Legs,1,kg,10\n");
    const Result r = run(home, {"-f", "log.toml", "import", "heavy.csv"});
    CHECK(r.exit_code == 2);
    CHECK(r.err ==
          "anklog: error: heavy.csv: 2 sessions cannot be imported; nothing was imported\n"
          "  heavy.csv:2: calf-raise (Calf Raise): weight 25 kg is out of range\n"
          "  heavy.csv:3: calf-raise (Calf Raise): reps 300 is out of range\n"
          "  help: map those exercises to =- to leave them out, or fix the rows in a copy of the export\n");
    CHECK(read(home / "log.toml") == empty_log);
}

TEST_CASE("import - malformed CSV is refused at file:line:col, exit 2, the log byte for byte unchanged") {
    ScratchDir home;
    write(home / "log.toml", empty_log);
    const std::string header = "Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time,Comment\n";
    struct Case {
        std::string text;
        std::string err;
    };
    const std::vector<Case> cases{
        {header + "2026-10-05,\"Calf Raise,Legs,1,kg,15,,,,\n",
         "anklog: error: bad.csv:2:12: this quoted field is never closed\n"
         "  help: a quote inside a field is written twice (\"\")\n"},
        {header + "2026-10-05,Calf R\xE9ise,Legs,1,kg,15,,,,\n",
         "anklog: error: bad.csv:2:18: byte 0xE9 is not UTF-8 text (a file in two encodings?)\n"
         "  help: export the file again, or save it as CSV (UTF-8) in a spreadsheet\n"},
        {header + "2026-10-05,Calf \"Raise\",Legs,1,kg,15,,,,\n",
         "anklog: error: bad.csv:2:17: a quote inside a field that does not start with one\n"
         "  help: put the whole field in quotes and write the quote twice (\"\")\n"},
        {header + "2026-10-05,\"Calf\" Raise,Legs,1,kg,15,,,,\n",
         "anklog: error: bad.csv:2:18: text after the closing quote of a field\n"
         "  help: end the field there, or write a quote inside it twice (\"\")\n"},
        {header + std::string("2026-10-05,Calf\0Raise,Legs,1,kg,15,,,,\n", 40),
         "anklog: error: bad.csv:2:16: a NUL byte: this is not a text file\n"
         "  help: export the file again, or save it as CSV (UTF-8) in a spreadsheet\n"},
        {header + "5.10.2026,Calf Raise,Legs,1,kg,15,,,,\n",
         "anklog: error: bad.csv:2:1: \"5.10.2026\" is not a date\n"
         "  help: the export's dates look like 2026-10-05 08:00:00 or 5 Oct 2026, 08:00\n"},
        {header + "2026-10-05,Calf Raise,Legs,1e3,kg,15,,,,\n",
         "anklog: error: bad.csv:2:28: the weight \"1e3\" is not a number\n"
         "  help: the export's numbers are written like 12 or 2.5\n"},
        {"a,b,c\n1,2,3\n",
         "anklog: error: bad.csv:1: the header is not that of a Strong, Hevy or FitNotes export\n"
         "  help: anklog imports the CSV exports of Strong, Hevy and FitNotes; name one with --from if it is one\n"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        write(home / "bad.csv", c.text);
        const Result r = run(home, {"-f", "log.toml", "import", "bad.csv", "--map", "Calf Raise=calf-raise"});
        CHECK(r.exit_code == 2);
        CHECK(r.out == "");
        CHECK(r.err == c.err);
        CHECK(read(home / "log.toml") == empty_log);
    }
    CHECK(!fs::exists(home / ".log.toml.anklog-undo"));
}

TEST_CASE("import - a byte-order mark and CRLF are read / a file past the log's size limit is refused at once") {
    ScratchDir home;
    write(home / "log.toml", empty_log);
    write(home / "bom.csv", "\xEF\xBB\xBF" "Date,Exercise,Category,Weight,Weight Unit,Reps\r\n"
                            "2026-10-05,Calf Raise,Legs,1,kg,15\r\n");
    const Result r = run(home, {"-f", "log.toml", "import", "bom.csv", "--dry-run"});
    CHECK(r.exit_code == 0);
    CHECK(squeeze(r.out).find("2026-10-05 calf-raise 1 kg on ankle 1 x 15 - 2\nwould add 1 session to log.toml\n") !=
          std::string::npos);

    // Sparse: 300 MB that take no room on the disk.
    {
        write(home / "big.csv", "");
        REQUIRE(::truncate((home / "big.csv").c_str(), 300L << 20) == 0);
    }
    const Result big = run(home, {"-f", "log.toml", "import", "big.csv"});
    CHECK(big.exit_code == 2);
    CHECK(big.err == "anklog: error: big.csv: the file is larger than 256 MiB, the most anklog reads\n"
                     "  help: export a shorter period from the app, or split the file\n");
    CHECK(read(home / "log.toml") == empty_log);
}

TEST_CASE("import - a formula cell is never evaluated and is printed escaped - in the log it is only text") {
    ScratchDir home;
    write(home / "log.toml", empty_log);
    write(home / "f.csv", "Date,Exercise,Category,Weight,Weight Unit,Reps,Comment\n"
                          "2026-10-05,\"=cmd|' /C calc'!A0\x1b[31m\",Legs,1,kg,15,\n");
    const Result r = run(home, {"-f", "log.toml", "import", "f.csv"});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("  f.csv:2:12: \"=cmd|' /C calc'!A0\\e[31m\" (1 set)\n") != std::string::npos);
    CHECK(r.err.find('\x1b') == std::string::npos);
    CHECK(read(home / "log.toml") == empty_log);

    write(home / "g.csv", "Date,Exercise,Category,Weight,Weight Unit,Reps,Comment\n"
                          "2026-10-05,Calf Raise,Legs,1,kg,15,\"=HYPERLINK(\"\"x\"\")\x1b[2J\"\n");
    const Result note = run(home, {"-f", "log.toml", "import", "g.csv"});
    CHECK(note.exit_code == 0);
    CHECK(note.out.find("=HYPERLINK(\"x\")\\e[2J\n") != std::string::npos);
    CHECK(note.out.find('\x1b') == std::string::npos);
    CHECK(read(home / "log.toml").find("note = \"=HYPERLINK(\\\"x\\\")\\u001B[2J\"\n") != std::string::npos);
    // CSV output neutralises it for a spreadsheet.
    const Result csv = run(home, {"-f", "log.toml", "history", "--format", "csv"});
    CHECK(csv.out.find("'=HYPERLINK") != std::string::npos);
}

TEST_CASE("import --map NAME=activity@wrist puts that exercise's weight on the wrists, a separate load") {
    ScratchDir home;
    fixture(home, "strong.csv");
    write(home / "log.toml", empty_log);
    const Result r = run(home, {"-f", "log.toml", "import", "strong.csv", "--map", "Walking=walk@wrist", "--map",
                                "Lateral Leg Raise=side-leg-lift"});
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("2026-10-05  walk           1 kg on wrist") != std::string::npos);
    CHECK(read(home / "log.toml").find("activity = \"walk\"\non = \"wrist\"\nweight = \"1 kg\"\nminutes = 20\n") !=
          std::string::npos);
    // Anything after '@' but a placement is refused before anything is read.
    const Result bad = run(home, {"-f", "log.toml", "import", "strong.csv", "--map", "Walking=walk@hand", "--dry-run"});
    CHECK(bad.exit_code == 2);
    CHECK(bad.err ==
          "anklog: error: \"Walking=walk@hand\" is not NAME=activity or NAME=activity@wrist\n"
          "  help: say where the weight was worn after '@': ankle or wrist, e.g. \"Walking=walk@wrist\"\n");
}
