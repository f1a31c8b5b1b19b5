// Text -> Log: TOML syntax via toml++, then anklog's schema, field by field,
// each problem located at the key or value that causes it.
#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <span>

#include "anklog/error.hpp"
#include "anklog/limits.hpp"
#include "anklog/log.hpp"
#include "anklog/rules.hpp"
#include "anklog/suggest.hpp"

namespace anklog {

namespace {

using Keys = std::span<const std::string_view>;
constexpr std::array<std::string_view, 5> top_level_keys{"version", "profile", "activities", "rules", "session"};
constexpr std::array<std::string_view, 4> profile_keys{"name", "units", "weights", "history"};
constexpr std::array<std::string_view, 2> activity_keys{"kind", "group"};
constexpr std::array<std::string_view, 10> session_keys{"date", "activity", "on",     "weight", "minutes",
                                                        "sets", "reps",     "effort", "pain",   "note"};

std::string_view type_name(const toml::node& node) {
    switch (node.type()) {
        case toml::node_type::string: return "a string";
        case toml::node_type::integer: return "a whole number";
        case toml::node_type::floating_point: return "a number";
        case toml::node_type::boolean: return "true/false";
        case toml::node_type::date: return "a date";
        case toml::node_type::time: return "a time";
        case toml::node_type::date_time: return "a date and time";
        case toml::node_type::array: return "a list";
        case toml::node_type::table: return "a table";
        default: return "nothing";
    }
}

class Parser {
public:
    explicit Parser(std::string_view file_name) : file_(file_name) {}

    Log parse(std::string_view text) {
        toml::table root;
        try {
            root = toml::parse(text, std::string(file_));
        } catch (const toml::parse_error& e) {
            throw Error(std::string(e.description()),
                        "this is not valid TOML there; fix that spot (toml.io describes the format)",
                        at(e.source()));
        }
        check_keys(root, top_level_keys, "at the top of the log");
        parse_version(root);
        if (const auto* profile = table_at(root, "profile")) parse_profile(*profile);
        if (const auto* activities = table_at(root, "activities")) parse_activities(*activities);
        if (const auto* rules = table_at(root, "rules")) parse_rules(*rules);
        parse_sessions(root);
        return std::move(log_);
    }

private:
    Location at(const toml::source_region& region) const {
        return Location{std::string(file_), static_cast<int>(region.begin.line),
                        static_cast<int>(region.begin.column)};
    }
    Location at(const toml::node& node) const { return at(node.source()); }

    [[noreturn]] void fail(const toml::node& node, std::string message, std::string advice) const {
        throw Error(std::move(message), std::move(advice), at(node));
    }

    [[noreturn]] void unknown_key(const toml::key& key, Keys known, std::string_view where) const {
        const std::vector<std::string> names(known.begin(), known.end());
        throw Error(fmt::format("unknown key '{}' {}", key.str(), where),
                    did_you_mean(key.str(), names, fmt::format("known keys here: {}", fmt::join(names, ", "))),
                    at(key.source()));
    }

    void check_keys(const toml::table& table, Keys known, std::string_view where) const {
        for (const auto& [key, node] : table) {
            if (std::find(known.begin(), known.end(), key.str()) == known.end()) unknown_key(key, known, where);
        }
    }

    const toml::table* table_at(const toml::table& parent, std::string_view key) const {
        const toml::node* node = parent.get(key);
        if (!node) return nullptr;
        if (!node->is_table()) {
            fail(*node, fmt::format("'{}' must be a table, not {}", key, type_name(*node)),
                 fmt::format("write it as a [{}] section", key));
        }
        return node->as_table();
    }

    std::string string_at(const toml::node& node, std::string_view key) const {
        if (!node.is_string()) {
            fail(node, fmt::format("'{}' must be a string, not {}", key, type_name(node)),
                 fmt::format("put the value in double quotes, e.g. {} = \"...\"", key));
        }
        return node.as_string()->get();
    }

    void parse_version(const toml::table& root) {
        const toml::node* node = root.get("version");
        if (!node) return;
        const std::string advice = fmt::format("write version = {}", limits::format_version);
        if (!node->is_integer()) fail(*node, "'version' must be a whole number", advice);
        const auto version = node->as_integer()->get();
        if (version > limits::format_version) {
            fail(*node,
                 fmt::format("this log is format version {}, newer than this anklog reads (version {})",
                             version, limits::format_version),
                 "upgrade anklog to read it; your log has not been changed");
        }
        if (version < 1) fail(*node, fmt::format("unknown log format version {}", version), advice);
    }

