// Text -> Log: TOML syntax via toml++, then anklog's schema, field by field,
// each problem located at the key or value that causes it.
//
// A log of the usual shape (a header, then [[session]] and [[planned]]
// blocks) is parsed block by block: each block becomes a Session at once, so
// no document of the whole log is ever built. A block as anklog writes it
// (bare keys; one-line strings, whole numbers and dates) is read without
// toml++ (read_simple_block), which costs about a twentieth of toml++'s
// time; toml++ parses the header, every other block, and any block whose
// meaning is wrong, so that every error comes from one place. Anything else
// is parsed as one document. Both ways give the same Log or the same located
// error (tests/fuzz/fuzz_parse_paths.cpp checks that).
#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <span>

#include "equipment_schema.hpp"
#include "log_parser.hpp"
#include "log_schema.hpp"
#include "prescription_block.hpp"
#include "unreadable_text.hpp"

#include "anklog/error.hpp"
#include "anklog/limits.hpp"
#include "anklog/log.hpp"
#include "anklog/log_merge.hpp"
#include "anklog/log_parser.hpp"
#include "anklog/rules.hpp"
#include "anklog/suggest.hpp"
#include "anklog/toml_scan.hpp"
#include "anklog/utf8.hpp"

namespace anklog {

namespace {

using namespace schema;  // NOLINT(google-build-using-namespace): the parser speaks the schema's words

class Parser {
public:
    explicit Parser(std::string_view file_name) : file_(file_name) {}

    // by_blocks false: toml++ on the whole text even where it splits.
    Log parse(std::string_view text, bool by_blocks) {
        std::optional<LogBlocks> split;
        if (by_blocks) split = split_log_blocks(text);
        if (split) {
            const std::vector<LogBlock>& blocks = split->blocks;
            std::size_t next = 0;  // blocks [0, next) are read (or being read)
            try {
                parse_header(parse_toml(split->header, 0));
                // Sized once: growing by doubling would hold both copies at the last step.
                const auto sessions = static_cast<std::size_t>(std::count_if(
                    blocks.begin(), blocks.end(), [](const LogBlock& b) { return b.kind == BlockKind::session; }));
                log_.sessions.reserve(sessions);
                log_.planned.reserve(blocks.size() - sessions);  // pain checks are few
                std::vector<SimpleEntry> simple;
                while (next < blocks.size()) {
                    const LogBlock& block = blocks[next++];
                    parse_block(block, block.first_line, simple);
                }
            } catch (const Error&) {
                // A whole-document parse reports the first syntax error
                // anywhere before any error in what the text means (in the
                // header or in a block): look for one in the blocks not
                // read yet.
                if (!syntax_error_) {
                    for (std::size_t later = next; later < blocks.size(); ++later) {
                        line_offset_ = blocks[later].first_line - 1;
                        (void)parse_toml(blocks[later].text, line_offset_);
                    }
                }
                throw;
            }
            line_offset_ = 0;
            read_markers(split->line_comments, log_);
        } else {
            if (const auto deep = find_deep_nesting(text)) throw deep_nesting_error(*deep, file_);
            const toml::table root = parse_toml(text, 0);
            parse_header(root);
            parse_blocks(root);
            read_markers(find_line_comments(text), log_);
        }
        return std::move(log_);
    }

    // The session of `appended`, blank lines then one [[session]] block,
    // put at the end of the text of `log`, from line `first_line` on.
    Session parse_appended(const Log& log, std::string_view appended, int first_line) {
        log_.profile = log.profile;
        log_.catalogue = log.catalogue;
        const auto split = split_log_blocks(appended);
        if (!split || split->blocks.size() != 1 || split->blocks.front().kind != BlockKind::session ||
            split->header.find_first_not_of("\r\n") != std::string_view::npos) {
            throw Error("the new session did not read back from the log",
                        "please report this; your log has not been changed", Location{std::string(file_)});
        }
        std::vector<SimpleEntry> simple;
        const LogBlock& block = split->blocks.front();
        parse_block(block, first_line - 1 + block.first_line, simple);
        return std::move(log_.sessions.back());
    }

private:
    // One block, its header on line `first_line` of the file, read into the
    // log's sessions or planned sessions. Most blocks are as anklog writes
    // them: read without toml++, which reads the others, and the simple ones
    // whose meaning is wrong, for their errors.
    void parse_block(const LogBlock& block, int first_line, std::vector<SimpleEntry>& simple) {
        if (block.kind == BlockKind::pain || block.kind == BlockKind::prescription) {
            const toml::table root = parse_toml(block.text, first_line - 1);
            parse_other(*root.get(block_name(block.kind))->as_array()->front().as_table(), block.kind);
            return;
        }
        auto& into = block.kind == BlockKind::session ? log_.sessions : log_.planned;
        if (read_simple_block(block.text, simple)) {
            if (auto session = simple_session(simple, block.kind, first_line)) {
                into.push_back(std::move(*session));
                return;
            }
        }
        const toml::table root = parse_toml(block.text, first_line - 1);
        const toml::table& table = *root.get(block_name(block.kind))->as_array()->front().as_table();
        into.push_back(parse_session(table, block.kind));
    }

