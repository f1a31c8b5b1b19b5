#pragma once
// Shared rendering helpers: colour, error messages, JSON and CSV quoting.
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

#include "anklog/check.hpp"
#include "anklog/error.hpp"
#include "anklog/session.hpp"

namespace anklog::cli {

enum class Tone { plain, bold, dim, red, yellow, green, cyan };

// `text` in `tone` when colour is on, else as is.
std::string paint(std::string_view text, Tone tone, bool color);

// "anklog: error: FILE:LINE:COL: what" and a "  help: ..." line on stderr.
// Parts longer than a few hundred bytes are shortened to an excerpt.
void print_error(const Error& error, bool color);

// "anklog: warning: what" on stderr: something the user must know although
// the command succeeded.
void print_warning(std::string_view what, bool color);

// "20 min" for timed activities, "2 x 12" for strength.
std::string volume_text(const Session& session, Kind kind);

// A finding as a compiler-style block:
//   FILE:LINE: SEVERITY[RULE]: message
//     = evidence
//     = advice  (source: ...)
std::string render_finding(const Finding& finding, std::string_view file, bool color);

// `text` wrapped at `width` columns, every line after the first indented.
std::string wrap(std::string_view text, std::size_t width, std::string_view indent);

std::string json_quote(std::string_view text);
// The number, or null.
std::string json_number(const std::optional<int>& value);
std::string csv_field(std::string_view text);

}  // namespace anklog::cli
