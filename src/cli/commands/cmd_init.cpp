// anklog init: start a log with a profile.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>

#include "anklog/error.hpp"
#include "anklog/log.hpp"
#include "anklog/log_parser.hpp"
#include "anklog/toml_writer.hpp"
#include "commands/commands.hpp"
#include "log_file.hpp"
#include "render/output.hpp"
#include "shell/profile_flags.hpp"
#include "write_warnings.hpp"

namespace anklog::cli {

CLI::App* setup_init(CLI::App& app, InitFlags& flags) {
    CLI::App* command = app.add_subcommand("init", "Start a new log with your profile");
    add_profile_flags(*command, flags.profile);
    command->add_flag("--force", flags.force,
                      "Replace an existing log (the old one is kept as a numbered backup, FILE.~N~)");
    command->footer(
        "Examples:\n"
        "  anklog init\n"
        "  anklog init --weights \"0.5kg,1kg,1.5kg,2kg\"\n"
        "  anklog init --units lb --weights \"1lb,2lb,3lb\" --history knee\n");
    return command;
}

int run_init(const Context& context, const InitFlags& flags) {
    Profile fresh;
    // Weights all given in pounds mean a person who thinks in pounds: show
    // pounds, and read a bare -w 2 as 2 lb (unless --units says otherwise).
    if (!flags.profile.units && flags.profile.weights) {
        const std::vector<Mass> owned = apply_profile_flags(Profile{}, flags.profile).weights;
        if (!owned.empty() &&
            std::all_of(owned.begin(), owned.end(), [](const Mass& m) { return m.unit == Unit::lb; })) {
            fresh.units = Unit::lb;
        }
    }
    const Profile profile = apply_profile_flags(fresh, flags.profile);
    const std::string text = new_log_text(profile);
    const std::string shown = context.log_path.string();
    bool replaced = false;
    storage::UpdateOptions keep_old;
    keep_old.lock_timeout = context.lock_timeout;
    keep_old.keep_numbered_backup = true;  // --force must not lose history
    keep_old.undo = storage::UndoNote{flags.force ? "init --force" : "init"};
    const storage::UpdateResult result = storage::update_file(
        context.log_path,
        [&](const std::optional<std::string>& current) {
            if (current && !flags.force) {
                throw Error("a log already exists here",
                            "change its profile with 'anklog profile' (it takes the same options), or start a new "
                            "log with --force (the old one is kept as a numbered backup, FILE.~N~)",
                            Location{shown});
            }
            if (current) {
                // Whatever else the file is (notes, another program's data), it is not ours to replace.
                try {
                    (void)parse_log(*current, shown);
                } catch (const Error& not_a_log) {
                    const int line = not_a_log.where().line;
                    throw Error(fmt::format("init --force replaces only an anklog log, and this file is not one ({}{})",
                                            line > 0 ? fmt::format("line {}: ", line) : "", not_a_log.message()),
                                "move the file away, or choose another file with -f FILE; it has not been changed",
                                Location{shown});
                }
            }
            replaced = current.has_value();
            return std::string(text);  // a copy: `text` is also printed below
        },
        [&](std::string_view written) { parse_log(written, shown); }, keep_old);

    print_write_warnings(result, shown, "the new log is in place", context.color_stderr);
    if (!context.quiet) {
        if (replaced && result.backup) {
            fmt::print("replaced {} (the old log is in {})\n", terminal_safe(shown),
                       terminal_safe(result.backup->string()));
        } else {
            fmt::print("created {}\n", terminal_safe(shown));
        }
        const Mass start = lightest_weight(profile, Limb::ankle);
        fmt::print("next: after a workout, log it, e.g. anklog log walk --weight {} --minutes 10\n",
                   mass_flag(start));
    }
    return 0;
}

}  // namespace anklog::cli
