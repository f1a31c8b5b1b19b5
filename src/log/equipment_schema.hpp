#pragma once
// [[equipment]] tables, internal to src/log/: read with the parser's own
// readers (so every error is located the same way) into Equipment items.
#include <toml++/toml.h>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "anklog/equipment.hpp"
#include "anklog/error.hpp"

namespace anklog::schema {

struct EquipmentReaders {
    std::function<Error(const toml::node&, std::string, std::string)> error_at;
    std::function<std::string(const toml::node&, std::string_view)> string_at;
    std::function<Mass(const toml::node&, std::string_view)> mass_at;
    std::function<const toml::array&(const toml::node&, std::string_view, std::string_view)> array_at;
    std::function<void(const toml::table&)> check_keys;
};

// The items of the top-level `equipment` node, in file order; throws the
// located Error error_at makes for the first problem.
std::vector<Equipment> read_equipment(const toml::node& node, const EquipmentReaders& read);

}  // namespace anklog::schema
