#pragma once
// What changes between two versions of a log, line by line, as undo and
// edit show it:
//   line 12:
//   - weight = "1.5 kg"
//   + weight = "1 kg"
#include <cstddef>
#include <string>
#include <string_view>

namespace anklog::cli {

// The lines of `from` that `to` removes ("- ") and the lines it adds ("+ "),
// in groups headed by their line number in `from`, terminal-safe. At most
// `longest` changed lines are shown, then how many more there are. Empty when
// the texts have the same lines.
std::string describe_changes(std::string_view from, std::string_view to, std::size_t longest = 40);

}  // namespace anklog::cli
