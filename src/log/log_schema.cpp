#include "log_schema.hpp"

#include <algorithm>

namespace anklog::schema {

std::string_view block_name(BlockKind kind) {
    switch (kind) {
        case BlockKind::session: return "session";
        case BlockKind::planned: return "planned";
        case BlockKind::pain: return "pain";
        case BlockKind::prescription: return "prescription";
    }
    return "session";
}

std::optional<std::size_t> session_key_index(std::string_view key) {
    if (key.empty()) return std::nullopt;
    std::size_t index = 0;
    switch (key.front()) {
        case 'd': index = 0; break;
        case 'a': index = 1; break;
        case 'o': index = 2; break;
        case 'w': index = 3; break;
        case 'm': index = 4; break;
        case 's': index = key.size() > 1 && key[1] == 'i' ? 7 : 5; break;
        case 'r': index = 6; break;
        case 'e': index = 8; break;
        case 'p': index = 9; break;
        case 'n': index = 10; break;
        default: return std::nullopt;
    }
    if (session_keys[index] != key) return std::nullopt;
    return index;
}

std::optional<int>* count_field(Session& session, std::string_view key) {
    if (key == "minutes") return &session.minutes;
    if (key == "sets") return &session.sets;
    if (key == "reps") return &session.reps;
    if (key == "effort") return &session.effort;
    if (key == "pain") return &session.pain;
    return nullptr;
}

std::string log_id_in(std::string_view comment) {
    if (!comment.starts_with(id_marker)) return {};
    const std::string_view rest = comment.substr(id_marker.size());
    if (rest.size() < id_digits || (rest.size() > id_digits && rest[id_digits] != ' ')) return {};
    const std::string_view digits = rest.substr(0, id_digits);
    const bool hex = std::all_of(digits.begin(), digits.end(),
                                 [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
    return hex ? std::string(digits) : std::string();
}

void read_markers(const std::vector<LineComment>& comments, Log& log) {
    for (const LineComment& comment : comments) {
        if (log.id.empty() && comment.text.starts_with(id_marker)) log.id = log_id_in(comment.text);
        if (!comment.text.starts_with(plan_marker)) continue;
        if (const auto monday = parse_iso_date(comment.text.substr(plan_marker.size(), 10))) {
            log.plan_saves.push_back(PlanSave{week_start(*monday), comment.line});
        }
    }
}

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

}  // namespace anklog::schema
