#pragma once
// One name table per enum: it drives to_string, parsing, "did you mean" and
// the command line's choices, so that a name is written down once.
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace anklog {

template <typename Enum>
struct Named {
    Enum value;
    std::string_view name;
};

template <typename Enum, std::size_t N>
class NameTable {
public:
    constexpr explicit NameTable(std::array<Named<Enum>, N> entries) : entries_(entries) {}

    [[nodiscard]] constexpr std::string_view name(Enum value) const {
        for (const auto& entry : entries_) {
            if (entry.value == value) return entry.name;
        }
        return entries_.front().name;  // unreachable for a complete table
    }

    [[nodiscard]] constexpr std::optional<Enum> parse(std::string_view text) const {
        for (const auto& entry : entries_) {
            if (entry.name == text) return entry.value;
        }
        return std::nullopt;
    }

    // Every name, in table order: for suggestions and the command line's choices.
    [[nodiscard]] std::vector<std::string> names() const {
        std::vector<std::string> out;
        out.reserve(N);
        for (const auto& entry : entries_) out.emplace_back(entry.name);
        return out;
    }

    [[nodiscard]] constexpr const std::array<Named<Enum>, N>& entries() const { return entries_; }

private:
    std::array<Named<Enum>, N> entries_;
};

// "a, b or c" for advice that lists every name.
std::string one_of(const std::vector<std::string>& names, std::string_view quote = "");

}  // namespace anklog
