#include "anklog/date.hpp"

#include <fmt/format.h>

#include <cctype>

namespace anklog {

namespace {

std::optional<int> digits(std::string_view text) {
    int value = 0;
    for (const char c : text) {
        if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

}  // namespace

std::optional<Date> parse_iso_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    const auto year = digits(text.substr(0, 4));
    const auto month = digits(text.substr(5, 2));
    const auto day = digits(text.substr(8, 2));
    if (!year || !month || !day) return std::nullopt;
    const Date date{std::chrono::year{*year}, std::chrono::month{static_cast<unsigned>(*month)},
                    std::chrono::day{static_cast<unsigned>(*day)}};
    if (!is_log_date(date)) return std::nullopt;
    return date;
}

std::optional<Date> parse_date_argument(std::string_view text, Date today) {
    if (text == "today") return today;
    if (text == "yesterday") return add_days(today, -1);
    return parse_iso_date(text);
}

std::string to_string(Date date) {
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()),
                       static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
}

int days_between(Date from, Date to) {
    return static_cast<int>((std::chrono::sys_days{to} - std::chrono::sys_days{from}).count());
}

Date add_days(Date date, int days) {
    return Date{std::chrono::sys_days{date} + std::chrono::days{days}};
}

Date week_start(Date date) {
    const std::chrono::weekday weekday{std::chrono::sys_days{date}};
    const int since_monday = static_cast<int>((weekday.c_encoding() + 6) % 7);
    return add_days(date, -since_monday);
}

}  // namespace anklog
