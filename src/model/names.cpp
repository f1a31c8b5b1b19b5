#include "anklog/names.hpp"

namespace anklog {

std::string one_of(const std::vector<std::string>& names, std::string_view quote) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
        out += quote;
        out += names[i];
        out += quote;
    }
    return out;
}

}  // namespace anklog
