#include "undo/undo_record.hpp"

#include "undo/sha256.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cstddef>
#include <vector>

namespace anklog::storage {

namespace {

constexpr std::string_view first_line = "anklog undo record 1";

constexpr std::string_view change_names[] = {"created", "appended", "replaced", "undone"};

std::optional<std::uint64_t> number(std::string_view text) {
    std::uint64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size() || text.empty()) return std::nullopt;
    return value;
}

bool is_sha256(std::string_view text) {
    return text.size() == 64 && text.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

bool is_command(std::string_view text) {
    return !text.empty() && text.size() <= 40 && text.find_first_not_of("abcdefghijklmnopqrstuvwxyz -") == std::string_view::npos;
}

// "SIZE SHA256"
bool parse_state(std::string_view text, std::uint64_t& size, std::string& sha256) {
    const auto space = text.find(' ');
    if (space == std::string_view::npos) return false;
    const auto parsed = number(text.substr(0, space));
    if (!parsed || !is_sha256(text.substr(space + 1))) return false;
    size = *parsed;
    sha256 = std::string(text.substr(space + 1));
    return true;
}

}  // namespace

std::string_view to_string(Change change) { return change_names[static_cast<std::size_t>(change)]; }

std::string undo_record_name(std::string_view log_name) {
    constexpr std::size_t longest_name = 255;  // bytes in a file name
    constexpr std::string_view suffix = ".anklog-undo";
    if (1 + log_name.size() + suffix.size() <= longest_name) return fmt::format(".{}{}", log_name, suffix);
    // A name too long for that is cut short and followed by the SHA-256 of
    // the whole name, so that two logs whose names start alike never share a
    // record. Such a record does not end as a short name's does, so it is no
    // other log's either.
    constexpr std::string_view tag = ".anklog-undo-";
    const std::string hash = sha256_hex(log_name);
    return fmt::format(".{}{}{}", log_name.substr(0, longest_name - 1 - tag.size() - hash.size()), tag, hash);
}

std::string to_text(const UndoRecord& record) {
    std::string out = fmt::format("{}\n# How to revert anklog's last write to the log beside it ('anklog undo'). "
                                  "Safe to delete.\ncommand {}\nchange {}\nafter {} {}\n",
                                  first_line, record.command, to_string(record.change), record.after_size,
                                  record.after_sha256);
    if (record.change == Change::appended || record.change == Change::replaced) out += fmt::format("before {} {}\n", record.before_size, record.before_sha256);
    if (record.change == Change::replaced) out += fmt::format("backup {}\n", record.backup_number);
    return out;
}

std::optional<UndoRecord> parse_undo_record(std::string_view text) {
    std::vector<std::string_view> lines;
    while (!text.empty()) {
        const auto end = text.find('\n');
        if (end == std::string_view::npos) return std::nullopt;  // anklog ends every line
        lines.push_back(text.substr(0, end));
        text.remove_prefix(end + 1);
    }
    if (lines.size() < 4 || lines[0] != first_line || !lines[1].starts_with("# ")) return std::nullopt;
    UndoRecord record;
    bool has[5] = {};  // command, change, after, before, backup
    for (std::size_t i = 2; i < lines.size(); ++i) {
        const auto space = lines[i].find(' ');
        if (space == std::string_view::npos) return std::nullopt;
        const std::string_view key = lines[i].substr(0, space);
        const std::string_view value = lines[i].substr(space + 1);
        std::size_t slot = 0;
        if (key == "command" && is_command(value)) {
            record.command = std::string(value);
            slot = 0;
        } else if (key == "change") {
            bool known = false;
            for (std::size_t c = 0; c < std::size(change_names); ++c) {
                if (value == change_names[c]) {
                    record.change = static_cast<Change>(c);
                    known = true;
                }
            }
            if (!known) return std::nullopt;
            slot = 1;
        } else if (key == "after" && parse_state(value, record.after_size, record.after_sha256)) {
            slot = 2;
        } else if (key == "before" && parse_state(value, record.before_size, record.before_sha256)) {
            slot = 3;
        } else if (const auto backup = key == "backup" ? number(value) : std::nullopt; backup && *backup > 0) {
            record.backup_number = *backup;
            slot = 4;
        } else {
            return std::nullopt;
        }
        if (has[slot]) return std::nullopt;
        has[slot] = true;
    }
    const bool wants_before = record.change == Change::appended || record.change == Change::replaced;
    const bool wants_backup = record.change == Change::replaced;
    if (!has[0] || !has[1] || !has[2] || has[3] != wants_before || has[4] != wants_backup) return std::nullopt;
    return record;
}

}  // namespace anklog::storage
