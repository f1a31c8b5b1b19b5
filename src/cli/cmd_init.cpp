// anklog init: start a log with a profile.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "anklog/error.hpp"
#include "anklog/limits.hpp"
#include "anklog/log.hpp"
#include "anklog/suggest.hpp"
#include "anklog/toml_writer.hpp"
#include "commands.hpp"
#include "log_file.hpp"
#include "output.hpp"

namespace anklog::cli {

namespace {

std::vector<std::string> split_list(const std::string& text) {
    std::vector<std::string> items;
    std::string item;
    for (const char c : text + ",") {
        if (c != ',') {
            item += c;
            continue;
        }
        const auto first = item.find_first_not_of(' ');
        if (first != std::string::npos) items.push_back(item.substr(first, item.find_last_not_of(' ') - first + 1));
        item.clear();
    }
    return items;
}

Profile profile_from(const InitOptions& options) {
    Profile profile;
    profile.units = *parse_unit(options.units);  // CLI11 checked it is kg or lb
    for (const std::string& text : split_list(options.weights)) {
        const auto mass = parse_mass(text, profile.units);
        if (!mass || mass->is_zero()) {
            throw Error(fmt::format("--weights: \"{}\" is not a weight", text),
                        "list the weights you own per limb, e.g. --weights \"0.5kg,1kg,1.5kg\"");
        }
        if (mass->kg() > limits::max_weight_kg) {
            throw Error(fmt::format("--weights: {} is out of range", format_mass(*mass)),
                        fmt::format("weights are per limb, up to {} kg (44 lb)", limits::max_weight_kg));
        }
        profile.weights.push_back(*mass);
    }
    std::stable_sort(profile.weights.begin(), profile.weights.end(),
                     [](const Mass& a, const Mass& b) { return compare(a, b) < 0; });
    for (const std::string& text : split_list(options.history)) {
        const auto injury = parse_injury(text);
        if (!injury) {
            throw Error(fmt::format("--history: unknown injury \"{}\"", text),
                        did_you_mean(text, {"knee", "hip", "ankle"}, "history takes knee, hip and ankle"));
        }
        profile.history.push_back(*injury);
    }
    return profile;
}

}  // namespace

CLI::App* setup_init(CLI::App& app, InitOptions& options) {
    CLI::App* command = app.add_subcommand("init", "Start a new log with your profile");
    command->add_option("--units", options.units, "Unit for display and for bare numbers; default kg")
        ->check(CLI::IsMember({"kg", "lb"}))
        ->option_text("kg|lb");
    command->add_option("--weights", options.weights, "The weights you own, per limb, comma-separated")
        ->option_text("LIST");
    command->add_option("--history", options.history, "Past injuries, comma-separated: knee, hip, ankle")
        ->option_text("LIST");
    command->add_flag("--force", options.force, "Replace an existing log (the old one is kept as a numbered backup, FILE.~N~)");
    command->footer(
        "Examples:\n"
        "  anklog init\n"
        "  anklog init --weights \"0.5kg,1kg,1.5kg,2kg\"\n"
        "  anklog init --units lb --weights \"1lb,2lb,3lb\" --history knee\n");
    return command;
}

int run_init(const Context& context, const InitOptions& options) {
    const Profile profile = profile_from(options);
    const std::string text = new_log_text(profile);
    const std::string shown = context.log_path.string();
    bool replaced = false;
    storage::UpdateOptions keep_old;
    keep_old.lock_timeout = context.lock_timeout;
    keep_old.keep_numbered_backup = true;  // --force must not lose history
    const storage::UpdateResult result = storage::update_file(
        context.log_path,
        [&](const std::optional<std::string>& current) {
            if (current && !options.force) {
                throw Error("a log already exists here", "log sessions into it with 'anklog log', or use --force to "
                                                         "replace it (the old log is kept as a numbered backup, "
                                                         "FILE.~N~)",
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

    if (!result.not_durable.empty()) {
        print_warning(shown + ": the new log is in place but may not survive a power cut: " + result.not_durable,
                      context.color_stderr);
    }
    if (!context.quiet) {
        if (replaced && result.backup) {
            fmt::print("replaced {} (the old log is in {})\n", shown, result.backup->string());
        } else {
            fmt::print("created {}\n", shown);
        }
        const Mass start = lightest_weight(profile);
        fmt::print("next: after a workout, log it, e.g. anklog log walk --weight {}{} --minutes 10\n",
                   start.in(profile.units), to_string(profile.units));
    }
    return 0;
}

}  // namespace anklog::cli
