#pragma once
// One [[prescription]] block read into a Prescription, internal to src/log/:
// every problem located at the key or value that causes it.
#include <toml++/toml.h>

#include <string_view>

#include "anklog/activity.hpp"
#include "anklog/prescription.hpp"

namespace anklog {

// `table` is the block's table; its positions are shifted by `line_offset`
// lines; bare weights are in `unit`; activities come from `catalogue`.
Prescription parse_prescription(const toml::table& table, const Catalogue& catalogue, Unit unit,
                                std::string_view file_name, int line_offset);

}  // namespace anklog
