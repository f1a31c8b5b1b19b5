#pragma once
// Shared rendering helpers: colour, terminal-safe text, error messages,
// findings, JSON and CSV.
#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

#include "anklog/check.hpp"
#include "anklog/error.hpp"
#include "anklog/profile.hpp"
#include "anklog/session.hpp"

namespace anklog::cli {

enum class Tone { bold, dim, red, yellow, green, cyan };

// `text` in `tone` when colour is on, else as is.
std::string paint(std::string_view text, Tone tone, bool color);

// Text from a file, a file name, the environment or the command line, made
// safe to print: control characters (C0 but for nothing, DEL, C1), bidi
// controls and bytes that are not UTF-8 are shown escaped (\e, \n, \x01,
// \u202e), so that no log can move the cursor, recolour, retitle or reorder
// what a terminal shows. Long text is cut to `longest` bytes with "...".
std::string terminal_safe(std::string_view text, std::size_t longest = std::string_view::npos);

// terminal_safe for text of several lines: its newlines stay newlines.
std::string terminal_safe_lines(std::string_view text);

// The log as headers name it: "log.toml", or "log.toml (Ann)" when the
// profile has a name.
std::string log_title(std::string_view file, std::string_view name);
inline std::string log_title(std::string_view file, const Profile& profile) { return log_title(file, profile.name); }

// "anklog: error: FILE:LINE:COL: what" and a "  help: ..." line on stderr.
// Parts longer than a few hundred bytes are shortened to an excerpt.
void print_error(const Error& error, bool color);
// "anklog: warning: what" on stderr.
void print_warning(std::string_view what, bool color);

// A mass as a flag's value: "0.5kg", exactly as the log would store it.
std::string mass_flag(const Mass& mass);

// "anklog: warning: what" on stderr: something the user must know although
// the command succeeded.
void print_warning(std::string_view what, bool color);

// "20 min" for timed activities, "2 x 12" for strength.
std::string volume_text(const Session& session, Kind kind);

// "side-leg-lift (left)": the activity, terminal-safe, with its side when
// the session is of one side.
std::string activity_text(const Session& session);

// A finding on the session at `line` of `file`, as a compiler-style block:
//   FILE:LINE: SEVERITY[RULE]: message
//     = evidence
//     = advice  (source: ...)
std::string render_finding(const Finding& finding, std::string_view file, int line, bool color);
// A finding's source: the rule table's citation, or for the prescription
// rule the prescription's line: "prescription, log.toml:12" (not escaped).
std::string finding_source(const Finding& finding, std::string_view file);

// `text` wrapped at `width` columns, every line after the first indented.
std::string wrap(std::string_view text, std::size_t width, std::string_view indent);

// A JSON document as anklog prints it: indented by 2, ending in a newline;
// text that is not UTF-8 (a file name, say) is replaced, never invalid JSON;
// numbers with at most 3 decimals (round_numbers), no float noise.
std::string json_text(const nlohmann::ordered_json& document);
// The number, or null.
template <typename T>
nlohmann::ordered_json json_or_null(const std::optional<T>& value) {
    return value ? nlohmann::ordered_json(*value) : nlohmann::ordered_json(nullptr);
}

// A load as JSON: {"activity", "on", "weight", "minutes"} or {..., "sets",
// "reps"}; weight null when without weights.
nlohmann::ordered_json load_json(const Session& session);

// One CSV cell of text: escaped as terminal_safe_lines escapes it (control
// characters, escape sequences and bidi controls; newlines kept), quoted
// when needed, and prefixed with ' when a spreadsheet would evaluate it (=,
// +, -, @, tab or CR first).
std::string csv_text(std::string_view text);

}  // namespace anklog::cli
