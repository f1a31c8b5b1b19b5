// anklog edit: $VISUAL / $EDITOR / vi on a private copy; only a valid result
// replaces the log, atomically, with a backup. Editor scripts stand in for a
// person; a pseudo-terminal where anklog asks.
#include <doctest/doctest.h>

#include <set>

#include "anklog/log.hpp"
#include "faults.hpp"
#include "terminal.hpp"

using namespace e2e;

namespace {

const std::string log_text =
    "[profile]\nweights = [\"0.5 kg\", \"1 kg\", \"1.5 kg\"]\n"
    "\n[[session]]\ndate = 2026-11-16\nactivity = \"walk\"\non = \"ankle\"\nweight = \"0.5 kg\"\nminutes = 10\n"
    "\n[[session]]\ndate = 2026-11-18\nactivity = \"walk\"\non = \"ankle\"\nweight = \"1.5 kg\"\nminutes = 10\n";

// A weight logged wrong, as a person fixes it: the second walk's weight.
const std::string fix_weight = "sed -i '15s/1.5 kg/1 kg/'";
const std::string fixed_text = [] {
    std::string text = log_text;
    text.replace(text.rfind("1.5 kg"), 6, "1 kg");
    return text;
}();

// An editor: a shell script in the scratch folder.
std::string editor_script(const ScratchDir& home, const std::string& name, const std::string& body) {
    write(home / name, "#!/bin/sh\n" + body);
    fs::permissions(home / name, fs::perms::owner_all);
    return (home / name).string();
}

Options with_editor(const ScratchDir& home, const std::string& editor, Options options = {}) {
    fs::create_directories(home / "tmp");
    options.env["EDITOR"] = editor;
    options.env["TMPDIR"] = (home / "tmp").string();
    return options;
}

const std::vector<std::string> edit{"-f", "log.toml", "edit"};

}  // namespace

TEST_CASE("edit with an EDITOR that takes arguments - the log replaced / a backup / what changed / what check says") {
    ScratchDir home;
    write(home / "log.toml", log_text);
    const Result r = run(home, edit, with_editor(home, fix_weight));
    CHECK(r.exit_code == 0);
    CHECK(r.err == "");
    CHECK(r.out == "saved log.toml (the log before is kept as log.toml.~1~):\n"
                   "\n"
                   "line 15:\n"
                   "- weight = \"1.5 kg\"\n"
                   "+ weight = \"1 kg\"\n"
                   "\n"
                   "log.toml: 2 sessions checked: nothing to flag\n");
    CHECK(read(home / "log.toml") == fixed_text);
    CHECK(read(home / "log.toml.~1~") == log_text);
    CHECK(fs::is_empty(home / "tmp"));  // the private copy is gone
    const Result undo = run(home, {"-f", "log.toml", "-q", "undo", "--yes"});
    CHECK(undo.exit_code == 0);
    CHECK(read(home / "log.toml") == log_text);
}

TEST_CASE("edit works on a private copy - its own folder 0700 / the file 0600 / named like the log / a name with spaces") {
    ScratchDir home;
    write(home / "my log.toml", log_text);
    const std::string editor = editor_script(
        home, "editor.sh",
        "echo \"$(stat -c %a \"$(dirname \"$1\")\") $(stat -c %a \"$1\") $1\" > \"$HOME/seen\"\nsed -i '15s/1.5 kg/1 kg/' "
        "\"$1\"\n");
    const Result r = run(home, {"-f", "my log.toml", "-q", "edit"}, with_editor(home, editor));
    CHECK(r.exit_code == 0);
    const std::string seen = read(home / "seen");
    CHECK(seen.rfind("700 600 " + (home / "tmp").string() + "/anklog-edit-", 0) == 0);
    CHECK(seen.ends_with("/my log.toml\n"));
    CHECK(read(home / "my log.toml") == fixed_text);
}

TEST_CASE("edit chooses $VISUAL, else $EDITOR, else vi") {
    ScratchDir home;
    fs::create_directories(home / "bin");
    write(home / "bin/vi", "#!/bin/sh\necho vi >> \"$HOME/used\"\n");
    fs::permissions(home / "bin/vi", fs::perms::owner_all);
    write(home / "log.toml", log_text);
    Options options = with_editor(home, "echo editor >> \"$HOME/used\"; true");
    options.env["VISUAL"] = "echo visual >> \"$HOME/used\"; true";
    options.env["PATH"] = (home / "bin").string() + ":/usr/bin:/bin";
    CHECK(run(home, edit, options).out == "no changes: log.toml has not been changed\n");
    options.env["VISUAL"] = "";
    CHECK(run(home, edit, options).exit_code == 0);
    options.env.erase("VISUAL");
    options.env["EDITOR"] = "";
    CHECK(run(home, edit, options).exit_code == 0);
    CHECK(read(home / "used") == "visual\neditor\nvi\n");
    CHECK(names_in(home.path()) == std::vector<std::string>{"bin", "log.toml", "tmp", "used"});  // nothing written
}

