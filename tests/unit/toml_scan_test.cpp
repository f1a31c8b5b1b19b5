#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "anklog/toml_scan.hpp"

using namespace anklog;

namespace {

std::string dotted(int parts, const std::string& part = "a") {
    std::string key = part;
    for (int i = 1; i < parts; ++i) key += "." + part;
    return key;
}

std::string repeated(const std::string& s, int times) {
    std::string out;
    for (int i = 0; i < times; ++i) out += s;
    return out;
}

// "kind@line:text" for each block, to compare splits at a glance.
std::vector<std::string> blocks_of(std::string_view text) {
    const auto split = split_log_blocks(text);
    REQUIRE(split.has_value());
    std::vector<std::string> out{"header:" + std::string(split->header)};
    for (const LogBlock& b : split->blocks) {
        out.push_back(std::string(b.kind == BlockKind::session ? "session" : b.kind == BlockKind::planned ? "planned" : "pain") + "@" +
                      std::to_string(b.first_line) + ":" + std::string(b.text));
        CHECK(text.substr(b.offset, b.text.size()) == b.text);
    }
    return out;
}

}  // namespace

TEST_CASE("nesting guard: a key with more dotted parts than the limit is reported where it starts") {
    // The crash of issue 8: toml++ overflows the stack at about 31,000 parts.
    const auto deep = find_deep_nesting("version = 1\n" + dotted(40000) + " = 1\n");
    REQUIRE(deep.has_value());
    CHECK(deep->key_parts == 40000);
    CHECK(deep->depth == 40000);
    CHECK(deep->line == 2);
    CHECK(deep->column == 1);

    CHECK_FALSE(find_deep_nesting(dotted(max_key_depth) + " = 1\n"));
    CHECK(find_deep_nesting(dotted(max_key_depth + 1) + " = 1\n"));
    CHECK(find_deep_nesting("x = 1\n  " + dotted(3, "b") + " = 1\n", 2)->column == 3);
    // Blanks around the dots are allowed by TOML and count the same.
    CHECK(find_deep_nesting("a . b .\t'c' . \"d\" = 1\n", 3)->key_parts == 4);
}

TEST_CASE("nesting guard: table headers count, and their parts add up with the keys under them") {
    const auto header = find_deep_nesting("version = 1\n\n  [" + dotted(2000) + "]\n");
    REQUIRE(header.has_value());
    CHECK(header->key_parts == 2000);
    CHECK(header->line == 3);
    CHECK(header->column == 3);  // the '['
    CHECK(find_deep_nesting("[[ " + dotted(2000) + " ]]\n")->key_parts == 2000);

    const auto sum = find_deep_nesting("[" + dotted(600) + "]\n" + dotted(600, "b") + " = 1\n");
    REQUIRE(sum.has_value());
    CHECK(sum->key_parts == 600);
    CHECK(sum->depth == 1200);
    CHECK(sum->line == 2);
    // A new header starts again from the root.
    CHECK_FALSE(find_deep_nesting("[" + dotted(600) + "]\n[x]\n" + dotted(600, "b") + " = 1\n"));
}

TEST_CASE("nesting guard: keys of inline tables add up with the key holding them, through arrays too") {
    // 200 nested inline tables, each one key of 10 parts: 2,001 parts deep.
    const std::string nested = "x = " + repeated("{" + dotted(10) + " = ", 200) + "1" + repeated("}", 200) + "\n";
    const auto deep = find_deep_nesting(nested);
    REQUIRE(deep.has_value());
    CHECK(deep->key_parts == 10);
    CHECK(deep->depth == 1001);  // x, then 100 keys of 10 parts passes 1,000
    CHECK(find_deep_nesting("x = [[{a.b = 1}, {c = {d.e = 2}}]]\n", 3)->depth == 4);
    CHECK_FALSE(find_deep_nesting("x = [[{a.b = 1}, {c = {d.e = 2}}]]\n", 4));
    CHECK_FALSE(find_deep_nesting("x = {a.b = {c = 1}}\ny.z = 2\n", 4));
}

