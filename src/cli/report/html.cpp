#include "report/html.hpp"

#include <fmt/format.h>

#include "anklog/session.hpp"
#include "render/output.hpp"

namespace anklog::cli {

std::string html_text(std::string_view text) {
    const std::string safe = terminal_safe(text);
    std::string out;
    out.reserve(safe.size());
    for (const char c : safe) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string activity_html(const Session& session) {
    if (session.side == Side::both) return html_text(session.activity);
    return fmt::format("{} ({})", html_text(session.activity), to_string(session.side));
}

std::string html_prose(std::string_view text) {
    const std::string escaped = html_text(text);
    const auto digits = [&](std::size_t at, std::size_t n) {
        for (std::size_t i = at; i < at + n; ++i) {
            if (i >= escaped.size() || escaped[i] < '0' || escaped[i] > '9') return false;
        }
        return true;
    };
    std::string out;
    for (std::size_t i = 0; i < escaped.size();) {
        const bool date = digits(i, 4) && i + 10 <= escaped.size() && escaped[i + 4] == '-' && digits(i + 5, 2) &&
                          escaped[i + 7] == '-' && digits(i + 8, 2) && (i == 0 || escaped[i - 1] < '0' || escaped[i - 1] > '9');
        const std::size_t closing = escaped[i] == '`' ? escaped.find('`', i + 1) : std::string::npos;
        if (date) {
            out += "<span class=\"date\">" + escaped.substr(i, 10) + "</span>";
            i += 10;
        } else if (closing != std::string::npos) {
            // `anklog pain N`: a command, set as one, without the backticks.
            out += "<code>" + escaped.substr(i + 1, closing - i - 1) + "</code>";
            i = closing + 1;
        } else {
            out += escaped[i++];
        }
    }
    return out;
}

}  // namespace anklog::cli
