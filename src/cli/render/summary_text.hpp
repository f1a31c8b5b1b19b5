#pragma once
// A summary in words: what the table's columns mean, this week's load with
// its named zone, and whether this week is on track with the plan. Shared by
// `anklog summary` and `anklog report`.
#include <string>
#include <vector>

#include "anklog/log.hpp"
#include "anklog/summary.hpp"

namespace anklog::cli {

// "1 day", "5 days"
std::string days_text(int days);

// What the columns named `shown` hold (those that need saying), and which
// were left out to fit `width` columns.
std::string column_legend(const std::vector<std::string>& shown, const std::vector<std::string>& left_out,
                          std::size_t width);

// "Load in the 7 days to 2026-11-29 against your average 7 days of the last 28: gait 0.95 (steady), ..."
std::string load_words(const Summary& summary);

// "Plan this week: 2 of 3 sessions done, 1 to come: on track." Empty when the
// log has no planned sessions.
// `standing` is the assessment's severity: above a note, adherence never
// reads as good news ("on track").
std::string plan_words(const Summary& summary, Severity standing = Severity::note);

}  // namespace anklog::cli
