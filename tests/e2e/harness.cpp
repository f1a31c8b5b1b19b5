#include "harness.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <sstream>
#include <stdexcept>

extern char** environ;

namespace e2e {

anklog::Date local_today() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    ::localtime_r(&now, &local);
    return anklog::Date{std::chrono::year{local.tm_year + 1900},
                        std::chrono::month{static_cast<unsigned>(local.tm_mon + 1)},
                        std::chrono::day{static_cast<unsigned>(local.tm_mday)}};
}

namespace {

fs::path make_temp_dir(const char* name) {
    std::string pattern = (fs::temp_directory_path() / name).string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    return pattern;
}

}  // namespace

ScratchDir::ScratchDir() : path_(make_temp_dir("anklog-test-XXXXXX")), output_(make_temp_dir("anklog-out-XXXXXX")) {
    // World-traversable, so tests can run anklog as another user (setpriv).
    fs::permissions(path_, fs::perms::owner_all | fs::perms::group_exec | fs::perms::others_exec);
    fs::permissions(output_, fs::perms::all);
}

ScratchDir::~ScratchDir() {
    std::error_code ignored;
    for (const fs::path& dir : {path_, output_}) {
        for (const auto& entry : fs::recursive_directory_iterator(dir, ignored)) {
            if (entry.is_directory(ignored)) fs::permissions(entry.path(), fs::perms::owner_all, fs::perm_options::add, ignored);
        }
        fs::permissions(dir, fs::perms::owner_all, fs::perm_options::add, ignored);
        fs::remove_all(dir, ignored);
    }
}

std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

unsigned mode_of(const fs::path& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) return 0;
    return info.st_mode & 07777;
}

void write(const fs::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

fs::path source_dir() { return ANKLOG_SOURCE_DIR; }

std::string example(const std::string& name) { return read(source_dir() / "examples" / name); }

namespace {

std::atomic<int> counter{0};

std::vector<std::string> environment(const ScratchDir& home, const Options& options) {
    std::map<std::string, std::string> env;
    for (char** entry = environ; *entry; ++entry) {
        const std::string text = *entry;
        const auto eq = text.find('=');
        if (eq != std::string::npos) env[text.substr(0, eq)] = text.substr(eq + 1);
    }
    for (const char* name : {"ANKLOG_FILE", "XDG_DATA_HOME", "NO_COLOR", "TERM"}) env.erase(name);
    env["HOME"] = home.path().string();
    env["TZ"] = "UTC";
    for (const auto& [key, value] : options.env) env[key] = value;
    std::vector<std::string> out;
    for (const auto& [key, value] : env) out.push_back(key + "=" + value);
    return out;
}

std::vector<char*> pointers(std::vector<std::string>& strings) {
    std::vector<char*> out;
    for (auto& s : strings) out.push_back(s.data());
    out.push_back(nullptr);
    return out;
}

fs::path output_file(const ScratchDir& home, int pid, const char* stream) {
    return home.output_dir() / (std::to_string(pid) + "." + stream);
}

int open_output(const fs::path& path) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0) throw std::runtime_error("cannot create " + path.string());
    return fd;
}

}  // namespace

int start(const ScratchDir& home, const std::vector<std::string>& args, const Options& options) {
    std::vector<std::string> argv_strings = options.prefix;
    argv_strings.push_back(ANKLOG_BIN);
    argv_strings.insert(argv_strings.end(), args.begin(), args.end());
    std::vector<std::string> env_strings = environment(home, options);
    const fs::path cwd = options.cwd.empty() ? home.path() : options.cwd;
    // Output goes to files named by a counter, renamed once the pid is known;
    // the child writes through descriptors opened here, so renaming is safe.
    const int id = counter++;
    const fs::path out_path = home.output_dir() / ("pending-" + std::to_string(id) + ".out");
    const fs::path err_path = home.output_dir() / ("pending-" + std::to_string(id) + ".err");
    const int out = open_output(out_path);
    const int err = open_output(err_path);
    auto argv = pointers(argv_strings);
    auto envp = pointers(env_strings);

    const pid_t pid = ::fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        const int in = ::open("/dev/null", O_RDONLY);
        if (in < 0 || ::chdir(cwd.c_str()) != 0) ::_exit(127);
        ::dup2(in, 0);
        ::dup2(out, 1);
        ::dup2(err, 2);
        if (options.in_child) options.in_child();
        const char* program = options.prefix.empty() ? ANKLOG_BIN : argv[0];
        ::execvpe(program, argv.data(), envp.data());
        ::_exit(127);
    }
    ::close(out);
    ::close(err);
    fs::rename(out_path, output_file(home, pid, "out"));
    fs::rename(err_path, output_file(home, pid, "err"));
    return pid;
}

Result finish(int pid, const ScratchDir& home) {
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) throw std::runtime_error("waitpid failed");
    }
    Result result;
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    const fs::path out = output_file(home, pid, "out");
    const fs::path err = output_file(home, pid, "err");
    result.out = read(out);
    result.err = read(err);
    fs::remove(out);
    fs::remove(err);
    return result;
}

Result run(const ScratchDir& home, const std::vector<std::string>& args, const Options& options) {
    return finish(start(home, args, options), home);
}

}  // namespace e2e
