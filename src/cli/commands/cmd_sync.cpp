// anklog sync: one log on two devices through git. --setup configures the
// repository that holds the log (a merge driver in .git/config, the log's
// line in .gitattributes, backups and the undo record in .gitignore);
// --merge-driver is what git runs to merge the log (hidden: git's, not a
// person's, command).
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "anklog/error.hpp"
#include "anklog/log_merge.hpp"
#include "commands/commands.hpp"
#include "git.hpp"
#include "log_file.hpp"
#include "render/output.hpp"

namespace anklog::cli {

namespace {

namespace fs = std::filesystem;

constexpr std::string_view driver_name = "anklog: keeps the sessions both devices appended to a training log";

// A path as a .gitignore or .gitattributes pattern that matches only it:
// glob characters and backslashes escaped.
std::string escaped_pattern(std::string_view path) {
    std::string out;
    for (const char c : path) {
        if (c == '*' || c == '?' || c == '[' || c == '\\') out += '\\';
        out += c;
    }
    return out;
}

// The .gitattributes line for `relative` (from the top of the work tree):
// C-quoted when the pattern holds a blank, a quote or a backslash.
std::string attributes_line(const std::string& relative) {
    const std::string pattern = "/" + escaped_pattern(relative);
    if (pattern.find_first_of(" \t\"\\") == std::string::npos) return pattern + " merge=anklog";
    std::string quoted = "\"";
    for (const char c : pattern) {
        if (c == '"' || c == '\\') quoted += '\\';
        quoted += c;
    }
    return quoted + "\" merge=anklog";
}

// A .gitignore pattern: trailing blanks would be dropped, so they are escaped.
std::string ignore_pattern(const std::string& relative_folder, const std::string& name_pattern) {
    std::string pattern = "/" + escaped_pattern(relative_folder) + name_pattern;
    return pattern;
}

std::vector<std::string> lines_of(std::string_view text) {
    std::vector<std::string> lines;
    std::istringstream in{std::string(text)};
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        lines.push_back(line);
    }
    return lines;
}

// Appends the `wanted` lines that `path` lacks (after `comment`), through
// storage; true when it added any.
bool add_lines(const fs::path& path, const std::string& comment, const std::vector<std::string>& wanted) {
    const std::optional<std::string> before = storage::read_file_if_exists(path);
    const std::vector<std::string> have = before ? lines_of(*before) : std::vector<std::string>{};
    std::vector<std::string> missing;
    for (const std::string& line : wanted) {
        if (std::find(have.begin(), have.end(), line) == have.end()) missing.push_back(line);
    }
    if (missing.empty()) return false;
    (void)storage::update_file(
        path,
        [&](const std::optional<std::string>& current) {
            std::string text = current.value_or("");
            if (!text.empty() && !text.ends_with('\n')) text += '\n';
            if (!text.empty()) text += '\n';
            text += comment + "\n";
            for (const std::string& line : missing) text += line + "\n";
            return text;
        },
        [](std::string_view) {});
    return true;
}

std::string trimmed_line(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    return text;
}

int run_setup(const Context& context, const SyncFlags& flags) {
    const fs::path log = fs::absolute(flags.log ? fs::path(*flags.log) : context.log_path).lexically_normal();
    const std::string shown = flags.log ? *flags.log : context.log_path.string();
    const fs::path folder = log.parent_path();
    std::error_code error;
    if (!fs::is_directory(folder, error)) {
        throw Error("the log is not in a git repository: its folder does not exist",
                    "create the log with 'anklog init' in a git repository (git init), then run 'anklog sync --setup'",
                    Location{shown});
    }
    const GitRun top = run_git(folder, {"rev-parse", "--show-toplevel"});
    if (top.status != 0 || trimmed_line(top.out).empty()) {
        throw Error("the log is not in a git repository",
                    "keep the log in a git repository ('git init' in its folder, or clone yours), then run 'anklog "
                    "sync --setup'; nothing was changed",
                    Location{shown});
    }
    const fs::path root = fs::path(trimmed_line(top.out));
    const fs::path relative = fs::relative(fs::weakly_canonical(log), fs::weakly_canonical(root), error);
    if (error || relative.empty() || *relative.begin() == "..") {
        throw Error(fmt::format("{} is not inside the work tree of the git repository {}", shown, root.string()),
                    "move the log into the repository's folder; nothing was changed", Location{shown});
    }
    const GitRun dir = run_git(root, {"rev-parse", "--absolute-git-dir"});
    const fs::path git_dir = dir.status == 0 ? fs::path(trimmed_line(dir.out)) : root / ".git";

    // .git/config: the driver, named by anklog's absolute path.
    const std::string driver =
        fmt::format("{} sync --merge-driver %O %A %B %P", shell_quoted(own_executable().string()));
    const GitRun current = run_git(root, {"config", "--local", "--get", "merge.anklog.driver"});
    const bool had_driver = current.status == 0;
    const bool driver_same = had_driver && trimmed_line(current.out) == driver;
    if (!driver_same) {
        for (const auto& [key, value] : {std::pair<std::string, std::string>{"merge.anklog.name", driver_name},
                                         std::pair<std::string, std::string>{"merge.anklog.driver", driver}}) {
            const GitRun set = run_git(root, {"config", "--local", key, value});
            if (set.status != 0) {
                throw Error(fmt::format("git config {} failed: {}", key, trimmed_line(set.err)),
                            "check that you may write to the repository's .git/config",
                            Location{(git_dir / "config").string()});
            }
        }
    }
    // .gitattributes and .gitignore, at the top of the work tree.
    const std::string relative_text = relative.generic_string();
    const bool attributes_added = add_lines(root / ".gitattributes", "# anklog sync --setup: git merges the log with anklog",
                                            {attributes_line(relative_text)});
    const std::string name = log.filename().string();
    std::string relative_folder = relative.parent_path().generic_string();
    if (!relative_folder.empty()) relative_folder += '/';
    std::vector<std::string> ignored{ignore_pattern(relative_folder, escaped_pattern(name) + ".~*~"),
                                     ignore_pattern(relative_folder, "." + escaped_pattern(name) + ".anklog-*")};
    const std::string record = storage::undo_record_name(name);
    if (!record.starts_with("." + name + ".anklog-")) ignored.push_back(ignore_pattern(relative_folder, escaped_pattern(record)));
    const bool ignore_added = add_lines(root / ".gitignore",
                                        "# anklog sync --setup: the log's numbered backups and undo record stay on this device",
                                        ignored);

    if (context.quiet) return 0;
    const auto state = [](bool changed, std::string_view added) { return changed ? std::string(added) : std::string("already there"); };
    fmt::print("anklog merges {} in the git repository {}:\n", terminal_safe(relative_text), terminal_safe(root.string()));
    fmt::print("  .git/config       merge driver 'anklog': {}\n",
               driver_same ? "already there" : had_driver ? "updated" : "added");
    fmt::print("  .gitattributes    {}: {}\n", terminal_safe(attributes_line(relative_text)), state(attributes_added, "added"));
    fmt::print("  .gitignore        backups and undo record: {}\n", state(ignore_added, "added"));
    if (attributes_added || ignore_added) {
        fmt::print("Commit .gitattributes and .gitignore. ");
    }
    fmt::print("Run 'anklog sync --setup' once in every clone: git does not copy .git/config.\n");
    return 0;
}

// git's merge driver contract: the merge replaces OURS; 0 when clean, 1
// when conflicts are left marked in it.
int merge_driver(const SyncFlags& flags, bool color_stderr) {
    const std::vector<std::string>& files = flags.merge_driver;
    const std::string shown = files.size() > 3 ? files[3] : files[1];
    const std::string base = storage::read_file(files[0]);
    const std::string ours = storage::read_file(files[1]);
    const std::string theirs = storage::read_file(files[2]);
    const MergedLog merged = merge_logs(base, ours, theirs);
    (void)storage::update_file(
        files[1], [&](const std::optional<std::string>&) { return merged.text; }, [](std::string_view) {});
    if (merged.conflicts > 0) {
        print_warning(fmt::format("{}: {} merge conflict{} left marked (<<<<<<< ours, >>>>>>> theirs); 'anklog check' "
                                  "says where",
                                  shown, merged.conflicts, merged.conflicts == 1 ? "" : "s"),
                      color_stderr);
        return 1;
    }
    return 0;
}

}  // namespace

