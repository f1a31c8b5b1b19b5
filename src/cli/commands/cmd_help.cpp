// anklog help [COMMAND]: the same help as --help, the way git and cargo
// users ask for it.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "anklog/error.hpp"
#include "anklog/suggest.hpp"
#include "commands/commands.hpp"

namespace anklog::cli {

CLI::App* setup_help(CLI::App& app, HelpFlags& flags) {
    CLI::App* command = app.add_subcommand("help", "Show help for anklog or for one of its commands");
    command->add_option("COMMAND", flags.command, "The command to explain")->type_name("");
    command->footer(
        "Examples:\n"
        "  anklog help\n"
        "  anklog help log      (the same as anklog log --help)\n");
    return command;
}

int run_help(const CommandTree& tree, const HelpFlags& flags) {
    // The formatter directly: App::help() would describe the command being
    // run, which is help itself.
    if (flags.command.empty()) {
        CLI::App& root = *tree.root.app;
        fmt::print("{}", root.get_formatter()->make_help(&root, tree.program, CLI::AppFormatMode::Normal));
        return 0;
    }
    const CommandSpec* command = tree.find_command(flags.command);
    if (!command || command->hidden) {
        throw Error(fmt::format("unknown command '{}'", flags.command),
                    did_you_mean(flags.command, tree.command_names(),
                                 fmt::format("the commands are {}", fmt::join(tree.command_names(), ", "))));
    }
    fmt::print("{}", command->app->get_formatter()->make_help(command->app, tree.program + " " + command->name,
                                                              CLI::AppFormatMode::Normal));
    return 0;
}

}  // namespace anklog::cli
