#include "file_metadata.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <cerrno>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "anklog/error.hpp"

namespace anklog::storage::detail {

namespace fs = std::filesystem;

// What a rename over the log would do that an append would not.
void check_replaceable(int folder_fd, const Target& target, const Existing& existing, const fs::path& shown) {
    if (existing.info.st_nlink > 1) {
        const auto others = existing.info.st_nlink - 1;
        throw Error(fmt::format("the log has {} other hard link{} (another name for the same file): anklog "
                                "replaces the file when it writes, which would split them",
                                others, others == 1 ? "" : "s"),
                    unchanged("keep the log under one name and make the other names symbolic links (ln -sf), which "
                              "anklog follows; "),
                    Location{shown.string()});
    }
    if (::faccessat(folder_fd, target.name.c_str(), W_OK, AT_EACCESS) != 0) {
        const int error = errno;
        throw Error(fmt::format("you cannot write to this log: {}", describe_errno(error)),
                    error == EROFS ? unchanged("choose a log on a writable file system with -f FILE; ")
                                   : fmt::format("make it writable (chmod u+w {}) if it should change, or choose "
                                                 "another log with -f FILE; {}",
                                                 target.path.string(), unchanged()),
                    Location{shown.string()});
    }
    if (::geteuid() != 0 && existing.info.st_uid != ::geteuid()) {
        throw Error(fmt::format("the log belongs to another user ({}): anklog replaces the file when it writes, and "
                                "the new one would belong to you",
                                user_name(existing.info.st_uid)),
                    unchanged("let its owner write to it, or copy it and use -f with your copy; "),
                    Location{shown.string()});
    }
}

void copy_attributes(const Existing& from, int to, const fs::path& shown) {
    const auto advice = unchanged("check the folder's file system; ");
    if (from.info.st_uid != ::geteuid() || from.info.st_gid != ::getegid()) {
        if (::fchown(to, from.info.st_uid, from.info.st_gid) != 0) {
            fail(shown, fmt::format("cannot keep the log's group ({})", from.info.st_gid), errno, advice);
        }
    }
    if (::fchmod(to, from.info.st_mode & 07777) != 0) fail(shown, "cannot keep the log's permissions", errno, advice);

    const ssize_t size = ::flistxattr(from.fd.get(), nullptr, 0);
    if (size < 0) {
        if (errno == ENOTSUP) return;  // a file system without extended attributes
        fail(shown, "cannot read the log's extended attributes", errno, advice);
    }
    std::vector<char> names(static_cast<std::size_t>(size));
    const ssize_t got = ::flistxattr(from.fd.get(), names.data(), names.size());
    if (got < 0) fail(shown, "cannot read the log's extended attributes", errno, advice);
    names.resize(static_cast<std::size_t>(got));
    bool has_acl = false;
    for (std::size_t at = 0; at < names.size();) {
        const std::string name(names.data() + at);
        at += name.size() + 1;
        has_acl = has_acl || name == "system.posix_acl_access";
        // The access list and the user's own attributes; security.* and
        // trusted.* belong to the system, which sets them on new files itself.
        if (name != "system.posix_acl_access" && name.rfind("user.", 0) != 0) continue;
        const ssize_t length = ::fgetxattr(from.fd.get(), name.c_str(), nullptr, 0);
        std::vector<char> value(length > 0 ? static_cast<std::size_t>(length) : 0);
        const ssize_t read = length < 0 ? -1 : ::fgetxattr(from.fd.get(), name.c_str(), value.data(), value.size());
        const std::string what = name == "system.posix_acl_access"
                                     ? std::string("cannot keep the log's access control list")
                                     : fmt::format("cannot keep the log's extended attribute {}", name);
        if (read < 0) fail(shown, what, errno, advice);
        if (::fsetxattr(to, name.c_str(), value.data(), static_cast<std::size_t>(read), 0) != 0) {
            fail(shown, what, errno, advice);
        }
    }
    // A new file inherits the folder's default ACL, which the log may not have had.
    if (!has_acl && ::fremovexattr(to, "system.posix_acl_access") != 0 && errno != ENODATA && errno != ENOTSUP) {
        fail(shown, "cannot keep the log's access control list", errno, advice);
    }
}

}  // namespace anklog::storage::detail
