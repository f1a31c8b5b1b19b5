// anklog edit: $VISUAL / $EDITOR / vi on a private copy; only a valid result
// replaces the log, atomically, with a backup. Editor scripts stand in for a
// person; a pseudo-terminal where anklog asks.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include <set>

#include "anklog/date.hpp"
#include "anklog/log.hpp"
#include "anklog/log_parser.hpp"
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

TEST_CASE("edit fails cleanly - the editor fails / a full disk: exit 2, log unchanged, the copy kept and named") {
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

}

TEST_CASE("edit fixes a log that no longer parses - a hand edit's typo") {
    ScratchDir home;
    const std::string broken = fixed_text + "\n[[session]]\ndate = 2026-11-20\nactivity = \"walk\"\nminuts = 15\n";
    write(home / "log.toml", broken);
    REQUIRE(run(home, {"-f", "log.toml", "history"}).exit_code == 2);
    const Result r = run(home, {"-f", "log.toml", "-q", "edit"}, with_editor(home, "sed -i 's/minuts/minutes/'"));
    CHECK(r.exit_code == 0);
    CHECK(r.out == "");  // -q: nothing to flag, nothing printed
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

namespace {

// The path a message names after "your edited copy is kept in ", up to ")" or the line's end.
std::string kept_path(const std::string& err) {
    const std::string mark = "your edited copy is kept in ";
    const std::size_t at = err.find(mark);
    if (at == std::string::npos) return {};
    const std::size_t begin = at + mark.size();
    return err.substr(begin, err.find_first_of(")\n", begin) - begin);
}

// Folders in `tmp` that hold a copy being edited (not kept ones).
std::vector<std::string> working_folders(const fs::path& tmp) {
    std::vector<std::string> out;
    for (const std::string& name : names_in(tmp)) {
        if (name.rfind("anklog-edit-", 0) == 0 && name.rfind("anklog-edit-kept-", 0) != 0) out.push_back(name);
    }
    return out;
}

// An editor that stays open: it leaves a swap file beside the copy, as vi
// does, writes its pid to $HOME/NAME.pid and sleeps.
std::string open_editor(const ScratchDir& home, const std::string& name) {
    return editor_script(home, name + ".sh",
                         "echo swap > \"$(dirname \"$1\")/.$(basename \"$1\").swp\"\necho $$ > \"$HOME/" + name +
                             ".pid.new\"\nmv \"$HOME/" + name + ".pid.new\" \"$HOME/" + name + ".pid\"\nexec sleep 60\n");
}

int editor_pid(const ScratchDir& home, const std::string& name) {
    REQUIRE(wait_until([&] { return fs::exists(home / (name + ".pid")); }, std::chrono::seconds(10)));
    return std::stoi(read(home / (name + ".pid")));
}

// Whether process `pid` is gone (or a zombie no one has collected yet).
bool process_gone(int pid) {
    const fs::path stat = "/proc/" + std::to_string(pid) + "/stat";
    if (!fs::exists(stat)) return true;
    const std::string text = read(stat);
    const std::size_t state = text.rfind(')');
    return state != std::string::npos && state + 2 < text.size() && text[state + 2] == 'Z';
}

}  // namespace

TEST_CASE("an editor that empties the copy - refused as git refuses an empty message: exit 2 / log unchanged / "
          "nothing kept") {
    ScratchDir home;
    write(home / "log.toml", log_text);
    const std::string blanks = editor_script(home, "blanks.sh", "printf '\\n  \\n' > \"$1\"\n");
    for (const std::string& editor : {std::string("truncate -s 0"), blanks}) {
        CAPTURE(editor);
        const Result r = run(home, edit, with_editor(home, editor));
        CHECK(r.exit_code == 2);
        CHECK(r.out == "");
        CHECK(r.err == "anklog: error: log.toml: the edited log is empty: anklog does not replace a log with nothing\n"
                       "  help: to start a new log, use 'anklog init --force' (the log has not been changed)\n");
        CHECK(read(home / "log.toml") == log_text);
        CHECK(fs::is_empty(home / "tmp"));
        CHECK(names_in(home.path()) == std::vector<std::string>{"blanks.sh", "log.toml", "tmp"});
    }
}

TEST_CASE("an edit that removes every session - refused, the copy kept / on a terminal (s)ave it anyway saves it "
          "and undo puts it back / (d)iscard") {
    ScratchDir home;
    write(home / "log.toml", log_text);
    const std::string profile_only = "[profile]\nweights = [\"0.5 kg\", \"1 kg\", \"1.5 kg\"]\n";
    const std::string remove_all = "sed -i '/^$/,$d'";  // from the first blank line on
    const Result refused = run(home, edit, with_editor(home, remove_all));
    CHECK(refused.exit_code == 2);
    CHECK(refused.out == "");
    CHECK(refused.err.rfind("anklog: error: log.toml: the edit removes every session: the log has 2, the edited "
                            "copy none\n"
                            "  help: keep them, or run 'anklog edit' on a terminal, which asks before it saves this "
                            "(the log has not been changed; your edited copy is kept in " +
                                (home / "tmp").string() + "/anklog-edit-kept-",
                            0) == 0);
    CHECK(read(kept_path(refused.err)) == profile_only);
    CHECK(read(home / "log.toml") == log_text);
    fs::remove_all(home / "tmp");

    const Result discarded = run(home, edit, on_terminal({"d"}, with_editor(home, remove_all)));
    CHECK(discarded.exit_code == 2);
    CHECK(discarded.out == "anklog: error: log.toml: the edit removes every session: the log has 2, the edited copy "
                           "none\n"
                           "What now? (e)dit again, (s)ave it anyway, (d)iscard: d\n"
                           "anklog: error: log.toml: discarded your changes: the edit removed every session\n"
                           "  help: the log has not been changed; run 'anklog edit' to start again\n");
    CHECK(read(home / "log.toml") == log_text);
    CHECK(fs::is_empty(home / "tmp"));

    const Result saved = run(home, edit, on_terminal({"s"}, with_editor(home, remove_all)));
    CHECK(saved.exit_code == 0);
    CHECK(saved.out.rfind("anklog: error: log.toml: the edit removes every session: the log has 2, the edited copy "
                          "none\n"
                          "What now? (e)dit again, (s)ave it anyway, (d)iscard: s\n"
                          "saved log.toml (the log before is kept as log.toml.~1~):\n\nline 3:\n-\n- [[session]]\n",
                          0) == 0);
    CHECK(saved.out.ends_with("\nlog.toml: 0 sessions checked: nothing to flag\n"));
    CHECK(read(home / "log.toml") == profile_only);
    CHECK(fs::is_empty(home / "tmp"));
    CHECK(run(home, {"-f", "log.toml", "-q", "undo", "--yes"}).exit_code == 0);
    CHECK(read(home / "log.toml") == log_text);

    // An empty copy is saved only when the person says so, too.
    const Result emptied = run(home, edit, on_terminal({"s"}, with_editor(home, "truncate -s 0")));
    CHECK(emptied.exit_code == 0);
    CHECK(emptied.out.rfind("anklog: error: log.toml: the edited log is empty: anklog does not replace a log with "
                            "nothing\n"
                            "  help: to start a new log, use 'anklog init --force'\n"
                            "What now? (e)dit again, (s)ave it anyway, (d)iscard: s\n"
                            "saved log.toml (the log before is kept as log.toml.~",
                            0) == 0);
    CHECK(read(home / "log.toml") == "");
}

TEST_CASE("edit -q prints only the findings on what the edit changed, as log -q does") {
    ScratchDir home;
    write(home / "log.toml", log_text);
    const Result fixed = run(home, {"-f", "log.toml", "-q", "edit"}, with_editor(home, fix_weight));
    CHECK(fixed.exit_code == 0);
    CHECK(fixed.out == "");
    CHECK(fixed.err == "");
    // Back to 1.5 kg: the jump is a safety flag, printed even with -q.
    const Result jump = run(home, {"-f", "log.toml", "-q", "edit"}, with_editor(home, "sed -i '15s/1 kg/1.5 kg/'"));
    CHECK(jump.exit_code == 0);
    const Result check = run(home, {"-f", "log.toml", "check"});
    REQUIRE(check.exit_code == 1);
    CHECK(jump.out == "\n" + check.out.substr(0, check.out.find("\nlog.toml: 2 sessions checked")));
    CHECK(jump.out.find("danger[weight-jump]") != std::string::npos);
}

TEST_CASE("SIGTERM or SIGHUP while the editor is open - the editor ends / the copy and what the editor left are "
          "removed / the log untouched") {
    for (const int signal : {SIGTERM, SIGHUP}) {
        CAPTURE(signal);
        ScratchDir home;
        write(home / "log.toml", log_text);
        const int pid = start(home, edit, with_editor(home, open_editor(home, "editor")));
        const int editor = editor_pid(home, "editor");
        CHECK(working_folders(home / "tmp").size() == 1);
        ::kill(pid, signal);
        if (!wait_until([pid] { return ended(pid); }, std::chrono::seconds(10))) ::kill(pid, SIGKILL);
        const Result r = finish(pid, home);
        CHECK(r.exit_code == 128 + signal);
        CHECK(r.out == "");
        CHECK(r.err == std::string("anklog: ") + (signal == SIGTERM ? "SIGTERM" : "SIGHUP") +
                           ": stopped; the edited copy is removed and the log has not been changed\n");
        CHECK(read(home / "log.toml") == log_text);
        CHECK(fs::is_empty(home / "tmp"));
        CHECK(process_gone(editor));
    }
}

TEST_CASE("Ctrl-C at the \"What now?\" question - the copy removed / the log untouched / exit 130") {
    ScratchDir home;
    write(home / "log.toml", log_text);
    const Result r = run(home, edit, on_terminal({"\x03"}, with_editor(home, "sed -i 's/minutes = 10/minuts = 10/'")));
    CHECK(r.exit_code == 130);
    CHECK(r.out.rfind("anklog: error: log.toml:9:1: unknown key 'minuts' in [[session]]\n"
                      "  help: did you mean 'minutes'?\n"
                      "What now? (e)dit again, (d)iscard: ^C\n",
                      0) == 0);
    CHECK(r.out.ends_with("\nanklog: SIGINT: stopped; the edited copy is removed and the log has not been changed\n"));
    CHECK(read(home / "log.toml") == log_text);
    CHECK(fs::is_empty(home / "tmp"));
}

TEST_CASE("a copy left by an anklog killed with kill -9 - its editor ends / the next edit removes the copy / one "
          "in use, a kept one and another user's stay") {
    ScratchDir home;
    write(home / "log.toml", log_text);
    // An edit in progress, then one killed (each edit removes stale copies as it starts).
    const int open = start(home, edit, with_editor(home, open_editor(home, "open")));
    (void)editor_pid(home, "open");
    const std::vector<std::string> in_use = working_folders(home / "tmp");
    REQUIRE(in_use.size() == 1);
    const int killed = start(home, edit, with_editor(home, open_editor(home, "killed")));
    const int killed_editor = editor_pid(home, "killed");
    ::kill(killed, SIGKILL);
    CHECK(finish(killed, home).exit_code == 137);
    CHECK(wait_until([&] { return process_gone(killed_editor); }, std::chrono::seconds(10)));
    REQUIRE(working_folders(home / "tmp").size() == 2);
    fs::create_directories(home / "tmp/anklog-edit-kept-Ab12Cd");
    write(home / "tmp/anklog-edit-kept-Ab12Cd/log.toml", "kept on purpose");
    if (is_root()) {
        fs::create_directories(home / "tmp/anklog-edit-Zz98Yx");
        REQUIRE(chown_to(home / "tmp/anklog-edit-Zz98Yx", nobody));
    }

    const Result next = run(home, {"-f", "log.toml", "edit"}, with_editor(home, "true"));
    CHECK(next.exit_code == 0);
    CHECK(next.err == "anklog: note: removed 1 private copy of a log left in " + (home / "tmp").string() +
                          " by an 'anklog edit' that was killed\n");
    std::vector<std::string> expected{"anklog-edit-kept-Ab12Cd", in_use.front()};
    if (is_root()) expected.emplace_back("anklog-edit-Zz98Yx");
    std::sort(expected.begin(), expected.end());
    CHECK(names_in(home / "tmp") == expected);

    ::kill(open, SIGTERM);
    CHECK(finish(open, home).exit_code == 128 + SIGTERM);
    std::erase(expected, in_use.front());
    CHECK(names_in(home / "tmp") == expected);
    CHECK(read(home / "log.toml") == log_text);
}

TEST_CASE("an editor that leaves no file where the copy was - says what it left / removes it all / the log "
          "untouched") {
    ScratchDir home;
    write(home / "log.toml", log_text);
    const std::vector<std::pair<std::string, std::string>> cases{
        {"rm \"$1\"\n", "deleted the copy it was editing"},
        {"rm \"$1\"; mkfifo \"$1\"\n", "left a FIFO (named pipe) where the copy was, not a file"},
        {"rm \"$1\"; mkdir \"$1\"; echo x > \"$1/inside\"\n", "left a folder where the copy was, not a file"},
        {"rm \"$1\"; ln -s \"$HOME/log.toml\" \"$1\"\n", "left a symbolic link where the copy was, not a file"},
    };
    for (const auto& [body, what] : cases) {
        CAPTURE(body);
        const std::string editor = editor_script(home, "odd.sh", body);
        const Result r = run_within(home, edit, with_editor(home, editor));
        CHECK(r.exit_code == 2);
        CHECK(r.out == "");
        CHECK(r.err == "anklog: error: log.toml: the editor \"" + editor + "\" " + what +
                           "\n  help: nothing is saved and the log has not been changed; run 'anklog edit' to start "
                           "again\n");
        CHECK(read(home / "log.toml") == log_text);
        CHECK(fs::is_empty(home / "tmp"));
    }
}

TEST_CASE("an editor that leaves a copy over the size limit - says so / keeps it and says where / the log "
          "untouched") {
    ScratchDir home;
    write(home / "log.toml", log_text);
    // A sparse file: 300 MB long, hardly any disk.
    const Result r = run(home, edit, with_editor(home, "truncate -s 300M"));
    CHECK(r.exit_code == 2);
    CHECK(r.out == "");
    CHECK(r.err.rfind("anklog: error: log.toml: the edited copy is larger than 256 MiB, the most anklog reads\n"
                      "  help: make it smaller: move older sessions into another file (anklog check FILE reads any "
                      "log) (the log has not been changed; your edited copy is kept in " +
                          (home / "tmp").string() + "/anklog-edit-kept-",
                      0) == 0);
    CHECK(fs::file_size(kept_path(r.err)) == 300u << 20);
    CHECK(names_in(home / "tmp").size() == 1);
    CHECK(read(home / "log.toml") == log_text);
}

TEST_CASE("a log that cannot be written is refused before the editor opens - a read-only file / folder") {
    ScratchDir home;
    fs::create_directories(home / "ro");
    write(home / "ro/log.toml", log_text);
    Options options = with_editor(home, editor_script(home, "marks.sh", "touch \"$HOME/editor-ran\"\n"));
    fs::permissions(home / "tmp", fs::perms::all | fs::perms::sticky_bit);
    if (is_root()) {
        // root may write anything: nobody stands in for the person.
        REQUIRE(chown_to(home / "ro", nobody));
        REQUIRE(chown_to(home / "ro/log.toml", nobody));
        fs::permissions(home.path(), fs::perms::others_exec, fs::perm_options::add);
        options.prefix = as_user(nobody);
    }
    const std::string real = fs::canonical(home / "ro").string();
    fs::permissions(home / "ro/log.toml", fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    const Result file = run(home, {"-f", "ro/log.toml", "edit"}, options);
    CHECK(file.exit_code == 2);
    CHECK(file.out == "");
    CHECK(file.err == "anklog: error: ro/log.toml: you cannot write to this log: permission denied\n"
                      "  help: make it writable (chmod u+w " + real + "/log.toml) if it should change, or choose "
                      "another log with -f FILE; the log has not been changed\n");

    fs::permissions(home / "ro/log.toml", fs::perms::owner_read | fs::perms::owner_write);
    fs::permissions(home / "ro", fs::perms::owner_read | fs::perms::owner_exec);
    const Result folder = run(home, {"-f", "ro/log.toml", "edit"}, options);
    fs::permissions(home / "ro", fs::perms::owner_all);
    CHECK(folder.exit_code == 2);
    CHECK(folder.out == "");
    CHECK(folder.err == "anklog: error: ro/log.toml: you cannot write in the log's folder " + real +
                            ": permission denied\n"
                            "  help: anklog replaces the log by a new file beside it: make the folder writable (chmod "
                            "u+w " + real + "), or keep the log in another folder; the log has not been changed\n");
    CHECK_FALSE(fs::exists(home / "editor-ran"));
    CHECK(read(home / "ro/log.toml") == log_text);
    CHECK(fs::is_empty(home / "tmp"));
}

TEST_CASE("a change deep in a long log is shown at its line / sessions moved, not changed, are not judged as edited") {
    ScratchDir home;
    std::string text = "[profile]\nunits = \"kg\"\n";
    for (int day = 0; day < 2000; ++day) {
        text += fmt::format("\n[[session]]\ndate = {}\nactivity = \"pilates\"\nminutes = 30\n",
                            anklog::to_string(anklog::Date{std::chrono::sys_days{std::chrono::year{2020} / 1 / 1} +
                                                           std::chrono::days{day}}));
    }
    write(home / "log.toml", text + "\n[[session]]\ndate = 2999-01-01\nactivity = \"walk\"\nminutes = 5\n");
    // Line 2 + 5 * 1235: the minutes of the 1235th session.
    const Result r = run(home, edit, with_editor(home, "sed -i '6177s/minutes = 30/minutes = 31/'"));
    CHECK(r.exit_code == 0);
    CHECK(r.out.rfind("saved log.toml (the log before is kept as log.toml.~1~):\n\nline 6177:\n- minutes = 30\n+ "
                      "minutes = 31\n\nlog.toml: 2001 sessions checked: ",
                      0) == 0);
    // The session after today moved to the top, unchanged: not refused.
    write(home / "moved.toml", "[profile]\nunits = \"kg\"\n\n[[session]]\ndate = 2999-01-01\nactivity = \"walk\"\n"
                               "minutes = 5\n" + text.substr(text.find("\n[[session]]")));
    const Result moved = run(home, {"-f", "log.toml", "-q", "edit"}, with_editor(home, "cp \"$HOME/moved.toml\""));
    CHECK(moved.exit_code == 0);
    CHECK(moved.err == "");
    CHECK(read(home / "log.toml") == read(home / "moved.toml"));
}
