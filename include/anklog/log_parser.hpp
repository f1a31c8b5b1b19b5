#pragma once
// Text -> Log: reading a log, or a part of one, from its TOML text. The
// model's Log knows nothing of text; this is the log room's way in
// (src/log/log_parser.cpp).
#include <string_view>

#include "anklog/activity.hpp"
#include "anklog/log.hpp"
#include "anklog/session.hpp"

namespace anklog {

// Parses and validates a log. Throws anklog::Error located at
// `file_name:line:col` for malformed TOML, unknown keys (with a suggestion),
// out-of-range values and unknown activities.
Log parse_log(std::string_view text, std::string_view file_name);

// The activities of a log (built in and declared), as parse_log reads
// them, reading only the header when nothing after it can declare any
// (plain_log_header): a few milliseconds for any number of sessions. Throws
// anklog::Error as parse_log does.
Catalogue parse_catalogue(std::string_view text, std::string_view file_name);

// The session of `appended`, the text that follows the text of a log read
// as `log` (blank lines, then one [[session]] block), starting on line
// `first_line` of the file: the session that parse_log reads at the end of
// the whole text (its line counted in the whole file), as long as `log` has
// no inline `session = [...]` array. Throws anklog::Error, located in
// `file_name`, as parse_log would for that block, or when `appended` is not
// one [[session]] block after blank lines.
Session parse_appended_session(const Log& log, std::string_view appended, int first_line, std::string_view file_name);

}  // namespace anklog
