#include "shell/load_flags.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "anklog/period.hpp"
#include "anklog/suggest.hpp"
#include "anklog/toml_writer.hpp"
#include "anklog/typed_input.hpp"
#include "anklog/utf8.hpp"
#include "shell/usage_errors.hpp"

namespace anklog::cli {

std::optional<Mass> weight_flag(const std::string& text, Unit units) {
    if (text.empty()) return std::nullopt;
    const auto weight = parse_mass(text, units);
    if (!weight) throw flag_error("--weight", fmt::format("\"{}\" is not a weight", text), mass_advice(text, units));
    return weight;
}

void sets_and_reps(const std::optional<std::string>& sets, std::optional<int> reps, LoadFlags& load) {
    load.reps = reps;
    if (!sets) return;
    const auto parsed = parse_sets(*sets);
    if (!parsed) throw flag_error("--sets", fmt::format("\"{}\" is not a number of sets", *sets), sets_advice(*sets));
    load.sets = static_cast<int>(parsed->sets);
    if (!parsed->reps) return;
    const int typed_reps = static_cast<int>(*parsed->reps);
    if (reps && *reps != typed_reps) {
        throw flag_error("--sets", fmt::format("{} says {} reps, but --reps says {}", *sets, typed_reps, *reps),
                         fmt::format("give the reps once: --sets {}x{} or --sets {} --reps {}", parsed->sets, *reps,
                                     parsed->sets, *reps));
    }
    load.reps = typed_reps;
}

namespace {

bool all_digits(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "side leg lift" as one shell word: quoted when it holds a space.
std::string shell_word(std::string_view text) {
    return text.find(' ') == std::string_view::npos ? std::string(text) : fmt::format("\"{}\"", text);
}

// Where words that are not an activity belong, when they look like a value
// of a flag; nullopt when they do not.
std::optional<std::string> flag_for(std::string_view typed, std::span<const Activity* const> named) {
    if (all_digits(typed)) {
        const bool timed = std::any_of(named.begin(), named.end(), [](const Activity* a) { return is_timed(a->kind); });
        const bool strength = std::any_of(named.begin(), named.end(), [](const Activity* a) { return !is_timed(a->kind); });
        const std::string minutes = fmt::format("-m {} for {} minutes", typed, typed);
        const std::string reps = fmt::format("--sets 2x{} for 2 sets of {} reps", typed, typed);
        if (timed && !strength) return "a number goes after its flag: " + minutes;
        if (strength && !timed) return "a number goes after its flag: " + reps;
        return fmt::format("a number goes after its flag: {}, {}, -w {} for a weight", minutes, reps, typed);
    }
    constexpr Date any_day{std::chrono::year{2000}, std::chrono::January, std::chrono::day{1}};
    if (parse_minutes(typed)) return fmt::format("minutes go after -m: -m {}", shell_word(typed));
    if (parse_mass(typed, Unit::kg)) return fmt::format("the weight goes after -w: -w {}", shell_word(typed));
    if (const auto sets = parse_sets(typed); sets && sets->reps) {
        return fmt::format("sets and reps go after --sets: --sets {}x{}", sets->sets, *sets->reps);
    }
    if (parse_period_date(typed, any_day)) return fmt::format("the day goes after --date: --date {}", shell_word(typed));
    return std::nullopt;
}

}  // namespace

std::vector<const Activity*> activities_named(const Catalogue& catalogue, const std::vector<std::string>& words,
                                              const std::string& advice) {
    const std::vector<ActivityWords> groups = activities_in_words(catalogue, words);
    std::vector<const Activity*> named;
    for (const ActivityWords& group : groups) {
        if (group.activity) named.push_back(group.activity);
    }
    for (const ActivityWords& group : groups) {
        if (group.activity) continue;
        if (auto flag = flag_for(group.typed, named)) {
            throw Error(fmt::format("\"{}\" is not an activity", group.typed), std::move(*flag));
        }
        throw Error(fmt::format("unknown activity \"{}\"", group.typed),
                    did_you_mean(normalize_activity_name(group.typed), catalogue.names(), advice));
    }
    return named;
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
    if (flags.side) session.side = *flags.side;
    const bool timed = is_timed(kind);
    if (flags.minutes && (timed || !mixed_kinds)) session.minutes = flags.minutes;
    if (flags.sets && (!timed || !mixed_kinds)) session.sets = flags.sets;
    if (flags.reps && (!timed || !mixed_kinds)) session.reps = flags.reps;
}

const Session* last_session(const Log& log, std::string_view activity, Date date, std::optional<Limb> on) {
    const Session* last = nullptr;
    for (const Session& session : log.sessions) {
        if (session.activity != activity || session.date > date) continue;
        if (on && session.on != *on) continue;
        if (!last || session.date >= last->date) last = &session;
    }
    return last;
}

}  // namespace anklog::cli
