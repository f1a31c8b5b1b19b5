#include "report/report_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cctype>
#include <cerrno>
#include <climits>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string_view>

#include "anklog/error.hpp"
#include "anklog/log.hpp"
#include "anklog/log_parser.hpp"
#include "log_file.hpp"
#include "report/handout_html.hpp"
#include "report/report_html.hpp"

namespace anklog::cli {

namespace {

namespace fs = std::filesystem;

constexpr std::string_view name_advice = "name another file, e.g. -o report.html";
constexpr std::string_view own_reports_only = "anklog replaces only reports it wrote: name another file, e.g. -o "
                                              "report.html, or move that one away first";

Error write_error(const fs::path& target, int error_number) {
    return Error(fmt::format("cannot write {}: {}", target.string(), std::strerror(error_number)),
                 error_number == ENOSPC || error_number == EDQUOT ? "free some space on that disk, or write the "
                                                                    "report elsewhere with -o"
                                                                  : "write the report elsewhere with -o");
}

// The longest file name the target's folder takes (NAME_MAX where it cannot tell).
std::size_t longest_name(const fs::path& folder) {
    const long limit = ::pathconf(folder.c_str(), _PC_NAME_MAX);
    // At least 32, which leaves room for a temporary name on any file system.
    return limit >= 32 ? static_cast<std::size_t>(limit) : limit > 0 ? std::size_t{32} : std::size_t{NAME_MAX};
}

fs::path folder_of(const fs::path& target) { return target.has_parent_path() ? target.parent_path() : fs::path("."); }

bool ends_with_random(std::string_view name, std::string_view tag) {
    constexpr std::size_t random_chars = 6;
    return name.size() > 1 + tag.size() + random_chars && name.front() == '.' &&
           name.substr(name.size() - random_chars - tag.size(), tag.size()) == tag;
}

// What anklog keeps beside a log under this name, if anything (see
// storage::update_file and undo_record_name).
std::optional<std::string_view> own_file(std::string_view name) {
    // NAME.~N~
    if (name.size() > 4 && name.ends_with('~')) {
        const std::size_t tilde = name.rfind(".~", name.size() - 2);
        const std::string_view digits =
            tilde == std::string_view::npos ? std::string_view{} : name.substr(tilde + 2, name.size() - tilde - 3);
        if (tilde > 0 && !digits.empty() && digits.find_first_not_of("0123456789") == std::string_view::npos) {
            return "a numbered backup, which anklog never overwrites";
        }
    }
    constexpr std::string_view undo_suffix = ".anklog-undo";
    if (name.size() > 1 + undo_suffix.size() && name.front() == '.' && name.ends_with(undo_suffix)) {
        return "the undo record of a log, which 'anklog undo' needs";
    }
    if (ends_with_random(name, ".anklog-") || ends_with_random(name, ".anklog-undo.")) {
        return "named like the temporary files anklog writes";
    }
    return std::nullopt;
}

// The file's content, or nullopt when it is larger than any log (which is
// all the classification below needs to know).
std::optional<std::string> read_existing(const fs::path& target) {
    const int fd = ::open(target.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    const auto cannot_read = [&](int error_number) {
        return Error(fmt::format("-o: cannot read {} to see what it is: {}", target.string(),
                                 std::strerror(error_number)),
                     std::string(own_reports_only));
    };
    if (fd < 0) throw cannot_read(errno);
    std::string text;
    char buffer[65536];
    for (;;) {
        const ssize_t got = ::read(fd, buffer, sizeof buffer);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) {
            const int error_number = errno;
            ::close(fd);
            throw cannot_read(error_number);
        }
        if (got == 0) break;
        text.append(buffer, static_cast<std::size_t>(got));
        if (text.size() > storage::max_log_bytes) {
            ::close(fd);
            return std::nullopt;
        }
    }
    ::close(fd);
    return text;
}

// The number of sessions when `text` reads as a log.
std::optional<std::size_t> sessions_if_log(const std::string& text, const std::string& name) {
    try {
        return parse_log(text, name).sessions.size();
    } catch (const Error&) {
        return std::nullopt;
    }
}

// Refuses an existing file unless it is empty or a report (or handout) anklog wrote.
void check_content(const fs::path& target) {
    const std::optional<std::string> text = read_existing(target);
    if (text && (text->empty() || text->starts_with(report_html_start) || text->starts_with(handout_html_start))) {
        return;
    }
    const std::string name = target.string();
    if (text && storage::parse_undo_record(*text)) {
        throw Error(fmt::format("-o: {} holds the undo record of a log, which 'anklog undo' needs", name),
                    std::string(name_advice));
    }
    if (const auto sessions = text ? sessions_if_log(*text, name) : std::nullopt) {
        throw Error(fmt::format("-o: {} holds an anklog log ({}), not a report", name,
                                *sessions == 0 ? std::string("no sessions yet")
                                               : fmt::format("{} session{}", *sessions, *sessions == 1 ? "" : "s")),
                    std::string(own_reports_only));
    }
    throw Error(fmt::format("-o: {} exists and is not a report anklog wrote", name), std::string(own_reports_only));
}

}  // namespace

void check_report_target(const fs::path& target, const fs::path& log_path) {
    const std::string name = target.filename().string();
    const std::size_t longest = longest_name(folder_of(target));
    if (name.size() > longest) {
        throw Error(fmt::format("-o: the file name is {} bytes long, longer than the {} its folder allows",
                                name.size(), longest),
                    "choose a shorter name, e.g. -o report.html");
    }
    if (const auto what = own_file(name)) {
        throw Error(fmt::format("-o: {} is {}", target.string(), *what), std::string(name_advice));
    }
    std::string extension = target.extension().string();
    for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (extension == ".toml") {
        throw Error(fmt::format("-o: {} looks like a log, not a report", target.string()),
                    "a report is an HTML page: name it e.g. report.html");
    }
    std::error_code error;
    const fs::file_status status = fs::status(target, error);
    if (!fs::exists(status)) return;
    if (!fs::is_regular_file(status)) {
        throw Error(fmt::format("-o: {} is not a regular file", target.string()),
                    "name a file, e.g. -o report.html, or redirect: anklog report > FILE");
    }
    if (fs::equivalent(target, log_path, error)) {
        throw Error(fmt::format("-o: {} is your log", target.string()), "name another file, e.g. -o report.html");
    }
    check_content(target);
}

void write_report_file(const fs::path& target, const std::string& text) {
    const fs::path folder = folder_of(target);
    // ".NAME.anklog-XXXXXX", NAME cut short when the whole would be too long.
    constexpr std::string_view tag = ".anklog-XXXXXX";
    const std::size_t room = longest_name(folder) - 1 - tag.size();
    const std::string stem = target.filename().string().substr(0, room);
    std::string name = (folder / fmt::format(".{}{}", stem, tag)).string();
    const int fd = ::mkstemp(name.data());
    if (fd < 0) throw write_error(target, errno);
    const auto fail = [&](int error_number) {
        ::close(fd);
        ::unlink(name.c_str());
        throw write_error(target, error_number);
    };
    for (std::size_t done = 0; done < text.size();) {
        const ssize_t wrote = ::write(fd, text.data() + done, text.size() - done);
        if (wrote < 0 && errno == EINTR) continue;
        if (wrote <= 0) fail(wrote < 0 ? errno : EIO);
        done += static_cast<std::size_t>(wrote);
    }
    if (::fsync(fd) != 0) fail(errno);
    if (::close(fd) != 0) {
        const int error_number = errno;
        ::unlink(name.c_str());
        throw write_error(target, error_number);
    }
    if (::rename(name.c_str(), target.c_str()) != 0) {
        const int error_number = errno;
        ::unlink(name.c_str());
        throw write_error(target, error_number);
    }
}

}  // namespace anklog::cli
