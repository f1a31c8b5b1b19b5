#include "anklog/error.hpp"

#include <fmt/format.h>

namespace anklog {

std::string Location::to_string() const {
    if (file.empty()) return {};
    if (line <= 0) return file;
    if (column <= 0) return fmt::format("{}:{}", file, line);
    return fmt::format("{}:{}:{}", file, line, column);
}

}  // namespace anklog
