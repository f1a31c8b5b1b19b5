#pragma once
// The report for a physiotherapist: one self-contained HTML page (inline CSS
// and SVG, no scripts, nothing fetched), one or two A4 pages when printed,
// readable in black and white. XHTML-compatible markup, so that any XML
// parser reads it.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "anklog/check.hpp"
#include "anklog/log.hpp"
#include "anklog/plan.hpp"
#include "anklog/summary.hpp"

namespace anklog::cli {

struct ReportInput {
    const Log* log = nullptr;
    std::string file;                // the log's name, as given
    Summary summary;
    std::vector<Finding> findings;   // of the period
    std::optional<Week> next_week;   // the plan for the week after the period
    std::string no_plan_reason;      // when there is none
    Date made{};                     // today
};

std::string report_html(const ReportInput& input);

// How every report anklog writes begins: how `report -o` recognises a file it
// may replace.
inline constexpr std::string_view report_html_start =
    "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n"
    "<meta charset=\"utf-8\" />\n<title>Training report: ";

}  // namespace anklog::cli
