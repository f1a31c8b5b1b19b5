#pragma once
// Each subcommand: an options struct, setup_x() that declares its flags on
// the command line, and run_x() that does the work once parsing is over.
#include <optional>
#include <string>

#include "command_tree.hpp"
#include "context.hpp"

namespace CLI {
class App;
}

namespace anklog::cli {

struct InitOptions {
    std::string units = "kg";
    std::string weights;  // "0.5kg,1kg,..."
    std::string history;  // "knee,hip"
    bool force = false;
};
CLI::App* setup_init(CLI::App& app, InitOptions& options);
int run_init(const Context& context, const InitOptions& options);

struct LogOptions {
    std::string activity;
    std::string date = "today";
    std::string weight;
    std::string on = "ankle";
    std::optional<int> minutes;
    std::optional<int> sets;
    std::optional<int> reps;
    std::optional<int> effort;
    std::optional<int> pain;
    std::string note;
    bool dry_run = false;
};
CLI::App* setup_log(CLI::App& app, LogOptions& options);
int run_log(const Context& context, const LogOptions& options);

struct HistoryOptions {
    std::string since;
    std::string activity;
    std::string format = "text";
};
CLI::App* setup_history(CLI::App& app, HistoryOptions& options);
int run_history(const Context& context, const HistoryOptions& options);

struct CheckOptions {
    std::string file;  // FILE: overrides -f
    std::string format = "text";
    std::string since;
    std::string fail_on = "warning";
};
CLI::App* setup_check(CLI::App& app, CheckOptions& options);
int run_check(const Context& context, const CheckOptions& options);

struct RulesOptions {
    std::string rule;
};
CLI::App* setup_rules(CLI::App& app, RulesOptions& options);
int run_rules(const Context& context, const RulesOptions& options);

struct PlanOptions {
    std::string week_of;
    int days = 3;
    std::string format = "text";
};
CLI::App* setup_plan(CLI::App& app, PlanOptions& options);
int run_plan(const Context& context, const PlanOptions& options);

// Commands about the command line itself: they read the command tree and
// run before any log is looked for.
struct HelpOptions {
    std::string command;
};
CLI::App* setup_help(CLI::App& app, HelpOptions& options);
int run_help(const CommandTree& tree, const HelpOptions& options);

struct CompletionsOptions {
    std::string shell;
};
CLI::App* setup_completions(CLI::App& app, CompletionsOptions& options);
int run_completions(const CommandTree& tree, const CompletionsOptions& options);

// The hidden helper of the completion scripts: `anklog [-f FILE] __complete
// activities` prints the activities anklog knows, built in and declared in the
// log (-f, else $ANKLOG_FILE, else the default), one per line, and exits 0,
// silently, whatever goes wrong reading the log.
struct CompleteHelperOptions {
    std::string what;
};
CLI::App* setup_complete_helper(CLI::App& app, CompleteHelperOptions& options);
int run_complete_helper(const GlobalOptions& global, const CompleteHelperOptions& options);

}  // namespace anklog::cli
