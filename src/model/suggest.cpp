#include "anklog/suggest.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace anklog {

namespace {

// Optimal string alignment distance: edits plus adjacent transpositions,
// case-insensitive, so "minuts", "mintues" and "Minutes" are all one away.
std::size_t edit_distance(std::string_view a, std::string_view b) {
    const auto lower = [](char c) { return std::tolower(static_cast<unsigned char>(c)); };
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) && lower(a[i - 2]) == lower(b[j - 1])) {
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
            }
        }
    }
    return d[a.size()][b.size()];
}

std::string lowercase(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// What a word may be an inflection of: "calf-raises" -> "calf-raise",
// "lunges" -> "lunge", "walking" -> "walk", "hiking" -> "hike", "running" ->
// "run", "walked" -> "walk". Names are written in their base form, and these
// forms are too far from it for a typo ("walking" is 3 edits from "walk").
std::vector<std::string> base_forms(std::string_view word) {
    const std::string w = lowercase(word);
    std::vector<std::string> out;
    const auto strip = [&](std::string_view suffix) {
        if (w.size() < suffix.size() + 2 || !w.ends_with(suffix)) return;
        const std::string base = w.substr(0, w.size() - suffix.size());
        out.push_back(base);
        if (suffix == "ing" || suffix == "ed") {
            out.push_back(base + "e");  // hiking -> hike, danced -> dance
            if (base[base.size() - 1] == base[base.size() - 2]) out.push_back(base.substr(0, base.size() - 1));  // running -> run
        }
    };
    for (const std::string_view suffix : {"s", "es", "ing", "ed"}) strip(suffix);
    return out;
}

}  // namespace

std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string>& candidates) {
    // Long words tolerate more typos; very different lengths never match.
    if (word.size() > 64) return std::nullopt;
    for (const std::string& base : base_forms(word)) {
        for (const auto& candidate : candidates) {
            if (lowercase(candidate) == base) return candidate;
        }
    }
    const std::size_t allowed = std::max<std::size_t>(1, std::min<std::size_t>(3, word.size() / 3));
    std::optional<std::string> best;
    std::size_t best_distance = allowed + 1;
    for (const auto& candidate : candidates) {
        const std::size_t distance = edit_distance(word, candidate);
        if (distance < best_distance) {
            best_distance = distance;
            best = candidate;
        }
    }
    return best;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates,
                         std::string fallback) {
    if (auto match = closest_match(word, candidates)) return fmt::format("did you mean '{}'?", *match);
    return fallback;
}

}  // namespace anklog
