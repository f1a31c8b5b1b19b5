// How many random histories a law runs on. Under AddressSanitizer each
// history costs about four times as much, and what the sanitized run adds is
// memory checking, not more histories: it runs a quarter of them, the dev run
// checks the law on all of them.
#pragma once

namespace anklog::test {

constexpr int law_trials(int trials) {
#if defined(__SANITIZE_ADDRESS__)
    return trials / 4 > 0 ? trials / 4 : 1;
#else
    return trials;
#endif
}

// Whether laws run on all their histories: the checks that a law met each
// kind of case (a rest week, a hold) hold only then.
constexpr bool every_history = law_trials(4) == 4;

}  // namespace anklog::test
