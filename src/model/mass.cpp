#include "anklog/mass.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <string>

#include "anklog/limits.hpp"
#include "anklog/numeric.hpp"

namespace anklog {

namespace {

std::string_view trim(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
    return text;
}

bool equals_ignoring_case(std::string_view text, std::string_view word) {
    return text.size() == word.size() && std::equal(text.begin(), text.end(), word.begin(), [](char a, char b) {
               return std::tolower(static_cast<unsigned char>(a)) == b;
           });
}

struct UnitWord {
    std::string_view word;
    Unit unit;
    double scale;  // amount in `unit` per amount written
};

constexpr std::array unit_words{
    UnitWord{"kg", Unit::kg, 1},       UnitWord{"kgs", Unit::kg, 1},        UnitWord{"kilo", Unit::kg, 1},
    UnitWord{"kilos", Unit::kg, 1},    UnitWord{"kilogram", Unit::kg, 1},   UnitWord{"kilograms", Unit::kg, 1},
    UnitWord{"g", Unit::kg, 0.001},    UnitWord{"gram", Unit::kg, 0.001},   UnitWord{"grams", Unit::kg, 0.001},
    UnitWord{"lb", Unit::lb, 1},       UnitWord{"lbs", Unit::lb, 1},        UnitWord{"pound", Unit::lb, 1},
    UnitWord{"pounds", Unit::lb, 1},
};

const UnitWord* find_unit_word(std::string_view text) {
    text = trim(text);
    for (const UnitWord& word : unit_words) {
        if (equals_ignoring_case(text, word.word)) return &word;
    }
    return nullptr;
}

// The amount of `mass` in thousandths of its unit, when it is a whole number
// of them.
bool has_at_most_mass_decimals(double amount) {
    const double scaled = amount * std::pow(10.0, mass_decimals);
    return std::fabs(scaled - std::round(scaled)) < tolerance * std::max(1.0, scaled);
}

}  // namespace

std::optional<Unit> parse_unit(std::string_view text) {
    const UnitWord* word = find_unit_word(text);
    if (!word || word->scale != 1) return std::nullopt;
    return word->unit;
}

double Mass::kg() const { return unit == Unit::kg ? amount : amount * kilograms_per_pound; }

double Mass::in(Unit target) const {
    if (target == unit) return amount;
    return target == Unit::kg ? amount * kilograms_per_pound : amount / kilograms_per_pound;
}

bool Mass::is_zero() const { return !above(kg(), 0); }

int compare(const Mass& a, const Mass& b) {
    if (above(a.kg(), b.kg())) return 1;
    if (below(a.kg(), b.kg())) return -1;
    return 0;
}

std::optional<Mass> parse_mass(std::string_view text, Unit bare_unit) {
    text = trim(text);
    // The number: digits with at most one decimal point, no sign, no exponent.
    std::size_t end = 0;
    bool seen_digit = false;
    bool seen_point = false;
    for (; end < text.size(); ++end) {
        const char c = text[end];
        if (std::isdigit(static_cast<unsigned char>(c))) {
            seen_digit = true;
        } else if (c == '.' && !seen_point) {
            seen_point = true;
        } else {
            break;
        }
    }
    if (!seen_digit) return std::nullopt;
    double amount = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + end, amount);
    if (ec != std::errc{} || ptr != text.data() + end || !std::isfinite(amount)) return std::nullopt;

    const std::string_view rest = trim(text.substr(end));
    if (rest.empty()) return Mass{amount, bare_unit};
    const UnitWord* word = find_unit_word(rest);
    if (!word) return std::nullopt;
    return Mass{amount * word->scale, word->unit};
}

std::string mass_advice(std::string_view text, Unit bare_unit) {
    const auto comma = text.find(',');
    if (comma != std::string_view::npos && comma > 0 && comma + 1 < text.size() &&
        std::isdigit(static_cast<unsigned char>(text[comma - 1])) &&
        std::isdigit(static_cast<unsigned char>(text[comma + 1]))) {
        std::string with_point(trim(text));
        with_point[with_point.find(',')] = '.';
        if (const auto mass = parse_mass(with_point, bare_unit)) {
            return fmt::format("write decimals with a point: {}", format_mass_exact(*mass));
        }
    }
    return fmt::format("write a weight like 1kg, \"1.5 kg\", 500g or 2lb; a bare number means {}",
                       to_string(bare_unit));
}

std::optional<FieldProblem> check_weight(const Mass& mass, std::string_view field) {
    // The advice, made only for a weight out of range: every session's
    // weight is checked, and formatting it each time was a quarter of check.
    const auto range = [] {
        const Mass heaviest{limits::max_weight_kg, Unit::kg};
        const Mass lightest{limits::min_weight_kg, Unit::kg};
        return fmt::format("a weight per limb is {} ({}) to {} ({:.0f} lb); 0 means unweighted",
                           format_mass(lightest, Unit::kg), format_mass(lightest, Unit::lb),
                           format_mass(heaviest, Unit::kg), heaviest.in(Unit::lb));
    };
    if (above(mass.kg(), limits::max_weight_kg)) {
        return FieldProblem{std::string(field), fmt::format("{} {} is out of range", field, format_mass(mass, mass.unit)),
                            range()};
    }
    if (mass.amount > 0 && below(mass.kg(), limits::min_weight_kg)) {
        return FieldProblem{std::string(field),
                            fmt::format("{} {} is lighter than any real weight", field, format_mass_exact(mass)),
                            range()};
    }
    if (!has_at_most_mass_decimals(mass.amount)) {
        return FieldProblem{std::string(field), fmt::format("{} {} is more precise than anklog keeps", field,
                                                            format_mass_exact(mass)),
                            fmt::format("anklog keeps weights to {} decimals, e.g. {}", mass_decimals,
                                        format_mass_exact(Mass{std::round(mass.amount * 1000) / 1000, mass.unit}))};
    }
    return std::nullopt;
}

std::string format_mass(const Mass& mass, Unit display_unit) {
    const double amount = mass.in(display_unit);
    // Absurd amounts (only ever in error messages) stay short: 1e+26 kg.
    if (amount >= 1e5) return fmt::format("{:.4g} {}", amount, to_string(display_unit));
    // Round to two decimals, then drop trailing zeros: 1.50 -> 1.5, 2.00 -> 2.
    std::string number = fmt::format("{:.2f}", amount);
    number.erase(number.find_last_not_of('0') + 1);
    if (number.back() == '.') number.pop_back();
    return fmt::format("{} {}", number, to_string(display_unit));
}

std::string format_mass_exact(const Mass& mass) {
    if (mass.amount >= 1e5 || !has_at_most_mass_decimals(mass.amount)) {
        // Never written to a log (check_weight refuses it first): shortest
        // form that reads back as the same double, for messages.
        return fmt::format("{} {}", mass.amount, to_string(mass.unit));
    }
    std::string number = fmt::format("{:.{}f}", mass.amount, mass_decimals);
    number.erase(number.find_last_not_of('0') + 1);
    if (number.back() == '.') number.pop_back();
    return fmt::format("{} {}", number, to_string(mass.unit));
}

}  // namespace anklog
