#pragma once
// Signals. While an update runs, SIGINT, SIGTERM, SIGHUP and SIGQUIT only
// record themselves (and make a blocked system call fail with EINTR); the
// update notices, throws Interrupted, lets every destructor clean up, and
// then the process ends by that signal. The rename alone runs with them
// blocked, so it is never half-decided.
#include <signal.h>

#include <csignal>
#include <iterator>

namespace anklog::storage::detail {

inline constexpr int interrupting_signals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};

// The signal that came while handlers were installed, or 0.
extern volatile std::sig_atomic_t pending_signal;

// Not an std::exception: nothing but update_file may catch it.
struct Interrupted {};

// Throws Interrupted once a signal has come.
void stop_if_interrupted();

class SignalHandlers {
public:
    SignalHandlers();
    SignalHandlers(const SignalHandlers&) = delete;
    SignalHandlers& operator=(const SignalHandlers&) = delete;
    ~SignalHandlers();

    // Ends the process by the recorded signal, as if it had never been caught.
    [[noreturn]] static void die();

private:
    struct sigaction previous_[std::size(interrupting_signals)] {};
};

// Defers the interrupting signals for the few system calls that must not be
// cut short.
class SignalsDeferred {
public:
    SignalsDeferred();
    SignalsDeferred(const SignalsDeferred&) = delete;
    SignalsDeferred& operator=(const SignalsDeferred&) = delete;
    ~SignalsDeferred();

private:
    sigset_t previous_{};
};

}  // namespace anklog::storage::detail