TEST_CASE("an invalid edit without a terminal - exit 2 / the located error / the log untouched / the copy kept") {
    ScratchDir home;
    write(home / "log.toml", log_text);
    const Result r = run(home, edit, with_editor(home, "sed -i 's/minutes = 10/minuts = 10/'"));
    CHECK(r.exit_code == 2);
    CHECK(r.out == "");
    const std::string copy_folder = (home / "tmp").string() + "/anklog-edit-";
    CHECK(r.err.rfind("anklog: error: log.toml:9:1: unknown key 'minuts' in [[session]]\n"
                      "  help: did you mean 'minutes'? (the log has not been changed; your edited copy is kept in " +
                          copy_folder,
                      0) == 0);
    CHECK(read(home / "log.toml") == log_text);
    CHECK(names_in(home.path()) == std::vector<std::string>{"log.toml", "tmp"});
    const std::string kept = r.err.substr(r.err.find(copy_folder), r.err.rfind(')') - r.err.find(copy_folder));
    CHECK(read(kept).find("minuts = 10") != std::string::npos);
}

TEST_CASE("an invalid edit on a terminal - (e)dit again until it is valid / (d)iscard") {
    ScratchDir home;
    write(home / "log.toml", log_text);
    // First pass: a typo; second pass (the person sees the error): the typo fixed and the weight too.
    const std::string editor = editor_script(home, "person.sh",
                                             "if grep -q minuts \"$1\"; then sed -i 's/minuts/minutes/; "
                                             "15s/1.5 kg/1 kg/' \"$1\"; else sed -i '9s/minutes/minuts/' \"$1\"; fi\n");
    const Result again = run(home, edit, on_terminal({"x", "e"}, with_editor(home, editor)));
    CHECK(again.exit_code == 0);
    CHECK(again.out == "anklog: error: log.toml:9:1: unknown key 'minuts' in [[session]]\n"
                       "  help: did you mean 'minutes'?\n"
                       "What now? (e)dit again, (d)iscard: x\n"
                       "What now? (e)dit again, (d)iscard: e\n"
                       "saved log.toml (the log before is kept as log.toml.~1~):\n"
                       "\n"
                       "line 15:\n"
                       "- weight = \"1.5 kg\"\n"
                       "+ weight = \"1 kg\"\n"
                       "\n"
                       "log.toml: 2 sessions checked: nothing to flag\n");
    CHECK(read(home / "log.toml") == fixed_text);

    const std::string breaks = editor_script(home, "breaks.sh", "sed -i '9s/minutes/minuts/' \"$1\"\n");
    const Result discard = run(home, edit, on_terminal({"d"}, with_editor(home, breaks)));
    CHECK(discard.exit_code == 2);
    CHECK(discard.out == "anklog: error: log.toml:9:1: unknown key 'minuts' in [[session]]\n"
                         "  help: did you mean 'minutes'?\n"
                         "What now? (e)dit again, (d)iscard: d\n"
                         "anklog: error: log.toml: discarded your changes: the edited log was not valid\n"
                         "  help: the log has not been changed; run 'anklog edit' to start again\n");
    CHECK(read(home / "log.toml") == fixed_text);
    CHECK(fs::is_empty(home / "tmp"));
}

TEST_CASE("the log changed while the editor was open - edit refuses, keeps the copy / every other write lands") {
    ScratchDir home;
    write(home / "log.toml", log_text);
    // While "the person" edits, five other anklog writes land.
    const std::string editor = editor_script(
        home, "busy.sh",
        "for i in 1 2 3 4 5; do \"$ANKLOG\" -f \"$HOME/log.toml\" -q log walk -m 1$i --date 2026-11-19 --note \"w$i\" "
        "& done; wait\nsed -i '15s/1.5 kg/1 kg/' \"$1\"\n");
    Options options = with_editor(home, editor);
    options.env["ANKLOG"] = ANKLOG_BIN;
    const Result r = run(home, edit, options);
    CHECK(r.exit_code == 2);
    CHECK(r.err.rfind("anklog: error: log.toml: the log changed while you were editing it, so anklog will not "
                      "overwrite it\n"
                      "  help: compare your edited copy with the log, then run 'anklog edit' again; the log has not "
                      "been changed; your edited copy is kept in " +
                          (home / "tmp").string() + "/anklog-edit-",
                      0) == 0);
    const anklog::Log log = anklog::parse_log(read(home / "log.toml"), "log.toml");
    std::set<std::string> notes;
    for (const auto& session : log.sessions) notes.insert(session.note);
    CHECK(notes == std::set<std::string>{"", "w1", "w2", "w3", "w4", "w5"});
    CHECK(read(home / "log.toml").rfind(log_text, 0) == 0);
    CHECK_FALSE(fs::is_empty(home / "tmp"));
}

