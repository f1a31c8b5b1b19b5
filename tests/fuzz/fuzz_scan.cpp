// libFuzzer target, differential: anklog's TOML scanner against toml++.
// - Per-block parsing (split_log_blocks, then toml++ on the header and on each
//   block) must read any text exactly as toml++ reads it whole: same tables,
//   values and positions, or the same first error at the same place.
// - The nesting guard, at low limits, must report a text exactly when the
//   document toml++ builds from it has keys nested deeper than the limit.
// - Valid logs of the plain shape, generated from the input, are split into
//   exactly the blocks written.
// - What read_simple_block reads from a block (or any text) is what toml++
//   reads from it.
// A difference aborts with what differs.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>

#include "../support/block_headers.hpp"
#include "../support/block_equivalence.hpp"
#include "anklog/toml_scan.hpp"

namespace {

using anklog::testing::with_block_headers;

void compare_block_parse(std::string_view text) {
    const auto comparison = anklog::testing::compare_block_parse(text);
    if (comparison.difference) {
        std::fprintf(stderr, "per-block parsing differs from the whole parse: %s\n", comparison.difference->c_str());
        std::abort();
    }
}

void check_simple_block(std::string_view text) {
    if (const auto difference = anklog::testing::compare_simple_block(text)) {
        std::fprintf(stderr, "%s\n", difference->c_str());
        std::abort();
    }
}

void check_nesting_guard(std::string_view text) {
    if (anklog::find_deep_nesting(text)) return;  // refused before toml++ sees it
    const auto depth = anklog::testing::toml_key_depth(text);
    if (!depth) return;  // toml++ stops at an error; the guard may look further
    for (const int limit : {1, 2, 4}) {
        const auto deep = anklog::find_deep_nesting(text, limit);
        if (deep.has_value() != (*depth > limit) || (deep && deep->depth > *depth)) {
            std::fprintf(stderr, "nesting guard at %d: %s, toml++ builds keys %d deep\n", limit,
                         deep ? "reports" : "does not report", *depth);
            std::abort();
        }
    }
}

// Random bytes rarely make TOML that two readers could read differently: each
// byte of the input also picks one of these tokens (valid or not), and the
// text they make is checked too.
std::string from_tokens(std::string_view text) {
    static constexpr std::string_view tokens[] = {
        "\n[[session]]\n", "\n[[planned]]\n", "\n", "\r\n", "\r", "x = ", "y=", "note = ", "\"\"\"", "'''", "\"", "'",
        "\\", "\\\"", "#", "[", "]", "[[", "]]", "{", "}", ",", " ", "\t", "a", ".", "=", "1", "2026-11-18",
        "\n[profile]\n", "\n[session]\n", "\n[[session.x]]\n", "session", "planned", "\"session\"", " # c\n",
        "\xEF\xBB\xBF", "\xC3\xA9", "\xC3", "a.b", "[1, 2]", "{a = 1}", "\"s\"", "'s'", "true", "\"\"", "''",
    };
    std::string out;
    for (const char c : text) out += tokens[static_cast<unsigned char>(c) % std::size(tokens)];
    return out;
}

// Valid logs of the plain shape, built from the input's bytes: the scanner must
// split each into exactly the blocks written, and read it as toml++ does.
class Choices {
public:
    explicit Choices(std::string_view bytes) : bytes_(bytes) {}
    [[nodiscard]] bool done() const { return pos_ >= bytes_.size(); }
    std::size_t next(std::size_t n) { return done() ? 0 : static_cast<unsigned char>(bytes_[pos_++]) % n; }
    template <typename T, std::size_t N>
    const T& pick(const T (&options)[N]) { return options[next(N)]; }

private:
    std::string_view bytes_;
    std::size_t pos_ = 0;
};

std::string plain_log(std::string_view bytes, std::size_t& blocks) {
    static constexpr std::string_view header_items[] = {
        "version = 1", "[profile]\nunits = \"kg\"\nweights = [\"0.5 kg\", \"1 kg\"]",
        "[activities]\n\"kettle-swing\" = { kind = \"strength\", group = \"hips\" }",
        "[rules]\noff = [\n  \"monotony\", # [[session]]\n]", "# [[session]]", "profile.name = \"[[planned]]\"",
        "[activities.\"x.y\"]\nkind = '''\n[[session]]'''",
    };
    static constexpr std::string_view block_headers[] = {
        "[[session]]", "[[planned]]", "  [[session]]", "\t[[ planned ]]", "[[session]] # [[planned]] \"\"\"",
        "[[ session]]\t#", "[[planned ]]",
    };
    // Keys get a number to be unique within the block: the quoted ones before their closing quote.
    static constexpr std::pair<std::string_view, std::string_view> keys[] = {
        {"date", ""}, {"note", ""}, {"a-b_c", ""}, {"\"quoted key ", "\""}, {"'lit.eral ", "'"}, {"\"", "\""}};
    static constexpr std::string_view values[] = {
        "2026-11-18", "\"[[session]]\"", "'[[planned]]'", "\"\"\"\n[[session]]\n\"\"\"", "'''\n[[planned]]\n'''",
        "\"\"\"\\\"\"\"\n[[session]]\n\"\"\"", "\"\"\"a\"\"\"\"\"", "'''a'''''", "\"\"\"\\\n  [[session]]\"\"\"",
        "[\n1,\n# [[session]]\n2]", "[ \"a\", 'b', \"\"\"c\n[[session]]\"\"\", '''d''' ]", "[[1], [\"]\"]]",
        "{ a = \"[[session]]\", b = [1, 2], c.d = 'x' }", "{}", "1979-05-27 07:32:00", "1979-05-27T07:32:00Z",
        "0x1F", "-inf", "nan", "+1_000", "6.02e23", "true", "\"\\u0041\\\"\\\\\"", "\"caf\xC3\xA9 \xE2\x80\xAE\"",
        "''", "\"\"", "\"#\"", "'\\'", "[]", "[\n]",
    };
    static constexpr std::string_view comments[] = {"", " # c", "# [[session]]", " #\"\"\"", "\t#'''"};
    static constexpr std::string_view line_ends[] = {"\n", "\n", "\r\n"};

    std::string out;
    Choices choose(bytes);
    if (choose.next(4) == 0) out += "\xEF\xBB\xBF";
    for (std::size_t n = choose.next(4); n > 0; --n) {
        out += choose.pick(header_items);
        out += choose.pick(line_ends);
    }
    blocks = 0;
    while (!choose.done()) {
        out += choose.pick(block_headers);
        out += choose.pick(line_ends);
        ++blocks;
        for (std::size_t line = choose.next(6); line > 0; --line) {
            switch (choose.next(4)) {
                case 0: out += choose.pick(comments); break;
                case 1: break;  // a blank line
                default:
                    if (choose.next(3) == 0) out += "  ";
                    const auto& [key, closing] = choose.pick(keys);
                    out += key;
                    out += std::to_string(line);
                    out += closing;
                    out += choose.next(2) ? " = " : "=";
                    out += choose.pick(values);
                    out += choose.pick(comments);
            }
            out += choose.pick(line_ends);
        }
    }
    return out;
}

void check_plain_log(std::string_view bytes) {
    std::size_t blocks = 0;
    const std::string text = plain_log(bytes, blocks);
    const auto split = anklog::split_log_blocks(text);
    if (!split || split->blocks.size() != blocks) {
        std::fprintf(stderr, "a plain log of %zu blocks was %s:\n%s\n", blocks, split ? "split wrong" : "not split",
                     text.c_str());
        std::abort();
    }
    compare_block_parse(text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const std::string tokens = from_tokens(text);
    compare_block_parse(text);
    compare_block_parse(with_block_headers(text));
    compare_block_parse("[[session]]\n" + std::string(text));
    compare_block_parse(tokens);
    check_plain_log(text);
    check_simple_block(text);
    check_simple_block("[[session]]\n" + std::string(text));
    check_simple_block("[[session]]\n" + tokens);
    check_nesting_guard(text);
    check_nesting_guard(tokens);
    return 0;
}
