#include "posix.hpp"

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

#include "anklog/error.hpp"

namespace anklog::storage::detail {

std::string unchanged(std::string_view advice) { return std::string(advice) + "the log has not been changed"; }

std::string describe_errno(int error) {
    switch (error) {
        case ENOSPC: return "the disk is full";
        case EDQUOT: return "the disk quota is used up";
        case EFBIG: return "the file would exceed the file-size limit";
        case EROFS: return "the file system is read-only";
        case EACCES:
        case EPERM: return "permission denied";
        case ENAMETOOLONG: return "the file name or path is too long";
        case ENOTDIR: return "a part of the path is not a folder";
        case ELOOP: return "too many levels of symbolic links";
        default: return std::strerror(error);
    }
}

void fail(const std::filesystem::path& shown, std::string_view what, int error, std::string advice) {
    if (error == ENAMETOOLONG) advice = "use a shorter path or file name";
    throw Error(fmt::format("{}: {}", what, describe_errno(error)), std::move(advice), Location{shown.string()});
}

}  // namespace anklog::storage::detail
