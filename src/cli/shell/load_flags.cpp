#include "shell/load_flags.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "anklog/toml_writer.hpp"
#include "anklog/utf8.hpp"
#include "shell/usage_errors.hpp"

namespace anklog::cli {

std::optional<Mass> weight_flag(const std::string& text, Unit units) {
    if (text.empty()) return std::nullopt;
    const auto weight = parse_mass(text, units);
    if (!weight) throw flag_error("--weight", fmt::format("\"{}\" is not a weight", text), mass_advice(text, units));
    return weight;
}

void check_note_flag(std::string_view note) {
    if (!is_valid_utf8(note)) {
        throw flag_error("--note", "the note is not valid UTF-8 text", "check your terminal's character encoding");
    }
}

bool mixes_kinds(std::span<const Activity* const> activities) {
    const bool timed = std::any_of(activities.begin(), activities.end(), [](const Activity* a) { return is_timed(a->kind); });
    const bool strength = std::any_of(activities.begin(), activities.end(), [](const Activity* a) { return !is_timed(a->kind); });
    return timed && strength;
}

void apply(const LoadFlags& flags, Session& session, Kind kind, bool mixed_kinds) {
    if (flags.weight) session.weight = flags.weight;
    if (flags.on) session.on = *flags.on;
    const bool timed = is_timed(kind);
    if (flags.minutes && (timed || !mixed_kinds)) session.minutes = flags.minutes;
    if (flags.sets && (!timed || !mixed_kinds)) session.sets = flags.sets;
    if (flags.reps && (!timed || !mixed_kinds)) session.reps = flags.reps;
}

const Session* last_session(const Log& log, std::string_view activity, Date date) {
    const Session* last = nullptr;
    for (const Session& session : log.sessions) {
        if (session.activity != activity || session.date > date) continue;
        if (!last || session.date >= last->date) last = &session;
    }
    return last;
}

}  // namespace anklog::cli
