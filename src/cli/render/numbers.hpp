#pragma once
// Numbers as anklog prints them for people and for programs: measured values
// to the precision anklog keeps (mass_decimals: 3), never binary float noise
// (1.3607771100000001), and percentages rounded, not floored.
#include <nlohmann/json.hpp>

#include <string>

#include "anklog/mass.hpp"
#include "anklog/thresholds.hpp"
#include "render/table.hpp"

namespace anklog::cli {

// `value` rounded to mass_decimals (3) decimals, half away from zero; -0 is 0.
double to_kept_precision(double value);

// `value` to 3 decimals without trailing zeros: "1.361", "0.5", "2".
std::string decimal_text(double value);

// A mass in `unit` as a number for JSON and CSV: 3 lb is 3 lb, and 1.361 kg.
double mass_number(const Mass& mass, Unit unit);

// `part` of `whole` in percent, rounded half up: 2 of 3 is 67, 11 of 12 is 92.
// `whole` must be positive.
int percent(int part, int whole);

// A pain score in a table, `text` being how it is shown ("7/10", "7"): as
// is under the watch level (persistent-pain's, 3/10), yellow from it, and
// above the pain rule's danger level (5/10) red and marked with "!", so that
// it reads as more severe than 4/10 in black and white and with NO_COLOR too.
Cell pain_cell(int pain, std::string text, const Thresholds& limits);

// Every floating-point number in `document` rounded by to_kept_precision, so
// that no JSON anklog prints carries float noise; a whole one becomes an
// integer ("5", never "5.0"), as decimal_text writes it in CSV.
void round_numbers(nlohmann::ordered_json& document);

}  // namespace anklog::cli
