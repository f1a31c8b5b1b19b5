#include "write_warnings.hpp"

#include <fmt/format.h>

#include "render/output.hpp"

namespace anklog::cli {

void print_write_warnings(const storage::UpdateResult& result, const std::string& shown, std::string_view done,
                          bool color) {
    if (!result.not_durable.empty()) {
        print_warning(fmt::format("{}: {} but may not survive a power cut: {}", shown, done, result.not_durable), color);
    }
    if (!result.undo_not_recorded.empty()) print_warning(shown + ": " + result.undo_not_recorded, color);
}

}  // namespace anklog::cli
