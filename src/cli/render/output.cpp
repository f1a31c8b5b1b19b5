#include "render/output.hpp"

#include "render/numbers.hpp"
#include "render/wrap.hpp"

#include <fmt/color.h>
#include <fmt/format.h>

#include "anklog/rules.hpp"

namespace anklog::cli {

std::string paint(std::string_view text, Tone tone, bool color) {
    if (!color) return std::string(text);
    switch (tone) {
        case Tone::bold: return fmt::format(fmt::emphasis::bold, "{}", text);
        case Tone::dim: return fmt::format(fmt::emphasis::faint, "{}", text);
        case Tone::red: return fmt::format(fmt::emphasis::bold | fg(fmt::terminal_color::red), "{}", text);
        case Tone::yellow: return fmt::format(fmt::emphasis::bold | fg(fmt::terminal_color::yellow), "{}", text);
        case Tone::green: return fmt::format(fg(fmt::terminal_color::green), "{}", text);
        case Tone::cyan: return fmt::format(fg(fmt::terminal_color::cyan), "{}", text);
    }
    return std::string(text);
}

namespace {

// Length of the UTF-8 sequence starting at text[i] and its code point, or 0
// when the bytes there are not UTF-8.
std::size_t utf8_sequence(std::string_view text, std::size_t i, char32_t& code) {
    const auto byte = static_cast<unsigned char>(text[i]);
    std::size_t length = 0;
    if (byte < 0x80) {
        code = byte;
        return 1;
    }
    if ((byte & 0xE0) == 0xC0) {
        length = 2;
        code = byte & 0x1Fu;
    } else if ((byte & 0xF0) == 0xE0) {
        length = 3;
        code = byte & 0x0Fu;
    } else if ((byte & 0xF8) == 0xF0) {
        length = 4;
        code = byte & 0x07u;
    } else {
        return 0;
    }
    if (i + length > text.size()) return 0;
    for (std::size_t k = 1; k < length; ++k) {
        const auto next = static_cast<unsigned char>(text[i + k]);
        if ((next & 0xC0) != 0x80) return 0;
        code = (code << 6) | (next & 0x3Fu);
    }
    static constexpr char32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (code < smallest[length] || (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF) return 0;
    return length;
}

bool is_bidi_control(char32_t code) {
    return (code >= 0x202A && code <= 0x202E) || (code >= 0x2066 && code <= 0x2069) || code == 0x200E ||
           code == 0x200F || code == 0x061C;
}

}  // namespace

std::string terminal_safe(std::string_view text, std::size_t longest) {
    std::string out;
    out.reserve(std::min(text.size(), longest));
    for (std::size_t i = 0; i < text.size();) {
        if (out.size() >= longest) {
            out += "...";
            break;
        }
        char32_t code = 0;
        const std::size_t length = utf8_sequence(text, i, code);
        if (length == 0) {
            out += fmt::format("\\x{:02x}", static_cast<unsigned char>(text[i]));
            ++i;
            continue;
        }
        switch (code) {
            case '\n': out += "\\n"; break;
            case '\t': out += "\\t"; break;
            case '\r': out += "\\r"; break;
            case 0x1B: out += "\\e"; break;
            default:
                if (code < 0x20 || code == 0x7F) {
                    out += fmt::format("\\x{:02x}", static_cast<unsigned>(code));
                } else if ((code >= 0x80 && code <= 0x9F) || is_bidi_control(code)) {
                    out += fmt::format("\\u{:04x}", static_cast<unsigned>(code));
                } else {
                    out.append(text.substr(i, length));
                }
        }
        i += length;
    }
    return out;
}

std::string terminal_safe_lines(std::string_view text) {
    std::string out;
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        out += terminal_safe(text.substr(0, end));
        if (end == std::string_view::npos) break;
        out += '\n';
        text.remove_prefix(end + 1);
    }
    return out;
}

std::string log_title(std::string_view file, std::string_view name) {
    if (name.empty()) return terminal_safe(file);
    return fmt::format("{} ({})", terminal_safe(file), terminal_safe(name));
}

void print_error(const Error& error, bool color) {
    // Errors quote what they are about; a 20 MB key is shown as its start.
    constexpr std::size_t longest = 1000;
    const std::string where = error.where().to_string();
    fmt::print(stderr, "anklog: {} {}{}\n", paint("error:", Tone::red, color),
               where.empty() ? "" : terminal_safe(where, longest) + ": ", terminal_safe(error.message(), longest));
    if (!error.advice().empty()) {
        fmt::print(stderr, "  {} {}\n", paint("help:", Tone::cyan, color), terminal_safe(error.advice(), longest));
    }
}

void print_warning(std::string_view what, bool color) {
    fmt::print(stderr, "anklog: {} {}\n", paint("warning:", Tone::yellow, color), terminal_safe(what));
}

std::string mass_flag(const Mass& mass) {
    std::string text = format_mass_exact(mass);
    std::erase(text, ' ');
    return text;
}

std::string volume_text(const Session& session, Kind kind) {
    if (is_timed(kind)) return session.minutes ? fmt::format("{} min", *session.minutes) : std::string("-");
    return fmt::format("{} x {}", session.sets.value_or(0), session.reps.value_or(0));
}

std::string render_finding(const Finding& finding, std::string_view file, int line, bool color) {
    const Tone tone = finding.severity == Severity::danger    ? Tone::red
                      : finding.severity == Severity::warning ? Tone::yellow
                                                              : Tone::cyan;
    return fmt::format("{}:{}: {}{}: {}\n  = {}\n  = {}  (source: {})\n", terminal_safe(file), line,
                       paint(to_string(finding.severity), tone, color),
                       paint(fmt::format("[{}]", to_string(finding.rule)), Tone::bold, color),
                       terminal_safe(finding.message), terminal_safe(finding.evidence), terminal_safe(finding.advice),
                       terminal_safe(finding_source(finding, file)));
}

std::string finding_source(const Finding& finding, std::string_view file) {
    for (const Evidence& e : finding.data) {
        if (e.name == "prescription_line" && std::holds_alternative<long long>(e.value)) {
            return fmt::format("{} at {}:{}", rule(finding.rule).cite, file, std::get<long long>(e.value));
        }
    }
    return std::string(rule(finding.rule).cite);
}

std::string wrap(std::string_view text, std::size_t width, std::string_view indent) {
    return wrap_line(text, width, indent.size());
}

std::string json_text(const nlohmann::ordered_json& document) {
    // Numbers to the precision anklog keeps: 1.361, never 1.3607771100000001.
    nlohmann::ordered_json rounded = document;
    round_numbers(rounded);
    return rounded.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::string activity_text(const Session& session) {
    const std::string name = terminal_safe(session.activity);
    return session.side == Side::both ? name : fmt::format("{} ({})", name, to_string(session.side));
}

nlohmann::ordered_json load_json(const Session& session) {
    nlohmann::ordered_json out = {{"activity", session.activity}, {"on", to_string(session.on)}};
    if (session.side != Side::both) out["side"] = to_string(session.side);
    out["weight"] = session.weighted() ? nlohmann::ordered_json(format_mass_exact(*session.weight)) : nullptr;
    if (session.minutes) {
        out["minutes"] = *session.minutes;
    } else {
        out["sets"] = session.sets.value_or(0);
        out["reps"] = session.reps.value_or(0);
    }
    return out;
}

std::string csv_text(std::string_view text) {
    // Escaped as the text views show it, so that `cat` or `less` on the file
    // is as safe as the table; a note's lines stay lines (quoted below).
    std::string cell = terminal_safe_lines(text);
    if (!cell.empty() && (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@' || cell[0] == '\t' ||
                          cell[0] == '\r')) {
        cell.insert(0, 1, '\'');
    }
    if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
    std::string out = "\"";
    for (const char c : cell) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

}  // namespace anklog::cli
