#include "prescription_block.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>

#include "log_schema.hpp"

#include "anklog/error.hpp"
#include "anklog/suggest.hpp"

namespace anklog {

namespace {

using schema::type_name;

class PrescriptionReader {
public:
    PrescriptionReader(const Catalogue& catalogue, Unit unit, std::string_view file, int line_offset)
        : catalogue_(catalogue), unit_(unit), file_(file), line_offset_(line_offset) {}

    Prescription read(const toml::table& table) const {
        check_keys(table, schema::prescription_keys, "in [[prescription]]");
        Prescription rx;
        rx.line = static_cast<int>(table.source().begin.line) + line_offset_;
        rx.file = std::string(file_);
        const toml::node* activity_node = table.get("activity");
        if (!activity_node) fail(table, "this prescription has no activity", "add a line like activity = \"side-leg-lift\"");
        const std::string name = string_at(*activity_node, "activity");
        const Activity* activity = catalogue_.find(name);
        if (!activity) {
            fail(*activity_node, fmt::format("unknown activity \"{}\"", name),
                 did_you_mean(normalize_activity_name(name), catalogue_.names(),
                              "declare it under [activities] first"));
        }
        rx.activity = activity->name;
        const toml::node* days = table.get("days");
        if (!days) fail(table, "this prescription has no days per week", "add a line like days = 3");
        rx.days = whole_at(*days, "days");
        rx.sets = range_at(table.get("sets"), "sets", "[2, 3]");
        rx.reps = range_at(table.get("reps"), "reps", "[10, 15]");
        rx.minutes = range_at(table.get("minutes"), "minutes", "[10, 20]");
        if (const toml::node* weight = table.get("weight")) {
            const toml::array& pair = pair_at(*weight, "weight", "[\"0.5 kg\", \"1 kg\"]");
            rx.weight = MassRange{mass_at(*pair.get(0)), mass_at(*pair.get(1))};
        }
        if (const toml::node* on = table.get("on")) {
            const std::string text = string_at(*on, "on");
            const auto limb = parse_limb(text);
            if (!limb) fail(*on, fmt::format("unknown limb \"{}\"", text), fmt::format("on is {}", one_of(limb_names.names(), "\"")));
            rx.on = *limb;
        }
        if (const toml::node* side = table.get("side")) {
            rx.side = string_at(*side, "side");
            if (std::find(side_words.begin(), side_words.end(), rx.side) == side_words.end()) {
                fail(*side, fmt::format("unknown side \"{}\"", rx.side), "side is \"left\", \"right\" or \"both\"");
            }
        }
        if (const toml::node* note = table.get("note")) rx.note = string_at(*note, "note");
        rx.from = date_at(table.get("from"), "from");
        rx.until = date_at(table.get("until"), "until");
        if (const toml::node* when = table.get("progress_when")) rx.progress_when = criterion_at(*when);
        if (auto problem = validate(rx, *activity)) {
            const toml::node* field = table.get(problem->field);
            throw Error(problem->message, advice_for_log(*problem), at(field ? *field : static_cast<const toml::node&>(table)));
        }
        return rx;
    }

private:
    Location at(const toml::node& node) const {
        return Location{std::string(file_), static_cast<int>(node.source().begin.line) + line_offset_,
                        static_cast<int>(node.source().begin.column)};
    }

    [[noreturn]] void fail(const toml::node& node, std::string message, std::string advice) const {
        throw Error(std::move(message), std::move(advice), at(node));
    }

    void check_keys(const toml::table& table, schema::Keys known, std::string_view where) const {
        for (const auto& [key, node] : table) {
            if (std::find(known.begin(), known.end(), key.str()) != known.end()) continue;
            const std::vector<std::string> names(known.begin(), known.end());
            throw Error(fmt::format("unknown key '{}' {}", key.str(), where),
                        did_you_mean(key.str(), names, fmt::format("known keys here: {}", fmt::join(names, ", "))),
                        Location{std::string(file_), static_cast<int>(key.source().begin.line) + line_offset_,
                                 static_cast<int>(key.source().begin.column)});
        }
    }

    std::string string_at(const toml::node& node, std::string_view key) const {
        if (!node.is_string()) {
            fail(node, fmt::format("'{}' must be a string, not {}", key, type_name(node)),
                 fmt::format("put the value in double quotes, e.g. {} = \"...\"", key));
        }
        return node.as_string()->get();
    }

