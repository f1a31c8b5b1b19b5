#pragma once
// The profile flags shared by `init` and `profile`: --name, --units,
// --weights, --history, mapped onto the domain's one profile validation.
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
};

void add_profile_flags(CLI::App& command, ProfileFlags& flags);

// `profile` with what the flags set replaced; throws anklog::Error naming the
// flag when a value is not valid.
Profile apply_profile_flags(Profile profile, const ProfileFlags& flags);

}  // namespace anklog::cli
