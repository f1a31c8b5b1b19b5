// Shell completion: `anklog completions bash|zsh|fish` is generated from the
// command tree, and completes commands, options, option values and
// activities (built in and declared in the log) in the real shells.
#include <doctest/doctest.h>

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <regex>
#include <sstream>

#include "harness.hpp"
#include "help_text.hpp"

using namespace e2e;

namespace {

bool installed(const std::string& program) {
    std::istringstream path(std::getenv("PATH") ? std::getenv("PATH") : "/usr/bin:/bin");
    std::string dir;
    while (std::getline(path, dir, ':')) {
        if (!dir.empty() && ::access((fs::path(dir) / program).c_str(), X_OK) == 0) return true;
    }
    return false;
}

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

const std::string declared_log = "version = 1\n"
                                 "[activities]\n"
                                 "\"kettle-swing\" = { kind = \"strength\", group = \"hips\" }\n"
                                 "\"$(touch pwned)\" = { kind = \"gait\" }\n";

// A scratch home holding the script for `shell`, written by anklog itself.
struct Shell {
    ScratchDir home;
    fs::path script;
    explicit Shell(const std::string& shell, const std::string& file_name) {
        const Result r = run(home, {"completions", shell});
        REQUIRE(r.exit_code == 0);
        REQUIRE(r.err.empty());
        fs::create_directories(home / "completions");
        script = home / "completions" / file_name;
        write(script, r.out);
        write(home / "declared.toml", declared_log);
    }
};

// What bash completes for the command line `words` (the last one being the
// word under the cursor): COMPREPLY, one per line, after the function that
// the script registered for anklog has run.
std::vector<std::string> bash_complete(const Shell& shell, const std::vector<std::string>& words,
                                       const std::map<std::string, std::string>& env = {}) {
    Options options;
    options.env = env;
    // bash -c SCRIPT ANKLOG SCRIPT_FILE WORDS...: $0 is the anklog binary.
    options.prefix = {"bash", "--norc", "--noprofile", "-c",
                      R"(source "$1" || exit 9; shift
                         function=$(complete -p anklog) || exit 8
                         function=${function#complete -F }; function=${function% anklog}
                         COMP_WORDS=("$0" "$@"); COMP_CWORD=$#
                         COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}
                         "$function"; printf '%s\n' "${COMPREPLY[@]}")"};
    std::vector<std::string> args{shell.script.string()};
    args.insert(args.end(), words.begin(), words.end());
    const Result r = run(shell.home, args, options);
    CAPTURE(fmt_args(words));
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    std::vector<std::string> out = lines(r.out);
    std::erase(out, "");
    return out;
}

using Words = std::vector<std::string>;

}  // namespace

