// anklog completions SHELL: a completion script generated from the command
// tree; and the hidden helper the scripts call for activity names.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <filesystem>
#include <set>

#include "anklog/log.hpp"
#include "anklog/log_parser.hpp"
#include "anklog/toml_writer.hpp"
#include "anklog/utf8.hpp"
#include "commands/commands.hpp"
#include "shell/completion_scripts.hpp"
#include "log_file.hpp"

namespace anklog::cli {

namespace {

// A name a completion may insert into a command line as it is: no space,
// quote, shell metacharacter, control character or invisible formatting
// character (a log could declare any of them; the user can still type it),
// and no '-' first: anklog would read the word as an option (-f), however
// quoted.
bool completable(std::string_view name) {
    if (name.empty() || name.front() == '-') return false;
    for (std::size_t i = 0; i < name.size(); ++i) {
        const auto byte = static_cast<unsigned char>(name[i]);
        if (byte < 0x80) {
            const bool plain = (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
                               (byte >= '0' && byte <= '9') || byte == '-' || byte == '_' || byte == '.' || byte == '+';
            if (!plain) return false;
            continue;
        }
        // C1 controls (U+0080-U+009F, encoded C2 80-9F) and the bidi and
        // zero-width controls of U+2000-U+206F (E2 80-81 xx) and U+FEFF.
        if (byte == 0xC2 && i + 1 < name.size() && static_cast<unsigned char>(name[i + 1]) < 0xA0) return false;
        if (byte == 0xE2 && i + 1 < name.size() && (static_cast<unsigned char>(name[i + 1]) & 0xFE) == 0x80) return false;
        if (byte == 0xEF && name.substr(i, 3) == "\xEF\xBB\xBF") return false;
    }
    return is_valid_utf8(name);
}

}  // namespace

CLI::App* setup_completions(CLI::App& app, CompletionsFlags& flags) {
    CLI::App* command = app.add_subcommand("completions", "Print a shell completion script: bash, zsh or fish");
    command->add_option("SHELL", flags.shell, "The shell: bash, zsh or fish")
        ->required()
        ->check(CLI::IsMember({"bash", "zsh", "fish"}))
        ->type_name("");
    command->footer(
        "Examples:\n"
        "  anklog completions bash > ~/.local/share/bash-completion/completions/anklog\n"
        "  anklog completions zsh > ~/.zfunc/_anklog     (with ~/.zfunc in $fpath)\n"
        "  anklog completions fish > ~/.config/fish/completions/anklog.fish\n"
        "\n"
        "Installed anklog packages already put these where each shell finds them.\n");
    return command;
}

int run_completions(const CommandTree& tree, const CompletionsFlags& flags) {
    if (flags.shell == "bash") fmt::print("{}", bash_completion(tree, ANKLOG_VERSION));
    if (flags.shell == "zsh") fmt::print("{}", zsh_completion(tree, ANKLOG_VERSION));
    if (flags.shell == "fish") fmt::print("{}", fish_completion(tree, ANKLOG_VERSION));
    return 0;
}

CLI::App* setup_complete_helper(CLI::App& app, CompleteHelperFlags& flags) {
    CLI::App* command = app.add_subcommand("__complete", "For completion scripts: list the values of WHAT");
    command->group("");  // hidden: not a command for people
    command->add_option("WHAT", flags.what, "activities")->type_name("");
    command->allow_extras();
    return command;
}

int run_complete_helper(const GlobalFlags& global, const CompleteHelperFlags& flags) {
    if (flags.what != "activities") return 0;
    // Built-in activities whatever happens; the log's own when it can be read.
    // Only the log's header declares activities: each Tab reads that, not
    // every session.
    Catalogue catalogue;
    try {
        const auto path = resolve_log_path(global.file);
        // Never wait on a FIFO or a device while the user presses Tab.
        std::error_code error;
        if (!std::filesystem::is_regular_file(path, error)) throw std::runtime_error("not a regular file");
        if (auto text = storage::read_file_if_exists(path)) catalogue = parse_catalogue(*text, path.string());
    } catch (const std::exception&) {
        // A completion never shows errors: the built-in names still help.
    }
    std::set<std::string> names;
    for (const std::string& name : catalogue.names()) {
        if (completable(name)) names.insert(name);
    }
    for (const std::string& name : names) fmt::print("{}\n", name);
    return 0;
}

}  // namespace anklog::cli