    // A mass from a string ("1.5 kg") or a bare number in the profile's unit.
    Mass mass_at(const toml::node& node, std::string_view key) const {
        const Unit unit = log_.profile.units;
        std::optional<Mass> mass;
        if (node.is_string()) {
            const std::string& text = node.as_string()->get();
            mass = parse_mass(text, unit);
            if (!mass) fail(node, fmt::format("'{}' is not a weight: \"{}\"", key, text), mass_advice(text, unit));
        } else if (node.is_number()) {
            const double amount = node.value<double>().value_or(-1);
            if (!std::isfinite(amount) || amount < 0) {
                fail(node, fmt::format("'{}' must be a weight of 0 or more", key), mass_advice("", unit));
            }
            mass = Mass{amount, unit};
        } else {
            fail(node, fmt::format("'{}' must be a weight, not {}", key, type_name(node)), mass_advice("", unit));
        }
        if (auto problem = check_weight(*mass, key)) fail(node, problem->message, problem->advice);
        return *mass;
    }

    const toml::array& array_at(const toml::node& node, std::string_view key, std::string_view example) const {
        if (!node.is_array()) {
            fail(node, fmt::format("'{}' must be a list, not {}", key, type_name(node)),
                 fmt::format("write it as {} = {}", key, example));
        }
        return *node.as_array();
    }

    void parse_profile(const toml::table& profile) {
        check_keys(profile, profile_keys, "in [profile]");
        if (const toml::node* name = profile.get("name")) {
            log_.profile.name = string_at(*name, "name");
            if (auto problem = check_profile_name(log_.profile.name)) fail(*name, problem->message, problem->advice);
        }
        if (const toml::node* units = profile.get("units")) {
            const std::string text = string_at(*units, "units");
            const auto unit = unit_names.parse(text);
            if (!unit) {
                fail(*units, fmt::format("unknown unit \"{}\"", text),
                     fmt::format("units is {}", one_of(unit_names.names(), "\"")));
            }
            log_.profile.units = *unit;
        }
        if (const toml::node* weights = profile.get("weights")) {
            for (const toml::node& weight : array_at(*weights, "weights", "[\"0.5 kg\", \"1 kg\"]")) {
                const Mass mass = mass_at(weight, "weights");
                if (auto problem = check_owned_weight(mass)) fail(weight, problem->message, problem->advice);
                log_.profile.weights.push_back(mass);
            }
        }
        if (const toml::node* history = profile.get("history")) {
            for (const toml::node& item : array_at(*history, "history", "[\"knee\"]")) {
                const std::string text = string_at(item, "history");
                const auto injury = injury_names.parse(text);
                if (!injury) fail(item, fmt::format("unknown injury \"{}\" in history", text), injury_advice(text));
                log_.profile.injuries.push_back(*injury);
            }
        }
        normalize(log_.profile);
    }

    void parse_activities(const toml::table& activities) {
        for (const auto& [key, node] : activities) {
            const std::string name(key.str());
            if (!node.is_table()) {
                fail(node, fmt::format("activity '{}' must be a table", name),
                     fmt::format("declare it as \"{}\" = {{ kind = \"strength\", group = \"hips\" }}", name));
            }
            const toml::table& spec = *node.as_table();
            check_keys(spec, activity_keys, fmt::format("in activity '{}'", name));
            const toml::node* kind_node = spec.get("kind");
            if (!kind_node) {
                fail(node, fmt::format("activity '{}' needs a kind", name),
                     "add kind = \"gait\", \"mobility\" or \"strength\"");
            }
            const std::string kind_text = string_at(*kind_node, "kind");
            const auto kind = kind_names.parse(kind_text);
            if (!kind) {
                fail(*kind_node, fmt::format("unknown kind \"{}\"", kind_text),
                     did_you_mean(kind_text, kind_names.names(),
                                  fmt::format("kind is {}", one_of(kind_names.names(), "\""))));
            }
            Group group = Group::none;
            if (const toml::node* group_node = spec.get("group")) {
                const std::string group_text = string_at(*group_node, "group");
                const auto parsed = group_names.parse(group_text);
                if (!parsed) {
                    fail(*group_node, fmt::format("unknown muscle group \"{}\"", group_text),
                         did_you_mean(group_text, group_names.names(),
                                      fmt::format("group is {}", one_of(group_names.names(), "\""))));
                }
                group = *parsed;
            }
            if (auto problem = log_.catalogue.declare(name, *kind, group)) {
                throw Error(fmt::format("cannot declare activity '{}'", name), *problem, at(key.source()));
            }
        }
    }

