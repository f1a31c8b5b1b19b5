#pragma once
// Running the person's editor on a file, as git and crontab -e do.
#include <filesystem>
#include <string>

namespace anklog::cli {

// $VISUAL, else $EDITOR, else "vi" (empty variables are skipped).
std::string chosen_editor();

// Runs `editor` on `file` through /bin/sh, so that an editor given with
// arguments ("code --wait") or quoting works; the file name is passed as an
// argument, never as shell text. While it runs, anklog ignores SIGINT and
// SIGQUIT (they are the editor's). Returns its exit status (128 + N when a
// signal N ended it), or -1 when it could not be started.
int run_editor(const std::string& editor, const std::filesystem::path& file);

}  // namespace anklog::cli
