// The copies file sync tools leave beside a file that two devices changed.
#include <algorithm>
#include <system_error>

#include "log_file.hpp"

namespace anklog::storage {

namespace {

namespace fs = std::filesystem;

// Which tool names its copies so, for `name` (log.toml): Syncthing's
// log.sync-conflict-DATE-TIME-DEVICE.toml, Dropbox's "log (NAME's conflicted
// copy DATE).toml", and "log (conflict ...).toml" (Nextcloud, others).
std::string_view tool_of(std::string_view candidate, std::string_view stem, std::string_view extension) {
    if (candidate.size() <= stem.size() + extension.size() || !candidate.starts_with(stem) ||
        !candidate.ends_with(extension)) {
        return {};
    }
    const std::string_view middle = candidate.substr(stem.size(), candidate.size() - stem.size() - extension.size());
    if (middle.starts_with(".sync-conflict-")) return "Syncthing";
    if (middle.starts_with(" (") && middle.ends_with(")")) {
        if (middle.find("conflicted copy") != std::string_view::npos) return "Dropbox";
        if (middle.starts_with(" (conflict")) return "a sync tool";
    }
    return {};
}

}  // namespace

std::vector<ConflictCopy> sync_conflict_copies(const fs::path& log) {
    std::vector<ConflictCopy> copies;
    const std::string stem = log.stem().string();
    const std::string extension = log.extension().string();
    if (stem.empty()) return copies;
    std::error_code error;
    const fs::path folder = log.parent_path().empty() ? fs::path(".") : log.parent_path();
    for (fs::directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
        const std::string name = it->path().filename().string();
        const std::string_view tool = tool_of(name, stem, extension);
        if (!tool.empty()) copies.push_back(ConflictCopy{log.parent_path() / name, std::string(tool)});
    }
    std::sort(copies.begin(), copies.end(), [](const ConflictCopy& a, const ConflictCopy& b) { return a.path < b.path; });
    return copies;
}

}  // namespace anklog::storage