TEST_CASE("completions: bash completes commands, options, their values and activities") {
    Shell bash("bash", "anklog");
    CHECK(bash_complete(bash, {"hist"}) == Words{"history"});
    CHECK(bash_complete(bash, {"c"}) == Words{"check", "completions"});
    CHECK(bash_complete(bash, {"history", "--s"}) == Words{"--since"});
    CHECK(bash_complete(bash, {"log", "walk", "--ef"}) == Words{"--effort"});
    CHECK(bash_complete(bash, {"log", "walk", "--co"}) == Words{"--color"});  // global options follow commands too
    CHECK(bash_complete(bash, {"log", "walk", "--on", ""}) == Words{"ankle", "wrist"});
    CHECK(bash_complete(bash, {"log", "side-leg-lift", "--side", ""}) == Words{"left", "right"});
    CHECK(bash_complete(bash, {"--color", "a"}) == Words{"auto", "always"});
    CHECK(bash_complete(bash, {"history", "--format", ""}) == Words{"text", "json", "csv"});
    // The equipment flags of profile and init, and where it is worn.
    CHECK(bash_complete(bash, {"profile", "--add-e"}) == Words{"--add-equipment"});
    CHECK(bash_complete(bash, {"init", "--remove-e"}) == Words{"--remove-equipment"});
    CHECK(bash_complete(bash, {"profile", "--on", ""}) == Words{"ankle", "wrist"});
    CHECK(bash_complete(bash, {"history", "--format=j"}) == Words{"--format=json"});
    CHECK(bash_complete(bash, {"history", "--format", "=", "c"}) == Words{"csv"});  // COMP_WORDBREAKS split
    CHECK(bash_complete(bash, {"check", "--fail-on", "d"}) == Words{"danger"});
    CHECK(bash_complete(bash, {"init", "--units", ""}) == Words{"kg", "lb"});
    CHECK(bash_complete(bash, {"completions", ""}) == Words{"bash", "zsh", "fish"});
    CHECK(bash_complete(bash, {"help", "pl"}) == Words{"plan"});
    CHECK(bash_complete(bash, {"rules", "weight-"}) == Words{"weight-and-volume", "weight-jump"});
    CHECK(bash_complete(bash, {"log", "side-leg"}) == Words{"side-leg-lift"});
    CHECK(bash_complete(bash, {"presc"}) == Words{"prescribe"});
    CHECK(bash_complete(bash, {"prescribe", "side-leg"}) == Words{"side-leg-lift"});
    CHECK(bash_complete(bash, {"prescribe", "walk", "--side", ""}) == Words{"left", "right", "both"});
    CHECK(bash_complete(bash, {"prescribe", "walk", "--on", ""}) == Words{"ankle", "wrist"});
    // After a + the next part starts: an activity again, and the flags again.
    CHECK(bash_complete(bash, {"log", "walk", "-m", "20", "+", "calf-r"}) == Words{"calf-raise"});
    CHECK(bash_complete(bash, {"log", "walk", "--on", "wrist", "+", "calf-raise", "--o"}) == Words{"--on"});
    CHECK(bash_complete(bash, {"log", "walk", "-m", ""}).empty());  // a number: nothing to offer
    CHECK(bash_complete(bash, {"rules", "pain", ""}).empty());      // rules takes one RULE
    CHECK(bash_complete(bash, {"-f", "decl"}) == Words{"declared.toml"});
    CHECK(bash_complete(bash, {"__comp"}).empty());  // the helper is hidden
}

TEST_CASE("completions: bash completes activities declared in the log -f or ANKLOG_FILE names") {
    Shell bash("bash", "anklog");
    CHECK(bash_complete(bash, {"log", "kett"}).empty());
    CHECK(bash_complete(bash, {"-f", "declared.toml", "log", "kett"}) == Words{"kettle-swing"});
    CHECK(bash_complete(bash, {"--file=declared.toml", "log", "kett"}) == Words{"kettle-swing"});
    CHECK(bash_complete(bash, {"log", "-f", "declared.toml", "kett"}) == Words{"kettle-swing"});
    CHECK(bash_complete(bash, {"history", "--activity", "kett"}, {{"ANKLOG_FILE", "declared.toml"}}) == Words{"kettle-swing"});
    // A name that needs quoting is not completed, and never run by the shell.
    CHECK(bash_complete(bash, {"-f", "declared.toml", "log", "$"}).empty());
    CHECK(!fs::exists(bash.home / "pwned"));
}

TEST_CASE("completions: an activity whose name starts with '-' is never offered - anklog would read it as an option") {
    Shell bash("bash", "anklog");
    write(bash.home / "dash.toml", "[activities]\n\"-f\" = { kind = \"gait\" }\n\"--yes\" = { kind = \"gait\" }\n"
                                   "\"flex-walk\" = { kind = \"gait\" }\n");
    // Before: `anklog history --activity -<Tab>` became `--activity -f`, which reads as the -f option.
    CHECK(bash_complete(bash, {"-f", "dash.toml", "history", "--activity", "-"}).empty());
    CHECK(bash_complete(bash, {"-f", "dash.toml", "history", "--activity=-"}).empty());
    CHECK(bash_complete(bash, {"-f", "dash.toml", "log", "fl"}) == Words{"flex-walk"});
    const std::vector<std::string> offered = bash_complete(bash, {"-f", "dash.toml", "log", ""});
    CHECK(std::find(offered.begin(), offered.end(), "flex-walk") != offered.end());
    CHECK(std::none_of(offered.begin(), offered.end(), [](const std::string& w) { return w.starts_with("-"); }));
    const Result helper = run(bash.home, {"-f", "dash.toml", "__complete", "activities"});
    CHECK(helper.out.find("flex-walk\n") != std::string::npos);
    CHECK(helper.out.find("-f\n") == std::string::npos);
    CHECK(helper.out.find("--yes\n") == std::string::npos);
}