    Location at(const toml::source_region& region) const {
        return Location{std::string(file_), static_cast<int>(region.begin.line) + line_offset_,
                        static_cast<int>(region.begin.column)};
    }

    // toml++ on `text`, whose first line is line `line_offset` + 1 of the file.
    toml::table parse_toml(std::string_view text, int line_offset) {
        line_offset_ = line_offset;
        try {
            return toml::parse(text, std::string(file_));
        } catch (const toml::parse_error& e) {
            syntax_error_ = true;
            throw Error(std::string(e.description()),
                        "this is not valid TOML there; fix that spot (toml.io describes the format)", at(e.source()));
        }
    }

    // Everything but the blocks: version, [profile], [activities], [rules].
    void parse_header(const toml::table& root) {
        check_keys(root, top_level_keys, "at the top of the log");
        parse_version(root);
        if (const auto* profile = table_at(root, "profile")) parse_profile(*profile);
        if (const auto* activities = table_at(root, "activities")) parse_activities(*activities);
        if (const auto* rules = table_at(root, "rules")) parse_rules(*rules);
        if (const toml::node* equipment = root.get("equipment")) parse_equipment(*equipment);
    }

    // [[equipment]]: read by equipment_schema.cpp with the parser's own
    // readers, so that its errors are located like every other.
    void parse_equipment(const toml::node& node) {
        const EquipmentReaders read{
            [this](const toml::node& n, std::string message, std::string advice) {
                return Error(std::move(message), std::move(advice), at(n));
            },
            [this](const toml::node& n, std::string_view key) { return string_at(n, key); },
            [this](const toml::node& n, std::string_view key) { return mass_at(n, key); },
            [this](const toml::node& n, std::string_view key, std::string_view example) -> const toml::array& {
                return array_at(n, key, example);
            },
            [this](const toml::table& t) { check_keys(t, equipment_keys, "in [[equipment]]"); }};
        log_.profile.equipment = read_equipment(node, read);
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
                 fmt::format("this log is format version {}, newer than this anklog reads (version {})", version,
                             limits::format_version),
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
            bool fixed_length = false;
            const toml::node* fixed_node = spec.get("fixed_length");
            if (fixed_node) {
                if (!fixed_node->is_boolean()) {
                    fail(*fixed_node,
                         fmt::format("'fixed_length' must be true or false, not {}", type_name(*fixed_node)),
                         "write fixed_length = true for a class that always lasts as long");
                }
                fixed_length = fixed_node->as_boolean()->get();
            }
            const toml::node* kind_node = spec.get("kind");
            // A built-in activity may be marked a class of fixed length.
            if (!kind_node && fixed_node && log_.catalogue.find(name) && log_.catalogue.find(name)->built_in &&
                spec.size() == 1) {
                if (fixed_length) {
                    if (auto problem = log_.catalogue.set_fixed_length(name)) {
                        throw Error(fmt::format("cannot mark activity '{}' as of fixed length", name), *problem,
                                    at(key.source()));
                    }
                }
                continue;
            }
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
            if (fixed_length) {
                if (auto problem = log_.catalogue.set_fixed_length(name)) {
                    throw Error(fmt::format("cannot mark activity '{}' as of fixed length", name), *problem,
                                at(*fixed_node));
                }
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
                    fail(value,
                         fmt::format("{}.{} must be a number from {} to {}", name, knob.str(), threshold->min,
                                     threshold->max),
                         fmt::format("{} (default {})", threshold->meaning, threshold->value));
                }
                log_.rules.set(threshold->knob, *number);
            }
        }
    }

