#pragma once
// Text in HTML (and SVG): escaped for markup, and shown as terminal_safe
// shows it, so that no log can inject markup, hide text with bidi controls
// or put characters XML forbids into the page.
#include <string>
#include <string_view>

namespace anklog {
struct Session;
}

namespace anklog::cli {

// For element content and attribute values (quotes escaped too).
std::string html_text(std::string_view text);

// html_text for running text: dates (YYYY-MM-DD) kept on one line, as a
// browser would otherwise break them at a hyphen; a command in backticks
// (`anklog pain N`) set as <code>, without them.
std::string html_prose(std::string_view text);

// A session's or a planned line's activity, with its side when it has one
// ("side-leg-lift (left)"), as history, today and plan show it.
std::string activity_html(const Session& session);

}  // namespace anklog::cli
