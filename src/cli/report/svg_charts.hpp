#pragma once
// Charts for the report, as inline SVG: readable printed in black and white
// (done bars solid, planned bars hatched, reference lines dashed and
// labelled). Every bar and point carries its numbers as data- attributes
// and a <title>, for screen readers and for tests.
#include <string>
#include <vector>

#include "anklog/date.hpp"

namespace anklog::cli {

struct VolumeBar {
    std::string label;  // the week's Monday, "2026-11-23", or the month, "2026-11"
    int done = 0;
    int planned = 0;
};

struct VolumeChart {
    std::string id;     // the family, unique in the page: "gait"
    std::string unit;   // "min" or "reps"
    bool with_planned = false;  // a planned bar beside each done one
    std::vector<VolumeBar> bars;
};

std::string svg_volume_chart(const VolumeChart& chart);

struct PainPoint {
    Date date{};
    int pain = 0;  // the day's highest
    bool check = false;  // a pain check (anklog pain), not a session's pain
};

// The pain levels the chart marks, from the log's rules (the rules table or
// its [rules] overrides): where pain is watched (persistent-pain's level,
// 3/10 by default) and the limit above which it is danger (the pain rule's,
// 5/10).
struct PainLines {
    int watch = 0;
    int limit = 0;
};

// Pain from `from` to `to`, 0-10, with the watch and limit lines marked and
// the band above the limit shaded.
std::string svg_pain_chart(Date from, Date to, const std::vector<PainPoint>& points, PainLines lines);

}  // namespace anklog::cli
