// libFuzzer target: any bytes -> parse and validate -> check -> plan, and
// every session written back as TOML must parse to the same session, field
// by field. An anklog::Error is the expected outcome for bad input; anything
// else (a crash, a sanitizer report, another exception) is a bug.
#include <fmt/format.h>

#include <cstdio>

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "anklog/check.hpp"
#include "anklog/error.hpp"
#include "anklog/log_parser.hpp"
#include "anklog/plan.hpp"
#include "anklog/toml_writer.hpp"

namespace {

bool same_session(const anklog::Session& a, const anklog::Session& b) {
    const bool same_weight = a.weight.has_value() == b.weight.has_value() &&
                             (!a.weight || (a.weight->amount == b.weight->amount && a.weight->unit == b.weight->unit));
    return same_weight && a.date == b.date && a.activity == b.activity && a.on == b.on && a.minutes == b.minutes &&
           a.sets == b.sets && a.reps == b.reps && a.effort == b.effort && a.pain == b.pain && a.note == b.note;
}

// The log's own activities, declared again for a log that holds only `session`.
std::string activities_for(const anklog::Log& log, const anklog::Session& session) {
    const anklog::Activity* activity = log.catalogue.find(session.activity);
    if (activity->built_in) return {};
    return fmt::format("[activities]\n{} = {{ kind = \"{}\"{} }}\n", anklog::toml_quote(activity->name),
                       anklog::to_string(activity->kind),
                       activity->group == anklog::Group::none
                           ? std::string()
                           : fmt::format(", group = \"{}\"", anklog::to_string(activity->group)));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    anklog::Log log;
    try {
        log = anklog::parse_log(text, "fuzz.toml");
    } catch (const anklog::Error&) {
        return 0;
    }
    (void)anklog::check(log);

    anklog::Date last = *anklog::parse_iso_date("2026-01-01");
    for (const anklog::Session& s : log.sessions) last = std::max(last, s.date);
    try {
        (void)anklog::plan(log, anklog::PlanOptions{anklog::add_days(last, 7), 3});
    } catch (const anklog::Error&) {
        // A week past the last date a log can hold: refused, not planned.
    }

    for (const anklog::Session& s : log.sessions) {
        const std::string written =
            anklog::new_log_text(log.profile) + activities_for(log, s) + "\n" + anklog::to_toml(s);
        const anklog::Log again = anklog::parse_log(written, "again.toml");
        if (again.sessions.size() != 1 || !same_session(again.sessions[0], s)) {
            // What anklog writes must read back the same: show what differed.
            fmt::print(stderr, "session written as:\n{}\nread back as:\n{}\n", written,
                       again.sessions.empty() ? std::string("(no session)") : anklog::to_toml(again.sessions[0]));
            __builtin_trap();
        }
    }
    return 0;
}
