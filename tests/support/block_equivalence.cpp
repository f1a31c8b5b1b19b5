#include "block_equivalence.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <utility>
#include <variant>
#include <vector>

#include "anklog/toml_scan.hpp"

namespace anklog::testing {

namespace {

constexpr std::string_view file_name = "log.toml";

struct SyntaxError {
    std::string description;
    long line = 0;
    long column = 0;
};

using Parsed = std::variant<toml::table, SyntaxError>;

// toml++ on one text; an error's line moved by line_shift into the whole file.
Parsed parse(std::string_view text, long line_shift) {
    try {
        return toml::parse(text, file_name);
    } catch (const toml::parse_error& e) {
        return SyntaxError{std::string(e.description()), static_cast<long>(e.source().begin.line) + line_shift,
                           static_cast<long>(e.source().begin.column)};
    }
}

std::string where(const toml::source_position& p) {
    return std::to_string(p.line) + ":" + std::to_string(p.column);
}

std::string describe(const SyntaxError& e) {
    return std::to_string(e.line) + ":" + std::to_string(e.column) + " " + e.description;
}

// Compares a node of the whole document with the same node of a part parsed
// alone, whose lines are line_shift lower; "" when they are the same.
class Comparer {
public:
    explicit Comparer(long line_shift) : shift_(line_shift) {}

    std::string nodes(const toml::node& whole, const toml::node& part, const std::string& path) const {
        if (whole.type() != part.type()) return path + ": different types";
        if (auto d = region(whole.source(), part.source(), path); !d.empty()) return d;
        if (const auto* table = whole.as_table()) return tables(*table, *part.as_table(), path, {});
        if (const auto* array = whole.as_array()) {
            const auto& other = *part.as_array();
            if (array->size() != other.size()) return path + ": arrays of different sizes";
            for (std::size_t i = 0; i < array->size(); ++i) {
                if (auto d = nodes(*array->get(i), *other.get(i), path + "[" + std::to_string(i) + "]"); !d.empty()) {
                    return d;
                }
            }
            return {};
        }
        return values(whole, part, path);
    }

    // Tables key by key, leaving out the keys in `skip` of the whole one.
    std::string tables(const toml::table& whole, const toml::table& part, const std::string& path,
                       const std::vector<std::string_view>& skip) const {
        auto w = whole.begin();
        auto p = part.begin();
        const auto skipped = [&] {
            while (w != whole.end() && std::find(skip.begin(), skip.end(), w->first.str()) != skip.end()) ++w;
        };
        for (skipped(); w != whole.end() && p != part.end(); ++w, ++p, skipped()) {
            const std::string key_path = path + "." + std::string(w->first.str());
            if (w->first.str() != p->first.str()) return key_path + ": different keys (" + std::string(p->first.str()) + ")";
            if (auto d = region(w->first.source(), p->first.source(), key_path + " (key)"); !d.empty()) return d;
            if (auto d = nodes(w->second, p->second, key_path); !d.empty()) return d;
        }
        if (w != whole.end()) return path + ": key " + std::string(w->first.str()) + " only in the whole document";
        if (p != part.end()) return path + ": key " + std::string(p->first.str()) + " only in the part";
        if (whole.is_inline() != part.is_inline()) return path + ": inline in one only";
        return {};
    }

private:
    std::string region(const toml::source_region& whole, const toml::source_region& part,
                       const std::string& path) const {
        const auto shifted = [this](toml::source_position p) {
            if (p.line != 0) p.line = static_cast<toml::source_index>(p.line + shift_);
            return p;
        };
        if (whole.begin != shifted(part.begin) || whole.end != shifted(part.end)) {
            return path + ": at " + where(whole.begin) + "-" + where(whole.end) + " in the whole document, " +
                   where(shifted(part.begin)) + "-" + where(shifted(part.end)) + " in the part";
        }
        return {};
    }

    static std::string values(const toml::node& whole, const toml::node& part, const std::string& path) {
        bool same = false;
        switch (whole.type()) {
            case toml::node_type::string: same = *whole.value<std::string_view>() == *part.value<std::string_view>(); break;
            case toml::node_type::integer: same = *whole.value<std::int64_t>() == *part.value<std::int64_t>(); break;
            case toml::node_type::floating_point: {
                const double a = *whole.value<double>();
                const double b = *part.value<double>();
                same = std::memcmp(&a, &b, sizeof a) == 0;
                break;
            }
            case toml::node_type::boolean: same = *whole.value<bool>() == *part.value<bool>(); break;
            case toml::node_type::date: same = *whole.value<toml::date>() == *part.value<toml::date>(); break;
            case toml::node_type::time: same = *whole.value<toml::time>() == *part.value<toml::time>(); break;
            case toml::node_type::date_time:
                same = *whole.value<toml::date_time>() == *part.value<toml::date_time>();
                break;
            default: return path + ": not a value";
        }
        if (!same) return path + ": different values";
        // Number formats (hex, octal, ...) are part of what toml++ read.
        const auto flags = [](const toml::node& n) {
            return n.visit([](const auto& v) {
                if constexpr (toml::is_value<decltype(v)>) {
                    return static_cast<int>(v.flags());
                } else {
                    return -1;
                }
            });
        };
        if (flags(whole) != flags(part)) return path + ": different value flags";
        return {};
    }