CLI::App* setup_sync(CLI::App& app, SyncFlags& flags) {
    CLI::App* command =
        app.add_subcommand("sync", "Keep one log on two devices with git: merge what each device appended");
    command->add_flag("--setup", flags.setup,
                      "Configure the git repository that holds the log: merge driver, .gitattributes, .gitignore");
    command->add_option("--log", flags.log, "The log to set up (default: the log -f or ANKLOG_FILE names)")
        ->type_name("FILE");
    command->add_option("--merge-driver", flags.merge_driver, "For git: merge BASE OURS THEIRS [PATH] into OURS")
        ->expected(3, 4)
        ->group("");  // hidden: git runs it
    command->footer(
        "Examples:\n"
        "  anklog sync --setup                       in the repository that holds the log\n"
        "  anklog sync --setup --log ~/notes/training/log.toml\n"
        "\n"
        "Then commit .gitattributes and .gitignore, and run 'anklog sync --setup' once in\n"
        "each clone. git merges the log with anklog: sessions appended on both devices\n"
        "are all kept, each once; a session both changed is left marked, and 'anklog\n"
        "check' says where.\n");
    return command;
}

int run_sync_merge_driver(const SyncFlags& flags, bool color_stderr) { return merge_driver(flags, color_stderr); }

int run_sync(const Context& context, const SyncFlags& flags) {
    if (flags.setup) return run_setup(context, flags);
    throw Error("sync: nothing to do", "run 'anklog sync --setup' in the git repository that holds the log");
}

}  // namespace anklog::cli
