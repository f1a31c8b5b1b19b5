// anklog report: where the page goes, what it refuses to overwrite, and a
// page that holds everything it shows.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <pty.h>
#include <unistd.h>

#include "faults.hpp"
#include "harness.hpp"

using namespace e2e;

namespace {

void client(const ScratchDir& home, const std::string& name) {
    write(home / "log.toml", read(source_dir() / "examples/clients" / name));
}

const std::vector<std::string> bo_report{"-f", "log.toml", "report", "--until", "2026-11-29"};

std::vector<std::string> with(std::vector<std::string> args, const std::vector<std::string>& more) {
    args.insert(args.end(), more.begin(), more.end());
    return args;
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

// What the folder holds besides the log: a failed write leaves nothing.
std::vector<std::string> others(const ScratchDir& home) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(home.path())) {
        if (entry.path().filename() != "log.toml") names.push_back(entry.path().filename().string());
    }
    return names;
}

}  // namespace

TEST_CASE("report -o FILE writes one self-contained page, readable only by you") {
    ScratchDir home;
    client(home, "bo.toml");
    const Result r = run(home, with(bo_report, {"-o", "bo.html"}));
    CHECK(r.exit_code == 0);
    CHECK(r.err == "");
    CHECK(r.out == "wrote bo.html: open it in a browser, or print it (A4)\n");
    CHECK(mode_of(home / "bo.html") == 0600);
    const std::string page = read(home / "bo.html");
    CHECK(page.starts_with("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n"));
    CHECK(page.ends_with("</html>\n"));
    CHECK(page.find("<h1>Training report: Bo</h1>") != std::string::npos);
    // Nothing to run, nothing to fetch.
    for (const char* outside : {"<script", "src=", "href=", "@import", "url(http", "<link", "<iframe", "<img"}) {
        CAPTURE(outside);
        CHECK(page.find(outside) == std::string::npos);
    }
    CHECK(count(page, "http") == count(page, "http://www.w3.org/"));  // namespaces only
    // The charts: a done and a planned bar per week for each family, pain with its two lines;
    // 11 weeks, from the week of Bo's first session (2026-09-14), not 12.
    CHECK(count(page, "<rect class=\"bar done\"") == 2 * 11);
    CHECK(count(page, "<rect class=\"bar planned\"") == 2 * 11);
    CHECK(count(page, "<circle class=\"point\"") == 21);
    CHECK(count(page, "<line class=\"reference\"") == 2);
    CHECK(page.find("<h2>Plan for the week of 2026-11-30 to 2026-12-06</h2>") != std::string::npos);
    CHECK(page.find("data-rule=\"persistent-pain\"") != std::string::npos);
    // -q: nothing but the file.
    const Result quiet = run(home, with(bo_report, {"-q", "-o", "again.html"}));
    CHECK(quiet.out == "");
    CHECK(read(home / "again.html") == page);
}

TEST_CASE("report without -o: the page on standard output, never on a terminal") {
    ScratchDir home;
    client(home, "bo.toml");
    const Result piped = run(home, bo_report);
    CHECK(piped.exit_code == 0);
    CHECK(piped.out.starts_with("<!DOCTYPE html>\n"));
    Options terminal;
    terminal.in_child = [] {
        int controller = -1;
        int device = -1;
        if (::openpty(&controller, &device, nullptr, nullptr, nullptr) != 0 || ::dup2(device, STDOUT_FILENO) < 0) {
            ::_exit(126);
        }
    };
    const Result r = run(home, bo_report, terminal);
    CHECK(r.exit_code == 2);
    CHECK(r.err == "anklog: error: a report is an HTML page, not for the terminal\n"
                   "  help: write it to a file: anklog report -o report.html (or anklog report > report.html)\n");
}

