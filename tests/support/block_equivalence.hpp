#pragma once
// Test support for per-block parsing: the text split by
// anklog::split_log_blocks and each part parsed by toml++ on its own must give
// what toml++ gives for the whole text: the same header tables, the same
// [[session]] and [[planned]] elements (values, keys and the positions of
// both, once shifted by the block's line), or the same first error at the
// same line and column. Each block read by anklog::read_simple_block must
// hold what toml++ reads from it.
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace anklog::testing {

struct BlockParseComparison {
    bool split = false;                     // false: the scanner fell back to a whole parse
    std::optional<std::string> difference;  // what differs; nullopt when both agree
};

[[nodiscard]] BlockParseComparison compare_block_parse(std::string_view text);

// When anklog::read_simple_block reads `block_text` (a block's text, or any
// text), what differs from toml++ on the same text: toml++ must read it, as
// one array-of-tables element holding exactly those keys with those values.
// nullopt when they agree, or when read_simple_block refuses the text.
[[nodiscard]] std::optional<std::string> compare_simple_block(std::string_view block_text);

// The most key parts on any path from the root of toml++'s document for text
// to a value, or nullopt when toml++ rejects the text. Only for texts that
// passed anklog::find_deep_nesting (it recurses).
[[nodiscard]] std::optional<int> toml_key_depth(std::string_view text);

// Line and column toml++ gives the first key named `name` it finds (depth
// first), or nullopt when toml++ rejects the text or has no such key.
[[nodiscard]] std::optional<std::pair<int, int>> toml_key_position(std::string_view text, std::string_view name);

}  // namespace anklog::testing
