// The one place that registers subcommands and turns outcomes into exit codes:
// 0 success (check: 1 when it flags something at or above --fail-on),
// 2 any error (bad usage, unreadable or invalid log, failed write, output
// that could not be written).
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <fmt/format.h>
#include <new>

#include "anklog/error.hpp"
#include "close_stdout.hpp"
#include "shell/command_tree.hpp"
#include "commands/commands.hpp"
#include "context.hpp"
#include "log_file.hpp"
#include "render/output.hpp"
#include "shell/typed_flags.hpp"
#include "shell/usage_errors.hpp"
#include "write_warnings.hpp"

namespace {

constexpr int exit_error = 2;

const char* const main_footer =
    "Examples:\n"
    "  anklog init --weights \"0.5kg,1kg,1.5kg\"    start a log with the weights you own\n"
    "  anklog log walk -w 1kg -m 20 --effort 3    after a workout\n"
    "  anklog check                               am I ramping up too fast?\n"
    "  anklog plan --save                         plan next week, and keep the plan\n"
    "  anklog today                               what is planned today\n"
    "  anklog done --effort 4 --pain 0            done as planned\n"
    "  anklog pain 2                              a pain check the next morning\n"
    "  anklog undo                                take back anklog's last change\n"
    "  anklog summary                             am I progressing?\n"
    "  anklog report -o report.html               a page for your physiotherapist\n"
    "  anklog history --since 2026-11-01          what you did\n"
    "\n"
    "The log is plain TOML, yours to edit ('anklog edit' checks what you write).\n"
    "anklog appends to it, and keeps a numbered backup whenever it rewrites it.\n"
    "Run 'anklog COMMAND --help' for a command's options, 'man anklog' for the whole story.";

// Exit status of `anklog` alone. git prints its usage and exits 1; anklog's
// contract gives every usage error 2, and no command is one, so it prints a
// short usage on stderr (nothing on stdout: it answered no question) and
// exits 2.
constexpr int exit_no_command = exit_error;

std::vector<std::string> arguments_of(int argc, char** argv) {
    std::vector<std::string> args;
    for (int i = 1; i < argc; ++i) args.emplace_back(argv[i]);
    return args;
}

int run(int argc, char** argv, bool& color_stderr) {
    using namespace anklog::cli;
    CLI::App app{"anklog: a training log for ankle and wrist weights that flags risky jumps in load", "anklog"};
    app.set_version_flag("--version", "anklog " ANKLOG_VERSION);
    app.footer(main_footer);
    app.fallthrough();  // global options may also follow the command: anklog log walk -f log.toml
    app.require_subcommand(0, 1);

    GlobalFlags global;
    setup_global(app, global);
    InitFlags init;
    LogFlags log;
    ImportFlags import;
    HistoryFlags history;
    CheckFlags check;
    PlanFlags plan;
    SummaryFlags summary;
    ReportFlags report;
    RulesFlags rules;
    UndoFlags undo;
    SyncFlags sync;
    EditFlags edit;
    ProfileFlags profile;
    TodayFlags today;
    DoneFlags done;
    PainFlags pain;
    PrescribeFlags prescribe;
    HelpFlags help;
    CompletionsFlags completions;
    CompleteHelperFlags complete_helper;
    // In the order --help lists them: starting, the daily loop, fixing, looking back.
    CLI::App* init_command = setup_init(app, init);
    CLI::App* profile_command = setup_profile(app, profile);
    CLI::App* log_command = setup_log(app, log);
    CLI::App* plan_command = setup_plan(app, plan);
    CLI::App* today_command = setup_today(app, today);
    CLI::App* done_command = setup_done(app, done);
    CLI::App* pain_command = setup_pain(app, pain);
    CLI::App* prescribe_command = setup_prescribe(app, prescribe);
    CLI::App* undo_command = setup_undo(app, undo);
    CLI::App* edit_command = setup_edit(app, edit);
    CLI::App* sync_command = setup_sync(app, sync);
    CLI::App* import_command = setup_import(app, import);
    CLI::App* check_command = setup_check(app, check);
    CLI::App* history_command = setup_history(app, history);
    CLI::App* summary_command = setup_summary(app, summary);
    CLI::App* report_command = setup_report(app, report);
    CLI::App* rules_command = setup_rules(app, rules);
    CLI::App* help_command = setup_help(app, help);
    CLI::App* completions_command = setup_completions(app, completions);
    CLI::App* complete_helper_command = setup_complete_helper(app, complete_helper);
    // Once every command is set up: the tree is read from what they declared,
    // and only by what needs it (usage errors, help, completion scripts):
    // reading it takes longer than the rest of the start-up of a command.
    make_integers_decimal(app);
    const auto tree = [&app] { return describe(app); };

    color_stderr = use_color(global.color, STDERR_FILENO);
    // "-w 0.5 kg", "--date last monday": a value typed without quotes is one value.
    const std::vector<std::string> args = join_split_values(arguments_of(argc, argv));
    try {
        std::vector<std::string> reversed(args.rbegin(), args.rend());  // as CLI11 takes them
        app.parse(reversed);
    } catch (const CLI::CallForHelp&) {
        fmt::print("{}", app.help());
        return 0;
    } catch (const CLI::CallForAllHelp&) {
        fmt::print("{}", app.help("", CLI::AppFormatMode::All));
        return 0;
    } catch (const CLI::CallForVersion& e) {
        fmt::print("{}\n", e.what());
        return 0;
    } catch (const CLI::ParseError& e) {
        // --color may not have been read yet, or may be what was wrong.
        color_stderr = use_color(global.color == "always" || global.color == "never" ? global.color : "auto",
                                 STDERR_FILENO);
        print_error(explain_usage_error(tree(), args, e), color_stderr);
        return exit_error;
    }

    color_stderr = use_color(global.color, STDERR_FILENO);
    try {
        if (app.get_subcommands().empty()) {
            fmt::print(stderr, "{}\n", short_usage(tree()));
            print_error(anklog::Error("no command given",
                                      "run 'anklog help COMMAND' for its options, 'man anklog' for everything"),
                        color_stderr);
            return exit_no_command;
        }
        // Commands about the command line itself need no log.
        if (help_command->parsed()) return run_help(tree(), help);
        if (completions_command->parsed()) return run_completions(tree(), completions);
        if (complete_helper_command->parsed()) return run_complete_helper(global, complete_helper);
        if (sync_command->parsed() && !sync.merge_driver.empty()) return run_sync_merge_driver(sync, color_stderr);
        const Context context = make_context(global);
        color_stderr = context.color_stderr;
        if (init_command->parsed()) return run_init(context, init);
        if (profile_command->parsed()) return run_profile(context, profile);
        if (log_command->parsed()) return run_log(context, log);
        if (today_command->parsed()) return run_today(context, today);
        if (done_command->parsed()) return run_done(context, done);
        if (pain_command->parsed()) return run_pain(context, pain);
        if (prescribe_command->parsed()) return run_prescribe(context, prescribe);
        if (check_command->parsed()) return run_check(context, check);
        if (plan_command->parsed()) return run_plan(context, plan);
        if (history_command->parsed()) return run_history(context, history);
        if (summary_command->parsed()) return run_summary(context, summary);
        if (report_command->parsed()) return run_report(context, report);
        if (rules_command->parsed()) return run_rules(context, rules);
        if (undo_command->parsed()) return run_undo(context, undo);
        if (edit_command->parsed()) return run_edit(context, edit);
        if (sync_command->parsed()) return run_sync(context, sync);
        if (import_command->parsed()) return run_import(context, import);
        throw anklog::Error("unknown command", "run 'anklog --help'");
    } catch (const anklog::Error& e) {
        print_error(e, color_stderr);
        print_landed_change(color_stderr);
    } catch (const std::bad_alloc&) {
        // Once a write has landed, saying "try again" would repeat it.
        const bool landed = anklog::storage::landed_change() != nullptr;
        print_error(anklog::Error("out of memory", landed ? "close other programs, or raise the memory limit (ulimit -v)"
                                                          : "close other programs, or raise the memory limit (ulimit "
                                                            "-v), and try again; your log has not been changed"),
                    color_stderr);
        print_landed_change(color_stderr);
    } catch (const std::exception& e) {
        // A write to stdout that failed mid-way is reported once, by
        // finish_output, with its reason; it is no bug of anklog's.
        if (output_failure(e)) return exit_error;
        const bool landed = anklog::storage::landed_change() != nullptr;
        print_error(anklog::Error(fmt::format("internal error: {}", e.what()),
                                  landed ? "please report this" : "please report this; your log has not been changed"),
                    color_stderr);
        print_landed_change(color_stderr);
    }
    return exit_error;
}

// Every command's output must reach its destination: flush and close stdout
// and check (as coreutils' close_stdout does). A reader that went away (EPIPE,
// when SIGPIPE is ignored; by default SIGPIPE ends anklog quietly, as it ends
// cat) is no reason for a message: the status says the output was cut short.
int finish_output(int status, bool color_stderr) {
    const std::optional<int> failure = anklog::cli::close_stdout();
    if (!failure) return status;
    try {
        if (*failure != EPIPE) {
            anklog::cli::print_error(anklog::cli::output_error(*failure), color_stderr);
            anklog::cli::print_landed_change(color_stderr);
        } else {
            // The reader went away: no error, but a change that was made is said.
            anklog::cli::print_landed_change(color_stderr, false);
        }
    } catch (...) {
        // stderr is failing too: the exit status is all that is left.
    }
    return exit_error;
}

}  // namespace

int main(int argc, char** argv) {
    // A write past the file-size limit must fail with EFBIG, which anklog
    // reports and recovers from, rather than kill the process mid-write.
    (void)std::signal(SIGXFSZ, SIG_IGN);
    bool color_stderr = false;
    try {
        return finish_output(run(argc, argv, color_stderr), color_stderr);
    } catch (...) {
        // Setting up the command line can get here (e.g. out of memory), and
        // an error while another is reported. Nothing here allocates.
        // (The change is not named: its text holds a file name, which is
        // never printed unescaped, and escaping it could fail too.)
        if (anklog::storage::landed_change() != nullptr) {
            (void)std::fputs("anklog: error: internal error\n  help: please report this\n"
                             "  note: the change was made before this error: do not run the command again\n",
                             stderr);
        } else {
            (void)std::fputs("anklog: error: internal error while starting\n  help: please report this\n", stderr);
        }
        return exit_error;
    }
}
