#pragma once
// Changing the profile inside a log's text: only the [profile] table's
// changed keys are rewritten, every other byte stays.
#include <string>
#include <string_view>

#include "anklog/profile.hpp"

namespace anklog {

// `text` (a valid log whose profile is `before`) with its profile changed to
// `after`:
//   - a key whose value changes is rewritten in place (as anklog writes it,
//     with its comment); one `after` leaves out (no weights, no history) is
//     removed; one `before` lacked is added after the table's last key;
//   - when the units change, the weights are rewritten too, each with its
//     unit, so that they keep their mass;
//   - a log without [profile] gets one before its first table header (and
//     the comment lines right above it), or at its end;
// in the text's own line-ending style. Throws anklog::Error located in
// `file_name`, advising 'anklog edit', when [profile] is written in a shape
// that cannot be changed that way: an inline table (profile = {...}), dotted
// keys (profile.units = ...), [profile.x] tables, or keys that span lines in
// ways anklog does not write.
std::string with_profile(std::string_view text, const Profile& before, const Profile& after, std::string_view file_name);

// The line of `key = ...` in the block whose header ([[session]],
// [[planned]]) is at line `block_line` of `text`; `block_line` when the
// block has no such key.
int key_line_in_block(std::string_view text, int block_line, std::string_view key);

// `text` (a valid log whose [[equipment]] tables are `before`) with its
// equipment changed to `after`: the tables `after` no longer holds are
// removed (with the blank lines after them), every other byte stays; the
// items `after` adds (those past the ones it keeps, in order) are written
// after the last table that stays, else before the first [[session]],
// [[planned]] or [[pain]] block (and the comments right above it), else at
// the end. Throws anklog::Error, advising 'anklog edit', when the equipment
// is not written as [[equipment]] tables.
std::string with_equipment(std::string_view text, const std::vector<Equipment>& before,
                           const std::vector<Equipment>& after, std::string_view file_name);

// Whether two profiles hold the same values (weights compared as written,
// amount and unit).
bool same_profile(const Profile& a, const Profile& b);

}  // namespace anklog
