#pragma once
// Failing CHECKs on lists of strings show the lists, one item after another.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <string>
#include <vector>

namespace doctest {
template <>
struct StringMaker<std::vector<std::string>> {
    static String convert(const std::vector<std::string>& items) {
        return String(fmt::format("[{}]", fmt::join(items, "\n | ")).c_str());
    }
};
}  // namespace doctest
