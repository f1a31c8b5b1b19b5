#include "anklog/equipment.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "anklog/numeric.hpp"

namespace anklog {

namespace {

// Thousandths of `unit`: every weight anklog keeps is a whole number of them.
long long milli(const Mass& mass, Unit unit) { return std::llround(mass.in(unit) * 1000); }

}  // namespace

std::optional<FieldProblem> check_equipment_name(std::string_view name) {
    constexpr std::size_t longest = 60;
    if (name.find_first_not_of(' ') == std::string_view::npos) {
        return FieldProblem{"name", "the equipment's name is empty", "name it, e.g. name = \"adjustable cuffs\""};
    }
    if (name.size() > longest) {
        return FieldProblem{"name", fmt::format("the equipment's name is longer than {} characters", longest),
                            "use a shorter name"};
    }
    if (std::any_of(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; })) {
        return FieldProblem{"name", "the equipment's name holds control characters", "write the name on one line"};
    }
    return std::nullopt;
}

std::optional<FieldProblem> check_equipment(const Equipment& item) {
    if (auto problem = check_equipment_name(item.name)) return problem;
    if (item.weight) {
        if (item.weight->is_zero()) return FieldProblem{"weight", "a fixed pair of 0 makes no sense", "write its weight, e.g. weight = \"1 kg\""};
        return check_weight(*item.weight, "weight");
    }
    if (auto problem = check_weight(item.shell, "shell")) return problem;
    if (item.inserts.size() > max_inserts) {
        return FieldProblem{"inserts", fmt::format("more than {} inserts", max_inserts),
                            "list the inserts one cuff holds"};
    }
    for (const Mass& insert : item.inserts) {
        // Sums of one unit stay exact to the 3 decimals anklog keeps.
        if (insert.unit != item.shell.unit) {
            return FieldProblem{"inserts", "the shell and the inserts are in different units",
                                fmt::format("write them all in {} (an insert of {} is {})", to_string(item.shell.unit),
                                            format_mass_exact(insert), format_mass(insert, item.shell.unit))};
        }
        if (insert.is_zero()) return FieldProblem{"inserts", "an insert of 0 makes no sense", "list each insert's weight, e.g. \"0.5 lb\""};
        if (auto problem = check_weight(insert, "inserts")) return problem;
    }
    if (item.inserts.empty() && item.shell.is_zero()) {
        return FieldProblem{"inserts", "cuffs with an empty shell of 0 and no inserts make no weight",
                            "list the inserts, e.g. inserts = [\"0.5 lb\", \"0.5 lb\"]"};
    }
    return std::nullopt;
}

std::vector<Mass> equipment_settings(const Equipment& item) {
    if (item.weight) return {*item.weight};
    // Sums kept as whole thousandths of the one unit of the item (exact).
    const Unit unit = item.shell.unit;
    std::set<long long> sums{milli(item.shell, unit)};
    for (const Mass& insert : item.inserts) {
        const long long add = milli(insert, unit);
        std::vector<long long> more;
        more.reserve(sums.size());
        for (const long long s : sums) more.push_back(s + add);
        sums.insert(more.begin(), more.end());
    }
    std::vector<Mass> settings;
    for (const long long s : sums) {
        if (s > 0) settings.push_back(Mass{static_cast<double>(s) / 1000, unit});
    }
    return settings;
}

std::string settings_text(const std::vector<Mass>& settings, Unit display) {
    if (settings.empty()) return "nothing";
    // In the settings' own unit when they share one: 0.5 lb steps stay 0.5 lb.
    const bool shared = std::all_of(settings.begin(), settings.end(), [&](const Mass& m) { return m.unit == settings.front().unit; });
    const Unit units = shared ? settings.front().unit : display;
    std::vector<std::string> listed;
    listed.reserve(settings.size());
    for (const Mass& m : settings) listed.push_back(format_mass(m, shared ? units : m.unit));
    if (shared && settings.size() >= 3) {
        const double step = settings[1].in(units) - settings[0].in(units);
        bool even = step > tolerance;
        for (std::size_t i = 2; i < settings.size() && even; ++i) {
            even = nearly_equal(settings[i].in(units) - settings[i - 1].in(units), step);
        }
        if (even) {
            std::string first = format_mass(settings.front(), units);
            first.erase(first.find(' '));
            return fmt::format("{}-{} in {} steps", first, format_mass(settings.back(), units),
                               format_mass(Mass{step, units}, units));
        }
    }
    return fmt::format("{}", fmt::join(listed, ", "));
}

std::string equipment_label(const Equipment& item) { return fmt::format("{} ({})", item.name, to_string(item.on)); }

}  // namespace anklog
