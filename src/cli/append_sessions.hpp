#pragma once
// Appending sessions, as `log` and `done` do: several in one atomic write,
// then each shown with what check raises on it.
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "anklog/log.hpp"
#include "context.hpp"
#include "log_file.hpp"

namespace anklog::cli {

struct Appended {
    Log log;  // what check needs to judge the new sessions: the history it sees, then them
    std::vector<std::size_t> indices;  // the appended sessions in log.sessions
    storage::UpdateResult result;
    bool created = false;  // there was no log: this write started it
};

// The sessions `make` builds from the log as it is under the lock (an empty
// Log when there is no log yet, which is then created with a header),
// appended in one atomic write that `anklog undo` reverts as `command`.
// `make` throws anklog::Error to abort, and nothing changes. With
// `keep_backup`, an existing log is also kept as a numbered backup (import).
Appended append_sessions(const Context& context, std::string_view command,
                         const std::function<std::vector<Session>(const Log&)>& make, bool keep_backup = false);

// The same without writing: what the log would be.
Appended append_sessions_dry_run(const Context& context, const std::function<std::vector<Session>(const Log&)>& make);

// A pain check appended as a [[pain]] block, the same way: one atomic
// write that `anklog undo` reverts as `command`. `make` builds it from the
// log under the lock. Returns the log as written (the check's line set).
struct AppendedPain {
    Log log;
    PainCheck check;
    storage::UpdateResult result;
    bool created = false;
};
AppendedPain append_pain_check(const Context& context, std::string_view command,
                               const std::function<PainCheck(const Log&)>& make);

// A prescription appended as a [[prescription]] block, the same way.
struct AppendedPrescription {
    Log log;
    Prescription prescription;
    bool created = false;
};
AppendedPrescription append_prescription(const Context& context, const std::function<Prescription(const Log&)>& make);

// A note on stderr when there was no log (a misspelt -f shows at once),
// "appended to FILE:LINE" (unless --quiet; "would append to" for a dry run),
// then each session's block followed by the findings check raises on it,
// which are printed even with --quiet: a safety flag is not a confirmation.
void print_appended(const Appended& appended, const Context& context, bool dry_run = false);

}  // namespace anklog::cli