TEST_CASE("nesting guard: dots in quoted keys, strings and comments do not count") {
    const std::string many = dotted(5000);
    CHECK_FALSE(find_deep_nesting("\"" + many + "\" = 1\n'" + many + "' = 2\n"));
    CHECK_FALSE(find_deep_nesting("x = \"" + many + "\"\ny = '" + many + "'\n# " + many + " = 1\n"));
    CHECK_FALSE(find_deep_nesting("x = \"\"\"\n" + many + " = 1\n\"\"\"\ny = '''\n[" + many + "]\n'''\n"));
    CHECK_FALSE(find_deep_nesting("x = [ # " + many + "\n 1,\n \"" + many + "\"]\n"));
    // A multi-line string ends at the first three quotes not escaped.
    CHECK(find_deep_nesting("x = \"\"\"a\\\"\"\"b\"\"\"\"\"\n" + many + " = 1\n"));
}

TEST_CASE("nesting guard: nothing past a syntax error counts, since toml++ stops there") {
    CHECK_FALSE(find_deep_nesting("= oops\n" + dotted(5000) + " = 1\n"));
    CHECK_FALSE(find_deep_nesting("x = \"unterminated\n" + dotted(5000) + " = 1\n"));
    CHECK_FALSE(find_deep_nesting("x = 1\r" + dotted(5000) + " = 1\n"));
}

TEST_CASE("nesting guard: nested arrays are left to toml++, which refuses more than 256 levels") {
    CHECK_FALSE(find_deep_nesting("x = " + std::string(100000, '[') + std::string(100000, ']') + "\n"));
}

TEST_CASE("nesting guard: columns count characters, and a byte-order mark is not one") {
    const auto deep = find_deep_nesting("\xEF\xBB\xBFx = {\"\xC3\xA9t\xC3\xA9\" = 1, a.b.c = 2}\n", 2);
    REQUIRE(deep.has_value());
    CHECK(deep->line == 1);
    CHECK(deep->column == 17);
}

TEST_CASE("nesting guard: the error names the key and where it is") {
    const Error key = deep_nesting_error(DeepNesting{40000, 40000, 2, 1}, "c.toml");
    CHECK(key.message() == "a key with 40000 dotted parts; anklog reads keys of at most 1000 parts");
    CHECK(key.where().to_string() == "c.toml:2:1");
    CHECK_FALSE(key.advice().empty());
    const Error nested = deep_nesting_error(DeepNesting{10, 1010, 3, 7}, "c.toml");
    CHECK(nested.message().find("nested 1010 parts deep") != std::string::npos);
    CHECK(nested.where().to_string() == "c.toml:3:7");
}

TEST_CASE("block split: the header, then one block per [[session]] or [[planned]], in file order") {
    const std::string text =
        "# my log\nversion = 1\n\n[profile]\nunits = \"kg\"\n\n"
        "[[session]]\ndate = 2026-11-18\nactivity = \"walk\"\n\n"
        "[[planned]]\ndate = 2026-11-20\n"
        "[[session]]\ndate = 2026-11-19\nnote = \"\"\"\n[[session]]\n\"\"\"\n";
    CHECK(blocks_of(text) ==
          std::vector<std::string>{
              "header:# my log\nversion = 1\n\n[profile]\nunits = \"kg\"\n\n",
              "session@7:[[session]]\ndate = 2026-11-18\nactivity = \"walk\"\n\n",
              "planned@11:[[planned]]\ndate = 2026-11-20\n",
              "session@13:[[session]]\ndate = 2026-11-19\nnote = \"\"\"\n[[session]]\n\"\"\"\n",
          });
    const auto split = split_log_blocks(text);
    CHECK(split->blocks[1].offset == text.find("[[planned]]"));
}

TEST_CASE("block split: a log without sessions is all header, and so is an empty text") {
    CHECK(blocks_of("version = 1\n[profile]\nunits = \"lb\"\n") ==
          std::vector<std::string>{"header:version = 1\n[profile]\nunits = \"lb\"\n"});
    CHECK(blocks_of("") == std::vector<std::string>{"header:"});
    CHECK(blocks_of("[[session]]") == std::vector<std::string>{"header:", "session@1:[[session]]"});
}

