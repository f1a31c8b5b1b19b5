#pragma once
// Importing another app's CSV export (Strong, Hevy, FitNotes) as sessions:
// a pure function of the text, the log's catalogue and unit, and the
// options. Reading the file and writing the log are the command's.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "anklog/log.hpp"
#include "anklog/error.hpp"
#include "anklog/mass.hpp"
#include "anklog/names.hpp"
#include "anklog/session.hpp"

namespace anklog {

enum class ImportFormat { strong, hevy, fitnotes };
inline constexpr NameTable import_format_names{std::array{Named<ImportFormat>{ImportFormat::strong, "strong"},
                                                          Named<ImportFormat>{ImportFormat::hevy, "hevy"},
                                                          Named<ImportFormat>{ImportFormat::fitnotes, "fitnotes"}}};

// An exercise name of the app mapped to an anklog activity, or to "-":
// rows of that exercise are left out (and counted).
struct ExerciseMapping {
    std::string exercise;
    std::string activity;
    Limb on = Limb::ankle;  // "NAME=walk@wrist": where the app's weight was worn
};
inline constexpr std::string_view skip_activity = "-";

// "Lateral Leg Raise=side-leg-lift", "Walking=walk@wrist"; throws anklog::Error (located at
// `where`) when there is no '=' or a side is empty.
ExerciseMapping parse_mapping(std::string_view text, const Location& where);
// A mapping file: one NAME=activity a line; blank lines and # comments
// ignored. Errors are located at file:line.
std::vector<ExerciseMapping> parse_mapping_file(std::string_view text, const std::string& file);

struct ImportOptions {
    std::optional<ImportFormat> format;  // nullopt: recognised from the header
    std::vector<ExerciseMapping> mappings;
    bool pair = false;  // the exported weight is the pair's: halved
    Unit profile_unit = Unit::kg;  // for an export without a unit column
    std::string file;  // where errors and problems are located
};

struct ImportedSession {
    Session session;  // line: 0 (not yet in the log)
    int first_line = 0;  // the CSV lines of its sets
    int last_line = 0;
};

// An exercise name with no activity: its first line and a suggestion.
struct UnmappedExercise {
    std::string exercise;
    int line = 0;
    int column = 0;
    int rows = 0;
    std::optional<std::string> suggestion;
};

// A session that cannot be imported (it would not pass the log's
// validation), at the CSV line of its first set.
struct ImportProblem {
    int line = 0;
    std::string message;
};

struct ImportResult {
    ImportFormat format = ImportFormat::strong;
    std::string form;  // "comma form", "semicolon form", "iOS form", ...
    std::optional<Unit> unit;  // of the export's weights; nullopt when it has none
    bool unit_from_profile = false;  // the export names no unit: the profile's
    bool pair = false;
    bool rounded = false;  // some weight was rounded to anklog's precision
    std::vector<ImportedSession> sessions;
    std::vector<UnmappedExercise> unmapped;
    std::vector<ImportProblem> problems;
    int rows = 0;  // data rows read
    int warmup_rows = 0;
    int rest_rows = 0;
    int note_rows = 0;
    int left_out_rows = 0;  // of exercises mapped to "-"
};

// Throws anklog::Error at file:line:col for CSV that is malformed or not an
// export anklog knows; what cannot be imported is in the result.
ImportResult import_csv(std::string_view text, const Catalogue& catalogue, const ImportOptions& options);

// The same session as far as a duplicate goes: date, activity, placement,
// weight and dose.
bool same_session(const Session& a, const Session& b);

}  // namespace anklog
