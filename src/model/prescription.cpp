#include "anklog/prescription.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace anklog {

namespace {

// Whether `a` is the more recent of two prescriptions of one activity: the
// later start (none is the earliest), then the later in the file.
bool newer(const Prescription& a, const Prescription& b) {
    const Date a_from = a.from.value_or(first_log_date);
    const Date b_from = b.from.value_or(first_log_date);
    if (a_from != b_from) return a_from > b_from;
    return a.line > b.line;
}

// Whether two prescriptions cover a side in common: one of the left and
// one of the right do not; one of both sides (or none named) covers each.
bool sides_overlap(const Prescription& a, const Prescription& b) {
    const auto one_side = [](const Prescription& rx) { return rx.side == "left" || rx.side == "right"; };
    return !one_side(a) || !one_side(b) || a.side == b.side;
}

std::string range_text(const CountRange& range) {
    return range.from == range.to ? fmt::format("{}", range.from) : fmt::format("{}-{}", range.from, range.to);
}

std::string mass_range_text(const MassRange& range, Unit unit) {
    if (compare(range.from, range.to) == 0) return format_mass(range.from, unit);
    const std::string to = format_mass(range.to, unit);
    std::string from = format_mass(range.from, unit);
    // "0.5 kg" -> "0.5": the unit is said once, after the top.
    if (const auto space = from.find(' '); space != std::string::npos) from.resize(space);
    return fmt::format("{}-{}", from, to);
}

std::optional<FieldProblem> range_problem(std::string_view field, const std::optional<CountRange>& range) {
    if (!range) return std::nullopt;
    for (const int value : {range->from, range->to}) {
        if (auto problem = check_range(field, value)) return problem;
    }
    if (range->from > range->to) {
        return FieldProblem{std::string(field),
                            fmt::format("the {} range runs backwards: {} to {}", field, range->from, range->to),
                            "write the lower number first", {{std::string(field), fmt::format("[{}, {}]", range->to, range->from)}}};
    }
    return std::nullopt;
}

}  // namespace

std::vector<const Prescription*> prescriptions_in_force(const std::vector<Prescription>& all, Date date) {
    // The prescriptions that have started, newest first: each is in force
    // unless a newer one of its activity covers a side it covers.
    std::vector<const Prescription*> started;
    for (const Prescription& rx : all) {
        if (!rx.from || *rx.from <= date) started.push_back(&rx);
    }
    std::stable_sort(started.begin(), started.end(),
                     [](const Prescription* a, const Prescription* b) { return newer(*a, *b); });
    std::vector<const Prescription*> current;
    for (const Prescription* rx : started) {
        const bool superseded = std::any_of(current.begin(), current.end(), [&](const Prescription* p) {
            return p->activity == rx->activity && sides_overlap(*p, *rx);
        });
        if (!superseded) current.push_back(rx);
    }
    std::erase_if(current, [&](const Prescription* rx) { return rx->until && *rx->until < date; });
    std::sort(current.begin(), current.end(),
              [](const Prescription* a, const Prescription* b) { return a->line < b->line; });
    return current;
}

const Prescription* prescription_for(const std::vector<Prescription>& all, std::string_view activity, Side side,
                                     Date date) {
    for (const Prescription* rx : prescriptions_in_force(all, date)) {
        if (rx->activity == activity && judges_side(*rx, side)) return rx;
    }
    return nullptr;
}

bool judges_side(const Prescription& rx, Side side) {
    if (rx.side == "left") return side != Side::right;
    if (rx.side == "right") return side != Side::left;
    return true;
}

std::string source_text(const Prescription& rx) {
    return rx.file.empty() ? fmt::format("prescription at line {}", rx.line)
                           : fmt::format("prescription at {}:{}", rx.file, rx.line);
}