TEST_CASE("report never overwrites the log, a .toml file, a folder or a device") {
    ScratchDir home;
    client(home, "bo.toml");
    const std::string log = read(home / "log.toml");
    fs::create_symlink("log.toml", home / "link.html");
    fs::create_hard_link(home / "log.toml", home / "hard.html");
    fs::create_directory(home / "folder.html");
    for (const auto& [target, error] : std::vector<std::pair<std::string, std::string>>{
             {"link.html", "anklog: error: -o: link.html is your log\n  help: name another file, e.g. -o report.html\n"},
             {"hard.html", "anklog: error: -o: hard.html is your log\n  help: name another file, e.g. -o report.html\n"},
             {"log.toml", "anklog: error: -o: log.toml looks like a log, not a report\n"
                          "  help: a report is an HTML page: name it e.g. report.html\n"},
             {"other.toml", "anklog: error: -o: other.toml looks like a log, not a report\n"
                            "  help: a report is an HTML page: name it e.g. report.html\n"},
             {"folder.html", "anklog: error: -o: folder.html is not a regular file\n"
                             "  help: name a file, e.g. -o report.html, or redirect: anklog report > FILE\n"},
             {"/dev/null", "anklog: error: -o: /dev/null is not a regular file\n"
                           "  help: name a file, e.g. -o report.html, or redirect: anklog report > FILE\n"},
             {"", "anklog: error: -o: the file name is empty\n"
                  "  help: name the report, e.g. -o report.html, or leave -o out and redirect\n"}}) {
        CAPTURE(target);
        const Result r = run(home, with(bo_report, {"-o", target}));
        CHECK(r.exit_code == 2);
        CHECK(r.err == error);
        CHECK(r.out == "");
    }
    CHECK(read(home / "log.toml") == log);
    CHECK(fs::is_symlink(home / "link.html"));
    CHECK_FALSE(fs::exists(home / "other.toml"));
}

TEST_CASE("report -o never replaces anklog's own files or anything but a report it wrote") {
    ScratchDir home;
    REQUIRE(run(home, {"-f", "bo.toml", "init", "--name", "Bo"}).exit_code == 0);
    REQUIRE(run(home, {"-f", "bo.toml", "log", "walk", "-w", "1kg", "-m", "20", "--date", "2026-11-23"}).exit_code == 0);
    REQUIRE(run(home, {"-f", "bo.toml", "profile", "--name", "Bobby"}).exit_code == 0);  // keeps bo.toml.~1~
    const std::string log = read(home / "bo.toml");
    const std::string backup = read(home / "bo.toml.~1~");
    const std::string record = read(home / ".bo.toml.anklog-undo");
    write(home / "copy.html", backup);
    write(home / "record.html", record);
    write(home / "notes.txt", "my own notes\n");
    fs::create_symlink("bo.toml.~1~", home / "link.html");
    const std::string own_advice = "  help: name another file, e.g. -o report.html\n";
    const std::string foreign_advice =
        "  help: anklog replaces only reports it wrote: name another file, e.g. -o report.html, or move that one "
        "away first\n";
    for (const auto& [target, error] : std::vector<std::pair<std::string, std::string>>{
             {"bo.toml.~1~", "anklog: error: -o: bo.toml.~1~ is a numbered backup, which anklog never overwrites\n" +
                                 own_advice},
             {"bo.toml.~7~", "anklog: error: -o: bo.toml.~7~ is a numbered backup, which anklog never overwrites\n" +
                                 own_advice},
             {".bo.toml.anklog-undo",
              "anklog: error: -o: .bo.toml.anklog-undo is the undo record of a log, which 'anklog undo' needs\n" +
                  own_advice},
             {".bo.toml.anklog-Ab12Cd",
              "anklog: error: -o: .bo.toml.anklog-Ab12Cd is named like the temporary files anklog writes\n" +
                  own_advice},
             {"copy.html", "anklog: error: -o: copy.html holds an anklog log (1 session), not a report\n" +
                               foreign_advice},
             {"link.html", "anklog: error: -o: link.html holds an anklog log (1 session), not a report\n" +
                               foreign_advice},
             {"record.html",
              "anklog: error: -o: record.html holds the undo record of a log, which 'anklog undo' needs\n" +
                  own_advice},
             {"notes.txt", "anklog: error: -o: notes.txt exists and is not a report anklog wrote\n" + foreign_advice}}) {
        CAPTURE(target);
        const Result r = run(home, {"-f", "bo.toml", "report", "--until", "2026-11-29", "-o", target});
        CHECK(r.exit_code == 2);
        CHECK(r.err == error);
        CHECK(r.out == "");
    }
    CHECK(read(home / "bo.toml") == log);
    CHECK(read(home / "bo.toml.~1~") == backup);
    CHECK(read(home / ".bo.toml.anklog-undo") == record);
    CHECK(read(home / "copy.html") == backup);
    CHECK(read(home / "record.html") == record);
    CHECK(read(home / "notes.txt") == "my own notes\n");
    CHECK(fs::is_symlink(home / "link.html"));
    CHECK_FALSE(fs::exists(home / "bo.toml.~7~"));
    CHECK_FALSE(fs::exists(home / ".bo.toml.anklog-Ab12Cd"));
    // The undo record still works.
    const Result undo = run(home, {"-f", "bo.toml", "undo", "--yes"});
    CHECK(undo.exit_code == 0);
    CHECK(read(home / "bo.toml") == backup);
    // A report anklog wrote is replaced, and so is an empty file.
    write(home / "empty.html", "");
    for (const char* target : {"report.html", "report.html", "empty.html"}) {
        CAPTURE(target);
        const Result r = run(home, {"-f", "bo.toml", "-q", "report", "--until", "2026-11-29", "-o", target});
        CHECK(r.exit_code == 0);
        CHECK(r.err == "");
        CHECK(read(home / target).starts_with("<!DOCTYPE html>\n"));
    }
}

