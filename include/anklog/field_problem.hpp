#pragma once
// What is wrong with one field of a session or profile. The parser places it
// at the field's line in the file, the command line at the flag that set it.
#include <string>
#include <utility>
#include <vector>

namespace anklog {

struct FieldProblem {
    using Example = std::vector<std::pair<std::string, std::string>>;
    FieldProblem(std::string field_name, std::string what, std::string how, Example fix = {})
        : field(std::move(field_name)), message(std::move(what)), advice(std::move(how)), example(std::move(fix)) {}

    std::string field;    // "minutes", "weight", ...
    std::string message;  // "walk needs minutes"
    std::string advice;   // "add how long it took"
    // Fields and values that would fix it: shown as `minutes = 20` for a log
    // and as `--minutes 20` on the command line.
    Example example;
};

// The advice with its example as a log writes it: "add both, e.g. sets = 1 and reps = 10".
std::string advice_for_log(const FieldProblem& problem);

}  // namespace anklog
