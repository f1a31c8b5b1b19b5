#pragma once
// The person's editor on a private copy of the log, as git and crontab -e
// run theirs, and the copy's whole life: made, edited, read back, then
// removed, or kept on purpose and named. A copy holds health data: no exit
// leaves one behind unnamed.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace anklog::cli {

// $VISUAL, else $EDITOR, else "vi" (empty variables are skipped).
std::string chosen_editor();

// A private copy of a log: NAME in a folder of its own,
// TEMP/anklog-edit-XXXXXX (mode 0700; the copy 0600). The folder is locked
// (flock) while this anklog lives, so that remove_stale_copies tells a copy
// in use from one whose anklog was killed.
//
// While a PrivateCopy exists, SIGINT, SIGTERM, SIGHUP and SIGQUIT remove its
// folder with everything in it, say so on stderr and end anklog by that
// signal. While the editor runs, SIGINT and SIGQUIT are the editor's (anklog
// ignores them); SIGTERM and SIGHUP are passed on to the editor, and take
// effect once it has ended (it is killed if it has not ended 5 s later).
// The destructor removes the folder unless keep() moved the copy out.
class PrivateCopy {
public:
    // Throws anklog::Error when the copy cannot be made.
    PrivateCopy(const std::filesystem::path& temp_folder, const std::string& name, std::string_view text);
    ~PrivateCopy();
    PrivateCopy(const PrivateCopy&) = delete;
    PrivateCopy& operator=(const PrivateCopy&) = delete;
    PrivateCopy(PrivateCopy&&) = delete;
    PrivateCopy& operator=(PrivateCopy&&) = delete;

    [[nodiscard]] const std::filesystem::path& path() const { return path_; }

    // Runs `editor` on the copy through /bin/sh, so that an editor given
    // with arguments ("code --wait") or quoting works; the file name is
    // passed as an argument, never as shell text. Returns its exit status
    // (128 + N when a signal N ended it), or -1 when it could not be started.
    int edit(const std::string& editor);

    // The copy's text as the editor left it, or nullopt when the copy is
    // larger than storage::max_log_bytes. Throws anklog::Error, located in
    // `shown` (the log), saying what the editor left when it is not a
    // regular file: nothing (it deleted the copy), a folder, a FIFO, a
    // symbolic link...
    [[nodiscard]] std::optional<std::string> read(const std::string& editor, const std::string& shown) const;

    // Asks `question` on the terminal (see ask()); a signal that ends anklog
    // meanwhile starts its message on a new line.
    std::optional<char> ask(std::string_view question);

    // Moves the copy alone into a folder of its own that no anklog removes
    // (TEMP/anklog-edit-kept-XXXXXX, mode 0700), removes the rest (what
    // else the editor left: swap and backup files), and returns the copy's
    // new path. Throws anklog::Error when it cannot.
    std::filesystem::path keep();

    // Removes the folder and everything in it now.
    void remove();

private:
    std::filesystem::path temp_folder_;
    std::string folder_name_;  // anklog-edit-XXXXXX
    std::filesystem::path path_;
    int temp_fd_ = -1;
    int folder_fd_ = -1;  // locked while the copy lives
};

// Writes `text` as a private copy that no anklog removes
// (TEMP/anklog-edit-kept-XXXXXX/NAME, the folder 0700, the file 0600), for
// the person to recover; returns its path. Throws anklog::Error when it
// cannot.
std::filesystem::path keep_private_copy(const std::filesystem::path& temp_folder, const std::string& name,
                                        std::string_view text);

// Removes this user's private copies in `temp_folder` (anklog-edit-XXXXXX
// folders) whose anklog is gone: killed (SIGKILL, a crash) while it edited.
// Copies in use by another anklog, other users' and kept ones stay. Returns
// how many were removed.
int remove_stale_copies(const std::filesystem::path& temp_folder);

}  // namespace anklog::cli