TEST_CASE("report -o - is standard output: the page when piped, refused on a terminal, never a file named -") {
    ScratchDir home;
    client(home, "bo.toml");
    const Result piped = run(home, with(bo_report, {"-o", "-"}));
    CHECK(piped.exit_code == 0);
    CHECK(piped.err == "");
    CHECK(piped.out == run(home, bo_report).out);
    CHECK(piped.out.starts_with("<!DOCTYPE html>\n"));
    Options terminal;
    terminal.in_child = [] {
        int controller = -1;
        int device = -1;
        if (::openpty(&controller, &device, nullptr, nullptr, nullptr) != 0 || ::dup2(device, STDOUT_FILENO) < 0) {
            ::_exit(126);
        }
    };
    const Result r = run(home, with(bo_report, {"-o", "-"}), terminal);
    CHECK(r.exit_code == 2);
    CHECK(r.err == "anklog: error: a report is an HTML page, not for the terminal\n"
                   "  help: write it to a file: anklog report -o report.html (or anklog report > report.html)\n");
    CHECK(others(home).empty());
    // A file named "-" is still possible, by its path.
    CHECK(run(home, with(bo_report, {"-q", "-o", "./-"})).exit_code == 0);
    CHECK(read(home / "-") == piped.out);
}

TEST_CASE("report -o takes names up to the file system's limit and says so past it") {
    ScratchDir home;
    client(home, "bo.toml");
    for (const std::size_t length : {std::size_t{245}, std::size_t{255}}) {
        CAPTURE(length);
        const std::string name = std::string(length - 5, 'r') + ".html";
        const Result r = run(home, with(bo_report, {"-o", name}));
        CHECK(r.exit_code == 0);
        CHECK(r.err == "");
        CHECK(r.out == "wrote " + name + ": open it in a browser, or print it (A4)\n");
        CHECK(read(home / name).starts_with("<!DOCTYPE html>\n"));
        CHECK(others(home) == std::vector<std::string>{name});
        fs::remove(home / name);
    }
    const Result r = run(home, with(bo_report, {"-o", std::string(251, 'r') + ".html"}));
    CHECK(r.exit_code == 2);
    CHECK(r.err == "anklog: error: -o: the file name is 256 bytes long, longer than the 255 its folder allows\n"
                   "  help: choose a shorter name, e.g. -o report.html\n");
    CHECK(others(home).empty());
}

