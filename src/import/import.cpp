#include "anklog/import.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <map>
#include <unordered_map>

#include "anklog/date.hpp"
#include "anklog/error.hpp"
#include "anklog/limits.hpp"
#include "anklog/suggest.hpp"
#include "csv.hpp"

namespace anklog {

using import_detail::CsvRow;

namespace {

std::string lowercase(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.remove_suffix(1);
    return text;
}

enum class RowKind { work, warmup, rest, note };

// One row of any export, read.
struct SetRow {
    int line = 0;
    RowKind kind = RowKind::work;
    Date date{};
    std::string workout;   // what tells one workout from another
    std::string exercise;
    int exercise_column = 0;
    std::optional<double> weight;
    std::optional<Unit> unit;
    std::optional<double> reps;
    std::optional<double> seconds;
    std::optional<double> rpe;
    std::string note;
};

// The columns of the header, by lowercase name.
class Header {
public:
    explicit Header(const CsvRow& row) {
        for (std::size_t i = 0; i < row.fields.size(); ++i) index_.emplace(lowercase(trim(row.fields[i].text)), i);
    }
    [[nodiscard]] std::optional<std::size_t> find(std::string_view name) const {
        const auto it = index_.find(std::string(name));
        if (it == index_.end()) return std::nullopt;
        return it->second;
    }
    [[nodiscard]] bool has(std::string_view name) const { return find(name).has_value(); }

private:
    std::map<std::string, std::size_t, std::less<>> index_;
};

struct Reader {
    const CsvRow* row = nullptr;
    const std::string* file = nullptr;
    char delimiter = ',';