TEST_CASE("edit fails cleanly - the editor fails / a full disk / a read-only folder: exit 2, log unchanged") {
    ScratchDir home;
    write(home / "log.toml", log_text);
    const Result failed = run(home, edit, with_editor(home, "false"));
    CHECK(failed.exit_code == 2);
    CHECK(failed.err.rfind("anklog: error: log.toml: the editor \"false\" exited with status 1\n"
                           "  help: set VISUAL or EDITOR to your editor, e.g. EDITOR=nano (the log has not been "
                           "changed; your edited copy is kept in ",
                           0) == 0);
    const Result missing = run(home, edit, with_editor(home, "no-such-editor-here"));
    CHECK(missing.exit_code == 2);
    CHECK(missing.err.find("anklog: error: log.toml: the editor \"no-such-editor-here\" exited with status 127\n") !=
          std::string::npos);

    const Result full = run(home, edit, with_editor(home, fix_weight, with_faults("write:.log.toml.anklog-*:ENOSPC")));
    CHECK(full.exit_code == 2);
    CHECK(full.err.rfind("anklog: error: log.toml: cannot write the log: the disk is full\n"
                         "  help: free some space and try again; your log has not been changed; your edited copy is "
                         "kept in ",
                         0) == 0);
    CHECK(read(home / "log.toml") == log_text);
    CHECK(names_in(home.path()) == std::vector<std::string>{"log.toml", "tmp"});

    if (is_root()) {
        fs::create_directory(home / "ro");
        write(home / "ro/log.toml", log_text);
        fs::permissions(home / "ro", fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                         fs::perms::others_read | fs::perms::others_exec);
        REQUIRE(chown_to(home / "ro/log.toml", nobody));
        fs::permissions(home / "tmp", fs::perms::all | fs::perms::sticky_bit);
        Options as_nobody = with_editor(home, fix_weight);
        as_nobody.prefix = as_user(nobody);
        const Result read_only = run(home, {"-f", "ro/log.toml", "edit"}, as_nobody);
        CHECK(read_only.exit_code == 2);
        CHECK(read_only.err.rfind("anklog: error: ro/log.toml: cannot write the log: permission denied\n", 0) == 0);
        CHECK(read(home / "ro/log.toml") == log_text);
    }
}

TEST_CASE("edit fixes a log that no longer parses - a hand edit's typo") {
    ScratchDir home;
    const std::string broken = fixed_text + "\n[[session]]\ndate = 2026-11-20\nactivity = \"walk\"\nminuts = 15\n";
    write(home / "log.toml", broken);
    REQUIRE(run(home, {"-f", "log.toml", "history"}).exit_code == 2);
    const Result r = run(home, {"-f", "log.toml", "-q", "edit"}, with_editor(home, "sed -i 's/minuts/minutes/'"));
    CHECK(r.exit_code == 0);
    CHECK(r.out == "\nlog.toml: 3 sessions checked: nothing to flag\n");
    CHECK(run(home, {"-f", "log.toml", "history"}).exit_code == 0);
}

TEST_CASE("edit refuses a session it dates after today - a year typo - located / sessions it leaves alone are not judged") {
    ScratchDir home;
    write(home / "log.toml", log_text);
    const Result r = run(home, edit, with_editor(home, "sed -i 's/2026-11-18/2999-11-18/'"));
    CHECK(r.exit_code == 2);
    CHECK(r.err.rfind("anklog: error: log.toml:11: walk on 2999-11-18 is after today (", 0) == 0);
    CHECK(r.err.find("): a session is what was done\n  help: fix its date; days to come are planned with 'anklog "
                     "plan --save' (the log has not been changed; your edited copy is kept in ") != std::string::npos);
    CHECK(read(home / "log.toml") == log_text);
    // A log that already holds a later session (written by hand, or by a
    // generator) can still be edited elsewhere.
    const std::string later = log_text + "\n[[session]]\ndate = 2999-01-01\nactivity = \"walk\"\nminutes = 5\n";
    write(home / "log.toml", later);
    const Result fixed = run(home, edit, with_editor(home, fix_weight));
    CHECK(fixed.exit_code == 0);
}
