#include "anklog/profile_edit.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <vector>

#include "anklog/error.hpp"
#include "anklog/toml_writer.hpp"

namespace anklog {

namespace {

// A logical line of TOML: a comment, a blank line, a table header, or a key
// and its whole value (which may span lines: arrays, multi-line strings).
struct Line {
    enum class Kind { blank, comment, header, key_value } kind = Kind::blank;
    std::size_t begin = 0;  // offset of its first character
    std::size_t end = 0;    // just past its last newline (or the end of the text)
    int number = 1;         // 1-based line number of its start
    std::vector<std::string> key;  // header name or key, in dotted parts; empty if it could not be read
    bool array_of_tables = false;
};

// The dotted parts of a key ("profile", "units"), unquoting simple quoted
// parts; empty when it holds anything else (escapes, odd characters).
std::vector<std::string> key_parts(std::string_view key) {
    std::vector<std::string> parts;
    std::string part;
    bool quoted = false;
    char quote = 0;
    bool part_started = false;
    for (std::size_t i = 0; i < key.size(); ++i) {
        const char c = key[i];
        if (quoted) {
            if (c == quote) {
                quoted = false;
            } else if (c == '\\') {
                return {};
            } else {
                part += c;
            }
        } else if (c == '"' || c == '\'') {
            if (part_started) return {};
            quoted = true;
            quote = c;
            part_started = true;
        } else if (c == '.') {
            if (!part_started) return {};
            parts.push_back(part);
            part.clear();
            part_started = false;
        } else if (c == ' ' || c == '\t') {
            continue;
        } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
            part += c;
            part_started = true;
        } else {
            return {};
        }
    }
    if (quoted || !part_started) return {};
    parts.push_back(part);
    return parts;
}

// Splits `text` into logical lines. Strings, comments and brackets are
// followed far enough to know where a value ends: that is all this needs.
std::vector<Line> logical_lines(std::string_view text) {
    std::vector<Line> lines;
    std::size_t i = 0;
    int number = 1;
    while (i < text.size()) {
        Line line;
        line.begin = i;
        line.number = number;
        const std::size_t first = text.find_first_not_of(" \t", i);
        const char lead = first < text.size() ? text[first] : '\n';
        int depth = 0;
        std::size_t key_end = std::string_view::npos;  // the '=' of a key/value line
        std::size_t header_end = std::string_view::npos;
        while (i < text.size()) {
            const char c = text[i];
            if (c == '\n') {
                ++number;
                ++i;
                if (depth <= 0) break;
                continue;
            }
            if (c == '#') {
                while (i < text.size() && text[i] != '\n') ++i;
                continue;
            }
            if (c == '"' || c == '\'') {
                const bool triple = text.substr(i, 3) == std::string(3, c);
                const std::string_view close = triple ? text.substr(i, 3) : text.substr(i, 1);
                i += close.size();
                while (i < text.size() && text.substr(i, close.size()) != close) {
                    if (text[i] == '\\' && c == '"') ++i;
                    if (i < text.size() && text[i] == '\n') {
                        if (!triple) break;  // not TOML; the parser has refused it already
                        ++number;
                    }
                    ++i;
                }
                i += close.size();
                // A multi-line string may end in up to two more quotes.
                while (triple && i < text.size() && text[i] == c) ++i;
                continue;
            }
            if (c == '=' && depth == 0 && key_end == std::string_view::npos && lead != '[') key_end = i;
            if (c == '[' || c == '{') ++depth;
            if (c == ']' || c == '}') {
                --depth;
                if (lead == '[' && depth == 0 && header_end == std::string_view::npos) header_end = i;
            }
            ++i;
        }
        line.end = std::min(i, text.size());
        if (lead == '\n' || lead == '\r') {
            line.kind = Line::Kind::blank;
        } else if (lead == '#') {
            line.kind = Line::Kind::comment;
        } else if (lead == '[') {
            line.kind = Line::Kind::header;
            line.array_of_tables = text.substr(first, 2) == "[[";
            const std::size_t name_begin = first + (line.array_of_tables ? 2 : 1);
            if (header_end != std::string_view::npos && header_end > name_begin) {
                line.key = key_parts(text.substr(name_begin, header_end - name_begin));
            }
        } else {
            line.kind = Line::Kind::key_value;
            if (key_end != std::string_view::npos) line.key = key_parts(text.substr(first, key_end - first));
        }
        lines.push_back(std::move(line));
    }
    return lines;
}

// The name of an array-of-tables header line ("[[ equipment ]]  # x" ->
// "equipment"), else empty.
std::string array_table_name(std::string_view text, const Line& line) {
    if (line.kind != Line::Kind::header || !line.array_of_tables) return "";
    std::string_view raw = text.substr(line.begin, line.end - line.begin);
    raw.remove_prefix(std::min(raw.find_first_not_of(" \t"), raw.size()));
    const std::size_t close = raw.find("]]");
    if (!raw.starts_with("[[") || close == std::string_view::npos) return "";
    std::string_view name = raw.substr(2, close - 2);
    const std::size_t first = name.find_first_not_of(" \t");
    if (first == std::string_view::npos) return "";
    name = name.substr(first, name.find_last_not_of(" \t") - first + 1);
    const bool bare = std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
    return bare ? std::string(name) : std::string();
}

bool same_weights(const std::vector<Mass>& a, const std::vector<Mass>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                      [](const Mass& x, const Mass& y) { return format_mass_exact(x) == format_mass_exact(y); });
}

