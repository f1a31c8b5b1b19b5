#include "render/standing.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "render/output.hpp"

namespace anklog::cli {

namespace {

Tone tone_of(Severity severity) {
    switch (severity) {
        case Severity::danger: return Tone::red;
        case Severity::warning: return Tone::yellow;
        case Severity::note: return Tone::green;
    }
    return Tone::bold;
}

}  // namespace

std::string short_standing(const Assessment& a) {
    const PainState& p = a.pain;
    if (p.resting) return fmt::format("resting after pain until {}", to_string(*p.resting_until));
    if (p.persistent_last && p.not_settled) {
        return fmt::format("{} {}/10 on {}, not settled after pain", p.not_settled->check ? "pain check" : "pain",
                           p.not_settled->pain, to_string(p.not_settled->date));
    }
    if (p.persistent_last && p.check_due) {
        return fmt::format("{} days after pain, no pain check since", days_between(*p.persistent_last, a.date));
    }
    if (!a.attention.empty() && a.attention.front().last_day) return "danger on the last day";
    for (const PlacementPain& at : p.at) {
        if (!p.persistent_last && unchecked_hold(at)) {
            const PainReading& last = at.worse ? *at.worse : *at.painful;
            return fmt::format("the last pain reading {}/10 on {}, none since: check it first", last.pain,
                               to_string(last.date));
        }
    }
    for (const PlacementPain& at : p.at) {
        if (at.holds_back()) {
            return fmt::format("pain {}/10 on {}, not yet settled", at.painful->pain, to_string(at.painful->date));
        }
    }
    for (const LoadState& load : a.loads) {
        const PlacementPain& at = p.of(load.load.on);
        if (load.step_first && at.painful) {
            return fmt::format("settled after pain {}/10 on {}, step down {} first", at.painful->pain,
                               to_string(at.painful->date), load.load.activity);
        }
    }
    if (!a.attention.empty()) return std::string(to_string(a.severity));
    return a.loads.empty() ? "nothing logged" : "ok";
}

std::string coming_back_text(const Assessment& a) {
    if (!a.attention.empty() || a.loads.empty() || a.pain.persistent_last) return {};
    // Every load coming back after its break (or never done with weights,
    // and as long away): the person is back, not one load of theirs.
    std::optional<Date> last;
    std::optional<int> shortest_break;
    for (const LoadState& load : a.loads) {
        if (!load.last || (load.phase != Phase::coming_back && load.phase != Phase::starting)) return {};
        if (!last || load.last->date > *last) last = load.last->date;
        if (load.phase == Phase::coming_back) {
            const int gap = days_between(load.last->date, a.date);
            shortest_break = shortest_break ? std::min(*shortest_break, gap) : gap;
        }
    }
    const int away = days_between(*last, a.date);
    if (!shortest_break || away < *shortest_break) return {};
    return fmt::format("Where you stand on {}: coming back after {} days away (the last session on {}): about half "
                       "your last volume, then build up",
                       to_string(a.date), away, to_string(*last));
}

std::string standing_line(const Assessment& assessment) {
    if (assessment.attention.empty()) return assessment.headline;
    return fmt::format("{}: {}", to_string(assessment.severity), assessment.headline);
}

std::string standing_text(const Assessment& assessment, bool color) {
    std::string out = fmt::format("Where you stand on {}: {}", to_string(assessment.date),
                                  paint(standing_line(assessment), tone_of(assessment.severity), color));
    for (std::size_t i = 1; i < assessment.attention.size(); ++i) {
        const Attention& a = assessment.attention[i];
        out += fmt::format("\n  also, {}: {}", to_string(a.severity), a.what);
    }
    return out;
}

}  // namespace anklog::cli