TEST_CASE("completions: the helper reads the activities declared in the header, and after the blocks too") {
    ScratchDir home;
    const std::string walk = "[[session]]\ndate = 2026-11-02\nactivity = \"walk\"\nminutes = 10\n";
    const std::string declared = "[activities]\n\"kettle-swing\" = { kind = \"strength\", group = \"hips\" }\n";
    write(home / "header.toml", declared + walk + "[[session]]\nactivity = \"kettle-swing\"\n");
    write(home / "after.toml", walk + declared);
    const Result built_in = run(home, {"__complete", "activities"});
    for (const char* file : {"header.toml", "after.toml"}) {
        CAPTURE(file);
        const Result r = run(home, {"-f", file, "__complete", "activities"});
        CHECK(r.exit_code == 0);
        CHECK(r.err.empty());
        CHECK(lines(r.out).size() == lines(built_in.out).size() + 1);
        CHECK(r.out.find("kettle-swing\n") != std::string::npos);
    }
}

TEST_CASE("completions: every command and option --help lists is in the bash script") {
    Shell bash("bash", "anklog");
    ScratchDir home;
    const std::vector<std::string> commands = commands_in_help(run(home, {"--help"}).out);
    CHECK(bash_complete(bash, {""}) == commands);
    for (const std::string& command : commands) {
        CAPTURE(command);
        const std::vector<std::string> offered = bash_complete(bash, {command, "--"});
        const std::string help = run(home, {command, "--help"}).out;
        const std::regex option(R"(--[a-z][a-z-]*)");
        for (auto it = std::sregex_iterator(help.begin(), help.end(), option); it != std::sregex_iterator(); ++it) {
            CAPTURE(it->str());
            CHECK(std::find(offered.begin(), offered.end(), it->str()) != offered.end());
        }
    }
}

TEST_CASE("completions: the hidden helper lists activities and is silent whatever goes wrong") {
    ScratchDir home;
    write(home / "declared.toml", declared_log);
    write(home / "broken.toml", "version = [\n");
    const Result built_in = run(home, {"__complete", "activities"});
    CHECK(built_in.exit_code == 0);
    CHECK(built_in.err.empty());
    const std::vector<std::string> names = lines(built_in.out);
    CHECK(std::is_sorted(names.begin(), names.end()));
    CHECK(std::find(names.begin(), names.end(), "walk") != names.end());
    CHECK(std::find(names.begin(), names.end(), "side-leg-lift") != names.end());
    const Result declared = run(home, {"-f", "declared.toml", "__complete", "activities"});
    CHECK(lines(declared.out).size() == names.size() + 1);
    CHECK(declared.out.find("kettle-swing\n") != std::string::npos);
    for (const char* file : {"broken.toml", "missing.toml", "."}) {
        CAPTURE(file);
        const Result r = run(home, {"-f", file, "__complete", "activities"});
        CHECK(r.exit_code == 0);
        CHECK(r.err.empty());
        CHECK(r.out == built_in.out);
    }
    const Result nothing = run(home, {"__complete", "something-else"});
    CHECK(nothing.exit_code == 0);
    CHECK(nothing.out.empty());
    CHECK(run(home, {"--help"}).out.find("__complete") == std::string::npos);
}

