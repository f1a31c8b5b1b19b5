// Per-block parsing in isolation, against toml++ on the whole text: read a
// file, then one of
//   whole   toml++ parses the whole text (what parse_only does)
//   scan    anklog's block splitter only (which also bounds nesting)
//   blocks  scan, then toml++ parses the header and each block on its own,
//           one at a time (or as many consecutive blocks as fit in
//           CHUNK_BYTES of text), keeping nothing of them
// and print the number of [[session]] elements and the time of each step
// (after reading the file). bench.cpp runs it for time and peak memory.
#include <toml++/toml.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>

#include "anklog/toml_scan.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

std::size_t sessions_in(const toml::table& table) {
    const toml::array* sessions = table["session"].as_array();
    return sessions ? sessions->size() : 0;
}

int report_error(const toml::parse_error& e, int line_shift) {
    std::fprintf(stderr, "%d:%d: %.*s\n", static_cast<int>(e.source().begin.line) + line_shift,
                 static_cast<int>(e.source().begin.column), static_cast<int>(e.description().size()),
                 e.description().data());
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3 && argc != 4) {
        std::fprintf(stderr, "usage: anklog_scan_bench whole|scan|blocks FILE [CHUNK_BYTES]\n");
        return 2;
    }
    const std::size_t chunk_bytes = argc == 4 ? std::stoul(argv[3]) : 0;
    const std::string_view mode = argv[1];
    const std::string_view path = argv[2];
    std::string content(std::filesystem::file_size(argv[2]), '\0');
    std::FILE* file = std::fopen(argv[2], "rb");
    if (!file || std::fread(content.data(), 1, content.size(), file) != content.size()) return 2;
    std::fclose(file);

    auto start = Clock::now();
    if (mode == "whole") {
        try {
            const toml::table table = toml::parse(content, path);
            std::printf("%zu sessions; whole parse %.1f ms\n", sessions_in(table), ms_since(start));
        } catch (const toml::parse_error& e) {
            return report_error(e, 0);
        }
        return 0;
    }
    if (mode != "scan" && mode != "blocks") return 2;

    // As the parser does: the nesting guard only when the text is not split.
    const auto split = anklog::split_log_blocks(content);
    const double split_ms = ms_since(start);
    if (!split) {
        std::fprintf(stderr, "not a plain log: it would be parsed whole\n");
        return 2;
    }
    if (mode == "scan") {
        std::printf("%zu blocks; split %.1f ms\n", split->blocks.size(), split_ms);
        return 0;
    }

    start = Clock::now();
    std::size_t sessions = 0;
    try {
        (void)toml::parse(split->header, path);
    } catch (const toml::parse_error& e) {
        return report_error(e, 0);
    }
    // Consecutive blocks are adjacent in the text: toml++ may take several at
    // once, up to chunk_bytes of text, which saves its per-document overhead.
    const auto& blocks = split->blocks;
    for (std::size_t first = 0; first < blocks.size();) {
        std::size_t last = first + 1;
        std::size_t size = blocks[first].text.size();
        while (last < blocks.size() && size + blocks[last].text.size() <= chunk_bytes) size += blocks[last++].text.size();
        try {
            sessions += sessions_in(toml::parse(std::string_view(blocks[first].text.data(), size), path));
        } catch (const toml::parse_error& e) {
            return report_error(e, blocks[first].first_line - 1);
        }
        first = last;
    }
    std::printf("%zu sessions; split %.1f ms, block parses %.1f ms\n", sessions, split_ms, ms_since(start));
    return 0;
}
