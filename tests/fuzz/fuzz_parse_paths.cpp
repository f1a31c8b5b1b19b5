// libFuzzer target, differential: parse_log (block by block where the text
// has the plain shape) against parse_log_whole (toml++ on the whole text).
// For any input both must give the same Log (profile, activities, rules,
// sessions and planned sessions with every field and line, plan saves) or
// the same error: message, advice, file, line and column.
//
// Random bytes seldom make a log with valid sessions, so each input is also
// read as choices that build one: header tables, [[session]] and [[planned]]
// blocks of anklog's keys with values valid and not, comments, CRLF, plan
// save lines. A difference aborts with what differs.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../support/block_headers.hpp"
#include "../support/log_equivalence.hpp"

namespace {

using anklog::testing::with_block_headers;

void compare(std::string_view text) {
    const auto comparison = anklog::testing::compare_log_parse(text);
    if (comparison.difference) {
        std::fprintf(stderr, "parse_log differs from parse_log_whole: %s\n--- text ---\n%.*s\n---\n",
                     comparison.difference->c_str(), static_cast<int>(text.size()), text.data());
        std::abort();
    }
}

class Choices {
public:
    explicit Choices(std::string_view bytes) : bytes_(bytes) {}
    [[nodiscard]] bool done() const { return pos_ >= bytes_.size(); }
    std::size_t next(std::size_t n) { return done() ? 0 : static_cast<unsigned char>(bytes_[pos_++]) % n; }
    template <typename T, std::size_t N>
    const T& pick(const T (&options)[N]) {
        return options[next(N)];
    }

private:
    std::string_view bytes_;
    std::size_t pos_ = 0;
};

// Values that are right for a field, then ones that are wrong in every way
// the parser knows (and some toml++ refuses).
constexpr std::string_view dates[] = {
    "2026-11-18", "2026-11-19", "2026-11-25", "2026-12-01", "2024-02-29", "2026-11-16 # Monday",
    "2026-02-29", "0000-01-01", "2026-11-18T10:00:00", "2026-11-18 10:00:00", "\"2026-11-18\"", "2026-13-01",
    "2026-11-18x", "2026-1-18", "\"soon\"", "18",
};
constexpr std::string_view activities[] = {
    "\"walk\"", "\"side-leg-lift\"", "\"pilates\"", "\"glute-bridge\"", "'walk'", "\"jog\"", "\"Side Leg_Lift\"",
    "\"kettle-swing\"", "\"row\"", "\"walkk\"", "\"\"", "walk", "1", "\"w\\u0061lk\"", "\"walk\" # ok",
};
constexpr std::string_view limbs[] = {"\"ankle\"", "\"wrist\"", "\"ankles\"", "'wrists'", "\"knee\"", "true"};
constexpr std::string_view weights[] = {
    "\"1 kg\"", "\"0.5 kg\"", "\"1.5kg\"", "\"2 lb\"", "\"2 lbs\"", "\"500 g\"", "\"0 kg\"", "1", "2", "0",
    "1.5", "\"1,5 kg\"", "\"1.2345 kg\"", "\"0.001 kg\"", "\"100 kg\"", "-1", "\"heavy\"", "1e3", "inf", "nan",
    "99999999999999999999", "[\"1 kg\"]",
};
constexpr std::string_view counts[] = {
    "20", "10", "1", "2", "3", "12", "0", "600", "601", "45", "1_0", "007", "+5", "-3", "3.0",
    "99999999999999999999", "9223372036854775807", "\"20\"", "20 # minutes", "20abc", "0x10", "1979-05-27",
};
constexpr std::string_view notes[] = {
    "\"felt good\"",
    "\"felt good, \\\"steady\\\" pace\"",
    "\"tab\\there\\nnewline \\\\ back\\b\\f\\r\"",
    "\"caf\xC3\xA9 \xE2\x80\xAE bidi\"",
    "'literal \\ back'",
    "\"\\u00e9\\U0001F600\"",
    "\"\\uD800\"",
    "\"\\e escape\"",
    "\"\\x41\"",
    "\"\\q\"",
    "\"\"",
    "''",
    "\"\"\"multi\nline\"\"\"",
    "'''lit\nline'''",
    "\"\"\"held\n# anklog plan for the week of 2026-11-16\n\"\"\"",  // a marker line inside a string
    "\"ctrl \x01 char\"",
    "\"del \x7F char\"",
    "\"tab\tinside\"",
    "'tab\tinside'",
    "\"unterminated",
    "\"[[session]]\"",
    "\"# not a comment\"",
    "1",
};
constexpr std::string_view bad_lines[] = {
    "minuts = 20", "\"date\" = 2026-11-18", "x.y = 1", "date = 2026-11-18", "note = \"again\"", "= 1",
    "weight = { a = 1 }", "sets = [1, 2]", "on = \"wrist\"", "# [[session]]", "[profile]", "[[session.x]]",
    "effort = 11", "pain = 10", "pain = 4",
};
constexpr std::string_view comments[] = {" # c", "\t#\"\"\" x", " # caf\xC3\xA9", " #", "# [[session]]"};
constexpr std::string_view wrong_comments[] = {" # \x7F", " #\x01", " # \xC3"};
constexpr std::string_view block_headers[] = {"[[session]]", "[[planned]]", "  [[ session ]]", "[[planned]] # week",
                                              "\t[[session]]\t"};
constexpr std::string_view wrong_block_headers[] = {"[[session]] x", "[[session.x]]", "[session]", "[[session]"};
// The header: at most one item of each kind, root keys before tables.
constexpr std::string_view root_items[] = {"version = 1", "# a comment"};
constexpr std::string_view wrong_root_items[] = {"version = 2", "bogus = 1", "profile.name = \"Bo\""};
constexpr std::string_view profile_items[] = {
    "[profile]\nunits = \"lb\"",
    "[profile]\nunits = \"kg\"\nweights = [\"0.5 kg\", \"1 kg\", \"1.5 kg\"]\nhistory = [\"knee\"]",
    "[profile]\nname = \"Ann\"\nweights = [1, 2]",
    "[profile]",
};
constexpr std::string_view wrong_profile_items[] = {"[profile]\nunits = \"stone\"", "[profile]\nweights = 1"};
constexpr std::string_view activities_items[] = {
    "[activities]\n\"kettle-swing\" = { kind = \"strength\", group = \"hips\" }\nrow = { kind = \"gait\" }"};
constexpr std::string_view wrong_activities_items[] = {"[activities]\nwalk = { kind = \"gait\" }"};
constexpr std::string_view rules_items[] = {"[rules]\noff = [\"monotony\", \"volume-spike\"]",
                                            "[rules.volume-spike]\nwindow_days = 20"};
constexpr std::string_view wrong_rules_items[] = {"[rules.volume-spike]\nwindow_days = 0", "[rules]\noff = 1"};

std::string value_for(Choices& choose, std::string_view key) {
    if (key == "date") return std::string(choose.pick(dates));
    if (key == "activity") return std::string(choose.pick(activities));
    if (key == "on") return std::string(choose.pick(limbs));
    if (key == "weight") return std::string(choose.pick(weights));
    if (key == "note") return std::string(choose.pick(notes));
    return std::string(choose.pick(counts));
}

// The lists start with valid values: one of the first few.
std::string valid_value_for(Choices& choose, std::string_view key) {
    if (key == "date") return std::string(dates[choose.next(5)]);
    if (key == "activity") return std::string(activities[choose.next(4)]);
    if (key == "on") return std::string(limbs[choose.next(2)]);
    if (key == "weight") return std::string(weights[choose.next(7)]);
    if (key == "note") return std::string(notes[choose.next(6)]);
    if (key == "effort" || key == "pain") return std::string(counts[2 + choose.next(3)]);  // 1, 2 or 3
    return std::string(counts[choose.next(6)]);
}

// A log built from the choices: valid sessions of timed and strength
// activities (and planned ones), valid variations of layout, and rarely
// something wrong (a value, a key, a line, a comment, a header), so that
// most blocks are read as anklog writes them and the errors get compared too.
// Once the bytes run out every choice is 0: a valid one.
std::string log_from(std::string_view bytes) {
    static constexpr std::string_view keys[] = {"date",   "activity", "on",     "weight", "minutes",
                                                "sets",   "reps",     "effort", "pain",   "note"};
    static constexpr std::pair<std::string_view, bool> template_activities[] = {
        {"\"walk\"", true}, {"\"side-leg-lift\"", false}, {"\"pilates\"", true}, {"'glute-bridge'", false},
        {"\"jog\"", true}, {"\"kettle-swing\"", false}, {"\"row\"", true}};
    Choices choose(bytes);
    const auto rare = [&choose] { return choose.next(48) == 47; };
    std::string out;
    if (choose.next(8) == 7) out += "\xEF\xBB\xBF";
    const std::string_view end = choose.next(4) == 3 ? "\r\n" : "\n";
    const auto header_item = [&](const auto& valid, const auto& wrong) {
        if (choose.next(3) == 0) return;
        out += rare() ? choose.pick(wrong) : choose.pick(valid);
        out += end;
    };
    header_item(root_items, wrong_root_items);
    header_item(profile_items, wrong_profile_items);
    header_item(activities_items, wrong_activities_items);
    header_item(rules_items, wrong_rules_items);
    while (!choose.done()) {
        if (choose.next(6) == 5) {
            out += "# anklog plan for the week of ";
            out += choose.pick(dates).substr(0, 10);
            out += end;
        }
        const std::string_view block_header = rare() ? choose.pick(wrong_block_headers) : choose.pick(block_headers);
        const bool planned = block_header.find("planned") != std::string_view::npos;
        out += block_header;
        out += rare() ? "\r" : end;
        // Which fields, in which order: a timed or a strength session (the
        // volume its kind needs), or now and then any keys at all.
        std::vector<std::pair<std::string_view, std::string>> fields;
        if (rare()) {
            for (std::size_t n = choose.next(8); n > 0; --n) {
                const std::string_view key = choose.pick(keys);
                fields.emplace_back(key, choose.next(2) == 0 ? valid_value_for(choose, key) : value_for(choose, key));
            }
        } else {
            const auto& [activity, timed] = choose.pick(template_activities);
            fields.emplace_back("date", valid_value_for(choose, "date"));
            fields.emplace_back("activity", std::string(activity));
            const std::vector<std::string_view> volume = timed ? std::vector<std::string_view>{"minutes"}
                                                               : std::vector<std::string_view>{"sets", "reps"};
            for (const std::string_view key : volume) fields.emplace_back(key, valid_value_for(choose, key));
            for (const std::string_view key : {"on", "weight", "effort", "pain", "note"}) {
                const bool allowed = !planned || key == "on" || key == "weight";  // what a plan prescribes
                if ((allowed || rare()) && choose.next(3) == 2) fields.emplace_back(key, valid_value_for(choose, key));
            }
            if (choose.next(3) == 2) std::swap(fields.front(), fields.back());  // keys in any order
            if (rare()) {  // one value of any kind, right or wrong
                auto& [key, value] = fields[choose.next(fields.size())];
                value = value_for(choose, key);
            }
        }
        for (const auto& [key, value] : fields) {
            if (choose.next(4) == 3) out += choose.next(2) ? "  " : "\t";
            out += key;
            out += choose.next(3) == 2 ? "=" : " = ";
            out += value;
            if (choose.next(4) == 3) out += rare() ? choose.pick(wrong_comments) : choose.pick(comments);
            out += rare() ? "\r" : end;
            if (rare()) {
                out += choose.pick(bad_lines);
                out += end;
            }
            if (choose.next(8) == 7) out += end;  // a blank line
        }
    }
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    compare(text);
    compare(with_block_headers(text));
    compare(log_from(text));
    return 0;
}
