#pragma once
// Helpers for the data-safety tests: system calls that fail on purpose
// (fault_injection.cpp, preloaded into anklog), runs that must end within a
// time limit, running as another user, and what is left in a folder.
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <functional>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "harness.hpp"

namespace e2e {

// anklog with system calls failing as `spec` says ("CALL:PATTERN:ACTION;...",
// see fault_injection.cpp).
inline Options with_faults(const std::string& spec, Options options = {}) {
    options.env["LD_PRELOAD"] = ANKLOG_FAULT_LIB;
    options.env["ANKLOG_FAULTS"] = spec;
    // Under AddressSanitizer, the preloaded library comes before its runtime.
    const char* asan = std::getenv("ASAN_OPTIONS");
    options.env["ASAN_OPTIONS"] =
        std::string(asan ? asan : "") + (asan && *asan ? ":" : "") + "verify_asan_link_order=0";
    return options;
}

// Whether `pid` has ended, without collecting it (finish() does that).
inline bool ended(int pid) {
    siginfo_t info{};
    return ::waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info.si_pid == pid;
}

inline bool wait_until(const std::function<bool()>& done, std::chrono::milliseconds limit) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (!done()) {
        if (std::chrono::steady_clock::now() >= deadline) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return true;
}

// Runs anklog and kills it (exit code 137) if it has not ended within
// `limit`: a hang fails the test instead of stalling the suite.
inline Result run_within(const ScratchDir& home, const std::vector<std::string>& args, const Options& options = {},
                         std::chrono::milliseconds limit = std::chrono::seconds(30)) {
    const int pid = start(home, args, options);
    if (!wait_until([pid] { return ended(pid); }, limit)) ::kill(pid, SIGKILL);
    return finish(pid, home);
}

inline bool is_root() { return ::geteuid() == 0; }

// The prefix that runs anklog as `uid` (root only), with no supplementary groups.
inline std::vector<std::string> as_user(unsigned uid) {
    const std::string id = std::to_string(uid);
    return {"setpriv", "--reuid=" + id, "--regid=" + id, "--clear-groups", "--"};
}

constexpr unsigned nobody = 65534;

// Gives `path` (itself, not what a link points to) to user and group `uid`.
inline bool chown_to(const fs::path& path, unsigned uid) { return ::lchown(path.c_str(), uid, uid) == 0; }

// -f FILE COMMAND...
inline std::vector<std::string> args(const std::string& file, std::vector<std::string> command) {
    command.insert(command.begin(), {"-f", file});
    return command;
}

// Every name in `dir`, sorted.
inline std::vector<std::string> names_in(const fs::path& dir) {
    std::vector<std::string> out;
    for (const auto& entry : fs::directory_iterator(dir)) out.push_back(entry.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
}

// Every regular file in `dir` and its bytes.
inline std::map<std::string, std::string> contents_of(const fs::path& dir) {
    std::map<std::string, std::string> out;
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (entry.is_regular_file()) out[entry.path().filename().string()] = read(entry.path());
    }
    return out;
}

}  // namespace e2e
