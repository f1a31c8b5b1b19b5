#pragma once
// The activity catalogue: what each activity is (how its volume is measured,
// which muscles it works), built in or declared by the user under [activities].
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "anklog/names.hpp"

namespace anklog {

enum class Kind {
    gait,      // timed; the weight swings with every step
    mobility,  // timed, low impact
    strength,  // sets x reps
};

enum class Group { none, hips, legs, core };

inline constexpr NameTable kind_names{std::array{
    Named<Kind>{Kind::gait, "gait"}, Named<Kind>{Kind::mobility, "mobility"},
    Named<Kind>{Kind::strength, "strength"}}};
// The muscle groups a strength activity can name (not `none`).
inline constexpr NameTable group_names{std::array{
    Named<Group>{Group::hips, "hips"}, Named<Group>{Group::legs, "legs"}, Named<Group>{Group::core, "core"}}};

inline std::string_view to_string(Kind kind) { return kind_names.name(kind); }
inline std::string_view to_string(Group group) { return group == Group::none ? "none" : group_names.name(group); }
inline bool is_timed(Kind kind) { return kind != Kind::strength; }

struct Activity {
    std::string name;  // canonical name, e.g. "run" for "jog"
    Kind kind = Kind::gait;
    Group group = Group::none;  // muscle group, strength only
    bool built_in = true;
    // A class of a fixed length (barre, Pilates): progressed by weight, sets
    // or not at all, never by minutes. Declared in [activities] with
    // fixed_length = true; the planner also treats an activity as one when
    // its recent sessions all had the same length.
    bool fixed_length = false;
};

class Catalogue {
public:
    Catalogue();  // the built-in activities

    // Adds a user-declared activity; nullopt on success, else what is wrong.
    std::optional<std::string> declare(std::string name, Kind kind, Group group);

    // Marks an activity (built in or declared) as a class of fixed length;
    // nullopt on success, else what is wrong (no such activity, not timed).
    std::optional<std::string> set_fixed_length(std::string_view name);

    // Looks an activity up by name or alias ("jog"), ignoring case and
    // treating spaces and underscores as hyphens ("Side leg_lift").
    [[nodiscard]] const Activity* find(std::string_view name) const;

    // Every name and alias, for suggestions and completion.
    [[nodiscard]] std::vector<std::string> names() const;

private:
    std::map<std::string, Activity, std::less<>> activities_;
    std::map<std::string, std::string, std::less<>> aliases_;
};

// "Side leg_lift" -> "side-leg-lift"
std::string normalize_activity_name(std::string_view name);

}  // namespace anklog
