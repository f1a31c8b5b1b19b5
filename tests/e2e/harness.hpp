#pragma once
// Runs the real anklog binary in a scratch folder and captures what a user
// would see: exit code, stdout, stderr.
#include <nlohmann/json.hpp>

#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "anklog/date.hpp"

namespace e2e {

namespace fs = std::filesystem;

// Today's date where the tests run, as anklog reads it without --date.
anklog::Date local_today();

struct Result {
    int exit_code = -1;  // 128 + N when killed by signal N
    std::string out;
    std::string err;
};

// A fresh folder, removed with everything in it at the end of the test.
class ScratchDir {
public:
    ScratchDir();
    ~ScratchDir();
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    [[nodiscard]] const fs::path& path() const { return path_; }
    [[nodiscard]] fs::path operator/(const std::string& name) const { return path_ / name; }
    // Where captured output goes: outside path(), so tests can list path().
    [[nodiscard]] const fs::path& output_dir() const { return output_; }

private:
    fs::path path_;
    fs::path output_;
};

struct Options {
    std::map<std::string, std::string> env;  // added to a clean environment
    fs::path cwd;                            // default: the scratch folder of `home`
    std::function<void()> in_child;          // runs in the child before exec
    std::vector<std::string> prefix;         // e.g. {"setpriv", ...}: runs `prefix... anklog args...`
};

// Runs anklog with `args`, HOME set to `home`, and no ANKLOG_FILE,
// XDG_DATA_HOME or NO_COLOR unless `options.env` sets them.
Result run(const ScratchDir& home, const std::vector<std::string>& args, const Options& options = {});

// Starts anklog and returns its pid without waiting; `finish` collects it.
int start(const ScratchDir& home, const std::vector<std::string>& args, const Options& options = {});
Result finish(int pid, const ScratchDir& home);

std::string read(const fs::path& path);
// JSON output as a program reads it: key order kept, so comparing two of
// them also compares the order of their keys, not their layout.
inline nlohmann::ordered_json json_of(const std::string& text) { return nlohmann::ordered_json::parse(text); }
unsigned mode_of(const fs::path& path);  // permission bits, e.g. 0600
void write(const fs::path& path, const std::string& text);
fs::path source_dir();
std::string example(const std::string& name);  // examples/NAME's text

}  // namespace e2e

namespace e2e {
// "a b c", for test failure messages.
inline std::string fmt_args(const std::vector<std::string>& args) {
    std::string out;
    for (const auto& a : args) out += (out.empty() ? "" : " ") + a;
    return out;
}
}  // namespace e2e
