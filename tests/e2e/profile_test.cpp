// anklog profile: shows the profile; with flags rewrites only [profile]'s
// changed lines, keeps every other byte and a numbered backup.
#include <doctest/doctest.h>

#include <set>

#include "anklog/log.hpp"
#include "anklog/log_parser.hpp"
#include "faults.hpp"

using namespace e2e;

namespace {

const std::string head = "# anklog training log. Plain TOML: edit freely, anklog only appends.\nversion = 1\n\n";
const std::string profile = "[profile]\nunits = \"kg\"  # kg | lb: display unit, and unit of bare numbers\n"
                            "weights = [\"0.5 kg\", \"1 kg\"]  # weights you own, per limb\n";
const std::string sessions =
    "\n# my first week\n[[session]]\ndate = 2026-11-16\nactivity = \"walk\"\non = \"ankle\"\nweight = \"1 kg\"\n"
    "minutes = 10   # felt easy\n";

std::vector<std::string> profile_args(std::vector<std::string> flags) {
    flags.insert(flags.begin(), {"-f", "log.toml", "profile"});
    return flags;
}

}  // namespace

TEST_CASE("profile shows the profile") {
    ScratchDir home;
    write(home / "log.toml", head + profile + sessions);
    const Result r = run(home, profile_args({}));
    CHECK(r.exit_code == 0);
    CHECK(r.err == "");
    CHECK(r.out == "Profile in log.toml:\n"
                   "  name     -\n"
                   "  units    kg\n"
                   "  weights  0.5 kg, 1 kg\n"
                   "  history  none\n"
                   "\n"
                   "Change it with 'anklog profile' and --name, --units, --weights or --history.\n");
    write(home / "log.toml", "[profile]\nname = \"Ann\"\nunits = \"lb\"\nhistory = [\"knee\", \"hip\"]\n");
    CHECK(run(home, profile_args({"-q"})).out == "Profile in log.toml:\n"
                                                  "  name     Ann\n"
                                                  "  units    lb\n"
                                                  "  weights  none listed (plans step by 1 lb)\n"
                                                  "  history  knee, hip\n");
}

TEST_CASE("profile --weights rewrites that line only / every other byte stays / a backup / undo puts it back") {
    ScratchDir home;
    const std::string before = head + profile + sessions;
    write(home / "log.toml", before);
    const Result r = run(home, profile_args({"--weights", "0.5kg, 1kg, 1.5kg", "--name", "Ann"}));
    CHECK(r.exit_code == 0);
    CHECK(r.err == "");
    CHECK(r.out == "changed the profile in log.toml (the log before is kept as log.toml.~1~):\n"
                   "\n"
                   "line 5:\n"
                   "+ name = \"Ann\"\n"
                   "\n"
                   "line 6:\n"
                   "- weights = [\"0.5 kg\", \"1 kg\"]  # weights you own, per limb\n"
                   "+ weights = [\"0.5 kg\", \"1 kg\", \"1.5 kg\"]  # weights you own, per limb\n");
    CHECK(read(home / "log.toml") == head + "[profile]\nname = \"Ann\"\nunits = \"kg\"  # kg | lb: display unit, and unit "
                                            "of bare numbers\nweights = [\"0.5 kg\", \"1 kg\", \"1.5 kg\"]  # weights you "
                                            "own, per limb\n" + sessions);
    CHECK(read(home / "log.toml.~1~") == before);
    const Result undo = run(home, {"-f", "log.toml", "-q", "undo", "--yes"});
    CHECK(undo.exit_code == 0);
    CHECK(read(home / "log.toml") == before);
}

TEST_CASE("profile --units lb - what was logged keeps its unit / history shows pounds") {
    ScratchDir home;
    write(home / "log.toml", head + profile + sessions);
    const Result r = run(home, profile_args({"--units", "lb"}));
    CHECK(r.exit_code == 0);
    CHECK(r.out == "changed the profile in log.toml (the log before is kept as log.toml.~1~):\n"
                   "\n"
                   "line 5:\n"
                   "- units = \"kg\"  # kg | lb: display unit, and unit of bare numbers\n"
                   "+ units = \"lb\"  # kg | lb: display unit, and unit of bare numbers\n"
                   "\n"
                   "anklog now shows weights in lb; what you logged keeps the unit it was logged in.\n");
    CHECK(read(home / "log.toml").ends_with(sessions));
    CHECK(run(home, {"-f", "log.toml", "history"}).out ==
          "date        activity  on     weight  volume  effort  pain  load  note\n"
          "2026-11-16  walk      ankle  2.2 lb  10 min  -       -     -\n"
          "\n"
          "1 session (1 weighted) from 2026-11-16 to 2026-11-16\n");
}