    [[nodiscard]] std::string_view text(std::optional<std::size_t> column) const {
        if (!column || *column >= row->fields.size()) return {};
        return trim(row->fields[*column].text);
    }
    [[nodiscard]] Location at(std::optional<std::size_t> column) const {
        const int col = column && *column < row->fields.size() ? row->fields[*column].column : 0;
        return Location{*file, row->line, col};
    }
    // A decimal number, "" as nullopt; with semicolons between fields, a
    // decimal comma too.
    [[nodiscard]] std::optional<double> number(std::optional<std::size_t> column, std::string_view what) const {
        std::string value(text(column));
        if (value.empty()) return std::nullopt;
        if (delimiter == ';') std::replace(value.begin(), value.end(), ',', '.');
        double out = 0;
        const char* end = value.data() + value.size();
        const auto [ptr, ec] = std::from_chars(value.data(), end, out, std::chars_format::fixed);
        if (ec != std::errc{} || ptr != end || !std::isfinite(out) || out < 0 || value.front() == '-' || value.front() == '+') {
            throw Error(fmt::format("{} \"{}\" is not a number", what, value),
                        "the export's numbers are written like 12 or 2.5", at(column));
        }
        return out;
    }
};

// "5 Oct 2026, 08:00" (Hevy), or an ISO date at the start ("2026-10-05 08:00:00").
std::optional<Date> parse_export_date(std::string_view text) {
    if (text.size() >= 10) {
        if (auto iso = parse_iso_date(text.substr(0, 10))) return iso;
    }
    static constexpr std::array<std::string_view, 12> months{"jan", "feb", "mar", "apr", "may", "jun",
                                                             "jul", "aug", "sep", "oct", "nov", "dec"};
    const std::size_t space = text.find(' ');
    if (space == std::string_view::npos || space == 0 || space > 2) return std::nullopt;
    int day = 0;
    if (std::from_chars(text.data(), text.data() + space, day).ptr != text.data() + space) return std::nullopt;
    std::string_view rest = text.substr(space + 1);
    if (rest.size() < 8) return std::nullopt;
    const std::string month = lowercase(rest.substr(0, 3));
    const auto m = std::find(months.begin(), months.end(), month);
    if (m == months.end()) return std::nullopt;
    const std::size_t year_at = rest.find(' ');
    if (year_at == std::string_view::npos || rest.size() < year_at + 5) return std::nullopt;
    int year = 0;
    const char* y = rest.data() + year_at + 1;
    if (std::from_chars(y, y + 4, year).ptr != y + 4) return std::nullopt;
    const Date date{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(m - months.begin() + 1)},
                    std::chrono::day{static_cast<unsigned>(day)}};
    if (!date.ok()) return std::nullopt;
    return date;
}

// "0:20:00", "20:00" or seconds.
std::optional<double> parse_duration(const Reader& reader, std::optional<std::size_t> column) {
    const std::string_view text = reader.text(column);
    if (text.find(':') == std::string_view::npos) return reader.number(column, "the time");
    double total = 0;
    std::size_t start = 0;
    for (;;) {
        const std::size_t colon = text.find(':', start);
        const std::string_view part = text.substr(start, colon == std::string_view::npos ? colon : colon - start);
        int value = 0;
        if (part.empty() || std::from_chars(part.data(), part.data() + part.size(), value).ptr != part.data() + part.size() ||
            value < 0) {
            throw Error(fmt::format("the time \"{}\" is not h:mm:ss", text), "times are written like 0:20:00",
                        reader.at(column));
        }
        total = total * 60 + value;
        if (colon == std::string_view::npos) break;
        start = colon + 1;
    }
    return total;
}

std::optional<Unit> unit_named(std::string_view text) { return parse_unit(trim(text)); }

[[noreturn]] void missing_column(std::string_view app, std::string_view column, const std::string& file) {
    throw Error(fmt::format("this is not a {} export: the header has no \"{}\" column", app, column),
                "export the workouts again from the app, or name the right one with --from", Location{file, 1});
}

std::size_t need(const Header& header, std::string_view name, std::string_view app, const std::string& file) {
    if (auto at = header.find(name)) return *at;
    missing_column(app, name, file);
}

std::string join_notes(std::string_view a, std::string_view b) {
    if (a.empty()) return std::string(b);
    if (b.empty()) return std::string(a);
    return fmt::format("{}; {}", a, b);
}

// The export's rows, read by its header.
struct Parsed {
    ImportFormat format = ImportFormat::strong;
    std::string form;
    std::optional<Unit> unit;
    bool unit_from_profile = false;
    std::vector<SetRow> rows;
};

ImportFormat recognise(const Header& header, const std::optional<ImportFormat>& insisted, const std::string& file) {
    if (insisted) return *insisted;
    if (header.has("exercise_title") && header.has("start_time")) return ImportFormat::hevy;
    if (header.has("exercise name") && header.has("set order")) return ImportFormat::strong;
    if (header.has("exercise") && header.has("category")) return ImportFormat::fitnotes;
    throw Error("the header is not that of a Strong, Hevy or FitNotes export",
                "anklog imports the CSV exports of Strong, Hevy and FitNotes; name one with --from if it is one",
                Location{file, 1});
}

Parsed read_rows(const import_detail::CsvTable& table, const ImportOptions& options) {
    const std::string& file = options.file;
    if (table.rows.empty()) throw Error("the file is empty", "export the workouts again from the app", Location{file});
    const Header header(table.rows.front());
    Parsed out;
    out.format = recognise(header, options.format, file);
    const auto col = [&](std::string_view name) { return header.find(name); };
    std::optional<std::size_t> c_date, c_workout, c_workout_no, c_exercise, c_set, c_weight, c_weight_unit, c_weight_lb,
        c_reps, c_seconds, c_rpe, c_note, c_note2;
    std::string_view app;
    switch (out.format) {
        case ImportFormat::strong:
            app = "Strong";
            c_date = need(header, "date", app, file);
            c_workout = col("workout name");
            c_workout_no = col("workout #");
            c_exercise = need(header, "exercise name", app, file);
            c_set = need(header, "set order", app, file);
            c_reps = col("reps");
            c_seconds = col("seconds");
            c_rpe = col("rpe");
            c_note = col("notes");
            if ((c_weight = col("weight (kg)"))) {
                out.unit = Unit::kg;
            } else if ((c_weight = col("weight (lbs)"))) {
                out.unit = Unit::lb;
            } else {
                c_weight = need(header, "weight", app, file);
                c_weight_unit = col("weight unit");
                if (!c_weight_unit) {
                    out.unit = options.profile_unit;
                    out.unit_from_profile = true;
                }
            }
            out.form = table.delimiter == ';' ? "semicolon form" : "comma form";
            break;
        case ImportFormat::hevy:
            app = "Hevy";
            c_date = need(header, "start_time", app, file);
            c_workout = col("title");
            c_exercise = need(header, "exercise_title", app, file);
            c_set = col("set_type");
            c_reps = col("reps");
            c_seconds = col("duration_seconds");
            c_rpe = col("rpe");
            c_note = col("exercise_notes");
            if ((c_weight = col("weight_kg"))) {
                out.unit = Unit::kg;
            } else if ((c_weight = col("weight_lbs"))) {
                out.unit = Unit::lb;
            } else {
                missing_column(app, "weight_kg", file);
            }
            out.form = out.unit == Unit::kg ? "weight_kg" : "weight_lbs";
            break;
        case ImportFormat::fitnotes:
            app = "FitNotes";
            c_date = need(header, "date", app, file);
            c_exercise = need(header, "exercise", app, file);
            c_reps = col("reps");
            c_seconds = col("time");
            c_note = col("comment");
            if ((c_weight = col("weight (kg)"))) {
                c_weight_lb = col("weight (lbs)");
                out.unit = Unit::kg;
                out.form = "iOS form";
            } else if ((c_weight = col("weight (lbs)"))) {
                out.unit = Unit::lb;
                out.form = "iOS form";
            } else {
                c_weight = need(header, "weight", app, file);
                c_weight_unit = col("weight unit");
                if (!c_weight_unit) {
                    out.unit = options.profile_unit;
                    out.unit_from_profile = true;
                }
                out.form = "Android form";
            }
            break;
    }
    out.rows.reserve(table.rows.size() - 1);
    Reader reader{nullptr, &file, table.delimiter};
    for (std::size_t i = 1; i < table.rows.size(); ++i) {
        const CsvRow& csv = table.rows[i];
        reader.row = &csv;
        SetRow row;
        row.line = csv.line;
        const std::string_view date_text = reader.text(c_date);
        const auto date = parse_export_date(date_text);
        if (!date) {
            throw Error(fmt::format("\"{}\" is not a date", date_text),
                        "the export's dates look like 2026-10-05 08:00:00 or 5 Oct 2026, 08:00", reader.at(c_date));
        }
        row.date = *date;
        row.workout = fmt::format("{}\x1f{}\x1f{}", date_text, reader.text(c_workout), reader.text(c_workout_no));
        row.exercise = std::string(reader.text(c_exercise));
        row.exercise_column = reader.at(c_exercise).column;
        const std::string set = lowercase(reader.text(c_set));
        if (set == "w" || set == "warmup" || set == "warm-up" || set == "warm up") row.kind = RowKind::warmup;
        if (set == "rest timer" || lowercase(row.exercise) == "rest timer") row.kind = RowKind::rest;
        if (set == "note") row.kind = RowKind::note;
        row.note = std::string(reader.text(c_note));
        if (row.kind == RowKind::rest || row.kind == RowKind::note) {
            out.rows.push_back(std::move(row));
            continue;
        }
        if (row.exercise.empty()) {
            throw Error("the exercise's name is empty", "export the workouts again from the app", reader.at(c_exercise));
        }
        row.weight = reader.number(c_weight, "the weight");
        row.unit = out.unit;
        if (c_weight_lb && (!row.weight || *row.weight == 0)) {
            if (auto pounds = reader.number(c_weight_lb, "the weight"); pounds && *pounds != 0) {
                row.weight = pounds;
                row.unit = Unit::lb;
            }
        }
        if (c_weight_unit) {
            const std::string_view unit_text = reader.text(c_weight_unit);
            row.unit = unit_named(unit_text);
            if (!row.unit && row.weight && *row.weight != 0) {
                throw Error(fmt::format("\"{}\" is not a unit of weight", unit_text), "kg or lbs",
                            reader.at(c_weight_unit));
            }
        }
        row.reps = reader.number(c_reps, "the reps");
        row.seconds = out.format == ImportFormat::fitnotes ? parse_duration(reader, c_seconds)
                                                           : reader.number(c_seconds, "the seconds");
        row.rpe = reader.number(c_rpe, "the RPE");
        const bool empty = (!row.weight || *row.weight == 0) && (!row.reps || *row.reps == 0) &&
                           (!row.seconds || *row.seconds == 0);
        if (empty && !row.note.empty()) row.kind = RowKind::note;
        out.rows.push_back(std::move(row));
    }
    return out;
}

// The activity an exercise is mapped to (or "-"), nullptr when none.
class Mapper {
public:
    Mapper(const Catalogue& catalogue, const std::vector<ExerciseMapping>& mappings)
        : catalogue_(catalogue) {
        for (const ExerciseMapping& mapping : mappings) {
            if (mapping.activity == skip_activity) {
                map_[lowercase(trim(mapping.exercise))] = nullptr;
                skipped_.push_back(lowercase(trim(mapping.exercise)));
                continue;
            }
            const Activity* activity = catalogue.find(mapping.activity);
            if (!activity) {
                throw Error(fmt::format("--map {}={}: there is no activity {}", mapping.exercise, mapping.activity,
                                        mapping.activity),
                            did_you_mean(normalize_activity_name(mapping.activity), catalogue.names(),
                                         "see 'man anklog' for the activities, or declare your own under [activities]"),
                            Location{});
            }
            map_[lowercase(trim(mapping.exercise))] = activity;
            if (mapping.on != Limb::ankle) placement_[lowercase(trim(mapping.exercise))] = mapping.on;
        }
    }
    // Where the exercise's weight was worn: as mapped, else the ankles.
    [[nodiscard]] Limb placement(const std::string& exercise) const {
        const auto it = placement_.find(lowercase(exercise));
        return it == placement_.end() ? Limb::ankle : it->second;
    }
    // nullopt: unmapped; nullptr: left out.
    [[nodiscard]] std::optional<const Activity*> find(const std::string& exercise) const {
        const auto it = map_.find(lowercase(exercise));
        if (it != map_.end()) return it->second;
        if (const Activity* activity = catalogue_.find(exercise)) return activity;
        return std::nullopt;
    }

private:
    const Catalogue& catalogue_;
    std::unordered_map<std::string, const Activity*> map_;
    std::unordered_map<std::string, Limb> placement_;
    std::vector<std::string> skipped_;
};

// A name that shares a word with the exercise ("Leg Raise" and
// side-leg-lift), when no name is a likely typo of it.
std::optional<std::string> suggest_activity(const std::string& exercise, const Catalogue& catalogue) {
    const std::vector<std::string> names = catalogue.names();
    const std::string normal = normalize_activity_name(exercise);
    if (auto close = closest_match(normal, names)) return close;
    std::vector<std::string> words;
    std::size_t start = 0;
    while (start <= normal.size()) {
        const std::size_t dash = std::min(normal.find('-', start), normal.size());
        if (dash - start >= 3) words.push_back(normal.substr(start, dash - start));
        start = dash + 1;
    }
    // The apps' words for anklog's: a lateral raise is a side lift.
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 4> synonyms{
        {{"lateral", "side"}, {"raise", "lift"}, {"raises", "lift"}, {"walking", "walk"}}};
    const std::size_t own = words.size();
    for (std::size_t i = 0; i < own; ++i) {
        for (const auto& [word, ours] : synonyms) {
            if (words[i] == word) words.emplace_back(ours);
        }
    }
    std::optional<std::string> best;
    int best_shared = 0;
    for (const std::string& name : names) {
        int shared = 0;
        for (const std::string& word : words) {
            if (name.find(word) != std::string::npos) ++shared;
        }
        if (shared > best_shared) {
            best_shared = shared;
            best = name;
        }
    }
    return best;
}

double round_to_precision(double amount) {
    const double scale = std::pow(10.0, mass_decimals);
    return std::round(amount * scale) / scale;
}

std::string number_text(double value) { return fmt::format("{}", value); }

}  // namespace

