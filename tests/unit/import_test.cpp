#include <doctest/doctest.h>

#include "anklog/error.hpp"
#include "anklog/import.hpp"

using namespace anklog;

namespace {

ImportResult import_text(std::string_view text, ImportOptions options = {}) {
    options.file = "x.csv";
    static const Catalogue catalogue;
    return import_csv(text, catalogue, options);
}

Location error_at(std::string_view text) {
    try {
        import_text(text);
    } catch (const Error& e) {
        return e.where();
    }
    return {};
}

const std::string fitnotes_header = "Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time,Comment\n";

}  // namespace

TEST_CASE("CSV: quoted fields, doubled quotes, CRLF and a field over two lines / lines count as an editor counts them") {
    const ImportResult r = import_text(fitnotes_header +
                                       "2026-10-05,Calf Raise,Legs,1,kg,12,,,,\"two\r\nlines, \"\"quoted\"\"\"\r\n"
                                       "\r\n"
                                       "2026-10-06,\"Calf Raise\",Legs,1,kg,10,,,,\n");
    REQUIRE(r.sessions.size() == 2);
    CHECK(r.sessions[0].session.note == "two\r\nlines, \"quoted\"");
    CHECK(r.sessions[0].first_line == 2);
    CHECK(r.sessions[1].first_line == 5);
    CHECK(r.sessions[1].session.reps == 10);
}

TEST_CASE("CSV: semicolons with decimal commas / Strong's newer header with units in the column names") {
    const ImportResult r = import_text(
        "\"Workout #\";\"Date\";\"Workout Name\";\"Duration (sec)\";\"Exercise Name\";\"Set Order\";\"Weight (lbs)\";"
        "\"Reps\";\"RPE\";\"Distance (meters)\";\"Seconds\";\"Notes\";\"Workout Notes\"\n"
        "1;2026-10-05 08:00:00;A;600;Calf Raise;1;2,5;12;6,5;;;;\n");
    REQUIRE(r.sessions.size() == 1);
    CHECK(r.form == "semicolon form");
    CHECK(r.sessions[0].session.weight->amount == 2.5);
    CHECK(r.sessions[0].session.weight->unit == Unit::lb);
    CHECK(r.sessions[0].session.effort == 7);
}

TEST_CASE("Hevy's dates, weights to anklog's precision, --pair, RPE off the scale left out") {
    const std::string hevy =
        "title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,set_index,set_type,weight_lbs,"
        "reps,distance_miles,duration_seconds,rpe\n"
        "A,\"5 Oct 2026, 08:00\",\"5 Oct 2026, 08:30\",,Calf Raise,,,0,normal,3.0001,10,,,11\n";
    const ImportResult r = import_text(hevy);
    REQUIRE(r.sessions.size() == 1);
    CHECK(to_string(r.sessions[0].session.date) == "2026-10-05");
    CHECK(r.sessions[0].session.weight->amount == 3.0);
    CHECK(r.rounded);
    CHECK_FALSE(r.sessions[0].session.effort.has_value());
    ImportOptions pair;
    pair.pair = true;
    CHECK(import_text(hevy, pair).sessions[0].session.weight->amount == 1.5);
}

TEST_CASE("malformed CSV is located at line and column") {
    CHECK(error_at(fitnotes_header + "2026-10-05,\"Calf").to_string() == "x.csv:2:12");
    CHECK(error_at(fitnotes_header + "2026-10-05,Calf\rRaise,Legs\n").to_string() == "x.csv:2:16");
    CHECK(error_at("\xFF\xFE" "D\0a\0").to_string() == "x.csv:1:1");
    CHECK(error_at("").to_string() == "x.csv");
}

TEST_CASE("mapping files: NAME=activity a line, comments and blank lines skipped, errors at their line") {
    const auto mappings = parse_mapping_file("# mine\n\nLateral Leg Raise = side-leg-lift\nBench=-\n", "m.txt");
    REQUIRE(mappings.size() == 2);
    CHECK(mappings[0].exercise == "Lateral Leg Raise");
    CHECK(mappings[0].activity == "side-leg-lift");
    CHECK(mappings[1].activity == "-");
    CHECK_THROWS_AS(parse_mapping_file("ok=walk\nnope\n", "m.txt"), Error);
    try {
        parse_mapping_file("ok=walk\n=walk\n", "m.txt");
    } catch (const Error& e) {
        CHECK(e.where().to_string() == "m.txt:2");
    }
}

TEST_CASE("same_session: date, activity, placement, weight and dose - not effort or note") {
    Session a;
    a.date = *parse_iso_date("2026-10-05");
    a.activity = "walk";
    a.weight = Mass{1, Unit::kg};
    a.minutes = 20;
    Session b = a;
    b.effort = 5;
    b.note = "x";
    CHECK(same_session(a, b));
    b.weight = Mass{2.2046226, Unit::lb};
    CHECK(same_session(a, b));
    b.on = Limb::wrist;
    CHECK_FALSE(same_session(a, b));
    b = a;
    b.minutes = 21;
    CHECK_FALSE(same_session(a, b));
}
