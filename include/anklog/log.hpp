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

// The [rules] table, kept for the rule engine: rules switched off, and
// threshold overrides with the line they were set on.
struct RuleSettings {
    std::vector<std::string> off;
    struct Override {
        double value = 0;
        int line = 0;
        int column = 0;
    };
    std::map<std::string, std::map<std::string, Override>, std::less<>> overrides;  // rule -> knob -> value
};

struct Log {
    int version = 1;
    Profile profile;
    Catalogue catalogue;
    RuleSettings rules;
    std::vector<Session> sessions;  // in file order
    int line_count = 0;             // lines in the source text
};

// Parses and validates a log. Throws anklog::Error located at
// `file_name:line:col` for malformed TOML, unknown keys (with a suggestion),
// out-of-range values and unknown activities.
Log parse_log(std::string_view text, std::string_view file_name);

// The sessions in date order (stable: same-day sessions keep file order).
std::vector<const Session*> in_date_order(const Log& log);

}  // namespace anklog
