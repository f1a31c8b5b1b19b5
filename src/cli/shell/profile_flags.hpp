#pragma once
// The profile flags shared by `init` and `profile`: --name, --units,
// --weights, --history, and the equipment flags, mapped onto the domain's one profile validation.
#include <optional>
#include <string>

#include "anklog/profile.hpp"

namespace CLI {
class App;
}

namespace anklog::cli {

struct ProfileFlags {
    std::optional<std::string> name;
    std::optional<std::string> units;    // kg | lb
    std::optional<std::string> weights;  // "0.5kg,1kg,..."
    std::optional<std::string> history;  // "knee,hip"
    // One item of equipment added (--add-equipment NAME --on PLACEMENT, then
    // --weight for a fixed pair, or --shell and --inserts for adjustable
    // cuffs) or removed (--remove-equipment NAME).
    std::optional<std::string> add_equipment;
    std::optional<std::string> on;
    std::optional<std::string> weight;
    std::optional<std::string> shell;
    std::optional<std::string> inserts;  // "8x0.5lb" or "0.5lb,0.5lb,1lb"
    std::optional<std::string> remove_equipment;

    [[nodiscard]] bool any_equipment() const {
        return add_equipment || on || weight || shell || inserts || remove_equipment;
    }
};

void add_profile_flags(CLI::App& command, ProfileFlags& flags);

// `profile` with what the flags set replaced; throws anklog::Error naming the
// flag when a value is not valid.
Profile apply_profile_flags(Profile profile, const ProfileFlags& flags);

}  // namespace anklog::cli
