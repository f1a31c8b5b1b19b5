#include "close_stdout.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <system_error>

#include <fmt/format.h>

namespace anklog::cli {

namespace {

int first_failure = 0;  // errno of the first failed write, 0 if none

}  // namespace

std::optional<int> output_failure(const std::exception& error) {
    const auto* system = dynamic_cast<const std::system_error*>(&error);
    if (!system || std::ferror(stdout) == 0) return std::nullopt;
    const int error_number = system->code().value() != 0 ? system->code().value() : EIO;
    if (first_failure == 0) first_failure = error_number;
    return error_number;
}

std::optional<int> close_stdout() {
    const bool had_error = std::ferror(stdout) != 0;
    const bool pending = std::fflush(stdout) != 0;
    const int flush_errno = errno;
    errno = 0;
    const bool close_failed = std::fclose(stdout) != 0;
    const int close_errno = errno;
    if (first_failure != 0) return first_failure;
    if (pending) return flush_errno != 0 ? flush_errno : EIO;
    if (had_error) return EIO;
    // A close that fails with EBADF when nothing was written: stdout was
    // closed by the caller, which is how it asked for no output.
    if (close_failed && close_errno != EBADF) return close_errno != 0 ? close_errno : EIO;
    return std::nullopt;
}

Error output_error(int error_number) {
    std::string advice = "check where the output goes: ";
    switch (error_number) {
        case ENOSPC:
        case EDQUOT: advice = "free some space on that disk, or send the output elsewhere"; break;
        case EFBIG: advice = "the file is at its size limit: send the output elsewhere"; break;
        case EBADF: advice = "standard output is closed: redirect it to a file or to /dev/null"; break;
        default: advice += "a full disk, a closed pipe or a device error"; break;
    }
    return Error(fmt::format("cannot write output: {}", std::strerror(error_number)), advice);
}

}  // namespace anklog::cli
