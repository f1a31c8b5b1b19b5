// anklog init: start a log with a profile.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "anklog/error.hpp"
#include "anklog/log.hpp"
#include "anklog/toml_writer.hpp"
#include "commands.hpp"
#include "log_file.hpp"
#include "output.hpp"
#include "profile_flags.hpp"

namespace anklog::cli {

CLI::App* setup_init(CLI::App& app, InitFlags& flags) {
    CLI::App* command = app.add_subcommand("init", "Start a new log with your profile");
    add_profile_flags(*command, flags.profile);
    command->add_flag("--force", flags.force, "Replace an existing log (the old one is kept as FILE.bak)");
    command->footer(
        "Examples:\n"
        "  anklog init\n"
        "  anklog init --weights \"0.5kg,1kg,1.5kg,2kg\"\n"
        "  anklog init --units lb --weights \"1lb,2lb,3lb\" --history knee\n");
    return command;
}

int run_init(const Context& context, const InitFlags& flags) {
    const Profile profile = apply_profile_flags(Profile{}, flags.profile);
    const std::string text = new_log_text(profile);
    const std::string shown = context.log_path.string();
    bool replaced = false;
    storage::UpdateOptions keep_old;
    keep_old.lock_timeout = context.lock_timeout;
    keep_old.backup_suffix = ".bak";  // --force must not lose history
    storage::update_file(
        context.log_path,
        [&](const std::optional<std::string>& current) {
            if (current && !flags.force) {
                throw Error("a log already exists here", "log sessions into it with 'anklog log', or use --force to "
                                                         "replace it (the old log is kept as FILE.bak)",
                            Location{shown});
            }
            replaced = current.has_value();
            return std::string(text);  // a copy: `text` is also printed below
        },
        [&](std::string_view written) { parse_log(written, shown); }, keep_old);

    if (!context.quiet) {
        if (replaced) {
            fmt::print("replaced {} (the old log is in {}.bak)\n", terminal_safe(shown), terminal_safe(shown));
        } else {
            fmt::print("created {}\n", terminal_safe(shown));
        }
        const Mass start = lightest_weight(profile);
        fmt::print("next: after a workout, log it, e.g. anklog log walk --weight {} --minutes 10\n",
                   mass_flag(start));
    }
    return 0;
}

}  // namespace anklog::cli
