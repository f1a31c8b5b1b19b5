#pragma once
// A whole training log: profile, user-declared activities, sessions.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "anklog/activity.hpp"
#include "anklog/profile.hpp"
#include "anklog/session.hpp"

namespace anklog {

// The [rules] table, checked against the rule table: rules switched off,
// and threshold overrides.
struct RuleSettings {
    std::vector<std::string> off;
    std::map<std::string, double, std::less<>> overrides;  // "rule-id.knob" -> value

    [[nodiscard]] bool enabled(std::string_view rule) const;
    // The override from the log, else the rule table's default.
    [[nodiscard]] double value(std::string_view rule, std::string_view knob) const;
};

struct Log {
    int version = 1;
    Profile profile;
    Catalogue catalogue;
    RuleSettings rules;
    std::vector<Session> sessions;  // in file order
};

// Parses and validates a log. Throws anklog::Error located at
// `file_name:line:col` for malformed TOML, unknown keys (with a suggestion),
// out-of-range values and unknown activities.
Log parse_log(std::string_view text, std::string_view file_name);

// The sessions in date order (stable: same-day sessions keep file order).
std::vector<const Session*> in_date_order(const Log& log);

}  // namespace anklog
