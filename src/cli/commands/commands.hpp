#pragma once
// Each subcommand: a flags struct, setup_x() that declares its flags on the
// command line, and run_x() that does the work once parsing is over.
#include <optional>
#include <string>
#include <vector>

#include "shell/command_tree.hpp"
#include "shell/line_parts.hpp"
#include "context.hpp"
#include "shell/profile_flags.hpp"

namespace CLI {
class App;
}

namespace anklog::cli {

struct InitFlags {
    ProfileFlags profile;
    bool force = false;
};
CLI::App* setup_init(CLI::App& app, InitFlags& options);
int run_init(const Context& context, const InitFlags& options);

struct LogFlags {
    std::vector<std::string> activities;
    bool again = false;
    std::string date = "today";
    std::string weight;
    std::optional<std::string> on;  // default ankle, or --again's
    std::optional<std::string> side;  // left | right; default both sides, or --again's
    std::optional<int> minutes;
    std::optional<std::string> sets;  // "2", or sets x reps "2x12"
    std::optional<int> reps;
    std::optional<int> effort;
    std::optional<int> pain;
    std::string note;
    bool dry_run = false;
    bool duplicate = false;  // --duplicate: log it although the same session is logged that day
    LineParts line;  // the line as typed: the flags before the first activity, then each part ("+")
};
CLI::App* setup_log(CLI::App& app, LogFlags& options);
int run_log(const Context& context, const LogFlags& options);

struct ImportFlags {
    std::string file;
    std::string from;  // strong, hevy, fitnotes; empty: from the header
    std::vector<std::string> maps;  // NAME=activity
    std::string map_file;
    bool pair = false;
    bool dry_run = false;
};
CLI::App* setup_import(CLI::App& app, ImportFlags& options);
int run_import(const Context& context, const ImportFlags& options);

struct HistoryFlags {
    std::string since;
    std::string until;
    std::optional<int> last;              // the last N sessions of those selected
    std::vector<std::string> activities;  // --activity, repeatable: any of these
    bool planned = false;  // --planned: planned sessions too, and planned vs done per week
    std::string format = "text";
};
CLI::App* setup_history(CLI::App& app, HistoryFlags& options);
int run_history(const Context& context, const HistoryFlags& options);

struct CheckFlags {
    std::vector<std::string> files;  // FILE...: override -f; several make a review
    std::string format = "text";
    std::string since;
    std::string until;
    std::string fail_on = "warning";
    std::string min_severity = "note";
};
CLI::App* setup_check(CLI::App& app, CheckFlags& options);
int run_check(const Context& context, const CheckFlags& options);

struct SummaryFlags {
    bool weekly = false;
    bool monthly = false;
    std::string since;
    std::string until;
    bool ascii = false;
    std::string format = "text";
};
CLI::App* setup_summary(CLI::App& app, SummaryFlags& options);
int run_summary(const Context& context, const SummaryFlags& options);

struct ReportFlags {
    std::string since;
    std::string until;
    std::optional<std::string> output;  // -o FILE; given but empty is an error
    bool handout = false;               // the client's one-page handout instead
    std::string week_of;                // the handout's week
};
CLI::App* setup_report(CLI::App& app, ReportFlags& options);
int run_report(const Context& context, const ReportFlags& options);

struct RulesFlags {
    std::string rule;
    std::string format = "text";
};
CLI::App* setup_rules(CLI::App& app, RulesFlags& options);
int run_rules(const Context& context, const RulesFlags& options);

struct PlanFlags {
    std::string week_of;
    int days = 3;
    bool save = false;
    std::string format = "text";
};
CLI::App* setup_plan(CLI::App& app, PlanFlags& options);
int run_plan(const Context& context, const PlanFlags& options);

struct TodayFlags {
    std::string date = "today";
};
CLI::App* setup_today(CLI::App& app, TodayFlags& options);
int run_today(const Context& context, const TodayFlags& options);

struct PainFlags {
    int pain = 0;  // 0-10
    std::string date = "today";
    std::string note;
};
CLI::App* setup_pain(CLI::App& app, PainFlags& options);
int run_pain(const Context& context, const PainFlags& options);

struct PrescribeFlags {
    std::string activity;  // empty with --list
    std::optional<int> days;
    std::string sets;     // "2-3"
    std::string reps;     // "10-15"
    std::string weight;   // "0.5kg-1kg"
    std::string minutes;  // "10-20"
    std::string on;
    std::string side;
    std::string from;
    std::string until;
    std::string when;  // "pain<=2,effort<=5,sessions=2"
    std::string note;
    bool list = false;
};
CLI::App* setup_prescribe(CLI::App& app, PrescribeFlags& options);
int run_prescribe(const Context& context, const PrescribeFlags& options);

struct DoneFlags {
    std::vector<std::string> activities;  // none: every planned session of the day
    std::string date = "today";
    std::string weight;
    std::optional<int> minutes;
    std::optional<std::string> sets;  // "2", or sets x reps "2x12"
    std::optional<int> reps;
    std::optional<int> effort;
    std::optional<int> pain;
    std::string note;
};
CLI::App* setup_done(CLI::App& app, DoneFlags& options);
int run_done(const Context& context, const DoneFlags& options);

CLI::App* setup_profile(CLI::App& app, ProfileFlags& options);
int run_profile(const Context& context, const ProfileFlags& options);

struct EditFlags {};
CLI::App* setup_edit(CLI::App& app, EditFlags& options);
int run_edit(const Context& context, const EditFlags& options);

struct SyncFlags {
    bool setup = false;
    std::optional<std::string> log;         // --log FILE: the log to set up
    std::vector<std::string> merge_driver;  // --merge-driver BASE OURS THEIRS [PATH] (git runs it)
};
CLI::App* setup_sync(CLI::App& app, SyncFlags& options);
int run_sync(const Context& context, const SyncFlags& options);
// --merge-driver, before any log is looked for: git runs it wherever it is.
int run_sync_merge_driver(const SyncFlags& options, bool color_stderr);

struct UndoFlags {
    bool yes = false;
};
CLI::App* setup_undo(CLI::App& app, UndoFlags& options);
int run_undo(const Context& context, const UndoFlags& options);

// Commands about the command line itself: they read the command tree and
// run before any log is looked for.
struct HelpFlags {
    std::string command;
};
CLI::App* setup_help(CLI::App& app, HelpFlags& flags);
int run_help(const CommandTree& tree, const HelpFlags& options);

struct CompletionsFlags {
    std::string shell;
};
CLI::App* setup_completions(CLI::App& app, CompletionsFlags& flags);
int run_completions(const CommandTree& tree, const CompletionsFlags& options);

// The hidden helper of the completion scripts: `anklog [-f FILE] __complete
// activities` prints the activities anklog knows, built in and declared in the
// log (-f, else $ANKLOG_FILE, else the default), one per line, and exits 0,
// silently, whatever goes wrong reading the log.
struct CompleteHelperFlags {
    std::string what;
};
CLI::App* setup_complete_helper(CLI::App& app, CompleteHelperFlags& flags);
int run_complete_helper(const GlobalFlags& global, const CompleteHelperFlags& options);

}  // namespace anklog::cli
