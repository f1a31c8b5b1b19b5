#include "output.hpp"

#include <fmt/color.h>
#include <fmt/format.h>

namespace anklog::cli {

std::string paint(std::string_view text, Tone tone, bool color) {
    if (!color || tone == Tone::plain) return std::string(text);
    switch (tone) {
        case Tone::bold: return fmt::format(fmt::emphasis::bold, "{}", text);
        case Tone::dim: return fmt::format(fmt::emphasis::faint, "{}", text);
        case Tone::red: return fmt::format(fmt::emphasis::bold | fg(fmt::terminal_color::red), "{}", text);
        case Tone::yellow: return fmt::format(fmt::emphasis::bold | fg(fmt::terminal_color::yellow), "{}", text);
        case Tone::green: return fmt::format(fg(fmt::terminal_color::green), "{}", text);
        case Tone::cyan: return fmt::format(fg(fmt::terminal_color::cyan), "{}", text);
        case Tone::plain: break;
    }
    return std::string(text);
}

namespace {

// Control characters escaped, so that an error stays on its lines whatever
// text (a key, a value, a parser's quote of the file) it carries.
std::string one_line(std::string_view text) {
    std::string out;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '\n') {
            out += "\\n";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c == '\r') {
            out += "\\r";
        } else if (byte < 0x20 || byte == 0x7f) {
            out += fmt::format("\\x{:02x}", byte);
        } else {
            out += c;
        }
    }
    return out;
}

// At most about `limit` bytes of `text`: its start and end around a note of
// how much was left out, so that a 20 MB name in a log cannot flood stderr.
std::string excerpt(std::string_view text, std::size_t limit = 400) {
    if (text.size() <= limit) return std::string(text);
    const auto boundary = [&](std::size_t at) {  // not inside a UTF-8 sequence
        while (at > 0 && at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
        return at;
    };
    const std::size_t head = boundary(limit * 3 / 4);
    const std::size_t tail = boundary(text.size() - limit / 4);
    return fmt::format("{}[... {} bytes left out ...]{}", text.substr(0, head), tail - head, text.substr(tail));
}

}  // namespace

void print_error(const Error& error, bool color) {
    const std::string where = excerpt(error.where().to_string());
    fmt::print(stderr, "anklog: {} {}{}\n", paint("error:", Tone::red, color), one_line(where.empty() ? "" : where + ": "),
               one_line(excerpt(error.message())));
    if (!error.advice().empty()) {
        fmt::print(stderr, "  {} {}\n", paint("help:", Tone::cyan, color), one_line(excerpt(error.advice())));
    }
}

void print_warning(std::string_view what, bool color) {
    fmt::print(stderr, "anklog: {} {}\n", paint("warning:", Tone::yellow, color), one_line(excerpt(what)));
}

std::string volume_text(const Session& session, Kind kind) {
    if (is_timed(kind)) return session.minutes ? fmt::format("{} min", *session.minutes) : std::string("-");
    return fmt::format("{} x {}", session.sets.value_or(0), session.reps.value_or(0));
}

std::string render_finding(const Finding& finding, std::string_view file, bool color) {
    const Tone tone = finding.severity == Severity::danger    ? Tone::red
                      : finding.severity == Severity::warning ? Tone::yellow
                                                              : Tone::cyan;
    return fmt::format("{}:{}: {}{}: {}\n  = {}\n  = {}  (source: {})\n", file, finding.line,
                       paint(to_string(finding.severity), tone, color),
                       paint(fmt::format("[{}]", finding.rule), Tone::bold, color), finding.message, finding.evidence,
                       finding.advice, finding.source);
}

std::string wrap(std::string_view text, std::size_t width, std::string_view indent) {
    std::string out;
    std::size_t column = 0;
    while (!text.empty()) {
        const std::size_t end = text.find(' ');
        const std::string_view word = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
        if (column > 0 && column + 1 + word.size() > width) {
            out += "\n";
            out += indent;
            column = indent.size();
        } else if (column > 0) {
            out += ' ';
            ++column;
        }
        out += word;
        column += word.size();
    }
    return out;
}

std::string json_quote(std::string_view text) {
    std::string out = "\"";
    for (const char c : text) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
                    out += fmt::format("\\u{:04x}", static_cast<unsigned char>(c));
                } else {
                    out += c;
                }
        }
    }
    return out + "\"";
}

std::string json_number(const std::optional<int>& value) { return value ? std::to_string(*value) : "null"; }

std::string csv_field(std::string_view text) {
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

}  // namespace anklog::cli
