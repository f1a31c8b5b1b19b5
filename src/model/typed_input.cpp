#include "anklog/typed_input.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>

#include "anklog/mass.hpp"
#include "anklog/period.hpp"

namespace anklog {

namespace {

// Past any range a flag takes; bigger numbers are kept at this.
constexpr long long huge = 1'000'000'000;

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

// A number and the word after it: "1.5" "h".
struct Part {
    std::string digits;    // whole part
    std::string fraction;  // after a point; empty for none
    bool point = false;
    std::string unit;      // lower case; empty for none
};

// "1h 15min" -> {1, h}, {15, min}. nullopt when the text is not numbers
// each followed by an optional word, with spaces anywhere between.
std::optional<std::vector<Part>> parts_of(std::string_view text) {
    std::vector<Part> parts;
    std::size_t at = 0;
    const auto skip_spaces = [&] {
        while (at < text.size() && text[at] == ' ') ++at;
    };
    if (text.empty() || !is_digit(text.front())) return std::nullopt;
    while (at < text.size()) {
        Part part;
        if (!is_digit(text[at])) return std::nullopt;
        while (at < text.size() && is_digit(text[at])) part.digits += text[at++];
        if (at < text.size() && text[at] == '.') {
            part.point = true;
            ++at;
            while (at < text.size() && is_digit(text[at])) part.fraction += text[at++];
            if (part.fraction.empty()) return std::nullopt;
        }
        skip_spaces();
        while (at < text.size() && is_letter(text[at])) {
            part.unit += static_cast<char>(std::tolower(static_cast<unsigned char>(text[at++])));
        }
        skip_spaces();
        parts.push_back(std::move(part));
    }
    return parts;
}

long long whole(std::string_view digits) {
    long long value = 0;
    for (const char c : digits) {
        value = value * 10 + (c - '0');
        if (value >= huge) return huge;
    }
    return value;
}

bool one_of(std::string_view word, std::initializer_list<std::string_view> words) {
    return std::find(words.begin(), words.end(), word) != words.end();
}
bool minute_word(std::string_view word) { return one_of(word, {"m", "min", "mins", "minute", "minutes"}); }
bool hour_word(std::string_view word) { return one_of(word, {"h", "hr", "hrs", "hour", "hours"}); }
bool second_word(std::string_view word) { return one_of(word, {"s", "sec", "secs", "second", "seconds"}); }

// The whole minutes in `hours` hours ("1.5" -> 90), or nullopt.
std::optional<long long> hours_in_minutes(const Part& part) {
    if (part.digits.size() > 9) return huge;
    const long long whole_hours = whole(part.digits);
    if (!part.point) return whole_hours * 60;
    // Fractions of an hour that are whole minutes: .25, .5, .75, .1 (6 min)...
    long long numerator = 0;
    long long denominator = 1;
    for (const char c : part.fraction) {
        if (denominator >= 1'000'000) return std::nullopt;
        numerator = numerator * 10 + (c - '0');
        denominator *= 10;
    }
    if ((numerator * 60) % denominator != 0) return std::nullopt;
    return whole_hours * 60 + numerator * 60 / denominator;
}

std::string without_spaces(std::string_view text) {
    std::string out;
    for (const char c : text) {
        if (c != ' ') out += c;
    }
    return out;
}

}  // namespace

std::optional<long long> parse_minutes(std::string_view text) {
    const auto parts = parts_of(text);
    if (!parts || parts->empty() || parts->size() > 2 || text.back() == ' ') return std::nullopt;
    const Part& first = parts->front();
    if (parts->size() == 1) {
        if (hour_word(first.unit)) return hours_in_minutes(first);
        if (first.point || !(first.unit.empty() || minute_word(first.unit))) return std::nullopt;
        return whole(first.digits);
    }
    // "1h15", "1h 15min": whole hours, then fewer than 60 whole minutes.
    const Part& second = (*parts)[1];
    if (!hour_word(first.unit) || first.point || second.point || !(second.unit.empty() || minute_word(second.unit))) {
        return std::nullopt;
    }
    const long long minutes = whole(second.digits);
    if (minutes >= 60) return std::nullopt;
    const auto hours = hours_in_minutes(first);
    if (!hours || *hours >= huge) return huge;
    return *hours + minutes;
}

std::string minutes_advice(std::string_view text) {
    std::string generic = "write minutes (20 or 20min) or hours and minutes (1h, 1h15)";
    if (text.find(':') != std::string_view::npos) {
        return "\"h:mm\" and \"m:ss\" look alike: write hours and minutes as 1h15, or whole minutes";
    }
    if (text.find(',') != std::string_view::npos) {
        std::string point(text);
        std::replace(point.begin(), point.end(), ',', '.');
        if (parse_minutes(point)) return fmt::format("write decimals with a point: {}", point);
        return generic;
    }
    const auto parts = parts_of(text);
    if (!parts || parts->empty()) return generic;
    const Part& first = parts->front();
    if (parts->size() == 1 && second_word(first.unit) && !first.point) {
        const long long seconds = whole(first.digits);
        return fmt::format("anklog counts whole minutes: write {}", std::max(1LL, (seconds + 30) / 60));
    }
    if (parts->size() == 1 && first.point && (first.unit.empty() || minute_word(first.unit))) {
        const long long minutes = whole(first.digits);
        return fmt::format("anklog counts whole minutes: write {} or {}", minutes, minutes + 1);
    }
    if (parts->size() == 1 && first.point && hour_word(first.unit)) {
        return "that is not a whole number of minutes: write hours and minutes, e.g. 1h20";
    }
    if (parts->size() == 2 && hour_word(first.unit) && !(*parts)[1].point && whole((*parts)[1].digits) >= 60) {
        return "after the hours come fewer than 60 minutes, e.g. 1h15";
    }
    return generic;
}

std::optional<SetsReps> parse_sets(std::string_view text) {
    // "×", the multiplication sign, as a phone keyboard offers it.
    std::string plain(text);
    for (std::size_t at = plain.find("\xC3\x97"); at != std::string::npos; at = plain.find("\xC3\x97", at)) {
        plain.replace(at, 2, "x");
    }
    std::string_view rest = plain;
    const auto number = [&rest]() -> std::optional<long long> {
        while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
        std::size_t end = 0;
        while (end < rest.size() && is_digit(rest[end])) ++end;
        if (end == 0) return std::nullopt;
        const long long value = whole(rest.substr(0, end));
        rest.remove_prefix(end);
        while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
        return value;
    };
    if (text.empty() || !is_digit(text.front()) || text.back() == ' ') return std::nullopt;
    SetsReps out;
    const auto sets = number();
    if (!sets) return std::nullopt;
    out.sets = *sets;
    if (rest.empty()) return out;
    if (rest.front() != 'x' && rest.front() != 'X' && rest.front() != '*') return std::nullopt;
    rest.remove_prefix(1);
    out.reps = number();
    if (!out.reps || !rest.empty()) return std::nullopt;
    return out;
}

std::string sets_advice(std::string_view text) {
    const std::string compact = without_spaces(text);
    // "12x2" would be 12 sets of 2: said plainly, not guessed.
    if (const auto parts = parts_of(compact); parts && parts->size() == 1 && one_of(parts->front().unit, {"set", "sets"})) {
        return fmt::format("write the number alone: --sets {}", parts->front().digits);
    }
    return "write the sets (2), or sets x reps (2x12: 2 sets of 12 reps)";
}

std::vector<ActivityWords> activities_in_words(const Catalogue& catalogue, std::span<const std::string> words) {
    std::vector<ActivityWords> out;
    const auto joined = [&](std::size_t from, std::size_t count) {
        std::string text;
        for (std::size_t i = from; i < from + count; ++i) text += (i > from ? " " : "") + words[i];
        return text;
    };
    std::size_t i = 0;
    while (i < words.size()) {
        const Activity* found = nullptr;
        std::size_t taken = 1;
        // No activity's name has more words than this.
        constexpr std::size_t longest_name = 6;
        for (std::size_t count = std::min(words.size() - i, longest_name); count >= 1; --count) {
            const Activity* activity = catalogue.find(joined(i, count));
            if (!activity) continue;
            const bool all_known = count > 1 && std::all_of(words.begin() + static_cast<std::ptrdiff_t>(i),
                                                            words.begin() + static_cast<std::ptrdiff_t>(i + count),
                                                            [&](const std::string& w) { return catalogue.find(w); });
            if (all_known) continue;
            found = activity;
            taken = count;
            break;
        }
        if (found) {
            out.push_back({joined(i, taken), found});
        } else if (!out.empty() && !out.back().activity) {
            out.back().typed += " " + words[i];
        } else {
            out.push_back({words[i], nullptr});
        }
        i += taken;
    }
    return out;
}

std::size_t words_continuing(ValueForm form, std::string_view value, std::span<const std::string> after) {
    // Any date serves: whether the words read as a date does not depend on it.
    static constexpr Date reference{std::chrono::year{2000}, std::chrono::January, std::chrono::day{1}};
    const auto reads = [form](const std::string& text) {
        switch (form) {
            case ValueForm::date: return parse_period_date(text, reference).has_value();
            case ValueForm::mass: return parse_mass(text, Unit::kg).has_value();
            case ValueForm::minutes: return parse_minutes(text).has_value();
            case ValueForm::sets: return parse_sets(text).has_value();
        }
        return false;
    };
    constexpr std::size_t most = 3;
    std::size_t usable = 0;
    while (usable < after.size() && usable < most && !after[usable].empty() && after[usable].front() != '-') ++usable;
    for (std::size_t count = usable; count >= 1; --count) {
        std::string text(value);
        for (std::size_t i = 0; i < count; ++i) text += " " + after[i];
        if (reads(text)) return count;
    }
    // "this monday", "last weak": one value all the same, for its advice.
    std::string first(value);
    for (char& c : first) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const bool relative = first == "last" || first == "next" || first == "this";
    if (form == ValueForm::date && relative && usable > 0 && is_letter(after.front().front())) return 1;
    return 0;
}

}  // namespace anklog