    const Rule& rule_at(const toml::node& where, std::string_view name) const {
        const auto id = parse_rule(name);
        if (!id) {
            fail(where, fmt::format("unknown rule '{}'", name),
                 did_you_mean(name, rule_names.names(), "'anklog rules' lists every rule"));
        }
        return rule(*id);
    }

    // [rules]: off = ["id", ...] and [rules.ID] knob = number, each checked
    // against the rule table.
    void parse_rules(const toml::table& rules) {
        for (const auto& [key, node] : rules) {
            if (key.str() == "off") {
                for (const toml::node& item : array_at(node, "off", "[\"monotony\"]")) {
                    log_.rules.switch_off(rule_at(item, string_at(item, "off")).id);
                }
                continue;
            }
            const Rule& rule = rule_at(node, key.str());
            const std::string_view name = to_string(rule.id);
            if (!node.is_table()) {
                fail(node, fmt::format("[rules] '{}' must be a table of thresholds", name),
                     fmt::format("write [rules.{}] with one threshold per line; 'anklog rules {}' lists them", name,
                                 name));
            }
            std::vector<std::string> knobs;
            for (const Threshold& t : rule.thresholds) knobs.emplace_back(t.name);
            for (const auto& [knob, value] : *node.as_table()) {
                const Threshold* threshold = find_threshold(rule.id, knob.str());
                if (!threshold) {
                    throw Error(fmt::format("rule '{}' has no threshold '{}'", name, knob.str()),
                                did_you_mean(knob.str(), knobs,
                                             knobs.empty() ? fmt::format("'{}' has no thresholds; switch it off "
                                                                         "with off = [\"{}\"]",
                                                                         name, name)
                                                           : fmt::format("its thresholds: {}", fmt::join(knobs, ", "))),
                                at(knob.source()));
                }
                const std::optional<double> number = value.is_number() ? value.value<double>() : std::nullopt;
                if (!number || !std::isfinite(*number) || *number < threshold->min || *number > threshold->max) {
                    fail(value, fmt::format("{}.{} must be a number from {} to {}", name, knob.str(), threshold->min,
                                            threshold->max),
                         fmt::format("{} (default {})", threshold->meaning, threshold->value));
                }
                log_.rules.set(threshold->knob, *number);
            }
        }
    }

    void parse_sessions(const toml::table& root) {
        const toml::node* node = root.get("session");
        if (!node) return;
        if (node->is_table()) {
            fail(*node, "'session' must be a list of [[session]] blocks",
                 "start each session with [[session]] (double brackets)");
        }
        if (!node->is_array_of_tables()) {
            fail(*node, fmt::format("'session' must be a list of [[session]] blocks, not {}", type_name(*node)),
                 "start each session with [[session]] (double brackets)");
        }
        const toml::array& sessions = *node->as_array();
        if (!sessions.empty() && sessions.front().as_table()->is_inline()) {
            log_.inline_sessions_line = static_cast<int>(node->source().begin.line);
        }
        log_.sessions.reserve(sessions.size());
        for (const toml::node& session : sessions) log_.sessions.push_back(parse_session(*session.as_table()));
    }

    std::optional<int> count_at(const toml::node* node, std::string_view key) const {
        if (!node) return std::nullopt;
        if (!node->is_integer()) {
            fail(*node, fmt::format("'{}' must be a whole number, not {}", key, type_name(*node)),
                 fmt::format("write it without quotes or decimals, e.g. {} = 10", key));
        }
        const long long value = node->as_integer()->get();
        if (auto problem = check_range(key, value)) fail(*node, problem->message, problem->advice);
        return static_cast<int>(value);
    }