TEST_CASE("a report that cannot be written is exit 2 with the reason, and leaves no file behind") {
    ScratchDir home;
    client(home, "bo.toml");
    for (const char* fault : {"write:.bo.html.anklog-*:ENOSPC", "fsync:.bo.html.anklog-*:EIO",
                              "rename:bo.html:EXDEV", "write:.bo.html.anklog-*:zero"}) {
        CAPTURE(fault);
        const Result r = run(home, with(bo_report, {"-o", "bo.html"}), with_faults(fault));
        CHECK(r.exit_code == 2);
        CHECK(r.err.starts_with("anklog: error: cannot write bo.html: "));
        CHECK(others(home).empty());
    }
    const Result full = run(home, with(bo_report, {"-o", "bo.html"}), with_faults("write:.bo.html.anklog-*:ENOSPC"));
    CHECK(full.err == "anklog: error: cannot write bo.html: No space left on device\n"
                      "  help: free some space on that disk, or write the report elsewhere with -o\n");
    // Standard output on a full disk too.
    Options dev_full;
    dev_full.in_child = [] {
        const int device = ::open("/dev/full", O_WRONLY);
        if (device < 0 || ::dup2(device, STDOUT_FILENO) < 0) ::_exit(126);
    };
    const Result r = run(home, bo_report, dev_full);
    CHECK(r.exit_code == 2);
    CHECK(r.err == "anklog: error: cannot write output: No space left on device\n"
                   "  help: free some space on that disk, or send the output elsewhere\n");
}

TEST_CASE("everything from the log is escaped in the report: no markup, no controls") {
    ScratchDir home;
    write(home / "log.toml",
          "[profile]\nname = \"<script>alert(1)</script> & \\\"Co\\\" \\u202e\"\n\n"
          "[activities]\n\"<b>x</b>\" = { kind = \"gait\" }\n\n"
          "[[session]]\ndate = 2026-11-02\nactivity = \"<b>x</b>\"\nweight = \"3 kg\"\nminutes = 20\npain = 6\n"
          "note = \"]]> \\u0001 <!-- -->\"\n");
    const Result r = run(home, {"-f", "log.toml", "report", "--until", "2026-11-29"});
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("<script") == std::string::npos);
    CHECK(r.out.find("<b>x") == std::string::npos);
    CHECK(r.out.find("<h1>Training report: &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot; \\u202e</h1>") !=
          std::string::npos);
    CHECK(r.out.find("&lt;b&gt;x&lt;/b&gt;") != std::string::npos);
    CHECK(r.out.find('\x01') == std::string::npos);
    CHECK(r.out.find("\xe2\x80\xae") == std::string::npos);  // U+202E
}

TEST_CASE("a report of a log without sessions says so and plans a beginner's week") {
    ScratchDir home;
    write(home / "log.toml", "[profile]\nname = \"New\"\n");
    const Result r = run(home, {"-f", "log.toml", "report", "--until", "2026-11-29"});
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("<p>Not enough data: the log has no sessions yet.</p>") != std::string::npos);
    CHECK(r.out.find("<h2>Plan for the week of 2026-11-30 to 2026-12-06</h2>") != std::string::npos);
    CHECK(r.out.find("<rect class=\"bar") == std::string::npos);
    const Result bad = run(home, {"-f", "log.toml", "report", "--since", "soon"});
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.starts_with("anklog: error: --since: \"soon\" is not a date or a period\n"));
}

