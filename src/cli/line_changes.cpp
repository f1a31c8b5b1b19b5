#include "line_changes.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "render/output.hpp"

namespace anklog::cli {

namespace {

std::vector<std::string_view> lines_of(std::string_view text) {
    std::vector<std::string_view> lines;
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        std::string_view line = text.substr(0, end);
        if (line.ends_with('\r')) line.remove_suffix(1);
        lines.push_back(line);
        if (end == std::string_view::npos) break;
        text.remove_prefix(end + 1);
    }
    return lines;
}

struct Edit {
    char sign;          // '-' or '+'
    std::size_t line;   // 1-based line in `from` it is at (or before)
    std::string_view text;
};

// The edits that turn a[0..n) into b[0..m) (a longest common subsequence;
// past `budget` cells, all of a removed and all of b added).
std::vector<Edit> edits(const std::vector<std::string_view>& a, std::size_t a_first,
                        const std::vector<std::string_view>& b, std::size_t b_first, std::size_t n, std::size_t m) {
    std::vector<Edit> out;
    constexpr std::size_t budget = 4'000'000;
    if (n == 0 || m == 0 || n * m > budget) {
        for (std::size_t i = 0; i < n; ++i) out.push_back({'-', a_first + i + 1, a[a_first + i]});
        for (std::size_t j = 0; j < m; ++j) out.push_back({'+', a_first + n + 1, b[b_first + j]});
        return out;
    }
    // common[i][j]: the longest common subsequence of a[i..n) and b[j..m).
    std::vector<std::vector<unsigned>> common(n + 1, std::vector<unsigned>(m + 1, 0));
    for (std::size_t i = n; i-- > 0;) {
        for (std::size_t j = m; j-- > 0;) {
            common[i][j] = a[a_first + i] == b[b_first + j] ? common[i + 1][j + 1] + 1
                                                            : std::max(common[i + 1][j], common[i][j + 1]);
        }
    }
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a[a_first + i] == b[b_first + j]) {
            ++i;
            ++j;
        } else if (j < m && (i == n || common[i][j + 1] >= common[i + 1][j])) {
            out.push_back({'+', a_first + i + 1, b[b_first + j]});
            ++j;
        } else {
            out.push_back({'-', a_first + i + 1, a[a_first + i]});
            ++i;
        }
    }
    // Within a group, removed lines read best before the added ones.
    std::stable_sort(out.begin(), out.end(), [](const Edit& x, const Edit& y) {
        return x.line < y.line || (x.line == y.line && x.sign == '-' && y.sign == '+');
    });
    return out;
}

// How many lines `text` holds before `end` (an offset just past a '\n', or 0).
std::size_t lines_before(std::string_view text, std::size_t end) {
    return static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(end), '\n'));
}

}  // namespace

std::string describe_changes(std::string_view from, std::string_view to, std::size_t longest) {
    // The whole lines both texts start and end with are found on bytes
    // first: a log of 100,000 sessions is not split into lines for a change
    // to one of them.
    std::size_t head = static_cast<std::size_t>(
        std::mismatch(from.begin(), from.end(), to.begin(), to.end()).first - from.begin());
    while (head > 0 && from[head - 1] != '\n') --head;
    std::size_t tail = 0;
    const std::size_t most = std::min(from.size(), to.size()) - head;
    while (tail < most && from[from.size() - 1 - tail] == to[to.size() - 1 - tail]) ++tail;
    const auto line_start = [](std::string_view text, std::size_t at) { return at == 0 || text[at - 1] == '\n'; };
    while (tail > 0 && !(line_start(from, from.size() - tail) && line_start(to, to.size() - tail))) --tail;
    const std::size_t offset = lines_before(from, head);
    const std::vector<std::string_view> a = lines_of(from.substr(head, from.size() - head - tail));
    const std::vector<std::string_view> b = lines_of(to.substr(head, to.size() - head - tail));

    std::size_t prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
    std::size_t suffix = 0;
    while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
           a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix]) {
        ++suffix;
    }
    std::vector<Edit> changes = edits(a, prefix, b, prefix, a.size() - prefix - suffix, b.size() - prefix - suffix);
    for (Edit& edit : changes) edit.line += offset;
    std::string out;
    std::size_t shown = 0;
    std::size_t group_end = 0;  // the last `from` line the group shown so far touches
    for (const Edit& edit : changes) {
        if (shown == longest) {
            out += fmt::format("... and {} more changed line{}\n", changes.size() - shown,
                               changes.size() - shown == 1 ? "" : "s");
            break;
        }
        // A new group unless this edit continues the last one.
        if (shown == 0 || edit.line > group_end) out += fmt::format("{}line {}:\n", shown > 0 ? "\n" : "", edit.line);
        out += edit.text.empty() ? fmt::format("{}\n", edit.sign) : fmt::format("{} {}\n", edit.sign, terminal_safe(edit.text));
        group_end = std::max(group_end, edit.sign == '-' ? edit.line + 1 : edit.line);
        ++shown;
    }
    return out;
}

}  // namespace anklog::cli
