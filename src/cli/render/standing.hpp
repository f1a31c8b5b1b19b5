#pragma once
// The assessment as the commands show it: one headline and what else needs
// attention, the same words in today, pain, summary, the review and the report.
#include <string>

#include "anklog/assess.hpp"

namespace anklog::cli {

// "Where you stand on 2026-11-20: <headline>", then "  also: ..." for each
// other thing that needs attention; no trailing newline.
std::string standing_text(const Assessment& assessment, bool color);

// The one line for a review row or a summary headline: the headline, with
// its severity when it is not a note ("danger: resting after pain ...").
std::string standing_line(const Assessment& assessment);

// When nothing needs attention but the person is coming back after a break
// (every load's last session at least return-after-break's days ago, no
// pain behind it): "Where you stand on 2026-12-07: coming back after 21 days
// away (the last session on 2026-11-16): about half your last volume, then
// build up". Empty otherwise.
std::string coming_back_text(const Assessment& assessment);

// A few words for a review's row: "resting after pain until 2026-11-30",
// "21 days after pain, no pain check since", "danger on the last day", "ok".
std::string short_standing(const Assessment& assessment);

}  // namespace anklog::cli