    int whole_at(const toml::node& node, std::string_view key) const {
        if (!node.is_integer()) {
            fail(node, fmt::format("'{}' must be a whole number, not {}", key, type_name(node)),
                 fmt::format("write it without quotes or decimals, e.g. {} = 3", key));
        }
        const long long value = node.as_integer()->get();
        if (value < 0 || value > 100'000) fail(node, fmt::format("{} {} is out of range", key, value), "use a smaller number");
        return static_cast<int>(value);
    }

    const toml::array& pair_at(const toml::node& node, std::string_view key, std::string_view example) const {
        if (!node.is_array() || node.as_array()->size() != 2) {
            fail(node, fmt::format("'{}' must be a range [from, to], not {}", key, node.is_array() ? "a list of " + std::to_string(node.as_array()->size()) : std::string(type_name(node))),
                 fmt::format("write it as {} = {} (the same number twice for a fixed dose)", key, example));
        }
        return *node.as_array();
    }

    std::optional<CountRange> range_at(const toml::node* node, std::string_view key, std::string_view example) const {
        if (!node) return std::nullopt;
        const toml::array& pair = pair_at(*node, key, example);
        return CountRange{whole_at(*pair.get(0), key), whole_at(*pair.get(1), key)};
    }

    Mass mass_at(const toml::node& node) const {
        std::optional<Mass> mass;
        if (node.is_string()) {
            mass = parse_mass(node.as_string()->get(), unit_);
            if (!mass) fail(node, fmt::format("'weight' is not a weight: \"{}\"", node.as_string()->get()), mass_advice(node.as_string()->get(), unit_));
        } else if (node.is_number() && node.value<double>().value_or(-1) >= 0 && std::isfinite(node.value<double>().value_or(-1))) {
            mass = Mass{node.value<double>().value_or(0), unit_};
        } else {
            fail(node, fmt::format("'weight' must be a weight, not {}", type_name(node)), mass_advice("", unit_));
        }
        if (auto problem = check_weight(*mass, "weight")) fail(node, problem->message, problem->advice);
        return *mass;
    }

    std::optional<Date> date_at(const toml::node* node, std::string_view key) const {
        if (!node) return std::nullopt;
        if (!node->is_date()) {
            fail(*node, fmt::format("'{}' must be a date, not {}", key, type_name(*node)),
                 fmt::format("write it as YYYY-MM-DD without quotes, e.g. {} = 2026-11-30", key));
        }
        const toml::date d = node->as_date()->get();
        return Date{std::chrono::year{d.year}, std::chrono::month{d.month}, std::chrono::day{d.day}};
    }

    ProgressWhen criterion_at(const toml::node& node) const {
        const std::string_view example = "progress_when = { pain_at_most = 2, effort_at_most = 5, sessions = 2 }";
        if (!node.is_table()) {
            fail(node, fmt::format("'progress_when' must be a table, not {}", type_name(node)),
                 fmt::format("write it as {}", example));
        }
        const toml::table& table = *node.as_table();
        check_keys(table, schema::progress_when_keys, "in progress_when");
        ProgressWhen when;
        for (const auto& [key, score] : {std::pair<std::string_view, std::optional<int>*>{"pain_at_most", &when.pain_at_most},
                                         {"effort_at_most", &when.effort_at_most}}) {
            if (const toml::node* value = table.get(key)) {
                *score = whole_at(*value, key);
                if (**score > 10) fail(*value, fmt::format("{} {} is out of range", key, **score), "a score is 0 to 10");
            }
        }
        if (const toml::node* sessions = table.get("sessions")) {
            when.sessions = whole_at(*sessions, "sessions");
            if (when.sessions < 1 || when.sessions > 28) {
                fail(*sessions, fmt::format("sessions {} is out of range", when.sessions), "judge 1 to 28 sessions");
            }
        }
        if (!when.pain_at_most && !when.effort_at_most) {
            fail(node, "progress_when names neither pain nor effort", fmt::format("write it as {}", example));
        }
        return when;
    }

    const Catalogue& catalogue_;
    Unit unit_;
    std::string_view file_;
    int line_offset_;
};

}  // namespace

Prescription parse_prescription(const toml::table& table, const Catalogue& catalogue, Unit unit,
                                std::string_view file_name, int line_offset) {
    return PrescriptionReader(catalogue, unit, file_name, line_offset).read(table);
}

}  // namespace anklog
