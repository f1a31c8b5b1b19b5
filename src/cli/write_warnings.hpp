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

}  // namespace anklog::cli
