#pragma once
// The one error type of anklog: what is wrong, where, and how to fix it.
#include <stdexcept>
#include <string>

namespace anklog {

struct Location {
    std::string file;  // empty when the error is not about a file (e.g. a flag)
    int line = 0;      // 1-based; 0 = unknown
    int column = 0;    // 1-based; 0 = unknown

    // "file:line:col", "file:line", "file" or "" depending on what is known.
    [[nodiscard]] std::string to_string() const;
};

class Error : public std::runtime_error {
public:
    Error(std::string message, std::string advice = {}, Location where = {})
        : std::runtime_error(message), message_(std::move(message)),
          advice_(std::move(advice)), where_(std::move(where)) {}

    [[nodiscard]] const std::string& message() const noexcept { return message_; }
    [[nodiscard]] const std::string& advice() const noexcept { return advice_; }
    [[nodiscard]] const Location& where() const noexcept { return where_; }

private:
    std::string message_;
    std::string advice_;
    Location where_;
};

}  // namespace anklog
