// Starting git with posix_spawnp and an argument vector: no shell reads
// what a path holds.
#include "git.hpp"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <fmt/format.h>
#include <system_error>

#include "anklog/error.hpp"

extern char** environ;  // NOLINT(readability-redundant-declaration): POSIX declares it nowhere

namespace anklog::cli {

namespace {

class Pipe {
public:
    Pipe() {
        if (::pipe2(fds_.data(), O_CLOEXEC) != 0) throw Error(fmt::format("cannot start git ({})", std::strerror(errno)));
    }
    ~Pipe() {
        close_read();
        close_write();
    }
    Pipe(const Pipe&) = delete;
    Pipe& operator=(const Pipe&) = delete;
    Pipe(Pipe&&) = delete;
    Pipe& operator=(Pipe&&) = delete;
    [[nodiscard]] int read_end() const { return fds_[0]; }
    [[nodiscard]] int write_end() const { return fds_[1]; }
    void close_read() {
        if (fds_[0] >= 0) (void)::close(fds_[0]);
        fds_[0] = -1;
    }
    void close_write() {
        if (fds_[1] >= 0) (void)::close(fds_[1]);
        fds_[1] = -1;
    }

private:
    std::array<int, 2> fds_{-1, -1};
};

// Reads both pipes to their ends, whichever git writes first.
void drain(Pipe& out, Pipe& err, GitRun& run) {
    std::array<pollfd, 2> polled{pollfd{out.read_end(), POLLIN, 0}, pollfd{err.read_end(), POLLIN, 0}};
    std::array<char, 4096> buffer{};
    int open = 2;
    while (open > 0) {
        if (::poll(polled.data(), polled.size(), -1) < 0) {
            if (errno == EINTR) continue;
            break;
        }
        for (std::size_t i = 0; i < polled.size(); ++i) {
            if (polled[i].fd < 0 || polled[i].revents == 0) continue;
            const ssize_t n = ::read(polled[i].fd, buffer.data(), buffer.size());
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) {
                polled[i].fd = -1;
                --open;
                continue;
            }
            (i == 0 ? run.out : run.err).append(buffer.data(), static_cast<std::size_t>(n));
        }
    }
}

}  // namespace

GitRun run_git(const std::filesystem::path& folder, const std::vector<std::string>& args) {
    std::vector<std::string> strings{"git", "-C", folder.string()};
    strings.insert(strings.end(), args.begin(), args.end());
    std::vector<char*> argv;
    argv.reserve(strings.size() + 1);
    for (std::string& s : strings) argv.push_back(s.data());
    argv.push_back(nullptr);

    Pipe out;
    Pipe err;
    posix_spawn_file_actions_t actions{};
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, out.write_end(), STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, err.write_end(), STDERR_FILENO);
    pid_t pid = 0;
    const int spawned = ::posix_spawnp(&pid, "git", &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) {
        throw Error(fmt::format("cannot run git ({})", std::strerror(spawned)),
                    spawned == ENOENT ? "install git (Debian: apt install git), then run this again"
                                      : "check that git runs ('git --version'), then run this again");
    }
    out.close_write();
    err.close_write();
    GitRun run;
    drain(out, err, run);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) throw Error(fmt::format("cannot run git ({})", std::strerror(errno)));
    }
    run.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return run;
}

std::filesystem::path own_executable() {
    std::error_code error;
    std::filesystem::path path = std::filesystem::read_symlink("/proc/self/exe", error);
    if (error || !path.is_absolute()) {
        throw Error(fmt::format("cannot find where anklog itself is installed (/proc/self/exe: {})", error.message()),
                    "sync --setup needs /proc (Linux) to name anklog for git");
    }
    return path;
}

std::string shell_quoted(const std::string& text) {
    const bool plain = !text.empty() && text.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                                               "0123456789/._-+,:@=") == std::string::npos;
    if (plain) return text;
    std::string quoted = "'";
    for (const char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

}  // namespace anklog::cli