bool criterion_met(const std::optional<ProgressWhen>& when, const std::vector<const Session*>& recent) {
    if (!when) return true;
    const auto needed = static_cast<std::size_t>(std::max(when->sessions, 1));
    if (recent.size() < needed) return false;
    return std::all_of(recent.end() - static_cast<std::ptrdiff_t>(needed), recent.end(), [&](const Session* s) {
        if (when->pain_at_most && (!s->pain || *s->pain > *when->pain_at_most)) return false;
        if (when->effort_at_most && (!s->effort || *s->effort > *when->effort_at_most)) return false;
        return true;
    });
}

bool above_prescription(const Session& s, const Prescription& rx) {
    const auto over = [](const std::optional<int>& value, const std::optional<CountRange>& range) {
        return value && range && *value > range->to;
    };
    if (over(s.sets, rx.sets) || over(s.reps, rx.reps) || over(s.minutes, rx.minutes)) return true;
    return rx.weight && s.weighted() && compare(*s.weight, rx.weight->to) > 0;
}

bool below_prescription(const Session& s, const Prescription& rx) {
    const auto under = [](const std::optional<int>& value, const std::optional<CountRange>& range) {
        return value && range && *value < range->from;
    };
    if (under(s.sets, rx.sets) || under(s.reps, rx.reps) || under(s.minutes, rx.minutes)) return true;
    // A range from 0 allows a session without weights.
    return rx.weight && !rx.weight->from.is_zero() && (!s.weighted() || compare(*s.weight, rx.weight->from) < 0);
}

std::string dose_text(const Prescription& rx, Unit display_unit) {
    std::string text;
    if (rx.sets && rx.reps) text = fmt::format("{} x {}", range_text(*rx.sets), range_text(*rx.reps));
    if (rx.minutes) text += fmt::format("{}{} min", text.empty() ? "" : ", ", range_text(*rx.minutes));
    if (rx.weight) text += fmt::format(" at {}", mass_range_text(*rx.weight, display_unit));
    return text;
}

std::string prescribed_activity(const Prescription& rx) {
    if (rx.side == "left" || rx.side == "right") return fmt::format("{} ({})", rx.activity, rx.side);
    return rx.activity;
}

std::string placement_words(const Prescription& rx) {
    const std::string_view limb = rx.on.value_or(Limb::ankle) == Limb::wrist ? "wrist" : "ankle";
    if (rx.side == "left" || rx.side == "right") return fmt::format("the {} {}", rx.side, limb);
    return fmt::format("each {}", limb);
}

std::string criterion_text(const ProgressWhen& when) {
    std::vector<std::string> parts;
    if (when.pain_at_most) parts.push_back(fmt::format("pain <= {}", *when.pain_at_most));
    if (when.effort_at_most) parts.push_back(fmt::format("effort <= {}", *when.effort_at_most));
    std::string text;
    for (const std::string& part : parts) text += (text.empty() ? "" : ", ") + part;
    if (text.empty()) text = "logged";
    return fmt::format("{} on the last {}", text,
                       when.sessions == 1 ? std::string("session") : fmt::format("{} sessions", when.sessions));
}

