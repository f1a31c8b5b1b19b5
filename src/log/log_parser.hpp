#pragma once
// Internal to anklog_core, for its tests and fuzzers: the reference that
// parse_log's block-by-block path is compared with.
#include <string_view>

#include "anklog/log.hpp"

namespace anklog {

// parse_log with toml++ on the whole text, whatever its shape (after the
// nesting guard): the same Log, or the same error at the same place, as
// parse_log gives.
Log parse_log_whole(std::string_view text, std::string_view file_name);

}  // namespace anklog