TEST_CASE("profile refuses what it cannot change safely - exit 2, log unchanged") {
    ScratchDir home;
    const std::vector<std::tuple<std::string, std::vector<std::string>, std::string>> cases{
        // A bare-number weight counts in the profile's unit: new units would change it.
        {"[profile]\nunits = \"kg\"\n\n[[session]]\ndate = 2026-11-16\nactivity = \"walk\"\nweight = 1\nminutes = 10\n",
         {"--units", "lb"},
         "anklog: error: log.toml:7: changing units would change what the log says: this weight is a bare number, "
         "which counts in the profile's unit (1 kg would become 1 lb)\n"
         "  help: write each weight with its unit (weight = \"1 kg\"), e.g. with 'anklog edit', then change units; "
         "the log has not been changed\n"},
        {"profile = { units = \"kg\" }\n",
         {"--name", "Ann"},
         "anklog: error: log.toml:1: [profile] is written as an inline table (profile = { ... }), which anklog does "
         "not rewrite\n  help: change the profile by hand with 'anklog edit'; the log has not been changed\n"},
        {"profile.units = \"kg\"\n",
         {"--name", "Ann"},
         "anklog: error: log.toml:1: [profile] is written as dotted keys (profile.KEY = ...), which anklog does not "
         "rewrite\n  help: change the profile by hand with 'anklog edit'; the log has not been changed\n"},
        {head + profile,
         {"--weights", "0,5kg"},
         "anklog: error: --weights: \"0,5kg\" is not a list of weights\n"
         "  help: write decimals with a point: 0.5 kg (commas separate weights)\n"},
        {head + profile,
         {"--history", "kne"},
         "anklog: error: --history: unknown injury \"kne\"\n  help: did you mean 'knee'?\n"},
    };
    for (const auto& [text, flags, expected] : cases) {
        CAPTURE(text);
        write(home / "log.toml", text);
        const Result r = run(home, profile_args(flags));
        CHECK(r.exit_code == 2);
        CHECK(r.out == "");
        CHECK(r.err == expected);
        CHECK(read(home / "log.toml") == text);
        CHECK(names_in(home.path()) == std::vector<std::string>{"log.toml"});
    }
    const Result missing = run(home, {"-f", "none.toml", "profile", "--name", "Ann"});
    CHECK(missing.exit_code == 2);
    CHECK(missing.err == "anklog: error: none.toml: no such log file\n"
                         "  help: start one with 'anklog init', or log a first session with 'anklog log'\n");
}

TEST_CASE("profile with what the log already says writes nothing") {
    ScratchDir home;
    write(home / "log.toml", head + profile + sessions);
    const Result r = run(home, profile_args({"--weights", "1kg,0.5kg", "--units", "kg"}));
    CHECK(r.exit_code == 0);
    CHECK(r.out == "the profile in log.toml is already so: nothing changed\n");
    CHECK(names_in(home.path()) == std::vector<std::string>{"log.toml"});
}

TEST_CASE("a log without [profile] gets one before its first session") {
    ScratchDir home;
    write(home / "log.toml", "version = 1\n" + sessions);
    REQUIRE(run(home, profile_args({"-q", "--history", "knee"})).exit_code == 0);
    CHECK(read(home / "log.toml") == "version = 1\n\n[profile]\nunits = \"kg\"  # kg | lb: display unit, and unit of "
                                     "bare numbers\nhistory = [\"knee\"]  # past injuries: knee | hip | ankle; \"left knee\": that side only\n\n" +
                                         sessions.substr(1));
}

