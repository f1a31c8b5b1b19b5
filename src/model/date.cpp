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
    const int year = static_cast<int>(date.year());
    const auto month = static_cast<unsigned>(date.month());
    const auto day = static_cast<unsigned>(date.day());
    if (year < 0 || year > 9999 || month > 99 || day > 99) return fmt::format("{:04}-{:02}-{:02}", year, month, day);
    // YYYY-MM-DD by hand: history and check print one or more per session.
    std::string out = "0000-00-00";
    const auto digit = [&out](std::size_t at, unsigned value) { out[at] = static_cast<char>('0' + value % 10); };
    const auto y = static_cast<unsigned>(year);
    digit(0, y / 1000);
    digit(1, y / 100);
    digit(2, y / 10);
    digit(3, y);
    digit(5, month / 10);
    digit(6, month);
    digit(8, day / 10);
    digit(9, day);
    return out;
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