ExerciseMapping parse_mapping(std::string_view text, const Location& where) {
    const std::size_t equals = text.rfind('=');
    const std::string_view name = equals == std::string_view::npos ? text : trim(text.substr(0, equals));
    const std::string_view activity = equals == std::string_view::npos ? std::string_view{} : trim(text.substr(equals + 1));
    if (equals == std::string_view::npos || name.empty() || activity.empty()) {
        throw Error(fmt::format("\"{}\" is not NAME=activity", text),
                    "map an exercise like this: \"Lateral Leg Raise=side-leg-lift\" (or =- to leave it out)", where);
    }
    // "walk@wrist": the weight was worn on the wrists (default: the ankles).
    const std::size_t at = activity.rfind('@');
    if (at != std::string_view::npos && activity != skip_activity) {
        const std::optional<Limb> on = parse_limb(trim(activity.substr(at + 1)));
        const std::string_view bare = trim(activity.substr(0, at));
        if (!on || bare.empty()) {
            throw Error(fmt::format("\"{}\" is not NAME=activity or NAME=activity@wrist", text),
                        "say where the weight was worn after '@': ankle or wrist, e.g. \"Walking=walk@wrist\"", where);
        }
        return ExerciseMapping{std::string(name), std::string(bare), *on};
    }
    return ExerciseMapping{std::string(name), std::string(activity)};
}

