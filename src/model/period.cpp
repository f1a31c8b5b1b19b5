#include "anklog/period.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <vector>

#include "anklog/suggest.hpp"

namespace anklog {

namespace {

// The most units a span may count: 10,000 years reach back past any date a
// log can hold, and stay within what std::chrono::year holds.
constexpr int longest_span = 10'000;

// Weekday names by std::chrono's c_encoding (0 is Sunday).
constexpr std::array<std::string_view, 7> weekday_names{"sunday",   "monday", "tuesday", "wednesday",
                                                        "thursday", "friday", "saturday"};

std::optional<Date> months_back(Date today, int months) {
    const std::chrono::year_month_day shifted = today - std::chrono::months{months};
    if (shifted.ok()) return shifted;
    // 31 March - 1 month: the last day of February.
    return Date{std::chrono::year_month_day_last{shifted.year(), std::chrono::month_day_last{shifted.month()}}};
}

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> words;
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t start = text.find_first_not_of(' ', at);
        if (start == std::string_view::npos) break;
        const std::size_t end = std::min(text.find(' ', start), text.size());
        words.emplace_back(text.substr(start, end - start));
        at = end;
    }
    return words;
}

// "thursday", "thu", "thurs": any start of a weekday's name of 3 letters or
// more (they are all different from the third letter on).
std::optional<unsigned> weekday_of(std::string_view word) {
    if (word.size() < 3) return std::nullopt;
    for (unsigned day = 0; day < weekday_names.size(); ++day) {
        if (weekday_names[day].starts_with(word)) return day;
    }
    return std::nullopt;
}

unsigned weekday_number(Date date) { return std::chrono::weekday{std::chrono::sys_days{date}}.c_encoding(); }

// The latest `day` on or before today (before it when `today_counts` is false).
Date last_weekday(Date today, unsigned day, bool today_counts) {
    int back = static_cast<int>((weekday_number(today) + 7 - day) % 7);
    if (back == 0 && !today_counts) back = 7;
    return add_days(today, -back);
}

Date next_weekday(Date today, unsigned day) {
    int ahead = static_cast<int>((day + 7 - weekday_number(today)) % 7);
    if (ahead == 0) ahead = 7;
    return add_days(today, ahead);
}

// "7d", "2w", "3m", "1y".
std::optional<Date> span_back(std::string_view text, Date today) {
    if (text.size() < 2) return std::nullopt;
    const char unit = text.back();
    const std::string_view digits = text.substr(0, text.size() - 1);
    int count = 0;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), count);
    if (error != std::errc{} || end != digits.data() + digits.size() || digits.front() == '-' || count > longest_span) {
        return std::nullopt;
    }
    switch (unit) {
        case 'd': return add_days(today, -count);
        case 'w': return add_days(today, -7 * count);
        case 'm': return months_back(today, count);
        case 'y': return months_back(today, 12 * count);
        default: return std::nullopt;
    }
}

// The letter of a span for its word: "days" -> 'd'; 0 for none.
char span_unit(std::string_view word) {
    for (const auto& [name, unit] : std::array<std::pair<std::string_view, char>, 4>{
             {{"day", 'd'}, {"week", 'w'}, {"month", 'm'}, {"year", 'y'}}}) {
        if (word == name || (word.size() == name.size() + 1 && word.starts_with(name) && word.back() == 's')) {
            return unit;
        }
    }
    if (word == "d" || word == "w" || word == "m" || word == "y") return word.front();
    return 0;
}

