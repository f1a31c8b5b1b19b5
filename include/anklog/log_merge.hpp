#pragma once
// Three-way merge of a log's text, for two devices that share one log
// through git (`anklog sync --merge-driver`). Pure: texts in, text out
// (src/log/log_merge.cpp).
#include <optional>
#include <string>
#include <string_view>

namespace anklog {

struct MergedLog {
    std::string text;
    int conflicts = 0;  // regions left between conflict markers
};

// Merges `ours` and `theirs`, two versions of the log `base`. The log is
// read as its header (profile, activities, rules) and its blocks
// ([[session]], [[planned]], [[pain]], each with the comment lines just
// above it). What both sides kept of the base stays as it is and where it
// is; what a side appended, inserted, changed or deleted is applied; blocks
// both sides added at one place come ours first, then theirs, a block both
// added identically once. Where both sides changed the same block (or the
// header) differently, or one changed what the other deleted, the two
// versions are left between git-style markers (<<<<<<< ours, =======,
// >>>>>>> theirs) under a comment line that says what happened; find_merge_conflict
// finds them. A text that is not of the plain shape split_log_blocks
// reads is merged whole: one side's text when the other did not change it,
// else one conflict.
[[nodiscard]] MergedLog merge_logs(std::string_view base, std::string_view ours, std::string_view theirs);

// The comment line merge_logs writes above a conflict:
// "# anklog: merge conflict: WHAT; keep one side and delete the marker lines".
inline constexpr std::string_view conflict_comment_prefix = "# anklog: merge conflict: ";

struct MergeConflict {
    int line = 0;      // 1-based, of the "<<<<<<<" line
    std::string what;  // "both devices changed this session", ...
};

// The first line that starts with "<<<<<<<" (a merge's conflict marker), or
// nullopt: what `what` says comes from merge_logs' comment just above it
// when there is one.
[[nodiscard]] std::optional<MergeConflict> find_merge_conflict(std::string_view text);

}  // namespace anklog
