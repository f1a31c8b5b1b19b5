#include "shell/profile_flags.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "anklog/error.hpp"
#include "shell/usage_errors.hpp"

namespace anklog::cli {

namespace {

std::vector<std::string> split_list(const std::string& text) {
    std::vector<std::string> items;
    std::string item;
    for (const char c : text + ",") {
        if (c != ',') {
            item += c;
            continue;
        }
        const auto first = item.find_first_not_of(' ');
        if (first != std::string::npos) items.push_back(item.substr(first, item.find_last_not_of(' ') - first + 1));
        item.clear();
    }
    return items;
}

std::vector<Mass> weights_from(const std::string& list, Unit units) {
    const std::vector<std::string> items = split_list(list);
    std::vector<Mass> weights;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const std::string& text = items[i];
        const auto mass = parse_mass(text, units);
        const auto problem = mass ? check_owned_weight(*mass) : std::nullopt;
        if (mass && !problem) {
            weights.push_back(*mass);
            continue;
        }
        // "0,5kg" is one weight with a decimal comma, not 0 and 5 kg.
        if (i + 1 < items.size()) {
            if (const auto joined = parse_mass(text + "." + items[i + 1], units); joined && !check_owned_weight(*joined)) {
                throw flag_error("--weights", fmt::format("\"{},{}\" is not a list of weights", text, items[i + 1]),
                                 fmt::format("write decimals with a point: {} (commas separate weights)",
                                             format_mass_exact(*joined)));
            }
        }
        if (!mass) throw flag_error("--weights", fmt::format("\"{}\" is not a weight", text), mass_advice(text, units));
        throw flag_error("--weights", problem->message, problem->advice);
    }
    return weights;
}

}  // namespace

void add_profile_flags(CLI::App& command, ProfileFlags& flags) {
    command.add_option("--name", flags.name, "Your name (or a client's), shown in headers and reports")
        ->option_text("NAME");
    command.add_option("--units", flags.units, "Unit for display and for bare numbers; default kg (init: lb when all --weights are in pounds)")
        ->check(CLI::IsMember(unit_names.names()))
        ->option_text(fmt::format("{}", fmt::join(unit_names.names(), "|")));
    command.add_option("--weights", flags.weights, "The weights you own, per limb, comma-separated")
        ->option_text("LIST");
    command.add_option("--history", flags.history,
                       fmt::format("Past injuries, comma-separated: {}; or with a side: left knee, right hip",
                                   fmt::join(injury_joint_names.names(), ", ")))
        ->option_text("LIST");
}

Profile apply_profile_flags(Profile profile, const ProfileFlags& flags) {
    if (flags.name) {
        if (auto problem = check_profile_name(*flags.name)) throw flag_error("--name", problem->message, problem->advice);
        profile.name = *flags.name;
    }
    if (flags.units) profile.units = *unit_names.parse(*flags.units);  // CLI11 checked it is a unit name
    if (flags.weights) profile.weights = weights_from(*flags.weights, profile.units);
    if (flags.history) {
        profile.injuries.clear();
        for (const std::string& text : split_list(*flags.history)) {
            const auto injury = injury_names.parse(text);
            if (!injury) throw flag_error("--history", fmt::format("unknown injury \"{}\"", text), injury_advice(text));
            profile.injuries.push_back(*injury);
        }
    }
    normalize(profile);
    return profile;
}

}  // namespace anklog::cli