TEST_CASE("report: the first screen is the decision: the standing, danger and what to do, then adherence, then charts") {
    ScratchDir home;
    client(home, "bo.toml");
    const std::string page = run(home, bo_report).out;
    const auto at = [&](const std::string& what) {
        CAPTURE(what);
        const std::size_t found = page.find(what);
        CHECK(found != std::string::npos);
        return found;
    };
    const std::size_t meta = at("<p class=\"meta\">");
    const std::size_t standing = at("<p class=\"standing\"><b>Where things stand on 2026-11-29:</b> danger: resting "
                                    "after pain on 4 of the last 5 training days");
    const std::size_t danger = at("<p class=\"finding danger\" data-rule=\"persistent-pain\"><span class=\"severity\">"
                                  "danger</span><b>persistent-pain</b> \u00b7 2 sessions, the last on "
                                  "2026-11-26. What to do: stop training with weights and "
                                  "see a doctor or physiotherapist");
    const std::size_t figures = at("<div class=\"figures\">");
    const std::size_t adherence = at("<h2>Planned and done</h2>");
    const std::size_t charts = at("<h2>Weighted volume per week</h2>");
    const std::size_t findings = at("<h2>Findings of the safety rules</h2>");
    CHECK(meta < standing);
    CHECK(standing < danger);
    CHECK(danger < figures);
    CHECK(figures < adherence);
    CHECK(adherence < charts);
    CHECK(charts < findings);
    // Between the title and the standing, only the period's line.
    CHECK(page.find("<p", meta + 1) == standing);

    // Nothing to worry about: the standing says so, first all the same.
    client(home, "ann.toml");
    const std::string ann = run(home, bo_report).out;
    const std::size_t ann_standing = ann.find(
        "<p class=\"standing\"><b>Where things stand on 2026-11-29:</b> nothing needs attention</p>");
    CHECK(ann_standing != std::string::npos);
    CHECK(ann.find("<p", ann.find("<p class=\"meta\">") + 1) == ann_standing);
    CHECK(ann.find("class=\"finding danger\"") == std::string::npos);
}

TEST_CASE("the report lists the latest two sessions of each rule and counts the rest (a busy month printed three pages)") {
    ScratchDir home;
    write(home / "cy.toml", read(fs::path(ANKLOG_SOURCE_DIR) / "examples/clients/cy.toml"));
    const Result r = run(home, {"-f", "cy.toml", "report"});
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("<li class=\"more\">and 2 earlier (<code>anklog check</code> lists them)</li>\n") !=
          std::string::npos);
    std::size_t listed = 0;
    for (std::size_t at = r.out.find("class=\"flagged\""); at != std::string::npos;
         at = r.out.find("class=\"flagged\"", at + 1)) {
        ++listed;
    }
    CHECK(listed == 13);  // 8 rules, at most 2 each
    // Advice is said once: after pain five rules advised "stop training with
    // weights and see a doctor"; the danger at the top says it, the rules
    // below point to it.
    CHECK(count(r.out, "stop training with weights and see a doctor or physiotherapist: pain that keeps coming back") ==
          1);
    CHECK(count(r.out, "<p>\u2192 what to do: as at the top <span class=\"source\">") == 5);
}

TEST_CASE("a report of many rules lists the latest session of each - runs of empty weeks are one row") {
    ScratchDir home;
    write(home / "log.toml", read(fs::path(ANKLOG_SOURCE_DIR) / "examples/too-much-too-soon.toml"));
    const Result r = run(home, {"-f", "log.toml", "report", "--until", "2026-11-29"});
    REQUIRE(r.exit_code == 0);
    // 13 rules at warning or danger (pain at both): the latest session of
    // each (it printed three A4 pages; report_render.py counts them).
    CHECK(count(r.out, "<div class=\"finding ") == 14);
    CHECK(count(r.out, "class=\"flagged\"") == 14);
    CHECK(r.out.find("<li class=\"more\">and 4 earlier (<code>anklog check</code> lists them)</li>") !=
          std::string::npos);
    // A rule of one session says it on its heading's line.
    CHECK(r.out.find("<div class=\"finding warning single\" data-rule=\"long-wear\"><p><span class=\"severity\">"
                     "warning</span><b>long-wear</b> \u00b7 1 session:</p>") != std::string::npos);
    // Weeks without anything logged: one row, not a row of zeros each.
    CHECK(r.out.find("<tr class=\"empty\"><td>2026-10-19</td><td colspan=\"8\">nothing logged for 2 weeks, to "
                     "2026-11-01</td></tr>") != std::string::npos);
    CHECK(r.out.find("<tr class=\"empty\"><td>2026-11-09</td><td colspan=\"8\">nothing logged for 3 weeks, to "
                     "2026-11-29</td></tr>") != std::string::npos);
    // Nothing planned: the figure says it; no section to say it again.
    CHECK(r.out.find("<b>\u2013</b><span>no sessions planned</span>") != std::string::npos);
    CHECK(r.out.find("<h2>Planned and done</h2>") == std::string::npos);
}