// "\n" line ends as the text writes them.
std::string in_style(std::string_view text, std::string block) {
    if (text.find("\r\n") == std::string_view::npos) return block;
    std::string out;
    for (const char c : block) out += c == '\n' ? std::string("\r\n") : std::string(1, c);
    return out;
}

[[noreturn]] void refuse(std::string_view file_name, int line, std::string_view shape) {
    throw Error(fmt::format("[profile] is written as {}, which anklog does not rewrite", shape),
                "change the profile by hand with 'anklog edit'; the log has not been changed",
                Location{std::string(file_name), line});
}

}  // namespace

bool same_equipment(const Equipment& a, const Equipment& b) {
    const auto same = [](const std::optional<Mass>& x, const std::optional<Mass>& y) {
        return x.has_value() == y.has_value() && (!x || format_mass_exact(*x) == format_mass_exact(*y));
    };
    return a.name == b.name && a.on == b.on && same(a.weight, b.weight) &&
           (a.weight || (format_mass_exact(a.shell) == format_mass_exact(b.shell) && same_weights(a.inserts, b.inserts)));
}

bool same_profile(const Profile& a, const Profile& b) {
    return a.name == b.name && a.units == b.units && same_weights(a.weights, b.weights) && a.injuries == b.injuries &&
           std::equal(a.equipment.begin(), a.equipment.end(), b.equipment.begin(), b.equipment.end(), same_equipment);
}

