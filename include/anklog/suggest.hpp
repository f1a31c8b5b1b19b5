#pragma once
// "Did you mean ...?" for misspelt keys, activities and values.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace anklog {

// The closest candidate by edit distance, if it is close enough to be a
// plausible typo of `word`.
std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string>& candidates);

// " (did you mean 'x'?)"-style advice, or `fallback` when nothing is close.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates,
                         std::string fallback);

}  // namespace anklog
