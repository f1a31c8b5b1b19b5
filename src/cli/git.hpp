#pragma once
// Running git for `anklog sync --setup`: the one place anklog starts a
// program other than the editor. git is started with an argument vector
// (posix_spawnp, no shell) and its output captured.
#include <filesystem>
#include <string>
#include <vector>

namespace anklog::cli {

struct GitRun {
    int status = 0;   // git's exit status (128 + N when killed by signal N)
    std::string out;  // its standard output
    std::string err;  // its standard error
};

// Runs `git -C folder args...`. Throws anklog::Error when git cannot be
// started (not installed: the advice says to install it).
GitRun run_git(const std::filesystem::path& folder, const std::vector<std::string>& args);

// The absolute path of the running anklog (/proc/self/exe), so that git
// finds it without the person's shell or PATH. Throws anklog::Error when it
// cannot be read.
std::filesystem::path own_executable();

// `text` quoted for the POSIX shell git runs a merge driver with: as it is
// when it needs no quotes, else in single quotes.
std::string shell_quoted(const std::string& text);

}  // namespace anklog::cli