std::string with_equipment(std::string_view text, const std::vector<Equipment>& before,
                           const std::vector<Equipment>& after, std::string_view file_name) {
    constexpr std::string_view bom = "\xEF\xBB\xBF";
    if (text.starts_with(bom)) return std::string(bom) + with_equipment(text.substr(bom.size()), before, after, file_name);
    const std::vector<Line> lines = logical_lines(text);
    // Each [[equipment]] table: its header line and the line past its last key.
    struct Extent {
        std::size_t first = 0;
        std::size_t end = 0;
    };
    std::vector<Extent> tables;
    std::optional<std::size_t> first_block;  // the first [[session]], [[planned]] or [[pain]] header
    bool in_equipment = false;
    for (std::size_t n = 0; n < lines.size(); ++n) {
        const Line& line = lines[n];
        if (line.kind == Line::Kind::header) {
            const std::string name = array_table_name(text, line);
            in_equipment = name == "equipment";
            if (in_equipment) tables.push_back(Extent{n, n + 1});
            const bool block = name == "session" || name == "planned" || name == "pain";
            if (block && !first_block) first_block = n;
        } else if (line.kind == Line::Kind::key_value && in_equipment) {
            tables.back().end = n + 1;
        }
    }
    if (tables.size() != before.size()) {
        throw Error("[[equipment]] is written in a form anklog does not rewrite",
                    "change the equipment by hand with 'anklog edit'; the log has not been changed",
                    Location{std::string(file_name)});
    }
    // What stays: `before`'s items that `after` keeps (by position, in
    // order); what is new: `after`'s items past them.
    std::vector<bool> removed(before.size(), true);
    std::size_t kept = 0;
    for (std::size_t i = 0; i < before.size() && kept < after.size(); ++i) {
        if (same_equipment(before[i], after[kept])) {
            removed[i] = false;
            ++kept;
        }
    }
    std::string added;
    for (std::size_t i = kept; i < after.size(); ++i) added += in_style(text, "\n" + equipment_table(after[i]));
    std::vector<bool> drop(lines.size(), false);
    for (std::size_t i = 0; i < tables.size(); ++i) {
        if (!removed[i]) continue;
        std::size_t end = tables[i].end;
        while (end < lines.size() && lines[end].kind == Line::Kind::blank) ++end;  // and the blank lines after it
        for (std::size_t n = tables[i].first; n < end; ++n) drop[n] = true;
    }
    // New items go after the last table that stays, else before the first
    // block (and the comment lines right above it), else at the end.
    std::optional<std::size_t> after_line;  // insert after this line
    for (std::size_t i = 0; i < tables.size(); ++i) {
        if (!removed[i]) after_line = tables[i].end - 1;
    }
    std::optional<std::size_t> before_line;
    if (!after_line && first_block) {
        std::size_t at = *first_block;
        while (at > 0 && lines[at - 1].kind == Line::Kind::comment) --at;
        before_line = at;
    }
    std::string out;
    for (std::size_t n = 0; n < lines.size(); ++n) {
        if (before_line && n == *before_line && !added.empty()) {
            // "\n[[equipment]]...\n" becomes "[[equipment]]...\n\n" before a block.
            out += added.substr(in_style(text, "\n").size()) + in_style(text, "\n");
        }
        if (!drop[n]) out += text.substr(lines[n].begin, lines[n].end - lines[n].begin);
        if (after_line && n == *after_line && !added.empty()) {
            if (!out.empty() && out.back() != '\n') out += in_style(text, "\n");
            out += added;
        }
    }
    if (!after_line && !before_line && kept < after.size()) {
        std::string block;
        for (std::size_t i = kept; i < after.size(); ++i) block += (i > kept ? "\n" : "") + equipment_table(after[i]);
        return append_block(out, block);
    }
    return out;
}

