// libFuzzer target: any bytes -> parse and validate -> check -> plan, and
// every session written back as TOML must parse to the same session. An
// anklog::Error is the expected outcome for bad input; anything else (a
// crash, a sanitizer report, another exception) is a bug.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "anklog/check.hpp"
#include "anklog/error.hpp"
#include "anklog/plan.hpp"
#include "anklog/toml_writer.hpp"

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
    (void)anklog::plan(log, anklog::PlanOptions{anklog::add_days(last, 7), 3});

    for (const anklog::Session& s : log.sessions) {
        anklog::Log again = anklog::parse_log(anklog::new_log_text(log.profile) + "\n" + anklog::to_toml(s), "again.toml");
        if (again.sessions.size() != 1 || again.sessions[0].note != s.note || again.sessions[0].date != s.date ||
            again.sessions[0].minutes != s.minutes || again.sessions[0].reps != s.reps) {
            __builtin_trap();  // what anklog writes must read back the same
        }
    }
    return 0;
}
