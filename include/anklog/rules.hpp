#pragma once
// The rule table: every rule anklog checks, with its thresholds and source.
// `check`, `anklog rules`, the man page and the tests all read this table;
// a threshold lives here and nowhere else.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace anklog {

enum class Severity { note, warning, danger };
std::string_view to_string(Severity severity);
std::optional<Severity> parse_severity(std::string_view text);

struct Threshold {
    std::string_view knob;     // name in [rules.ID], e.g. "warning"
    double value;              // the default
    std::string_view meaning;  // what it is, with its unit
    double min;                // accepted range of overrides
    double max;
};

struct Rule {
    std::string_view id;
    std::string_view severity;  // as shown: "warning; danger if weight at least doubles"
    std::string_view summary;   // fires when ...
    std::string_view source;    // the full source, for `anklog rules`
    std::string_view cite;      // the short citation on each finding
    std::string_view example;   // a worked example, for `anklog rules ID`
    std::span<const Threshold> thresholds;
};

std::span<const Rule> rule_table();
const Rule* find_rule(std::string_view id);
std::vector<std::string> rule_ids();

// The threshold of the rule table for `id`.`knob`; throws std::logic_error
// for a knob the table does not have (a bug, caught by the tests).
const Threshold& table_threshold(std::string_view id, std::string_view knob);

}  // namespace anklog
