// anklog profile: show the profile, or change it, rewriting only the
// [profile] table's changed keys (the log before is kept as a backup).
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "anklog/error.hpp"
#include "anklog/log_parser.hpp"
#include "anklog/profile_edit.hpp"
#include "anklog/toml_writer.hpp"
#include "commands/commands.hpp"
#include "line_changes.hpp"
#include "log_file.hpp"
#include "render/output.hpp"
#include "shell/profile_flags.hpp"
#include "write_warnings.hpp"

namespace anklog::cli {

namespace {

bool any_flag(const ProfileFlags& flags) {
    return flags.name || flags.units || flags.weights || flags.history || flags.any_equipment();
}

void show(const Log& log, const std::string& file, const Context& context) {
    const Profile& p = log.profile;
    std::vector<std::string> weights;
    for (const Mass& mass : p.weights) weights.push_back(format_mass_exact(mass));
    std::vector<std::string> injuries;
    for (const Injury injury : p.injuries) injuries.emplace_back(to_string(injury));
    fmt::print("{}\n", paint(fmt::format("Profile in {}:", terminal_safe(file)), Tone::bold, context.color_stdout));
    fmt::print("  name     {}\n", p.name.empty() ? "-" : terminal_safe(p.name));
    fmt::print("  units    {}\n", to_string(p.units));
    fmt::print("  weights  {}\n", weights.empty() ? (p.equipment.empty()
                                                     ? fmt::format("none listed (plans step by {})",
                                                                   format_mass_exact(default_weight_step(p.units)))
                                                     : std::string("none listed besides the equipment"))
                                                  : fmt::format("{}", fmt::join(weights, ", ")));
    fmt::print("  history  {}\n", injuries.empty() ? "none" : fmt::format("{}", fmt::join(injuries, ", ")));
    if (!p.equipment.empty()) {
        fmt::print("  equipment\n");
        for (const Equipment& item : p.equipment) {
            fmt::print("    {}: {}\n", terminal_safe(equipment_label(item)),
                       settings_text(equipment_settings(item), p.units));
        }
    }
    if (!context.quiet) {
        fmt::print("\nChange it with 'anklog profile' and --name, --units, --weights or --history.\n");
        if (!p.equipment.empty()) {
            fmt::print("Add or remove equipment with --add-equipment NAME --on ankle|wrist or --remove-equipment NAME.\n");
        }
    }
}

// The first session (or planned one) whose meaning the new text changes:
// a weight written as a bare number, read in the profile's unit. Its index.
std::optional<std::size_t> changed_meaning(const std::vector<Session>& before, const std::vector<Session>& after) {
    for (std::size_t i = 0; i < before.size() && i < after.size(); ++i) {
        if (to_toml(before[i]) != to_toml(after[i])) return i;
    }
    return std::nullopt;
}

// Refuses new units when they would change a weight written as a bare
// number, pointing at that weight's line.
void refuse_changed_meaning(const std::vector<Session>& before, const std::vector<Session>& after,
                            std::string_view text, const std::string& file) {
    const std::optional<std::size_t> moved = changed_meaning(before, after);
    if (!moved) return;
    const Session& was = before[*moved];
    const Session& now = after[*moved];
    throw Error(fmt::format("changing units would change what the log says: this weight is a bare number, which "
                            "counts in the profile's unit ({} would become {})",
                            was.weight ? format_mass_exact(*was.weight) : "-",
                            now.weight ? format_mass_exact(*now.weight) : "-"),
                "write each weight with its unit (weight = \"1 kg\"), e.g. with 'anklog edit', then change units; the "
                "log has not been changed",
                Location{file, key_line_in_block(text, was.line, "weight")});
}

}  // namespace

CLI::App* setup_profile(CLI::App& app, ProfileFlags& flags) {
    CLI::App* command = app.add_subcommand("profile", "Show your profile, or change it (name, units, weights, history)");
    add_profile_flags(*command, flags);
    command->footer(
        "Examples:\n"
        "  anklog profile\n"
        "  anklog profile --weights \"0.5kg,1kg,1.5kg,2kg\"\n"
        "  anklog profile --name Ann --history knee\n"
        "  anklog profile --units lb     what you logged keeps its unit\n"
        "  anklog profile --add-equipment \"adjustable cuffs\" --on ankle --shell 0.5lb --inserts 8x0.5lb\n"
        "  anklog profile --add-equipment \"wrist pair\" --on wrist --weight 1kg\n"
        "  anklog profile --remove-equipment \"wrist pair\"\n"
        "\n"
        "Only the [profile] table's changed lines and the [[equipment]] tables added or\n"
        "removed are rewritten; the log before is kept as a numbered backup, FILE.~N~.\n");
    return command;
}

int run_profile(const Context& context, const ProfileFlags& flags) {
    const std::string file = context.log_path.string();
    if (!any_flag(flags)) {
        show(read_log(context), file, context);
        return 0;
    }
    {
        // Nothing to write when nothing changes.
        const Log log = read_log(context);
        if (same_profile(log.profile, apply_profile_flags(log.profile, flags))) {
            if (!context.quiet) fmt::print("the profile in {} is already so: nothing changed\n", terminal_safe(file));
            return 0;
        }
    }
    std::string before_text;
    std::string after_text;
    Profile before;
    Profile after;
    storage::UpdateOptions options;
    options.lock_timeout = context.lock_timeout;
    options.keep_numbered_backup = true;
    options.undo = storage::UndoNote{"profile"};
    const storage::UpdateResult result = storage::update_file(
        context.log_path,
        [&](const std::optional<std::string>& current) {
            if (!current) {
                throw Error("no such log file", "start one with 'anklog init', which takes the same options",
                            Location{file});
            }
            const Log log = parse_log(*current, file);
            before = log.profile;
            after = apply_profile_flags(log.profile, flags);
            std::string text = with_profile(*current, before, after, file);
            text = with_equipment(text, before.equipment, after.equipment, file);
            const Log changed = parse_log(text, file);
            refuse_changed_meaning(log.sessions, changed.sessions, *current, file);
            refuse_changed_meaning(log.planned, changed.planned, *current, file);
            if (!same_profile(changed.profile, after)) {
                throw Error("the new profile did not read back from the log",
                            "please report this; your log has not been changed", Location{file});
            }
            before_text = *current;
            after_text = text;
            return text;
        },
        [&](std::string_view written) { (void)parse_log(written, file); }, options);
    print_write_warnings(result, file, "the profile is changed", context.color_stderr);
    if (!context.quiet) {
        fmt::print("changed the profile in {}{}:\n\n{}", terminal_safe(file),
                   result.backup ? fmt::format(" (the log before is kept as {})", terminal_safe(result.backup->string()))
                                 : "",
                   describe_changes(before_text, after_text));
        if (before.units != after.units) {
            fmt::print("\nanklog now shows weights in {}; what you logged keeps the unit it was logged in.\n",
                       to_string(after.units));
        }
    }
    return 0;
}

}  // namespace anklog::cli
