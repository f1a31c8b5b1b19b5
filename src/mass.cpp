#include "anklog/mass.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <string>

namespace anklog {

std::string_view to_string(Unit unit) { return unit == Unit::kg ? "kg" : "lb"; }

namespace {

std::string_view trim(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
    return text;
}

}  // namespace

std::optional<Unit> parse_unit(std::string_view text) {
    text = trim(text);
    const auto is = [text](std::string_view word) {
        return text.size() == word.size() && std::equal(text.begin(), text.end(), word.begin(), [](char a, char b) {
                   return std::tolower(static_cast<unsigned char>(a)) == b;
               });
    };
    if (is("kg") || is("kgs")) return Unit::kg;
    if (is("lb") || is("lbs")) return Unit::lb;
    return std::nullopt;
}

double Mass::kg() const { return unit == Unit::kg ? amount : amount * kilograms_per_pound; }

double Mass::in(Unit target) const {
    if (target == unit) return amount;
    return target == Unit::kg ? amount * kilograms_per_pound : amount / kilograms_per_pound;
}

int compare(const Mass& a, const Mass& b) {
    const double difference = a.kg() - b.kg();
    if (std::fabs(difference) < 1e-6) return 0;
    return difference < 0 ? -1 : 1;
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
    const auto unit = parse_unit(rest);
    if (!unit) return std::nullopt;
    return Mass{amount, *unit};
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

std::string format_mass(const Mass& mass) { return format_mass(mass, mass.unit); }

}  // namespace anklog
