#pragma once
// Inside storage: files anklog writes beside the log before they take their
// place. Temporary files are ".NAME.anklog-XXXXXX" (the new log) and
// ".NAME.anklog-undo.XXXXXX" (its new undo record), with NAME cut short when
// the whole would pass NAME_MAX (255 bytes).
#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <utility>

#include "posix.hpp"

namespace anklog::storage::detail {

enum class TempKind { log, undo_record };

// Calls `visit` with every name in the folder.
void for_each_name(int folder_fd, const std::function<void(std::string_view)>& visit);

// Temporary files exist only while the folder's lock is held, so the ones
// found under the lock were left by a killed anklog. (The undo record itself,
// ".NAME.anklog-undo", has neither shape.)
void remove_stale_temps(int folder_fd, const std::string& name);

// A file in the folder that is removed unless committed.
class Scratch {
public:
    explicit Scratch(int folder_fd) : folder_fd_(folder_fd) {}
    Scratch(const Scratch&) = delete;
    Scratch& operator=(const Scratch&) = delete;
    ~Scratch();
    void created(std::string name) { name_ = std::move(name); }
    [[nodiscard]] bool exists() const { return !name_.empty(); }
    [[nodiscard]] const std::string& name() const { return name_; }
    void committed() { committed_ = true; }

private:
    int folder_fd_;
    std::string name_;
    bool committed_ = false;
};

// A new temporary file of `kind` for the log `log_name`, mode 0600, which
// `scratch` removes unless committed.
Fd create_temp(int folder_fd, const std::string& log_name, Scratch& scratch, const std::filesystem::path& shown,
               TempKind kind = TempKind::log);

// `what` names the file in messages: "cannot write the log".
void write_all(int fd, std::string_view data, const std::filesystem::path& shown, std::string_view what);

// Writes `text` to `fd`, flushes it to disk and returns what reads back.
std::string write_checked(int fd, const std::string& text, const std::filesystem::path& shown, std::string_view what);

}  // namespace anklog::storage::detail
