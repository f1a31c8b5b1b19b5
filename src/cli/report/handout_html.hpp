#pragma once
// The handout for the client (`report --handout`): one A4 page in large
// type, no jargon: the week's sessions day by day with their dose, the pain
// rule in plain words from the log's own thresholds, and how to log. The
// same markup guarantees as the report (self-contained, no scripts, nothing
// fetched, XHTML-compatible, everything from the log escaped).
#include <string>
#include <string_view>
#include <vector>

#include "anklog/log.hpp"
#include "anklog/session.hpp"

namespace anklog::cli {

struct HandoutDay {
    const Session* session = nullptr;  // planned (saved, or made by the planner)
    bool done = false;                 // a saved plan's session the log shows done
};

struct HandoutInput {
    const Log* log = nullptr;
    std::string file;                  // the log's name, as given
    Date monday{};                     // the week shown
    bool saved = false;                // the plan saved in the log, else the one anklog makes
    std::vector<HandoutDay> sessions;  // in date order
    // Where the client stands today, when something needs attention: the
    // assessment's headline, without "warning:" (the planner's notes are
    // for the physiotherapist); else empty.
    std::string standing;
    Date made{};                       // today
};

std::string handout_html(const HandoutInput& input);

// How every handout anklog writes begins: `report -o` replaces it as it
// replaces a report.
inline constexpr std::string_view handout_html_start =
    "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n"
    "<meta charset=\"utf-8\" />\n<title>Your training: ";

}  // namespace anklog::cli
