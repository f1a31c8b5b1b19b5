#include "shell/profile_flags.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>

#include "anklog/error.hpp"
#include "anklog/suggest.hpp"
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

// "8x0.5lb", "0.5lb,0.5lb,1lb", "4x0.5lb,2x1lb": the inserts one cuff holds.
std::vector<Mass> inserts_from(const std::string& list, Unit units) {
    std::vector<Mass> inserts;
    for (const std::string& item : split_list(list)) {
        std::string text = item;
        long count = 1;
        if (const auto x = item.find_first_of("xX*"); x != std::string::npos && x > 0 &&
                                                     item.find_first_not_of("0123456789 ") >= x) {
            count = std::strtol(item.substr(0, x).c_str(), nullptr, 10);
            text = item.substr(x + 1);
            if (count < 1 || count > static_cast<long>(max_inserts)) {
                throw flag_error("--inserts", fmt::format("\"{}\" is not a number of inserts", item),
                                 fmt::format("a cuff holds 1 to {} inserts, e.g. --inserts 8x0.5lb", max_inserts));
            }
        }
        const auto mass = parse_mass(text, units);
        if (!mass || mass->is_zero()) {
            throw flag_error("--inserts", fmt::format("\"{}\" is not an insert's weight", item),
                             "list the inserts one cuff holds, e.g. --inserts 8x0.5lb or --inserts \"0.5lb,0.5lb,1lb\"");
        }
        if (auto problem = check_weight(*mass, "insert")) throw flag_error("--inserts", problem->message, problem->advice);
        inserts.insert(inserts.end(), static_cast<std::size_t>(count), *mass);
        if (inserts.size() > max_inserts) {
            throw flag_error("--inserts", fmt::format("more than {} inserts", max_inserts), "list the inserts one cuff holds");
        }
    }
    return inserts;
}

Mass mass_from(const std::string& flag, const std::string& text, Unit units) {
    const auto mass = parse_mass(text, units);
    if (!mass) throw flag_error(flag, fmt::format("\"{}\" is not a weight", text), mass_advice(text, units));
    return *mass;
}

void apply_equipment_flags(Profile& profile, const ProfileFlags& flags) {
    if (flags.remove_equipment) {
        const std::string& name = *flags.remove_equipment;
        const auto found = std::find_if(profile.equipment.begin(), profile.equipment.end(),
                                        [&](const Equipment& e) { return e.name == name; });
        if (found == profile.equipment.end()) {
            std::vector<std::string> names;
            for (const Equipment& e : profile.equipment) names.push_back(e.name);
            throw flag_error("--remove-equipment", fmt::format("no equipment is named \"{}\"", name),
                             names.empty() ? std::string("the profile lists no equipment")
                                           : did_you_mean(name, names, fmt::format("the equipment is {}", one_of(names, "\""))));
        }
        profile.equipment.erase(found);
    }
    if (!flags.add_equipment) {
        for (const auto& [flag, given] : {std::pair{"--on", &flags.on}, std::pair{"--weight", &flags.weight},
                                          std::pair{"--shell", &flags.shell}, std::pair{"--inserts", &flags.inserts}}) {
            if (*given) {
                throw flag_error(flag, fmt::format("{} describes equipment being added", flag),
                                 "add it with --add-equipment NAME, e.g. --add-equipment \"adjustable cuffs\" --on ankle "
                                 "--shell 0.5lb --inserts 8x0.5lb");
            }
        }
        return;
    }
    Equipment item;
    item.name = *flags.add_equipment;
    if (auto problem = check_equipment_name(item.name)) throw flag_error("--add-equipment", problem->message, problem->advice);
    if (std::any_of(profile.equipment.begin(), profile.equipment.end(), [&](const Equipment& e) { return e.name == item.name; })) {
        throw flag_error("--add-equipment", fmt::format("equipment named \"{}\" is already listed", item.name),
                         "give it another name, or remove the old one first with --remove-equipment");
    }
    if (!flags.on) {
        throw flag_error("--on", "--add-equipment needs --on ankle or --on wrist", "say where the item is worn");
    }
    item.on = *limb_names.parse(*flags.on);  // CLI11 checked it is a placement
    if (flags.weight) {
        if (flags.shell || flags.inserts) {
            throw flag_error("--weight", "--weight (a fixed pair) and --shell/--inserts (adjustable cuffs) together",
                             "a fixed pair has --weight; adjustable cuffs have --shell and --inserts");
        }
        item.weight = mass_from("--weight", *flags.weight, profile.units);
    } else if (flags.shell) {
        item.shell = mass_from("--shell", *flags.shell, profile.units);
        if (flags.inserts) item.inserts = inserts_from(*flags.inserts, item.shell.unit);  // bare: the shell's unit
    } else {
        throw flag_error("--add-equipment", fmt::format("\"{}\" needs --weight (a fixed pair) or --shell and --inserts "
                                                        "(adjustable cuffs)", item.name),
                         "e.g. --weight 1kg, or --shell 0.5lb --inserts 8x0.5lb");
    }
    if (auto problem = check_equipment(item)) {
        const std::string flag = problem->field == "name"      ? "--add-equipment"
                                 : problem->field == "inserts" ? "--inserts"
                                 : problem->field == "shell"   ? "--shell"
                                                               : "--weight";
        throw flag_error(flag, problem->message, problem->advice);
    }
    profile.equipment.push_back(std::move(item));
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
    command.add_option("--add-equipment", flags.add_equipment,
                       "Add equipment: NAME, with --on and --weight (a fixed pair) or --shell and --inserts (adjustable cuffs)")
        ->option_text("NAME");
    command.add_option("--on", flags.on, "Where the added equipment is worn")
        ->check(CLI::IsMember(limb_names.names()))
        ->option_text(fmt::format("{}", fmt::join(limb_names.names(), "|")));
    command.add_option("--weight", flags.weight, "The added fixed pair's weight, per limb")->option_text("MASS");
    command.add_option("--shell", flags.shell, "The added adjustable cuffs' empty shell, per limb")->option_text("MASS");
    command.add_option("--inserts", flags.inserts, "The added cuffs' inserts, per limb: 8x0.5lb or 0.5lb,0.5lb,1lb")
        ->option_text("LIST");
    command.add_option("--remove-equipment", flags.remove_equipment, "Remove the equipment named NAME")
        ->option_text("NAME");
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
    apply_equipment_flags(profile, flags);
    normalize(profile);
    return profile;
}

}  // namespace anklog::cli