    // The [[session]] and [[planned]] blocks of a whole document, judged in
    // file order as the block-by-block path judges them.
    void parse_blocks(const toml::table& root) {
        std::vector<std::pair<const toml::table*, BlockKind>> blocks;
        for (const BlockKind kind : {BlockKind::session, BlockKind::planned, BlockKind::pain, BlockKind::prescription}) {
            const std::string_view name = block_name(kind);
            const toml::node* node = root.get(name);
            if (!node) continue;
            const std::string advice = fmt::format("start each {} with [[{}]] (double brackets)",
                                                   kind == BlockKind::session   ? "session"
                                                   : kind == BlockKind::planned ? "planned session"
                                                   : kind == BlockKind::pain    ? "pain check"
                                                                                : "prescription",
                                                   name);
            if (node->is_table()) fail(*node, fmt::format("'{}' must be a list of [[{}]] blocks", name, name), advice);
            if (!node->is_array_of_tables()) {
                fail(*node, fmt::format("'{}' must be a list of [[{}]] blocks, not {}", name, name, type_name(*node)),
                     advice);
            }
            const toml::array& array = *node->as_array();
            if (kind == BlockKind::session && !array.empty() && array.front().as_table()->is_inline()) {
                log_.inline_sessions_line = static_cast<int>(node->source().begin.line);
            }
            for (const toml::node& element : array) blocks.emplace_back(element.as_table(), kind);
        }
        std::stable_sort(blocks.begin(), blocks.end(), [](const auto& a, const auto& b) {
            return a.first->source().begin.line < b.first->source().begin.line;
        });
        for (const auto& [table, kind] : blocks) {
            if (kind == BlockKind::pain || kind == BlockKind::prescription) {
                parse_other(*table, kind);
                continue;
            }
            auto& into = kind == BlockKind::session ? log_.sessions : log_.planned;
            into.push_back(parse_session(*table, kind));
        }
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

    // A [[pain]] or [[prescription]] block.
    void parse_other(const toml::table& table, BlockKind kind) {
        if (kind == BlockKind::pain) {
            log_.pain_checks.push_back(parse_pain_check(table));
        } else {
            log_.prescriptions.push_back(parse_prescription(table, log_.catalogue, log_.profile.units, file_, line_offset_));
        }
    }

    // One [[pain]] block: date, pain 0-10, an optional note.
    PainCheck parse_pain_check(const toml::table& table) {
        check_keys(table, pain_keys, "in [[pain]]");
        PainCheck check;
        check.line = static_cast<int>(table.source().begin.line) + line_offset_;
        const toml::node* date = table.get("date");
        if (!date) fail(table, "this pain check has no date", "add a line like date = 2026-11-18");
        if (!date->is_date()) {
            fail(*date, fmt::format("'date' must be a date, not {}", type_name(*date)),
                 "write it as YYYY-MM-DD without quotes, e.g. date = 2026-11-18");
        }
        const toml::date d = date->as_date()->get();
        check.date = Date{std::chrono::year{d.year}, std::chrono::month{d.month}, std::chrono::day{d.day}};
        const toml::node* pain = table.get("pain");
        if (!pain) fail(table, "this pain check has no pain score", "add a line like pain = 2 (0-10)");
        check.pain = *count_at(pain, "pain");
        if (const toml::node* note = table.get("note")) check.note = string_at(*note, "note");
        return check;
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
        const toml::node* side = nullptr;
        const toml::node* effort = nullptr;
        const toml::node* pain = nullptr;
        const toml::node* note = nullptr;

        const toml::node** slot(std::string_view key) {
            const std::pair<std::string_view, const toml::node**> slots[] = {
                {"date", &date},       {"activity", &activity}, {"on", &on},     {"weight", &weight},
                {"minutes", &minutes}, {"sets", &sets},         {"reps", &reps}, {"side", &side},  {"effort", &effort},
                {"pain", &pain},       {"note", &note},
            };
            for (const auto& [name, field] : slots) {
                if (name == key) return field;
            }
            return nullptr;
        }
    };

    Session parse_session(const toml::table& table, BlockKind kind) {
        SessionFields fields;
        const Keys known = kind == BlockKind::session ? Keys{session_keys} : planned_keys;
        for (const auto& [key, node] : table) {
            const toml::node** field = fields.slot(key.str());
            if (!field || std::find(known.begin(), known.end(), key.str()) == known.end()) {
                unknown_key(key, known, fmt::format("in [[{}]]", block_name(kind)));
            }
            *field = &node;
        }
        Session session;
        session.line = static_cast<int>(table.source().begin.line) + line_offset_;

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
                fail(*on, fmt::format("unknown limb \"{}\"", text),
                     fmt::format("on is {}", one_of(limb_names.names(), "\"")));
            }
            session.on = *limb;
        }
        if (const toml::node* side = fields.side) {
            const std::string text = string_at(*side, "side");
            const auto parsed = side_names.parse(text);
            if (!parsed) {
                fail(*side, fmt::format("unknown side \"{}\"", text),
                     fmt::format("side is {}, or leave it out for both sides", one_of(side_names.names(), "\"")));
            }
            session.side = *parsed;
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

    // The Session of a block read without toml++ (read_simple_block), when
    // the block is a valid one; nullopt for anything parse_session would
    // refuse or might read differently, and then toml++ and parse_session
    // read the block, so that every error comes from there. Each field is
    // taken as parse_session takes it when it does not fail.
    std::optional<Session> simple_session(std::vector<SimpleEntry>& entries, BlockKind kind, int line) const {
        using Type = SimpleValue::Type;
        const Keys known = kind == BlockKind::session ? Keys{session_keys} : planned_keys;
        Session session;
        session.line = line;
        const Activity* activity = nullptr;
        bool dated = false;
        for (auto& [key, value] : entries) {
            const std::optional<std::size_t> index = session_key_index(key);
            if (!index || *index >= known.size()) return std::nullopt;
            switch (*index) {
                case 0:  // date
                    if (value.type != Type::date) return std::nullopt;
                    session.date =
                        Date{std::chrono::year{value.year}, std::chrono::month{static_cast<unsigned>(value.month)},
                             std::chrono::day{static_cast<unsigned>(value.day)}};
                    dated = true;
                    break;
                case 1:  // activity
                    if (value.type != Type::string) return std::nullopt;
                    activity = log_.catalogue.find(value.string);
                    if (!activity) return std::nullopt;
                    session.activity = activity->name;
                    break;
                case 2: {  // on
                    const auto limb = value.type == Type::string ? parse_limb(value.string) : std::nullopt;
                    if (!limb) return std::nullopt;
                    session.on = *limb;
                    break;
                }
                case 3: {  // weight
                    std::optional<Mass> mass;
                    if (value.type == Type::string) {
                        mass = parse_mass(value.string, log_.profile.units);
                    } else if (value.type == Type::integer && value.integer <= max_exact_integer_weight) {
                        mass = Mass{static_cast<double>(value.integer), log_.profile.units};
                    }
                    if (!mass || check_weight(*mass, key)) return std::nullopt;
                    session.weight = mass;
                    break;
                }
                case 7: {  // side
                    const auto side = value.type == Type::string ? side_names.parse(value.string) : std::nullopt;
                    if (!side) return std::nullopt;
                    session.side = *side;
                    break;
                }
                case 10:  // note
                    if (value.type != Type::string) return std::nullopt;
                    session.note = std::move(value.string);
                    break;
                default: {  // minutes, sets, reps, effort, pain
                    std::optional<int>* field = count_field(session, key);
                    if (!field || value.type != Type::integer || check_range(key, value.integer)) return std::nullopt;
                    *field = static_cast<int>(value.integer);
                }
            }
        }
        if (!dated || !activity || validate(session, *activity)) return std::nullopt;
        return session;
    }

    std::string_view file_;
    int line_offset_ = 0;        // lines before the block being parsed
    bool syntax_error_ = false;  // toml++ refused the text
    Log log_;
};

}  // namespace

namespace {

Log parse(std::string_view text, std::string_view file_name, bool by_blocks) {
    schema::refuse_wide_encoding(text, file_name);
    try {
        return Parser(file_name).parse(text, by_blocks);
    } catch (const Error&) {
        if (const auto conflict = find_merge_conflict(text)) throw schema::merge_conflict_error(*conflict, file_name);
        throw;
    }
}

}  // namespace

Log parse_log(std::string_view text, std::string_view file_name) { return parse(text, file_name, true); }

Session parse_appended_session(const Log& log, std::string_view appended, int first_line, std::string_view file_name) {
    return Parser(file_name).parse_appended(log, appended, first_line);
}

Log parse_log_whole(std::string_view text, std::string_view file_name) { return parse(text, file_name, false); }

Catalogue parse_catalogue(std::string_view text, std::string_view file_name) {
    if (const auto header = plain_log_header(text)) {
        try {
            return Parser(file_name).parse(*header, true).catalogue;
        } catch (const Error&) {
            // Cut inside a multi-line string, or wrong: the whole log tells.
        }
    }
    return parse_log(text, file_name).catalogue;
}

}  // namespace anklog
