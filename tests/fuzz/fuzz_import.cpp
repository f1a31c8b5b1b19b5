// libFuzzer target: any bytes as a CSV export. import_csv either throws
// anklog::Error located in the file, or returns sessions that each pass the
// log's validation and that a log written with them reads back, one for one.
// The first byte picks the options (format, --pair, the profile's unit).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "anklog/error.hpp"
#include "anklog/import.hpp"
#include "anklog/log_parser.hpp"
#include "anklog/toml_writer.hpp"

namespace {

[[noreturn]] void fail(const char* what) {
    std::fprintf(stderr, "%s\n", what);
    std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::uint8_t flags = data[0];
    const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    static const anklog::Catalogue catalogue;
    anklog::ImportOptions options;
    options.file = "fuzz.csv";
    if ((flags & 3) != 3) options.format = static_cast<anklog::ImportFormat>(flags & 3);
    options.pair = (flags & 4) != 0;
    options.profile_unit = (flags & 8) != 0 ? anklog::Unit::lb : anklog::Unit::kg;
    options.mappings = {{"Lateral Leg Raise", "side-leg-lift"}, {"Walking", "walk"}, {"Bench Press", "-"}};
    anklog::ImportResult result;
    try {
        result = anklog::import_csv(text, catalogue, options);
    } catch (const anklog::Error& e) {
        if (e.where().file != options.file) fail("an import error is not located in the file");
        return 0;
    }
    if (result.sessions.empty()) return 0;
    std::string log = anklog::new_log_text(anklog::Profile{});
    for (const anklog::ImportedSession& imported : result.sessions) {
        const anklog::Activity* activity = catalogue.find(imported.session.activity);
        if (!activity) fail("an imported session's activity is not in the catalogue");
        if (anklog::validate(imported.session, *activity)) fail("an imported session does not pass validation");
        if (imported.first_line < 2 || imported.last_line < imported.first_line) fail("an imported session's lines are wrong");
        log = anklog::append_block(log, anklog::to_toml(imported.session));
    }
    try {
        const anklog::Log read = anklog::parse_log(log, "log.toml");
        if (read.sessions.size() != result.sessions.size()) fail("the imported sessions do not read back one for one");
        for (std::size_t i = 0; i < read.sessions.size(); ++i) {
            if (!anklog::same_session(read.sessions[i], result.sessions[i].session) ||
                read.sessions[i].note != result.sessions[i].session.note ||
                read.sessions[i].effort != result.sessions[i].session.effort) {
                fail("an imported session reads back different");
            }
        }
    } catch (const anklog::Error& e) {
        std::fprintf(stderr, "%s\n", e.message().c_str());
        fail("a log of imported sessions does not parse");
    }
    return 0;
}