TEST_CASE("profile fails cleanly - a full disk / a read-only folder / concurrent writers all land") {
    ScratchDir home;
    write(home / "log.toml", head + profile + sessions);
    const auto files = contents_of(home.path());
    const Result full = run(home, profile_args({"--name", "Ann"}), with_faults("write:.log.toml.anklog-*:ENOSPC"));
    CHECK(full.exit_code == 2);
    CHECK(full.err == "anklog: error: log.toml: cannot write the log: the disk is full\n"
                      "  help: free some space and try again; your log has not been changed\n");
    CHECK(contents_of(home.path()) == files);
    const Result backup_full =
        run(home, profile_args({"--name", "Ann"}), with_faults("link:log.toml.~*~:EPERM;write:log.toml.~*~:ENOSPC"));
    CHECK(backup_full.exit_code == 2);
    CHECK(contents_of(home.path()) == files);

    Options patient;
    patient.env = {{"ANKLOG_LOCK_TIMEOUT", "60"}};
    std::vector<int> pids;
    for (int i = 0; i < 8; ++i) {
        pids.push_back(i % 2 == 0 ? start(home, profile_args({"-q", "--name", "N" + std::to_string(i)}), patient)
                                  : start(home, {"-f", "log.toml", "-q", "log", "walk", "-m", "10", "--date",
                                                 "2026-11-18", "--note", "writer " + std::to_string(i), "--duplicate"},
                                          patient));
    }
    for (const int pid : pids) CHECK(finish(pid, home).exit_code == 0);
    const anklog::Log log = anklog::parse_log(read(home / "log.toml"), "log.toml");
    std::set<std::string> notes;
    for (const auto& session : log.sessions) notes.insert(session.note);
    CHECK(notes == std::set<std::string>{"", "writer 1", "writer 3", "writer 5", "writer 7"});
    CHECK(log.profile.name.size() == 2);
    CHECK(read(home / "log.toml").rfind(head + "[profile]\nname = ", 0) == 0);

    if (is_root()) {
        write(home / "ro.toml", head + profile);
        fs::create_directory(home / "ro");
        fs::rename(home / "ro.toml", home / "ro/log.toml");
        fs::permissions(home / "ro", fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                         fs::perms::others_read | fs::perms::others_exec);
        REQUIRE(chown_to(home / "ro/log.toml", nobody));
        Options as_nobody;
        as_nobody.prefix = as_user(nobody);
        const Result read_only = run(home, {"-f", "ro/log.toml", "profile", "--name", "Ann"}, as_nobody);
        CHECK(read_only.exit_code == 2);
        CHECK(read_only.err == "anklog: error: ro/log.toml: cannot write the log: permission denied\n"
                               "  help: anklog writes a temporary file beside the log: make the folder writable; "
                               "the log has not been changed\n");
        CHECK(read(home / "ro/log.toml") == head + profile);
    }
}

TEST_CASE("the profile's name heads check, plan and today") {
    ScratchDir home;
    write(home / "log.toml", "[profile]\nname = \"Ann\"\n" + sessions);
    CHECK(run(home, {"-f", "log.toml", "check"}).out == "log.toml (Ann): 1 session checked: nothing to flag\n");
    CHECK(run(home, {"-f", "log.toml", "plan", "--week-of", "2026-11-23"}).out.rfind(
              "Week of 2026-11-23 to 2026-11-29, from log.toml (Ann): ", 0) == 0);
    CHECK(run(home, {"-f", "log.toml", "today", "--date", "2026-11-23"}).out.rfind(
              "Mon 2026-11-23, from log.toml (Ann): 0 planned, 0 done\n", 0) == 0);
}

TEST_CASE("profile --units points at the weight written as a bare number - a session / a planned session") {
    ScratchDir home;
    const std::string text = "[profile]\nunits = \"kg\"\n\n[[session]]\ndate = 2026-11-16\nactivity = \"walk\"\n"
                             "weight = \"1 kg\"\nminutes = 10\n\n[[planned]]\ndate = 2026-11-23\nactivity = \"walk\"\n"
                             "minutes = 10\n# the cuffs\nweight = 1.5\n";
    write(home / "log.toml", text);
    const Result r = run(home, profile_args({"--units", "lb"}));
    CHECK(r.exit_code == 2);
    CHECK(r.err == "anklog: error: log.toml:15: changing units would change what the log says: this weight is a bare "
                   "number, which counts in the profile's unit (1.5 kg would become 1.5 lb)\n"
                   "  help: write each weight with its unit (weight = \"1 kg\"), e.g. with 'anklog edit', then change "
                   "units; the log has not been changed\n");
    CHECK(read(home / "log.toml") == text);
}

