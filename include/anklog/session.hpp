#pragma once
// One workout, as logged.
#include <optional>
#include <string>
#include <string_view>

#include "anklog/activity.hpp"
#include "anklog/date.hpp"
#include "anklog/field_problem.hpp"
#include "anklog/mass.hpp"
#include "anklog/names.hpp"
#include "anklog/side.hpp"

namespace anklog {

enum class Limb { ankle, wrist };
inline constexpr NameTable limb_names{std::array{Named<Limb>{Limb::ankle, "ankle"}, Named<Limb>{Limb::wrist, "wrist"}}};
inline std::string_view to_string(Limb limb) { return limb_names.name(limb); }
// "ankle" or "wrist", also in the plural.
std::optional<Limb> parse_limb(std::string_view text);

struct Session {
    Date date{};
    std::string activity;        // canonical catalogue name
    Limb on = Limb::ankle;
    Side side = Side::both;      // one side, or both (the log names none)
    std::optional<Mass> weight;  // per limb; absent = unweighted
    std::optional<int> minutes;
    std::optional<int> sets;
    std::optional<int> reps;
    std::optional<int> effort;   // session RPE, 0-10 (Foster CR-10)
    std::optional<int> pain;     // 0-10
    std::string note;
    int line = 0;                // line of its [[session]] header; 0 if not from a file

    [[nodiscard]] bool weighted() const { return weight && !weight->is_zero(); }
};

// Volume: minutes for timed activities, sets x reps for strength.
int volume(const Session& session, Kind kind);

// Session-RPE load (effort x minutes, Foster 2001), when both are known.
std::optional<int> srpe_load(const Session& session);

// Range of one whole-number field ("minutes", "sets", "reps", "effort",
// "pain"); wide enough for any number a TOML file or a flag can hold.
std::optional<FieldProblem> check_range(std::string_view field, long long value);

// The one validation of a session, from the log or the command line: the
// weight, every field's range, and the volume its kind needs (minutes for
// timed activities, sets and reps for strength).
std::optional<FieldProblem> validate(const Session& session, const Activity& activity);

}  // namespace anklog
