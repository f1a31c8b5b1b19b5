#pragma once
// Flag values as people type them, for every command that takes a date, a
// weight, minutes or sets: the words of a value typed without quotes
// ("-w 0.5 kg", "--date last monday") put back together before CLI11 reads
// the command line, and the one reading of every date flag.
#include <string>
#include <string_view>
#include <vector>

#include "anklog/date.hpp"

namespace anklog::cli {

// `args` (without the program name) with each value of -w/--weight,
// -m/--minutes, --sets, --date, --week-of, --since and --until joined to the
// words after it that continue it (anklog::words_continuing): "-w", "0.5",
// "kg" becomes "-w", "0.5 kg". Nothing after "--" is touched.
std::vector<std::string> join_split_values(std::vector<std::string> args);

// The date `text` of the flag `flag` means (anklog::parse_period_date), or a
// usage error naming the flag, with date_advice.
Date date_flag(std::string_view flag, std::string_view text, Date today);

// "next monday (2026-12-07)": what was typed, and the date it means, when
// they differ.
std::string date_as_typed(std::string_view text, Date date);

}  // namespace anklog::cli