std::vector<ExerciseMapping> parse_mapping_file(std::string_view text, const std::string& file) {
    std::vector<ExerciseMapping> out;
    int line = 0;
    std::size_t start = 0;
    while (start < text.size()) {
        ++line;
        const std::size_t end = std::min(text.find('\n', start), text.size());
        const std::string_view content = trim(text.substr(start, end - start));
        start = end + 1;
        if (content.empty() || content.front() == '#') continue;
        out.push_back(parse_mapping(content, Location{file, line}));
    }
    return out;
}

bool same_session(const Session& a, const Session& b) {
    if (a.date != b.date || a.activity != b.activity) return false;
    const bool same_weight = a.weighted() == b.weighted() && (!a.weighted() || (compare(*a.weight, *b.weight) == 0 && a.on == b.on));
    return same_weight && a.minutes == b.minutes && a.sets == b.sets && a.reps == b.reps;
}

ImportResult import_csv(std::string_view text, const Catalogue& catalogue, const ImportOptions& options) {
    const import_detail::CsvTable table = import_detail::parse_csv(text, options.file);
    Parsed parsed = read_rows(table, options);
    const Mapper mapper(catalogue, options.mappings);
    ImportResult result;
    result.format = parsed.format;
    result.form = parsed.form;
    result.unit = parsed.unit;
    result.unit_from_profile = parsed.unit_from_profile;
    result.pair = options.pair;
    result.rows = static_cast<int>(parsed.rows.size());

    // The working sets of each exercise in each workout, in file order.
    struct SetGroup {
        const Activity* activity = nullptr;
        Limb on = Limb::ankle;
        std::vector<const SetRow*> sets;
    };
    std::vector<SetGroup> groups;
    std::unordered_map<std::string, std::size_t> group_of;
    std::map<std::string, std::size_t> unmapped_of;
    std::unordered_map<std::string, std::string> note_rows;  // by group key
    for (const SetRow& row : parsed.rows) {
        if (row.kind == RowKind::rest) {
            ++result.rest_rows;
            continue;
        }
        if (row.kind == RowKind::note) {
            // Its text joins the session of its exercise in its workout.
            ++result.note_rows;
            const auto activity = row.exercise.empty() ? std::nullopt : mapper.find(row.exercise);
            if (activity && *activity && !row.note.empty()) {
                std::string& notes = note_rows[row.workout + '\x1e' + (*activity)->name];
                notes = join_notes(notes, row.note);
            }
            continue;
        }
        if (row.kind == RowKind::warmup) {
            ++result.warmup_rows;
            continue;
        }
        const auto activity = mapper.find(row.exercise);
        if (!activity) {
            const std::string key = lowercase(row.exercise);
            auto [it, added] = unmapped_of.emplace(key, result.unmapped.size());
            if (added) {
                result.unmapped.push_back(UnmappedExercise{row.exercise, row.line, row.exercise_column, 0,
                                                           suggest_activity(row.exercise, catalogue)});
            }
            ++result.unmapped[it->second].rows;
            continue;
        }
        if (!*activity) {
            ++result.left_out_rows;
            continue;
        }
        std::string key = row.workout;
        key += '\x1e';
        key += (*activity)->name;
        key += mapper.placement(row.exercise) == Limb::wrist ? "@wrist" : "";
        auto [it, added] = group_of.emplace(std::move(key), groups.size());
        if (added) groups.push_back(SetGroup{*activity, mapper.placement(row.exercise), {}});
        groups[it->second].sets.push_back(&row);
    }

    for (const SetGroup& group : groups) {
        const Activity& activity = *group.activity;
        const SetRow& first = *group.sets.front();
        Session session;
        session.date = first.date;
        session.activity = activity.name;
        session.on = group.on;
        // The heaviest set's weight, per limb.
        std::optional<Mass> heaviest;
        double seconds = 0;
        std::optional<double> fewest_reps;
        std::optional<double> rpe;
        std::string notes;
        if (!note_rows.empty()) {
            if (const auto it = note_rows.find(first.workout + '\x1e' + activity.name); it != note_rows.end()) notes = it->second;
        }
        bool uneven = false;
        for (const SetRow* set : group.sets) {
            if (set->weight && *set->weight > 0 && set->unit) {
                const double amount = options.pair ? *set->weight / 2 : *set->weight;
                const double kept = round_to_precision(amount);
                if (kept != amount) result.rounded = true;
                const Mass mass{kept, *set->unit};
                if (heaviest && compare(mass, *heaviest) != 0) uneven = true;
                if (!heaviest || compare(mass, *heaviest) > 0) heaviest = mass;
            } else if (heaviest) {
                uneven = true;
            }
            if (set->seconds) seconds += *set->seconds;
            if (set->reps) {
                if (fewest_reps && *fewest_reps != *set->reps) uneven = true;
                if (!fewest_reps || *set->reps < *fewest_reps) fewest_reps = set->reps;
            }
            if (set->rpe && (!rpe || *set->rpe > *rpe)) rpe = set->rpe;
            if (!set->note.empty() && notes.find(set->note) == std::string::npos) notes = join_notes(notes, set->note);
        }
        session.weight = heaviest;
        if (is_timed(activity.kind)) {
            if (seconds > 0) session.minutes = static_cast<int>(std::min(std::round(seconds / 60), 1e6));
        } else {
            session.sets = static_cast<int>(std::min<std::size_t>(group.sets.size(), 1'000'000));
            if (fewest_reps) session.reps = static_cast<int>(std::min(*fewest_reps, 1e6));
        }
        if (rpe && *rpe >= 1 && *rpe <= limits::max_score) session.effort = static_cast<int>(std::lround(*rpe));
        if (uneven && !is_timed(activity.kind)) {
            std::string sets;
            for (const SetRow* set : group.sets) {
                sets += sets.empty() ? "" : ", ";
                sets += set->reps ? number_text(*set->reps) : "-";
                if (set->weight && *set->weight > 0 && set->unit) {
                    sets += fmt::format(" x {} {}", number_text(*set->weight), to_string(*set->unit));
                }
            }
            notes = join_notes(notes, fmt::format("sets as exported: {}", sets));
        }
        session.note = std::move(notes);
        if (!is_log_date(session.date)) {
            result.problems.push_back(ImportProblem{first.line, fmt::format("{} is not a date a log holds", to_string(session.date))});
            continue;
        }
        if (auto problem = validate(session, activity)) {
            result.problems.push_back(ImportProblem{first.line, fmt::format("{} ({}): {}", activity.name, first.exercise, problem->message)});
            continue;
        }
        result.sessions.push_back(ImportedSession{std::move(session), first.line, group.sets.back()->line});
    }
    return result;
}

}  // namespace anklog
