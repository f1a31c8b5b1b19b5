#include "anklog/period.hpp"

#include <charconv>

namespace anklog {

namespace {

// The most units a span may count: 10,000 years reach back past any date a
// log can hold, and stay within what std::chrono::year holds.
constexpr int longest_span = 10'000;

std::optional<Date> months_back(Date today, int months) {
    const std::chrono::year_month_day shifted = today - std::chrono::months{months};
    if (shifted.ok()) return shifted;
    // 31 March - 1 month: the last day of February.
    return Date{std::chrono::year_month_day_last{shifted.year(), std::chrono::month_day_last{shifted.month()}}};
}

}  // namespace

std::optional<Date> parse_period_date(std::string_view text, Date today) {
    if (const auto date = parse_date_argument(text, today)) return date;
    if (text.size() < 2) return std::nullopt;
    const char unit = text.back();
    const std::string_view digits = text.substr(0, text.size() - 1);
    int count = 0;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), count);
    if (error != std::errc{} || end != digits.data() + digits.size() || digits.front() == '-' || count > longest_span) {
        return std::nullopt;
    }
    std::optional<Date> date;
    switch (unit) {
        case 'd': date = add_days(today, -count); break;
        case 'w': date = add_days(today, -7 * count); break;
        case 'm': date = months_back(today, count); break;
        case 'y': date = months_back(today, 12 * count); break;
        default: return std::nullopt;
    }
    if (!date || !is_log_date(*date)) return std::nullopt;
    return date;
}

}  // namespace anklog
