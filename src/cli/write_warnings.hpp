#pragma once
// What a write that succeeded still needs to tell: that it may not survive a
// power cut, or that undo cannot revert it.
#include <string>
#include <string_view>

#include "log_file.hpp"

namespace anklog::cli {

// `done` says what is in the log: "the session is in the log".
void print_write_warnings(const storage::UpdateResult& result, const std::string& shown, std::string_view done,
                          bool color);

// After an error, when a write of this process has landed: that the change
// was made, and what it was (storage::landed_change), as a note under the
// error ("  note: the change was made before this error: the session was
// appended to log.toml; do not log it again"); alone, when there was no
// error to print ("anklog: note: the change was made: ..."). Nothing when
// no write landed.
void print_landed_change(bool color, bool after_error = true);

}  // namespace anklog::cli
