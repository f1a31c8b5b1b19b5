// The private copy `anklog edit` gives the editor.
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include <cerrno>

#include <fmt/format.h>

#include "log_file.hpp"
#include "posix.hpp"
#include "scratch_files.hpp"

namespace anklog::storage {

namespace fs = std::filesystem;

fs::path make_private_copy(const fs::path& parent, const std::string& name, std::string_view text) {
    const auto cannot = [&](std::string_view what, int error) {
        detail::fail(parent, fmt::format("cannot make a private copy to edit: {}", what), error,
                     "set TMPDIR to a folder you can write; the log has not been changed");
    };
    std::string pattern = (parent / "anklog-edit-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) cannot("cannot create a folder", errno);  // mode 0700
    fs::path copy = fs::path(pattern) / name;
    const detail::Fd fd(::open(copy.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
    if (!fd.ok()) {
        const int error = errno;
        (void)::rmdir(pattern.c_str());
        cannot("cannot create the file", error);
    }
    try {
        detail::write_all(fd.get(), text, copy, "cannot write the private copy to edit");
    } catch (...) {
        remove_private_copy(copy);
        throw;
    }
    return copy;
}

void remove_private_copy(const fs::path& copy) {
    (void)::unlink(copy.c_str());
    (void)::rmdir(copy.parent_path().c_str());
}

}  // namespace anklog::storage