TEST_CASE("profile keeps a byte-order mark the person's editor put first - and adds none") {
    ScratchDir home;
    const std::string bom = "\xEF\xBB\xBF";
    const std::vector<std::pair<std::string, std::string>> cases{
        {bom + "[profile]\nunits = \"kg\"\n", bom + "[profile]\nname = \"X\"\nunits = \"kg\"\n"},
        {bom + "version = 1\n" + sessions,
         bom + "version = 1\n\n[profile]\nname = \"X\"\nunits = \"kg\"  # kg | lb: display unit, and unit of bare "
               "numbers\n\n" + sessions.substr(1)},
        {bom, bom + "[profile]\nname = \"X\"\nunits = \"kg\"  # kg | lb: display unit, and unit of bare numbers\n"},
        {"[profile]\nunits = \"kg\"\n", "[profile]\nname = \"X\"\nunits = \"kg\"\n"},
    };
    for (const auto& [before, after] : cases) {
        CAPTURE(before);
        write(home / "log.toml", before);
        const Result r = run(home, profile_args({"-q", "--name", "X"}));
        CHECK(r.exit_code == 0);
        CHECK(r.err == "");
        CHECK(read(home / "log.toml") == after);
        CHECK(run(home, {"-f", "log.toml", "profile"}).out.find("  name     X\n") != std::string::npos);
    }
}

TEST_CASE("a log saved as UTF-16 or UTF-32 is refused with advice to save it as UTF-8 - every command") {
    ScratchDir home;
    const std::string ascii = "[profile]\nunits = \"kg\"\n";
    const auto wide = [&](std::string_view bom, int width, bool big_endian) {
        std::string out(bom);
        for (const char c : ascii) {
            std::string unit(static_cast<std::size_t>(width), '\0');
            unit[big_endian ? unit.size() - 1 : 0] = c;
            out += unit;
        }
        return out;
    };
    const std::vector<std::tuple<std::string, std::string>> logs{
        {wide("\xFF\xFE", 2, false), "UTF-16"},  // Notepad's "Unicode"
        {wide("\xFE\xFF", 2, true), "UTF-16"},
        {wide("", 2, false), "UTF-16"},
        {wide("", 2, true), "UTF-16"},
        {wide(std::string_view("\xFF\xFE\0\0", 4), 4, false), "UTF-32"},
        {wide("", 4, true), "UTF-32"},
    };
    for (const auto& [text, encoding] : logs) {
        CAPTURE(encoding);
        write(home / "log.toml", text);
        for (const std::vector<std::string>& command :
             std::vector<std::vector<std::string>>{{"check"}, {"history"}, {"profile", "--name", "X"}, {"plan"}}) {
            CAPTURE(command.front());
            std::vector<std::string> arguments{"-f", "log.toml"};
            arguments.insert(arguments.end(), command.begin(), command.end());
            const Result r = run(home, arguments);
            CHECK(r.exit_code == 2);
            CHECK(r.out == "");
            CHECK(r.err == "anklog: error: log.toml:1:1: the log is saved as " + encoding + " text; anklog reads UTF-8\n"
                           "  help: save it as UTF-8 in your editor (Notepad: Save as, Encoding: UTF-8), or convert it "
                           "with iconv -f " + encoding + " -t UTF-8\n");
        }
        CHECK(read(home / "log.toml") == text);
    }
}

TEST_CASE("--name counts characters, not bytes - 100 accented letters are a name / 101 are too long") {
    ScratchDir home;
    write(home / "log.toml", head + profile);
    std::string name;
    for (int i = 0; i < 100; ++i) name += "\xC3\xA9";  // é
    const Result ok = run(home, profile_args({"-q", "--name", name}));
    CHECK(ok.exit_code == 0);
    CHECK(ok.err == "");
    CHECK(anklog::parse_log(read(home / "log.toml"), "log.toml").profile.name == name);
    const Result long_name = run(home, profile_args({"--name", name + "\xC3\xA9"}));
    CHECK(long_name.exit_code == 2);
    CHECK(long_name.err == "anklog: error: --name: the name is longer than 100 characters\n"
                           "  help: use a shorter name or initials\n");
    const Result init = run(home, {"-f", "new.toml", "-q", "init", "--name", name});
    CHECK(init.exit_code == 0);
}
