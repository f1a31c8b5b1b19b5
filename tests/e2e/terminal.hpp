#pragma once
// Running anklog on a pseudo-terminal (pty_driver.py), where a person would
// answer its questions: the answers are typed one after each question, and
// Result::out is everything the terminal showed (stdout, stderr and the
// typed answers' echo).
#include <string>
#include <vector>

#include "harness.hpp"

namespace e2e {

inline Options on_terminal(const std::vector<std::string>& answers, Options options = {}) {
    options.prefix = {"python3", (source_dir() / "tests/e2e/pty_driver.py").string()};
    options.prefix.insert(options.prefix.end(), answers.begin(), answers.end());
    options.prefix.push_back("--");
    options.env["NO_COLOR"] = "1";
    return options;
}

}  // namespace e2e