    long shift_;
};

// The header and the blocks must be the text, in order, cut at line starts.
std::string check_split(std::string_view text, const LogBlocks& split) {
    if (text.substr(0, split.header.size()) != split.header || split.header.data() != text.data()) {
        return "the header is not the start of the text";
    }
    std::size_t next = split.header.size();
    long line = 1 + static_cast<long>(std::count(split.header.begin(), split.header.end(), '\n'));
    for (const LogBlock& block : split.blocks) {
        if (block.offset != next || block.text.data() != text.data() + next) return "blocks are not contiguous";
        if (block.first_line != line) return "block at offset " + std::to_string(next) + ": wrong first line";
        if (next != 0 && text[next - 1] != '\n') return "a block does not start a line";
        next += block.text.size();
        line += static_cast<long>(std::count(block.text.begin(), block.text.end(), '\n'));
    }
    if (next != text.size()) return "the blocks do not end at the end of the text";
    return {};
}

std::string_view name_of(BlockKind kind) {
    return kind == BlockKind::session   ? "session"
           : kind == BlockKind::planned ? "planned"
           : kind == BlockKind::pain    ? "pain"
                                        : "prescription";
}

std::string describe(const SimpleValue& value) {
    switch (value.type) {
        case SimpleValue::Type::string: return "\"" + value.string + "\"";
        case SimpleValue::Type::integer: return std::to_string(value.integer);
        case SimpleValue::Type::date:
            return std::to_string(value.year) + "-" + std::to_string(value.month) + "-" + std::to_string(value.day);
    }
    return "?";
}

bool same_value(const toml::node& node, const SimpleValue& value) {
    switch (value.type) {
        case SimpleValue::Type::string: return node.is_string() && node.as_string()->get() == value.string;
        case SimpleValue::Type::integer: return node.is_integer() && node.as_integer()->get() == value.integer;
        case SimpleValue::Type::date: {
            if (!node.is_date()) return false;
            const toml::date d = node.as_date()->get();
            return d.year == value.year && d.month == value.month && d.day == value.day;
        }
    }
    return false;
}

}  // namespace

std::optional<std::string> compare_simple_block(std::string_view block_text) {
    std::vector<SimpleEntry> entries;
    if (!read_simple_block(block_text, entries)) return std::nullopt;
    Parsed parsed = parse(block_text, 0);
    if (const auto* e = std::get_if<SyntaxError>(&parsed)) {
        return "read_simple_block read what toml++ refuses: " + describe(*e);
    }
    const toml::table& root = std::get<toml::table>(parsed);
    const toml::array* elements = root.size() == 1 ? root.cbegin()->second.as_array() : nullptr;
    if (!elements || !elements->is_array_of_tables() || elements->size() != 1) {
        return std::string("read_simple_block read what toml++ does not read as one [[table]]");
    }
    const toml::table& table = *elements->get(0)->as_table();
    if (table.size() != entries.size()) {
        return "read_simple_block read " + std::to_string(entries.size()) + " keys, toml++ " +
               std::to_string(table.size());
    }
    for (const SimpleEntry& entry : entries) {
        const toml::node* node = table.get(entry.key);
        if (!node) return "read_simple_block read key '" + std::string(entry.key) + "' that toml++ does not";
        if (!same_value(*node, entry.value)) {
            return "read_simple_block read " + std::string(entry.key) + " = " + describe(entry.value) +
                   ", toml++ a different " + std::string(node->is_value() ? "value" : "node");
        }
    }
    return std::nullopt;
}

BlockParseComparison compare_block_parse(std::string_view text) {
    BlockParseComparison result;
    const std::optional<LogBlocks> split = split_log_blocks(text);
    if (!split) return result;  // parsed whole, after the nesting guard
    result.split = true;
    if (auto d = check_split(text, *split); !d.empty()) {
        result.difference = d;
        return result;
    }
    // A text that splits skips the nesting guard: it must have nothing to say.
    if (const auto deep = find_deep_nesting(text)) {
        result.difference = "split a text with a key nested " + std::to_string(deep->depth) + " parts deep";
        return result;
    }
    // The comments that start a line (plan markers among them) are the same either way.
    const std::vector<LineComment> comments = find_line_comments(text);
    const bool same_comments = std::equal(
        comments.begin(), comments.end(), split->line_comments.begin(), split->line_comments.end(),
        [](const LineComment& a, const LineComment& b) { return a.line == b.line && a.text == b.text; });
    if (!same_comments) {
        result.difference = "the split found other line comments than find_line_comments";
        return result;
    }

    Parsed whole = parse(text, 0);

    // Per block: the header, then each block, stopping at the first error.
    Parsed header = parse(split->header, 0);
    std::optional<SyntaxError> block_error;
    if (const auto* e = std::get_if<SyntaxError>(&header)) block_error = *e;
    std::vector<std::pair<Parsed, const LogBlock*>> blocks;
    for (const LogBlock& block : split->blocks) {
        if (auto d = compare_simple_block(block.text)) {
            result.difference = "block at line " + std::to_string(block.first_line) + ": " + *d;
            return result;
        }
        if (block_error) break;
        Parsed parsed = parse(block.text, block.first_line - 1);
        if (const auto* e = std::get_if<SyntaxError>(&parsed)) block_error = *e;
        blocks.emplace_back(std::move(parsed), &block);
    }

    const auto* whole_error = std::get_if<SyntaxError>(&whole);
    if (whole_error || block_error) {
        if (!whole_error) {
            result.difference = "only the blocks are rejected: " + describe(*block_error);
        } else if (!block_error) {
            result.difference = "only the whole document is rejected: " + describe(*whole_error);
        } else if (whole_error->line != block_error->line || whole_error->column != block_error->column ||
                   whole_error->description != block_error->description) {
            result.difference = "different errors: whole " + describe(*whole_error) + ", blocks " + describe(*block_error);
        }
        return result;
    }

    const toml::table& root = std::get<toml::table>(whole);
    if (auto d = Comparer(0).tables(root, std::get<toml::table>(header), "", {"session", "planned", "pain", "prescription"}); !d.empty()) {
        result.difference = "header: " + d;
        return result;
    }
    for (const BlockKind kind : {BlockKind::session, BlockKind::planned, BlockKind::pain, BlockKind::prescription}) {
        const std::string_view name = name_of(kind);
        const toml::array* elements = root[name].as_array();
        std::size_t index = 0;
        for (const auto& [parsed, block] : blocks) {
            if (block->kind != kind) continue;
            const toml::table& block_root = std::get<toml::table>(parsed);
            const toml::array* own = block_root[name].as_array();
            if (block_root.size() != 1 || !own || own->size() != 1 || !own->get(0)->is_table()) {
                result.difference = "block at line " + std::to_string(block->first_line) + " is not one " +
                                    std::string(name) + " element";
                return result;
            }
            if (!elements || index >= elements->size()) {
                result.difference = "block at line " + std::to_string(block->first_line) + " is not in the whole document";
                return result;
            }
            const std::string path = std::string(name) + "[" + std::to_string(index) + "]";
            if (auto d = Comparer(block->first_line - 1).nodes(*elements->get(index), *own->get(0), path); !d.empty()) {
                result.difference = d;
                return result;
            }
            ++index;
        }
        const std::size_t expected = elements ? elements->size() : 0;
        if (root.contains(name) && (!elements || !elements->is_array_of_tables())) {
            result.difference = std::string(name) + " is not an array of tables in the whole document";
        } else if (index != expected) {
            result.difference = std::string(name) + ": " + std::to_string(expected) + " elements in the whole document, " +
                                std::to_string(index) + " in blocks";
        }
        if (result.difference) return result;
    }
    return result;
}

namespace {

int key_depth(const toml::node& node) {
    int deepest = 0;
    if (const auto* table = node.as_table()) {
        for (const auto& [key, child] : *table) deepest = std::max(deepest, 1 + key_depth(child));
    } else if (const auto* array = node.as_array()) {
        for (const auto& element : *array) deepest = std::max(deepest, key_depth(element));
    }
    return deepest;
}

std::optional<std::pair<int, int>> find_key(const toml::node& node, std::string_view name) {
    if (const auto* table = node.as_table()) {
        for (const auto& [key, child] : *table) {
            if (key.str() == name) {
                return std::pair{static_cast<int>(key.source().begin.line), static_cast<int>(key.source().begin.column)};
            }
            if (auto found = find_key(child, name)) return found;
        }
    } else if (const auto* array = node.as_array()) {
        for (const auto& element : *array) {
            if (auto found = find_key(element, name)) return found;
        }
    }
    return std::nullopt;
}

}  // namespace

std::optional<std::pair<int, int>> toml_key_position(std::string_view text, std::string_view name) {
    Parsed parsed = parse(text, 0);
    if (const auto* root = std::get_if<toml::table>(&parsed)) return find_key(*root, name);
    return std::nullopt;
}

std::optional<int> toml_key_depth(std::string_view text) {
    Parsed parsed = parse(text, 0);
    if (const auto* root = std::get_if<toml::table>(&parsed)) return key_depth(*root);
    return std::nullopt;
}

}  // namespace anklog::testing