namespace {

std::string_view trim(std::string_view text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    return text;
}

std::optional<int> whole(std::string_view text) {
    text = trim(text);
    if (text.empty() || text.size() > 6) return std::nullopt;
    int value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

}  // namespace

std::optional<CountRange> parse_count_range(std::string_view text) {
    const auto dash = text.find('-');
    if (dash == std::string_view::npos) {
        const auto value = whole(text);
        if (!value) return std::nullopt;
        return CountRange{*value, *value};
    }
    const auto from = whole(text.substr(0, dash));
    const auto to = whole(text.substr(dash + 1));
    if (!from || !to) return std::nullopt;
    return CountRange{*from, *to};
}

std::optional<MassRange> parse_mass_range(std::string_view text, Unit bare_unit) {
    const auto dash = text.find('-');
    if (dash == std::string_view::npos) {
        const auto mass = parse_mass(trim(text), bare_unit);
        if (!mass) return std::nullopt;
        return MassRange{*mass, *mass};
    }
    const auto to = parse_mass(trim(text.substr(dash + 1)), bare_unit);
    if (!to) return std::nullopt;
    // A bare bottom takes the top's unit: "0.5-1 kg".
    const std::string_view bottom = trim(text.substr(0, dash));
    const bool bare = !bottom.empty() && bottom.find_first_not_of("0123456789.") == std::string_view::npos;
    const auto from = parse_mass(bottom, bare ? to->unit : bare_unit);
    if (!from) return std::nullopt;
    return MassRange{*from, *to};
}

std::optional<ProgressWhen> parse_progress_when(std::string_view text) {
    ProgressWhen when;
    while (!text.empty()) {
        const auto comma = text.find(',');
        const std::string_view item = trim(text.substr(0, comma));
        text = comma == std::string_view::npos ? std::string_view{} : text.substr(comma + 1);
        const auto take = [&](std::string_view name, std::string_view op) -> std::optional<int> {
            if (!item.starts_with(name)) return std::nullopt;
            const std::string_view rest = trim(item.substr(name.size()));
            if (!rest.starts_with(op)) return std::nullopt;
            return whole(rest.substr(op.size()));
        };
        if (const auto pain = take("pain", "<=")) {
            if (*pain > 10) return std::nullopt;
            when.pain_at_most = *pain;
        } else if (const auto effort = take("effort", "<=")) {
            if (*effort > 10) return std::nullopt;
            when.effort_at_most = *effort;
        } else if (const auto sessions = take("sessions", "=")) {
            if (*sessions < 1 || *sessions > 28) return std::nullopt;
            when.sessions = *sessions;
        } else {
            return std::nullopt;
        }
    }
    if (!when.pain_at_most && !when.effort_at_most) return std::nullopt;
    return when;
}

std::optional<FieldProblem> validate(const Prescription& rx, const Activity& activity) {
    if (rx.days < 1 || rx.days > 7) {
        return FieldProblem{"days", fmt::format("days {} is out of range", rx.days), "days per week must be 1 to 7",
                            {{"days", "3"}}};
    }
    for (const auto& [field, range] : {std::pair<std::string_view, const std::optional<CountRange>&>{"sets", rx.sets},
                                       {"reps", rx.reps},
                                       {"minutes", rx.minutes}}) {
        if (auto problem = range_problem(field, range)) return problem;
    }
    if (rx.weight) {
        for (const Mass& mass : {rx.weight->from, rx.weight->to}) {
            if (auto problem = check_weight(mass, "weight")) return problem;
        }
        if (compare(rx.weight->from, rx.weight->to) > 0) {
            return FieldProblem{"weight", "the weight range runs backwards", "write the lighter weight first"};
        }
    }
    if (rx.from && rx.until && *rx.until < *rx.from) {
        return FieldProblem{"until", fmt::format("until {} is before from {}", to_string(*rx.until), to_string(*rx.from)),
                            "end the prescription on or after its first day"};
    }
    if (is_timed(activity.kind)) {
        if (rx.sets || rx.reps) {
            return FieldProblem{rx.sets ? "sets" : "reps",
                                fmt::format("{} is timed ({}); it has no sets or reps", activity.name,
                                            to_string(activity.kind)),
                                "prescribe minutes instead", {{"minutes", "[10, 20]"}}};
        }
        if (!rx.minutes) {
            return FieldProblem{"minutes", fmt::format("a prescription of {} needs minutes", activity.name),
                                "add a range", {{"minutes", "[10, 20]"}}};
        }
    } else if (!rx.sets || !rx.reps) {
        return FieldProblem{rx.sets ? "reps" : "sets",
                            fmt::format("a prescription of {} needs sets and reps", activity.name), "add both",
                            {{"sets", "[2, 3]"}, {"reps", "[10, 15]"}}};
    }
    return std::nullopt;
}

}  // namespace anklog
