// Text fits the terminal: on a terminal, check's findings and plan's reasons
// wrap at its width at spaces, each continuation indented under its block;
// piped output keeps one line per record, for scripts.
#include <doctest/doctest.h>

#include "harness.hpp"
#include "terminal.hpp"

using namespace e2e;

namespace {

Options terminal_of(const std::string& columns) {
    Options options = on_terminal({});
    options.env["COLUMNS"] = columns;  // a pty made by the test reports no size of its own
    return options;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    for (std::size_t end = text.find('\n'); end != std::string::npos; end = text.find('\n', start)) {
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

}  // namespace

TEST_CASE("check on an 80-column terminal: findings wrap at spaces, continued under their block") {
    ScratchDir home;
    write(home / "log.toml", example("too-much-too-soon.toml"));
    const std::vector<std::string> args{"-f", "log.toml", "check", "--since", "2026-11-07"};
    const Result r = run(home, args, terminal_of("80"));
    CHECK(r.exit_code == 1);
    // The standing follows (its days count from today), wrapped too.
    CHECK(r.out.find("Where you stand on ") != std::string::npos);
    CHECK(r.out.substr(0, r.out.find("Where you stand on ")) ==
          "log.toml:94: warning[start-light]: first hike with weights on the ankles, on\n"
          "    2026-11-07, started longer than a first session should\n"
          "  = duration 150 min > 10 min (first weighted session of hike on the ankles)\n"
          "  = start light and build up one thing at a time: without weights for 150 min,\n"
          "    after a rest day  (source: Ankle Weights 101, PowerRebound; A. Lee,\n"
          "    physiotherapist)\n"
          "\n"
          "log.toml:94: warning[long-wear]: hike on 2026-11-07 took the day's time in\n"
          "    weights to 150 min\n"
          "  = hike 150 min with weights > 120 min\n"
          "  = take the weights off after about 120 min in a day; don't wear them for\n"
          "    hours: without weights for 150 min, after a rest day  (source: Ankle\n"
          "    Weights 101, PowerRebound)\n"
          "\n"
          "log.toml:94: warning[pain-hold]: hike on 2026-11-07 was done with weights\n"
          "    during the rest after pain on 3 of the last 5 training days\n"
          "  = the last painful day 2026-11-02: rest from weights until 2026-11-16\n"
          "  = rest from weights until 2026-11-16, and see a doctor or physiotherapist\n"
          "    before training with weights again  (source: Silbernagel et al. 2007)\n"
          "\n"
          "log.toml: 1 session checked since 2026-11-07: 3 warnings\n");
    for (const std::string& line : lines_of(r.out)) {
        CAPTURE(line);
        CHECK(line.size() < 80);
    }
    // Piped: one line per record, whatever the terminal's width.
    Options piped;
    piped.env["COLUMNS"] = "80";
    const Result p = run(home, args, piped);
    CHECK(p.out.find("log.toml:94: warning[start-light]: first hike with weights on the ankles, on 2026-11-07, "
                     "started longer than a first session should\n") == 0);
}

TEST_CASE("plan on a narrow terminal: the reason wraps under itself, or under the activity when it has no room") {
    ScratchDir home;
    write(home / "log.toml", example("knee-rehab.toml"));
    const Result r = run(home, {"-f", "log.toml", "plan", "--week-of", "2026-11-23"}, terminal_of("72"));
    CHECK(r.exit_code == 0);
    // A weight and its unit stay on one line ("1" at a line's end and "kg" on
    // the next read as another dose).
    CHECK(r.out.find("Mon 2026-11-23  side-leg-lift  1 kg    2 x 8   progress   +1 rep from\n"
                     "                1 kg for 2 x 7\n"
                     "                glute-bridge   1 kg    2 x 8   progress   +1 rep from\n") != std::string::npos);
    // At 80 columns the reason would have 20 columns beside the dose (eleven
    // lines for a long reason): it continues under the activity.
    const Result at_80 = run(home, {"-f", "log.toml", "plan", "--week-of", "2026-11-23"}, terminal_of("80"));
    CHECK(at_80.out.find("Mon 2026-11-23  side-leg-lift  1 kg    2 x 8   progress   +1 rep from 1 kg for\n"
                         "                2 x 7\n") != std::string::npos);
    CHECK(at_80.out.find("Sat 2026-11-28  walk           0.5 kg  13 min  progress   +1 min (about 10%)\n"
                         "                from 0.5 kg for 12 min\n") != std::string::npos);
    // Wide enough, the reason continues under itself.
    const Result wide = run(home, {"-f", "log.toml", "plan", "--week-of", "2026-11-23"}, terminal_of("96"));
    CHECK(wide.out.find("Sat 2026-11-28  walk           0.5 kg  13 min  progress   +1 min (about 10%) from 0.5 kg for\n"
                        "                                                          12 min\n") != std::string::npos);
    for (const std::string& line : lines_of(r.out)) {
        CAPTURE(line);
        CHECK(line.size() < 72);
    }
    // With colour, the label is padded before it is painted: the reasons stay in one column.
    const Result coloured = run(home, {"--color", "always", "-f", "log.toml", "plan", "--week-of", "2026-11-23"});
    CHECK(coloured.out.find("Mon 2026-11-23  side-leg-lift  1 kg    2 x 8   \x1b[36mprogress \x1b[0m  +1 rep from 1 kg "
                            "for 2 x 7\n") != std::string::npos);
}

TEST_CASE("history on an 80-column terminal: a long note continues on the next line, whole words") {
    ScratchDir home;
    write(home / "log.toml",
          "[[session]]\ndate = 2026-11-20\nactivity = \"walk\"\nweight = \"1 kg\"\nminutes = 10\n"
          "note = \"new weights! long walk by the river with the dog, knees fine, a bit tired at the end\"\n");
    const Result r = run(home, {"-f", "log.toml", "history"}, terminal_of("80"));
    CHECK(r.out == "date        activity  on     weight  volume  effort  pain  load  note\n"
                   "2026-11-20  walk      ankle  1 kg    10 min  -       -     -     new weights!\n"
                   "    long walk by the river with the dog, knees fine, a bit tired at the end\n"
                   "\n"
                   "1 session (1 weighted) from 2026-11-20 to 2026-11-20\n");
}