std::string with_profile(std::string_view text, const Profile& before, const Profile& after, std::string_view file_name) {
    // A byte-order mark that the person's editor put first (Notepad) stays
    // first; anklog itself never adds one.
    constexpr std::string_view bom = "\xEF\xBB\xBF";
    if (text.starts_with(bom)) return std::string(bom) + with_profile(text.substr(bom.size()), before, after, file_name);
    const std::vector<Line> lines = logical_lines(text);
    std::optional<std::size_t> table;                    // the [profile] header
    std::optional<std::size_t> first_header;
    std::vector<std::pair<std::string, std::size_t>> keys;  // the table's keys and their lines
    bool in_profile = false;
    bool seen_header = false;
    for (std::size_t n = 0; n < lines.size(); ++n) {
        const Line& line = lines[n];
        if (line.kind == Line::Kind::header) {
            if (!first_header) first_header = n;
            seen_header = true;
            in_profile = false;
            if (line.key.empty()) {
                // A header anklog cannot read might name the profile: only plain names are safe.
                const std::string_view raw = text.substr(line.begin, line.end - line.begin);
                if (raw.find("profile") != std::string_view::npos) refuse(file_name, line.number, "an unusual table header");
                continue;
            }
            if (line.key.front() != "profile") continue;
            if (line.array_of_tables || line.key.size() > 1) refuse(file_name, line.number, "several tables");
            if (table) refuse(file_name, line.number, "two tables");
            table = n;
            in_profile = true;
        } else if (line.kind == Line::Kind::key_value) {
            if (line.key.empty()) {
                if (!seen_header || in_profile) refuse(file_name, line.number, "keys anklog cannot read");
                continue;
            }
            if (!seen_header && line.key.front() == "profile") {
                refuse(file_name, line.number, line.key.size() > 1 ? "dotted keys (profile.KEY = ...)"
                                                                    : "an inline table (profile = { ... })");
            }
            if (in_profile) {
                if (line.key.size() > 1) refuse(file_name, line.number, "dotted keys");
                keys.emplace_back(line.key.front(), n);
            }
        }
    }

    if (!table) {
        const std::string block = in_style(text, profile_table(after));
        if (!first_header) return append_block(text, profile_table(after));
        // Before the header and the comment lines right above it.
        std::size_t at = *first_header;
        while (at > 0 && lines[at - 1].kind == Line::Kind::comment) --at;
        return std::string(text.substr(0, lines[at].begin)) + block + in_style(text, "\n") +
               std::string(text.substr(lines[at].begin));
    }

    const bool units_change = before.units != after.units;
    const auto changed = [&](std::string_view key) {
        if (key == "name") return before.name != after.name;
        if (key == "units") return units_change;
        if (key == "weights") return !same_weights(before.weights, after.weights) || units_change;
        return before.injuries != after.injuries;
    };
    // Replacements by line index, keys inserted before a line, and what goes
    // after the table's last key.
    std::vector<std::optional<std::string>> replaced(lines.size());
    std::vector<std::string> inserted(lines.size());
    std::string added;
    const auto line_of = [&](std::string_view key) -> std::optional<std::size_t> {
        const auto found = std::find_if(keys.begin(), keys.end(), [&](const auto& k) { return k.first == key; });
        if (found == keys.end()) return std::nullopt;
        return found->second;
    };
    for (std::size_t k = 0; k < profile_key_order.size(); ++k) {
        const std::string_view key = profile_key_order[k];
        if (!changed(key)) continue;
        const std::string new_line = in_style(text, profile_key_line(after, key));
        if (const auto at = line_of(key)) {
            replaced[*at] = new_line;
            continue;
        }
        // A new key goes where anklog would write it: before the next key the table has.
        std::optional<std::size_t> next;
        for (std::size_t later = k + 1; later < profile_key_order.size() && !next; ++later) next = line_of(profile_key_order[later]);
        if (next) {
            inserted[*next] += new_line;
        } else {
            added += new_line;
        }
    }
    const std::size_t last = keys.empty() ? *table : std::max_element(keys.begin(), keys.end(), [](const auto& a, const auto& b) {
                                                       return a.second < b.second;
                                                   })->second;
    std::string out;
    for (std::size_t n = 0; n < lines.size(); ++n) {
        const Line& line = lines[n];
        std::string_view original = text.substr(line.begin, line.end - line.begin);
        out += inserted[n];
        if (replaced[n]) {
            out += *replaced[n];
        } else {
            out += original;
        }
        if (n == last && !added.empty()) {
            // The last line of a file may lack its newline.
            if (!out.empty() && out.back() != '\n') out += in_style(text, "\n");
            out += added;
        }
    }
    return out;
}

int key_line_in_block(std::string_view text, int block_line, std::string_view key) {
    bool in_block = false;
    for (const Line& line : logical_lines(text)) {
        if (line.kind == Line::Kind::header) {
            if (in_block) break;
            in_block = line.number == block_line;
        } else if (in_block && line.kind == Line::Kind::key_value && line.key.size() == 1 && line.key.front() == key) {
            return line.number;
        }
    }
    return block_line;
}

}  // namespace anklog