TEST_CASE("the report's pain lines come from the log's rules: [rules] overrides move them") {
    ScratchDir home;
    const std::string sessions =
        "\n[[session]]\ndate = 2026-11-02\nactivity = \"walk\"\nweight = \"1 kg\"\nminutes = 10\npain = 1\n"
        "\n[[session]]\ndate = 2026-11-16\nactivity = \"walk\"\nweight = \"1 kg\"\nminutes = 10\npain = 2\n"
        "\n[[session]]\ndate = 2026-11-18\nactivity = \"walk\"\nweight = \"1 kg\"\nminutes = 10\npain = 5\n";
    write(home / "log.toml", "[profile]\nunits = \"kg\"\n" + sessions);
    const Result plain = run(home, {"-f", "log.toml", "report", "--until", "2026-11-22"});
    REQUIRE(plain.exit_code == 0);
    CHECK(plain.out.find("<rect class=\"above-limit\" data-pain=\"5\"") != std::string::npos);
    CHECK(plain.out.find("<line class=\"reference\" data-pain=\"3\"") != std::string::npos);
    CHECK(plain.out.find("<line class=\"reference\" data-pain=\"5\"") != std::string::npos);
    CHECK(plain.out.find(">3/10 watch</text>") != std::string::npos);
    CHECK(plain.out.find("this log's rules flag pain of 4 or more, above 5 as danger, and 3 or more on 3 of the last 5 "
                         "training days.") != std::string::npos);
    // A stricter clinician: warning from 3, danger above 4, watched from 2.
    write(home / "log.toml", "[profile]\nunits = \"kg\"\n\n[rules.pain]\nwarning = 3\ndanger = 4\n\n"
                             "[rules.persistent-pain]\npain = 2\n" + sessions);
    const Result strict = run(home, {"-f", "log.toml", "report", "--until", "2026-11-22"});
    REQUIRE(strict.exit_code == 0);
    // Before: the lines stayed at 3/10 and 5/10 whatever the rules said.
    CHECK(strict.out.find("<rect class=\"above-limit\" data-pain=\"4\"") != std::string::npos);
    CHECK(strict.out.find("<line class=\"reference\" data-pain=\"2\"") != std::string::npos);
    CHECK(strict.out.find("<line class=\"reference\" data-pain=\"4\"") != std::string::npos);
    CHECK(strict.out.find(">4/10 limit</text>") != std::string::npos);
    CHECK(strict.out.find(">5/10 limit</text>") == std::string::npos);
    CHECK(strict.out.find("this log's rules flag pain of 3 or more, above 4 as danger, and 2 or more on 3 of the last 5 "
                          "training days.") != std::string::npos);
    // summary's sparkline colours by the same levels: 5/10 is red (danger)
    // under the stricter rules, yellow under the table's.
    const auto sparkline = [&]() {
        const Result r = run(home, {"-f", "log.toml", "--color", "always", "summary", "--until", "2026-11-22"});
        const std::size_t heading = r.out.find("Highest pain per week");
        REQUIRE(heading != std::string::npos);
        const std::size_t start = r.out.find('\n', heading) + 1;
        return r.out.substr(start, r.out.find('\n', start) - start);
    };
    const std::string red = "\x1b[31m";
    CHECK(sparkline().find(red) != std::string::npos);
    write(home / "log.toml", "[profile]\nunits = \"kg\"\n" + sessions);
    CHECK(sparkline().find(red) == std::string::npos);
}