TEST_CASE("block split: [[session]] inside strings, comments and arrays is not a header") {
    const std::vector<std::string> texts{
        "[[session]]\nnote = '''\n[[session]]\n'''\n",
        "[[session]]\nnote = \"\"\"\n\\\"\"\"\n[[session]]\n\"\"\"\n",
        "[[session]]\nnote = \"\"\"a\"\"\"\"\"\nb = 1\n",
        "[[session]]\n# [[session]]\n#[[session]]\n",
        "[[session]]\nx = [\n[[1]],\n# [[session]]\n\"[[session]]\",\n]\n",
        "[[session]]\nx = \"[[session]]\"\ny = '[[session]]' # [[session]]\n",
    };
    for (const std::string& text : texts) {
        CAPTURE(text);
        CHECK(blocks_of(text).size() == 2);
    }
}

TEST_CASE("block split: indentation, CRLF, a BOM, blanks inside the brackets and comments after them") {
    CHECK(blocks_of("version = 1\r\n  [[session]]\r\n\tdate = 2026-11-18\r\n[[ planned ]] # next\r\n") ==
          std::vector<std::string>{"header:version = 1\r\n", "session@2:  [[session]]\r\n\tdate = 2026-11-18\r\n",
                                   "planned@4:[[ planned ]] # next\r\n"});
    // The BOM stays with the first part: toml++ skips it there as in the whole text.
    CHECK(blocks_of("\xEF\xBB\xBF[[session]]\nx = 1\n") ==
          std::vector<std::string>{"header:", "session@1:\xEF\xBB\xBF[[session]]\nx = 1\n"});
    CHECK(blocks_of("\xEF\xBB\xBFversion = 1\n[[session]]\n") ==
          std::vector<std::string>{"header:\xEF\xBB\xBFversion = 1\n", "session@2:[[session]]\n"});
}

TEST_CASE("block split: UTF-8 text in strings and comments is fine") {
    CHECK(blocks_of("[[session]]\nnote = \"caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80\" # \xE2\x80\xAE\n").size() == 2);
}

TEST_CASE("block split: a [table] header may end the header part when a blank line or a comment follows it") {
    CHECK(blocks_of("[profile]\n\n[[session]]\n").size() == 2);
    CHECK(blocks_of("[profile]\n# mine\n[[session]]\n").size() == 2);
}

TEST_CASE("block split: the header may hold any other tables and keys") {
    const std::string text =
        "version = 1\nprofile.units = \"kg\"\n[activities]\n\"kettle-swing\" = { kind = \"strength\", group = \"hips\" }\n"
        "[activities.\"x.y\"]\nkind = \"gait\"\n[rules]\noff = [\"monotony\",\n  \"pain\"]\nsession = 1\n"
        "[[other]]\nx = 1\n[[session]]\ndate = 2026-11-18\n";
    CHECK(blocks_of(text).size() == 2);
}

TEST_CASE("block split: a text with keys nested too deep falls back, so that the nesting guard reports them") {
    const std::string deep = dotted(max_key_depth);
    const std::string almost = dotted(max_key_depth - 1);
    CHECK(split_log_blocks("[" + almost + "]\nx = 1\n[[session]]\n"));  // 1,000 parts is allowed...
    CHECK_FALSE(split_log_blocks("[" + almost + "]\nx.y = 1\n[[session]]\n"));  // ...1,001 is not
    CHECK_FALSE(split_log_blocks("[" + deep + ".b]\n[[session]]\n"));
    CHECK_FALSE(split_log_blocks(deep + ".b = 1\n[[session]]\n"));
    CHECK_FALSE(split_log_blocks("[[session]]\nx = " + repeated("{" + dotted(10) + " = ", 100) + "1" +
                                 repeated("}", 100) + "\n"));
    CHECK(split_log_blocks("[[session]]\nx = " + repeated("{" + dotted(10) + " = ", 99) + "1" + repeated("}", 99) +
                           "\n"));
}

