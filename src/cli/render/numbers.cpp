#include "render/numbers.hpp"

#include <fmt/format.h>

#include <cmath>
#include <cstdint>

namespace anklog::cli {

double to_kept_precision(double value) {
    if (!std::isfinite(value)) return value;
    const double scale = std::pow(10.0, mass_decimals);
    const double rounded = std::round(value * scale) / scale;
    return rounded == 0 ? 0.0 : rounded;  // no "-0"
}

std::string decimal_text(double value) {
    std::string out = fmt::format("{:.{}f}", to_kept_precision(value), mass_decimals);
    if (out.find('.') != std::string::npos) {
        out.erase(out.find_last_not_of('0') + 1);
        if (out.back() == '.') out.pop_back();
    }
    return out;
}

double mass_number(const Mass& mass, Unit unit) { return to_kept_precision(mass.in(unit)); }

int percent(int part, int whole) {
    // Integers only: 2 of 3 is 66.67, which is 67; a half rounds up.
    const long long scaled = 200LL * part + whole;
    return static_cast<int>(scaled / (2LL * whole));
}

Cell pain_cell(int pain, std::string text, const Thresholds& limits) {
    if (pain > limits.pain.danger) return {text + "!", Tone::red};
    if (pain >= limits.persistent_pain.pain) return {std::move(text), Tone::yellow};
    return {std::move(text)};
}

void round_numbers(nlohmann::ordered_json& document) {
    if (document.is_number_float()) {
        // A whole number is written as one, "5", as in CSV and text ("5 lb"),
        // never "5.0": the same number the same way everywhere.
        const double kept = to_kept_precision(document.get<double>());
        constexpr double exact_integers = 9007199254740992.0;  // 2^53
        if (std::isfinite(kept) && std::trunc(kept) == kept && std::fabs(kept) < exact_integers) {
            document = static_cast<std::int64_t>(kept);
        } else {
            document = kept;
        }
    } else if (document.is_structured()) {
        for (nlohmann::ordered_json& item : document) round_numbers(item);
    }
}

}  // namespace anklog::cli
