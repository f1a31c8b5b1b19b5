// Three-way merge of a log's text: the header and the blocks of each version
// are units; the units each side kept of the base are found by a longest
// common subsequence of their texts (blank lines around them aside), the rest
// are each side's changes (hunks), and changes of the two sides that touch
// the same units of the base are one region: the same change once, else a
// conflict. Insertions at one place never conflict: both are kept.
#include "anklog/log_merge.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "anklog/toml_scan.hpp"

namespace anklog {

namespace {

struct Unit {
    std::string_view text;  // from the end of the previous unit's last line that is not blank or a comment
    std::string_view key;   // the text without the blank lines around it
    BlockKind kind = BlockKind::session;
};

struct Units {
    Unit header;
    std::vector<Unit> blocks;
};

std::string_view trimmed(std::string_view text) {
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    const std::size_t last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

// The start of the line before the one starting at `pos` (pos > 0, at a line start).
std::size_t previous_line_start(std::string_view text, std::size_t pos) {
    const std::size_t newline = pos >= 2 ? text.rfind('\n', pos - 2) : std::string_view::npos;
    return newline == std::string_view::npos ? 0 : newline + 1;
}

bool blank_or_comment(std::string_view line) {
    const std::size_t first = line.find_first_not_of(" \t\r\n");
    return first == std::string_view::npos || line[first] == '#';
}

// The header and the blocks, each block with the blank and comment lines just
// above its header line (a plan's "# anklog plan for the week of" line is
// the first line of its first [[planned]] block); nullopt when the text is
// not of the plain shape.
std::optional<Units> split_units(std::string_view text) {
    const std::optional<LogBlocks> split = split_log_blocks(text);
    if (!split) return std::nullopt;
    std::vector<std::size_t> starts;
    starts.reserve(split->blocks.size());
    std::size_t floor = 0;  // a unit starts after the previous block's header line
    for (const LogBlock& block : split->blocks) {
        std::size_t start = block.offset;
        while (start > floor) {
            const std::size_t line = previous_line_start(text, start);
            if (line < floor || !blank_or_comment(text.substr(line, start - line))) break;
            start = line;
        }
        starts.push_back(start);
        const std::size_t header_end = text.find('\n', block.offset);
        floor = header_end == std::string_view::npos ? text.size() : header_end + 1;
    }
    Units units;
    const std::size_t header_end = starts.empty() ? text.size() : starts.front();
    units.header.text = text.substr(0, header_end);
    units.header.key = trimmed(units.header.text);
    for (std::size_t i = 0; i < starts.size(); ++i) {
        const std::size_t end = i + 1 < starts.size() ? starts[i + 1] : text.size();
        const std::string_view unit = text.substr(starts[i], end - starts[i]);
        units.blocks.push_back(Unit{unit, trimmed(unit), split->blocks[i].kind});
    }
    return units;
}

// Base units [base_lo, base_hi) became the side's units [side_lo, side_hi).
struct Hunk {
    std::size_t base_lo = 0;
    std::size_t base_hi = 0;
    std::size_t side_lo = 0;
    std::size_t side_hi = 0;
};

// The longest common subsequence is computed in full only for a middle part
// (after the common start and end) of at most this many pairs; a bigger
// middle is one change. Two devices' changes between syncs are small.
constexpr std::uint64_t max_lcs_cells = std::uint64_t{4} << 20;

std::vector<Hunk> diff(const std::vector<Unit>& base, const std::vector<Unit>& side) {
    std::size_t prefix = 0;
    while (prefix < base.size() && prefix < side.size() && base[prefix].key == side[prefix].key) ++prefix;
    std::size_t suffix = 0;
    while (suffix < base.size() - prefix && suffix < side.size() - prefix &&
           base[base.size() - 1 - suffix].key == side[side.size() - 1 - suffix].key) {
        ++suffix;
    }
    const std::size_t n = base.size() - prefix - suffix;
    const std::size_t m = side.size() - prefix - suffix;
    std::vector<Hunk> hunks;
    if (n == 0 && m == 0) return hunks;
    if (n == 0 || m == 0 || std::uint64_t{n + 1} * (m + 1) > max_lcs_cells) {
        hunks.push_back(Hunk{prefix, prefix + n, prefix, prefix + m});
        return hunks;
    }
    // lcs[i][j]: the length of the LCS of base[prefix+i..] and side[prefix+j..].
    std::vector<std::uint32_t> lcs((n + 1) * (m + 1), 0);
    const auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t& { return lcs[i * (m + 1) + j]; };
    for (std::size_t i = n; i-- > 0;) {
        for (std::size_t j = m; j-- > 0;) {
            at(i, j) = base[prefix + i].key == side[prefix + j].key ? at(i + 1, j + 1) + 1
                                                                   : std::max(at(i + 1, j), at(i, j + 1));
        }
    }
    std::size_t i = 0;
    std::size_t j = 0;
    std::size_t from_i = 0;
    std::size_t from_j = 0;
    const auto close = [&] {
        if (i != from_i || j != from_j) hunks.push_back(Hunk{prefix + from_i, prefix + i, prefix + from_j, prefix + j});
    };
    while (i < n && j < m) {
        if (base[prefix + i].key == side[prefix + j].key) {
            close();
            from_i = ++i;
            from_j = ++j;
        } else if (at(i + 1, j) >= at(i, j + 1)) {
            ++i;
        } else {
            ++j;
        }
    }
    i = n;
    j = m;
    close();
    return hunks;
}

class Merger {
public:
    Merger(const Units& base, const Units& ours, const Units& theirs) : base_(base), ours_(ours), theirs_(theirs) {}

    MergedLog merge() {
        merge_header();
        const std::vector<Hunk> ours = diff(base_.blocks, ours_.blocks);
        const std::vector<Hunk> theirs = diff(base_.blocks, theirs_.blocks);
        std::size_t next_ours = 0;
        std::size_t next_theirs = 0;
        std::size_t pos = 0;  // base units before it are merged
        while (next_ours < ours.size() || next_theirs < theirs.size()) {
            const bool ours_first = next_theirs == theirs.size() ||
                                    (next_ours < ours.size() && before(ours[next_ours], theirs[next_theirs]));
            const Hunk& first = ours_first ? ours[next_ours] : theirs[next_theirs];
            for (; pos < first.base_lo; ++pos) emit(base_.blocks[pos]);
            std::size_t lo = first.base_lo;
            std::size_t hi = first.base_hi;
            const std::size_t ours_from = next_ours;
            const std::size_t theirs_from = next_theirs;
            bool grew = true;
            while (grew) {
                grew = false;
                for (; next_ours < ours.size() && touches(ours[next_ours], lo, hi); ++next_ours, grew = true) {
                    hi = std::max(hi, ours[next_ours].base_hi);
                }
                for (; next_theirs < theirs.size() && touches(theirs[next_theirs], lo, hi); ++next_theirs, grew = true) {
                    hi = std::max(hi, theirs[next_theirs].base_hi);
                }
            }
            const std::span<const Hunk> ours_region(ours.data() + ours_from, next_ours - ours_from);
            const std::span<const Hunk> theirs_region(theirs.data() + theirs_from, next_theirs - theirs_from);
            merge_region(lo, hi, ours_region, theirs_region);
            pos = hi;
        }
        for (; pos < base_.blocks.size(); ++pos) emit(base_.blocks[pos]);
        return std::move(merged_);
    }

private:
    // Insertions come before a change that starts at the same unit.
    static bool before(const Hunk& a, const Hunk& b) {
        return a.base_lo != b.base_lo ? a.base_lo < b.base_lo : a.base_hi <= b.base_hi;
    }

    // Whether `h` belongs to the region of base units [lo, hi): it changes a
    // unit of it, or it inserts at the same place as the region (an insertion
    // region) or strictly inside it.
    static bool touches(const Hunk& h, std::size_t lo, std::size_t hi) {
        if (lo == hi) return h.base_lo == lo && h.base_hi == lo;
        if (h.base_lo == h.base_hi) return lo < h.base_lo && h.base_lo < hi;
        return std::max(lo, h.base_lo) < std::min(hi, h.base_hi);
    }

    // The side's version of base units [lo, hi), given its hunks there.
    std::vector<Unit> version(const Units& side, std::span<const Hunk> hunks, std::size_t lo, std::size_t hi) const {
        std::vector<Unit> units;
        std::size_t pos = lo;
        for (const Hunk& h : hunks) {
            for (; pos < h.base_lo; ++pos) units.push_back(base_.blocks[pos]);
            for (std::size_t j = h.side_lo; j < h.side_hi; ++j) units.push_back(side.blocks[j]);
            pos = std::max(pos, h.base_hi);
        }
        for (; pos < hi; ++pos) units.push_back(base_.blocks[pos]);
        return units;
    }

    void merge_region(std::size_t lo, std::size_t hi, std::span<const Hunk> ours, std::span<const Hunk> theirs) {
        std::vector<Unit> mine = version(ours_, ours, lo, hi);
        std::vector<Unit> other = version(theirs_, theirs, lo, hi);
        if (theirs.empty() || ours.empty() || same(mine, other)) {
            for (const Unit& unit : ours.empty() ? other : mine) emit(unit);
            return;
        }
        if (lo == hi) {
            // Both added here: ours, then theirs that ours did not add too.
            for (const Unit& unit : mine) emit(unit);
            std::vector<bool> matched(mine.size(), false);
            for (const Unit& unit : other) {
                bool duplicate = false;
                for (std::size_t k = 0; k < mine.size() && !duplicate; ++k) {
                    if (!matched[k] && mine[k].key == unit.key) duplicate = matched[k] = true;
                }
                if (!duplicate) emit(unit);
            }
            return;
        }
        conflict(describe(lo, hi, mine, other), mine, other);
    }

    static bool same(const std::vector<Unit>& a, const std::vector<Unit>& b) {
        return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                          [](const Unit& x, const Unit& y) { return x.key == y.key; });
    }

    std::string describe(std::size_t lo, std::size_t hi, const std::vector<Unit>& mine,
                         const std::vector<Unit>& other) const {
        const BlockKind kind = base_.blocks[lo].kind;
        const bool one = hi - lo == 1;
        const std::string_view what = kind == BlockKind::planned ? (one ? "planned session" : "planned sessions")
                                      : kind == BlockKind::pain  ? (one ? "pain check" : "pain checks")
                                      : kind == BlockKind::prescription ? (one ? "prescription" : "prescriptions")
                                                                 : (one ? "session" : "sessions");
        const std::string_view these = one ? "this" : "these";
        if (mine.empty() || other.empty()) {
            return fmt::format("one device changed {0} {1}, the other deleted {2}", these, what, one ? "it" : "them");
        }
        return fmt::format("both devices changed {} {}", these, what);
    }

    void merge_header() {
        const Unit& base = base_.header;
        const Unit& ours = ours_.header;
        const Unit& theirs = theirs_.header;
        if (ours.key == theirs.key || theirs.key == base.key) {
            emit(ours);
        } else if (ours.key == base.key) {
            emit(theirs);
        } else {
            conflict("both devices changed the profile", {ours}, {theirs});
        }
    }

    void emit(const Unit& unit) {
        if (!merged_.text.empty() && merged_.text.back() != '\n') merged_.text += '\n';
        merged_.text += unit.text;
    }

    void conflict(std::string_view what, const std::vector<Unit>& mine, const std::vector<Unit>& other) {
        std::string& out = merged_.text;
        if (!out.empty() && !out.ends_with('\n')) out += '\n';
        if (!out.empty() && !out.ends_with("\n\n")) out += '\n';
        out += fmt::format("{}{}; keep one side and delete the marker lines\n", conflict_comment_prefix, what);
        out += "<<<<<<< ours\n";
        side(mine);
        out += "=======\n";
        side(other);
        out += ">>>>>>> theirs\n";
        ++merged_.conflicts;
    }

    void side(const std::vector<Unit>& units) {
        bool first = true;
        for (const Unit& unit : units) {
            if (unit.key.empty()) continue;
            if (!first) merged_.text += '\n';
            first = false;
            merged_.text += unit.key;
            merged_.text += '\n';
        }
    }

    const Units& base_;
    const Units& ours_;
    const Units& theirs_;
    MergedLog merged_;
};

}  // namespace

MergedLog merge_logs(std::string_view base, std::string_view ours, std::string_view theirs) {
    const std::optional<Units> base_units = split_units(base);
    const std::optional<Units> ours_units = split_units(ours);
    const std::optional<Units> theirs_units = split_units(theirs);
    if (base_units && ours_units && theirs_units) return Merger(*base_units, *ours_units, *theirs_units).merge();
    // Not of the plain shape: whole texts.
    if (ours == theirs || theirs == base) return MergedLog{std::string(ours), 0};
    if (ours == base) return MergedLog{std::string(theirs), 0};
    MergedLog merged;
    merged.text = fmt::format("{}both devices changed the log; keep one side and delete the marker lines\n"
                              "<<<<<<< ours\n{}\n=======\n{}\n>>>>>>> theirs\n",
                              conflict_comment_prefix, trimmed(ours), trimmed(theirs));
    merged.conflicts = 1;
    return merged;
}

std::optional<MergeConflict> find_merge_conflict(std::string_view text) {
    std::size_t pos = 0;
    std::string_view previous;
    int line = 1;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view current = text.substr(pos, end - pos);
        if (current.starts_with("<<<<<<<")) {
            MergeConflict conflict{line, "the log holds the marker lines of a merge conflict"};
            if (previous.starts_with(conflict_comment_prefix)) {
                std::string_view what = previous.substr(conflict_comment_prefix.size());
                what = what.substr(0, what.find(';'));
                conflict.what = std::string(what);
            }
            return conflict;
        }
        previous = current;
        pos = end + 1;
        ++line;
    }
    return std::nullopt;
}

}  // namespace anklog