    // The fields of one [[session]], found in one pass over its keys.
    struct SessionFields {
        const toml::node* date = nullptr;
        const toml::node* activity = nullptr;
        const toml::node* on = nullptr;
        const toml::node* weight = nullptr;
        const toml::node* minutes = nullptr;
        const toml::node* sets = nullptr;
        const toml::node* reps = nullptr;
        const toml::node* effort = nullptr;
        const toml::node* pain = nullptr;
        const toml::node* note = nullptr;

        const toml::node** slot(std::string_view key) {
            const std::pair<std::string_view, const toml::node**> slots[] = {
                {"date", &date},     {"activity", &activity}, {"on", &on},         {"weight", &weight},
                {"minutes", &minutes}, {"sets", &sets},       {"reps", &reps},     {"effort", &effort},
                {"pain", &pain},     {"note", &note},
            };
            for (const auto& [name, field] : slots) {
                if (name == key) return field;
            }
            return nullptr;
        }
    };

    Session parse_session(const toml::table& table) {
        SessionFields fields;
        for (const auto& [key, node] : table) {
            const toml::node** field = fields.slot(key.str());
            if (!field) unknown_key(key, session_keys, "in [[session]]");
            *field = &node;
        }
        Session session;
        session.line = static_cast<int>(table.source().begin.line);

        const toml::node* date = fields.date;
        if (!date) fail(table, "this session has no date", "add a line like date = 2026-11-18");
        if (date->is_string() && parse_iso_date(date->as_string()->get())) {
            fail(*date, "the date is in quotes, so TOML reads it as text",
                 fmt::format("remove the quotes: date = {}", date->as_string()->get()));
        }
        if (date->is_date_time()) {
            fail(*date, "the date has a time of day", "write the day only, e.g. date = 2026-11-18");
        }
        if (!date->is_date()) {
            fail(*date, fmt::format("'date' must be a date, not {}", type_name(*date)),
                 "write it as YYYY-MM-DD without quotes, e.g. date = 2026-11-18");
        }
        const toml::date d = date->as_date()->get();
        session.date = Date{std::chrono::year{d.year}, std::chrono::month{d.month}, std::chrono::day{d.day}};

        const toml::node* activity_node = fields.activity;
        if (!activity_node) fail(table, "this session has no activity", "add a line like activity = \"walk\"");
        const std::string activity_name = string_at(*activity_node, "activity");
        const Activity* activity = log_.catalogue.find(activity_name);
        if (!activity) {
            fail(*activity_node, fmt::format("unknown activity \"{}\"", activity_name),
                 did_you_mean(normalize_activity_name(activity_name), log_.catalogue.names(),
                              fmt::format("declare it under [activities], e.g. \"{}\" = {{ kind = \"strength\", "
                                          "group = \"hips\" }}",
                                          activity_name)));
        }
        session.activity = activity->name;

        if (const toml::node* on = fields.on) {
            const std::string text = string_at(*on, "on");
            const auto limb = parse_limb(text);
            if (!limb) {
                fail(*on, fmt::format("unknown limb \"{}\"", text), fmt::format("on is {}", one_of(limb_names.names(), "\"")));
            }
            session.on = *limb;
        }
        if (const toml::node* weight = fields.weight) session.weight = mass_at(*weight, "weight");
        session.minutes = count_at(fields.minutes, "minutes");
        session.sets = count_at(fields.sets, "sets");
        session.reps = count_at(fields.reps, "reps");
        session.effort = count_at(fields.effort, "effort");
        session.pain = count_at(fields.pain, "pain");
        if (const toml::node* note = fields.note) session.note = string_at(*note, "note");

        if (auto problem = validate(session, *activity)) {
            const toml::node** field = fields.slot(problem->field);
            throw Error(problem->message, advice_for_log(*problem), field && *field ? at(**field) : at(table));
        }
        return session;
    }

    std::string_view file_;
    Log log_;
};

}  // namespace

Log parse_log(std::string_view text, std::string_view file_name) { return Parser(file_name).parse(text); }

std::vector<const Session*> in_date_order(const Log& log) {
    std::vector<const Session*> out;
    out.reserve(log.sessions.size());
    for (const Session& session : log.sessions) out.push_back(&session);
    const auto earlier = [](const Session* a, const Session* b) { return a->date < b->date; };
    // An append-only log is usually in date order already.
    if (!std::is_sorted(out.begin(), out.end(), earlier)) std::stable_sort(out.begin(), out.end(), earlier);
    return out;
}

}  // namespace anklog
