#pragma once
// Output that reached its destination. As coreutils' close_stdout does, anklog
// flushes and closes standard output before it exits and checks both: stdio
// buffers what a command prints, so a full disk or a closed pipe shows only
// then. A failure is an error (exit 2), never a silent truncation.
#include <exception>
#include <optional>

#include "anklog/error.hpp"

namespace anklog::cli {

// If `error` is a failed write to standard output (fmt::print throws
// std::system_error when one fails mid-way), its errno; remembered for
// close_stdout, so that the reason is not lost.
std::optional<int> output_failure(const std::exception& error);

// Flushes and closes standard output: the errno of the first write that
// failed, if any. A descriptor closed from the start (`anklog ... >&-`) with
// nothing written to it is no failure, as for coreutils.
std::optional<int> close_stdout();

// "cannot write output: No space left on device", with advice.
Error output_error(int error_number);

}  // namespace anklog::cli
