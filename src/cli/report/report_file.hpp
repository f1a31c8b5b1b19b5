#pragma once
// Where `report -o FILE` may write, and writing it there.
#include <filesystem>
#include <string>

namespace anklog::cli {

// Refuses (anklog::Error, saying what the file is) a target a report must
// not replace: a name anklog gives its own files beside a log (a numbered
// backup NAME.~N~, the undo record .NAME.anklog-undo, a temporary file), a
// .toml name, a name longer than the folder's file system allows, the log
// itself by any name, anything but a regular file, and an existing file that
// is not a report (or a handout) anklog wrote (a log, an undo record, or anything else)
// unless it is empty.
void check_report_target(const std::filesystem::path& target, const std::filesystem::path& log_path);

// Writes `text` to a temporary file beside `target` (mode 0600: a report is
// health data), then renames it over `target`: a failed write leaves no half
// report and no temporary file behind. Names up to the file system's limit
// (NAME_MAX) work: the temporary name is cut short to fit.
void write_report_file(const std::filesystem::path& target, const std::string& text);

}  // namespace anklog::cli
