#include "html.hpp"

#include "output.hpp"

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

}  // namespace anklog::cli