TEST_CASE("block split: any other shape falls back to parsing the whole text") {
    const std::vector<std::string> texts{
        // sessions that are not plain [[session]] blocks
        "session = [{date = 2026-11-18}]\n",
        "session.x = 1\n[[session]]\n",
        "\"session\" = 1\n[[session]]\n",
        "'planned' = []\n",
        "[session]\nx = 1\n",
        "[session.x]\n[[session]]\n",
        "[[session.x]]\n",
        "[[session]]\n[[session.x]]\n",
        "[[session]]\n[session.x]\n",
        "[[\"session\"]]\n",
        "[\"profile\"]\n[[session]]\n",
        // a table after the first block
        "[[session]]\ndate = 2026-11-18\n[profile]\nunits = \"lb\"\n",
        "[[planned]]\n[rules]\n",
        "[[session]]\n[[other]]\n",
        // toml++ puts an error of [[a.b]] (a is no table) at the next line: past a header part ending there
        "a = []\n[[a.b]]\n[[planned]]\n",
        "[profile]\n[[session]]\n",
        // dotted keys inside a block make sub-tables
        "[[session]]\na.b = 1\n",
        "[[session]]\n\"a\".b = 1\n",
        // invalid TOML: the whole parse reports it
        "[[session]]\nnote = \"open\n[[session]]\n",
        "[[session]]\nx = [1,\n",
        "[[session]]\nx = \"\"\"open\n",
        "[[session]] x = 1\n",
        "[[session]\n",
        "[ [session]]\n",
        "[[session]]\nx =\n",
        "[[session]]\nx = 1\r[[session]]\n",
        "[[session]]\nx = {a = 1,\nb = 2}\n",
        "= 1\n",
        "\xC2\xA0[[session]]\n",
        // toml++ places an encoding error by its 32-byte chunks: differently in a block
        "[[session]]\nnote = \"\xC3\"\n",
        "[[session]]\nnote = \"\xC0\xAF\"\n",
        "[[session]]\nnote = \"\xED\xA0\x80\"\n",
        "[[session]]\nnote = \"\xF4\x90\x80\x80\"\n",
        "[[session]]\n# \xE2\x82\n",
    };
    for (const std::string& text : texts) {
        CAPTURE(text);
        CHECK_FALSE(split_log_blocks(text).has_value());
    }
}

TEST_CASE("line comments: those that start a line, outside strings and values, with their lines") {
    const std::string text =
        "# top\n"
        "version = 1 # after a value\n"
        "  # indented\n"
        "[[session]]\n"
        "note = \"\"\"\n# in a string\n\"\"\"\n"
        "list = [\n# in a list\n1]\n"
        "# anklog plan for the week of 2026-11-23\r\n"
        "[[planned]]\n"
        "# last";
    const auto texts = [](const std::vector<LineComment>& comments) {
        std::vector<std::string> out;
        for (const LineComment& c : comments) out.push_back(std::to_string(c.line) + ":" + std::string(c.text));
        return out;
    };
    const std::vector<std::string> expected{"1:# top", "11:# anklog plan for the week of 2026-11-23\r", "13:# last"};
    CHECK(texts(find_line_comments(text)) == expected);
    const auto split = split_log_blocks(text);
    REQUIRE(split.has_value());
    CHECK(texts(split->line_comments) == expected);
    // A byte-order mark is not part of the first line's comment.
    CHECK(texts(find_line_comments("\xEF\xBB\xBF# after a byte-order mark\n# next\n")) == std::vector<std::string>{"2:# next"});
}

TEST_CASE("plain_log_header: the header when no later line starts another table") {
    const std::string header = "version = 1\n[profile]\nweights = [\"1 kg\"]\n[activities]\n";
    const std::string blocks = "[[session]]\nnote = \"[x]\"\n  [[ planned ]] # c\nx = 1\n";
    CHECK(plain_log_header(header + blocks) == header);
    CHECK(plain_log_header(header) == header);
    CHECK(plain_log_header("") == "");
    CHECK(plain_log_header(blocks) == "");
    CHECK_FALSE(plain_log_header(header + blocks + "[activities]\n"));
    CHECK_FALSE(plain_log_header(header + blocks + "  [\"activities\"]\n"));
    CHECK_FALSE(plain_log_header(header + blocks + "[[session.x]]\n"));
    CHECK_FALSE(plain_log_header(header + blocks + "x = [\n[1]]\n"));  // may be anything: the whole log is read
}