TEST_CASE("completions: zsh loads the script and completes commands, values and activities") {
    if (!installed("zsh")) {
        MESSAGE("zsh is not installed: skipped (apt-get install zsh)");
        return;
    }
    Shell zsh("zsh", "_anklog");
    // An interactive zsh on a pseudo-terminal: type LINE, press Tab, then
    // Enter; anklog is a function that prints the words it was given (and
    // runs the real anklog for the completion helper).
    write(zsh.home / "type.zsh", R"(zmodload zsh/zpty || exit 9
dir=$1 bin=$2 line=$3
zpty z zsh -f -i
zpty -w z "PS1='>'; fpath=($dir \$fpath); autoload -U compinit; compinit -u -D"
zpty -w z "anklog() { if [[ \$* == *__complete* ]]; then command $bin \"\$@\"; else print -r -- \"WORDS\"\"<\$*>\"; fi }"
zpty -nw z "$line"$'\t'
sleep 0.5
zpty -nw z $'\r'
out=
for i in {1..100}; do
  zpty -rt z chunk && out+=$chunk
  [[ $out == *WORDS\<*\>* ]] && break
  sleep 0.1
done
zpty -d z
[[ $out == *WORDS\<*\>* ]] || exit 7
print -r -- "${${out##*WORDS<}%%>*}"
)");
    const auto complete = [&](const std::string& line) {
        Options options;
        options.prefix = {"zsh", "-f", (zsh.home / "type.zsh").string(), (zsh.home / "completions").string()};
        options.cwd = zsh.home.path();
        const Result r = run(zsh.home, {line}, options);
        CAPTURE(line);
        CHECK(r.exit_code == 0);
        return r.out;
    };
    CHECK(complete("anklog hist") == "history\n");
    CHECK(complete("anklog history --form") == "history --format\n");
    CHECK(complete("anklog log walk --on wr") == "log walk --on wrist\n");
    CHECK(complete("anklog log side-leg-l") == "log side-leg-lift\n");
    CHECK(complete("anklog log walk --on wrist -m 20 + calf-r") == "log walk --on wrist -m 20 + calf-raise\n");
    CHECK(complete("anklog log walk --on wrist + calf-raise --o") == "log walk --on wrist + calf-raise --on\n");
    CHECK(complete("anklog -f declared.toml log kett") == "-f declared.toml log kettle-swing\n");
    // Global options after the command are the command's.
    CHECK(complete("anklog log -q -f declared.toml kett") == "log -q -f declared.toml kettle-swing\n");
}

TEST_CASE("completions: fish loads the script and completes commands, values and activities") {
    if (!installed("fish")) {
        MESSAGE("fish is not installed: skipped (apt-get install fish)");
        return;
    }
    Shell fish("fish", "anklog.fish");
    // fish -c SCRIPT ANKLOG SCRIPT_FILE LINE: $argv[1] is the anklog binary.
    const auto complete = [&](const std::string& line) {
        Options options;
        options.prefix = {"fish", "--no-config", "-c",
                          "set -g bin $argv[1]; function anklog; command $bin $argv; end; "
                          "source $argv[2]; or exit 9; complete -C $argv[3]"};
        const Result r = run(fish.home, {fish.script.string(), line}, options);
        CAPTURE(line);
        CHECK(r.exit_code == 0);
        CHECK(r.err.empty());
        return r.out;
    };
    CHECK(complete("anklog hist") == "history\tShow the sessions in the log\n");
    CHECK(complete("anklog log walk --on wr") == "wrist\tWhere the weights were; default ankle\n");
    CHECK(complete("anklog history --format j") == "json\tOutput format; default text\n");
    CHECK(complete("anklog log side-leg-l") == "side-leg-lift\tACTIVITY\n");
    CHECK(complete("anklog log walk -m 20 + calf-r") == "calf-raise\tACTIVITY\n");
    CHECK(complete("anklog -f declared.toml log kett") == "kettle-swing\tACTIVITY\n");
    CHECK(complete("anklog log -q --file declared.toml kett") == "kettle-swing\tACTIVITY\n");
    CHECK(complete("anklog -f x log walk -m 10 --ef") == "--effort\tHow hard it felt, 0 (rest) to 10 (maximal)\n");
}
