#include "anklog/activity.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace anklog {

namespace {

struct BuiltIn {
    std::string_view name;
    Kind kind;
    Group group;
};

// Built-in activities: gait (timed, the weight swings with every step),
// mobility (timed, low impact) and strength (sets x reps, one muscle group).
constexpr std::array built_ins{
    BuiltIn{"walk", Kind::gait, Group::none},
    BuiltIn{"hike", Kind::gait, Group::none},
    BuiltIn{"stairs", Kind::gait, Group::none},
    BuiltIn{"dance", Kind::gait, Group::none},
    BuiltIn{"aerobics", Kind::gait, Group::none},
    BuiltIn{"run", Kind::gait, Group::none},
    BuiltIn{"pilates", Kind::mobility, Group::none},
    BuiltIn{"barre", Kind::mobility, Group::none},
    BuiltIn{"yoga", Kind::mobility, Group::none},
    BuiltIn{"leg-lift", Kind::strength, Group::hips},
    BuiltIn{"side-leg-lift", Kind::strength, Group::hips},
    BuiltIn{"back-leg-lift", Kind::strength, Group::hips},
    BuiltIn{"donkey-kick", Kind::strength, Group::hips},
    BuiltIn{"fire-hydrant", Kind::strength, Group::hips},
    BuiltIn{"glute-bridge", Kind::strength, Group::hips},
    BuiltIn{"hip-abduction", Kind::strength, Group::hips},
    BuiltIn{"hip-adduction", Kind::strength, Group::hips},
    BuiltIn{"lunge", Kind::strength, Group::legs},
    BuiltIn{"squat", Kind::strength, Group::legs},
    BuiltIn{"one-leg-squat", Kind::strength, Group::legs},
    BuiltIn{"step-up", Kind::strength, Group::legs},
    BuiltIn{"calf-raise", Kind::strength, Group::legs},
    BuiltIn{"knee-extension", Kind::strength, Group::legs},
    BuiltIn{"hamstring-curl", Kind::strength, Group::legs},
    BuiltIn{"hanging-leg-raise", Kind::strength, Group::core},
    BuiltIn{"reverse-curl", Kind::strength, Group::core},
    BuiltIn{"sit-up", Kind::strength, Group::core},
    BuiltIn{"superman", Kind::strength, Group::core},
    BuiltIn{"mountain-climber", Kind::strength, Group::core},
};

}  // namespace

std::string normalize_activity_name(std::string_view name) {
    std::string out;
    out.reserve(name.size());
    for (const char c : name) {
        if (c == ' ' || c == '_') {
            out += '-';
        } else {
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
    }
    return out;
}

Catalogue::Catalogue() {
    for (const auto& b : built_ins) {
        activities_.emplace(std::string(b.name), Activity{std::string(b.name), b.kind, b.group, true});
    }
    aliases_.emplace("jog", "run");
}

std::optional<std::string> Catalogue::declare(std::string name, Kind kind, Group group) {
    name = normalize_activity_name(name);
    if (name.empty()) return "an activity needs a name";
    if (const Activity* existing = find(name); existing && existing->built_in) {
        return "'" + name + "' is a built-in activity; pick another name";
    }
    if (kind == Kind::strength && group == Group::none) {
        return "a strength activity needs a muscle group: group = \"hips\", \"legs\" or \"core\"";
    }
    if (kind != Kind::strength && group != Group::none) {
        return "only strength activities have a muscle group; remove `group`";
    }
    activities_.insert_or_assign(name, Activity{name, kind, group, false});
    return std::nullopt;
}

std::optional<std::string> Catalogue::set_fixed_length(std::string_view name) {
    const Activity* found = find(name);
    if (!found) return "no such activity";
    if (!is_timed(found->kind)) return "only timed activities have a length; strength work has sets and reps";
    activities_.at(found->name).fixed_length = true;
    return std::nullopt;
}

const Activity* Catalogue::find(std::string_view name) const {
    // Most lookups are of names as anklog writes them: no copy needed.
    if (const auto exact = activities_.find(name); exact != activities_.end()) return &exact->second;
    std::string key = normalize_activity_name(name);
    if (const auto alias = aliases_.find(key); alias != aliases_.end()) key = alias->second;
    const auto it = activities_.find(key);
    return it == activities_.end() ? nullptr : &it->second;
}

std::vector<std::string> Catalogue::names() const {
    std::vector<std::string> out;
    for (const auto& [name, activity] : activities_) out.push_back(name);
    for (const auto& [alias, target] : aliases_) out.push_back(alias);
    return out;
}

}  // namespace anklog