bool all_digits(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<Date> parse_words(const std::vector<std::string>& words, Date today) {
    if (words.size() == 1) {
        const std::string& word = words.front();
        if (word == "today") return today;
        if (word == "yesterday") return add_days(today, -1);
        if (word == "tomorrow") return add_days(today, 1);
        if (const auto day = weekday_of(word)) return last_weekday(today, *day, true);
        if (const auto date = parse_iso_date(word)) return date;
        return span_back(word, today);
    }
    if (words.size() == 2 && (words[0] == "last" || words[0] == "next")) {
        const auto day = weekday_of(words[1]);
        if (!day) return std::nullopt;
        return words[0] == "last" ? last_weekday(today, *day, false) : next_weekday(today, *day);
    }
    // "7 days ago", "7d ago"
    if (words.size() == 2 && words[1] == "ago") return span_back(words[0], today);
    if (words.size() == 3 && words[2] == "ago" && all_digits(words[0]) && span_unit(words[1]) != 0 &&
        words[1].size() > 1) {
        return span_back(words[0] + span_unit(words[1]), today);
    }
    return std::nullopt;
}

// 2026/11/25, 25/11/2026, 11/25/2026, 5.11.2026: the date written as
// YYYY-MM-DD, or both it could be when day and month could swap.
std::string slashed_date_advice(std::string_view word) {
    std::vector<std::string> parts;
    std::string part;
    for (const char c : word) {
        if (c == '/' || c == '.') {
            parts.push_back(part);
            part.clear();
        } else {
            part += c;
        }
    }
    parts.push_back(part);
    std::string fallback = "write the date as YYYY-MM-DD: the order of day and month differs from country to country";
    if (parts.size() == 4 && parts[3].empty()) parts.pop_back();  // 5.11.2026.
    if (parts.size() != 3 || !std::all_of(parts.begin(), parts.end(), [](const std::string& p) {
            return all_digits(p) && p.size() <= 4;
        })) {
        return fallback;
    }
    const auto iso = [](const std::string& year, const std::string& month, const std::string& day) {
        const auto pad = [](const std::string& digits) { return digits.size() == 1 ? "0" + digits : digits; };
        return parse_iso_date(fmt::format("{}-{}-{}", year, pad(month), pad(day)));
    };
    std::vector<std::string> readings;
    const auto add = [&](std::optional<Date> date) {
        if (date && std::find(readings.begin(), readings.end(), to_string(*date)) == readings.end()) {
            readings.push_back(to_string(*date));
        }
    };
    if (parts[0].size() == 4) {
        add(iso(parts[0], parts[1], parts[2]));
    } else if (parts[2].size() == 4) {
        add(iso(parts[2], parts[1], parts[0]));  // day first
        add(iso(parts[2], parts[0], parts[1]));  // month first
    }
    if (readings.size() == 1) return fmt::format("write it as {}", readings.front());
    if (readings.size() == 2) return fmt::format("write it as {} or {}, whichever you mean", readings[0], readings[1]);
    return fallback;
}

std::vector<std::string> weekday_list() { return {weekday_names.begin(), weekday_names.end()}; }

}  // namespace

std::optional<Date> parse_period_date(std::string_view text, Date today) {
    // Written as anklog writes dates: no copy, no words.
    if (const auto date = parse_iso_date(text)) return date;
    if (text.empty() || text.size() > 40) return std::nullopt;
    const std::vector<std::string> words = words_of(lower(text));
    const auto date = parse_words(words, today);
    if (!date || !is_log_date(*date)) return std::nullopt;
    return date;
}

std::string date_advice(std::string_view text, Date today) {
    std::string generic =
        "write YYYY-MM-DD, today, yesterday, a weekday (monday: the last one), last monday, next monday, or a time "
        "back: 7d, 2w, 3m or 1y";
    if (text.size() > 40) return generic;
    const std::vector<std::string> words = words_of(lower(text));
    if (words.empty()) return generic;
    const std::string& first = words.front();
    const bool relative = first == "last" || first == "next" || first == "this";
    if (words.size() == 1 && relative) return fmt::format("name the day too, e.g. \"{} monday\"", first);
    if (words.size() == 2 && relative) {
        if (const auto day = weekday_of(words[1])) {  // "this thursday"
            const std::string_view name = weekday_names[*day];
            return fmt::format("\"this {0}\" could be {1} or {2}: write {0} for {1}, \"next {0}\" for {2}", name,
                               to_string(last_weekday(today, *day, true)), to_string(next_weekday(today, *day)));
        }
        if (const char unit = span_unit(words[1]); unit != 0 && words[1].size() > 1) {  // "last week"
            if (first == "next") {
                return fmt::format("name a day, e.g. \"next monday\" ({})", to_string(next_weekday(today, 1)));
            }
            const auto back = span_back(std::string("1") + unit, today);
            return fmt::format("name a day, e.g. \"last monday\" ({}), or a time back: 1{} ({})",
                               to_string(last_weekday(today, 1, false)), unit, back ? to_string(*back) : "");
        }
        if (const auto match = closest_match(words[1], weekday_list())) {
            return fmt::format("did you mean '{} {}'?", first, *match);
        }
        return fmt::format("name a weekday, e.g. \"{} monday\"", first);
    }
    // "12 weeks", "7 d": a span, written the short way.
    if (words.size() == 2 && all_digits(words[0]) && span_unit(words[1]) != 0) {
        const std::string span = words[0] + span_unit(words[1]);
        if (const auto back = span_back(span, today); back && is_log_date(*back)) {
            return fmt::format("write {} ({}), or \"{} {} ago\"", span, to_string(*back), words[0], words[1]);
        }
    }
    if (words.size() == 1) {
        const std::string& word = first;
        if (std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
            std::vector<std::string> names = weekday_list();
            for (const char* other : {"today", "yesterday", "tomorrow"}) names.emplace_back(other);
            return did_you_mean(word, names, generic);
        }
        // 25/11/2026, 2026.11.25, 11/25: only YYYY-MM-DD says which is the month.
        if (word.find_first_of("/.") != std::string::npos) return slashed_date_advice(word);
        if (word.size() == 10 && word[4] == '-' && word[7] == '-') {
            return "there is no such day: write a real date as YYYY-MM-DD, years 0001 to 9999";
        }
    }
    return generic;
}

}  // namespace anklog
