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

void print_landed_change(bool color, bool after_error) {
    const char* landed = storage::landed_change();
    if (!landed) return;
    if (after_error) {
        fmt::print(stderr, "  {} the change was made before this error: {}\n", paint("note:", Tone::cyan, color),
                   terminal_safe(landed));
    } else {
        fmt::print(stderr, "anklog: {} the change was made: {}\n", paint("note:", Tone::cyan, color), terminal_safe(landed));
    }
}

}  // namespace anklog::cli
