#include "unreadable_text.hpp"

#include <fmt/format.h>

#include <string>

#include "anklog/utf8.hpp"

namespace anklog::schema {

// A log saved as UTF-16 (Notepad's "Unicode") gets advice, not toml++'s
// "invalid utf-8" (at 1:1, where its encoding shows, as every invalid file's
// error is located).
void refuse_wide_encoding(std::string_view text, std::string_view file_name) {
    const std::string_view encoding = wide_unicode_encoding(text);
    if (encoding.empty()) return;
    throw Error(fmt::format("the log is saved as {} text; anklog reads UTF-8", encoding),
                fmt::format("save it as UTF-8 in your editor (Notepad: Save as, Encoding: UTF-8), or convert it with "
                            "iconv -f {} -t UTF-8",
                            encoding),
                Location{std::string(file_name), 1, 1});
}

// A log that does not parse because a merge left its conflict markers in
// it: where, and what to do.
Error merge_conflict_error(const MergeConflict& conflict, std::string_view file_name) {
    return Error(fmt::format("merge conflict: {}", conflict.what),
                 "keep one side, and delete the marker lines (<<<<<<<, =======, >>>>>>>) and the comment above them "
                 "('anklog edit' opens the log)",
                 Location{std::string(file_name), conflict.line});
}

}  // namespace anklog::schema
