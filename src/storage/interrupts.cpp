#include "interrupts.hpp"

#include <unistd.h>

namespace anklog::storage::detail {

volatile std::sig_atomic_t pending_signal = 0;

namespace {

extern "C" void record_signal(int signal) { pending_signal = signal; }

}  // namespace

void stop_if_interrupted() {
    if (pending_signal != 0) throw Interrupted{};
}

SignalHandlers::SignalHandlers() {
    struct sigaction record {};
    record.sa_handler = record_signal;  // no SA_RESTART: a stuck write returns EINTR
    sigemptyset(&record.sa_mask);
    for (const int signal : interrupting_signals) sigaddset(&record.sa_mask, signal);
    for (std::size_t i = 0; i < std::size(interrupting_signals); ++i) {
        ::sigaction(interrupting_signals[i], nullptr, &previous_[i]);
        // A signal the caller chose to ignore (nohup, a background job) stays ignored.
        if (previous_[i].sa_handler != SIG_IGN) ::sigaction(interrupting_signals[i], &record, nullptr);
    }
}

SignalHandlers::~SignalHandlers() {
    for (std::size_t i = 0; i < std::size(interrupting_signals); ++i) {
        ::sigaction(interrupting_signals[i], &previous_[i], nullptr);
    }
}

void SignalHandlers::die() {
    const int signal = pending_signal;
    (void)std::signal(signal, SIG_DFL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, signal);
    ::sigprocmask(SIG_UNBLOCK, &set, nullptr);
    (void)std::raise(signal);
    ::_exit(128 + signal);
}

SignalsDeferred::SignalsDeferred() {
    sigset_t block;
    sigemptyset(&block);
    for (const int signal : interrupting_signals) sigaddset(&block, signal);
    ::sigprocmask(SIG_BLOCK, &block, &previous_);
}

SignalsDeferred::~SignalsDeferred() { ::sigprocmask(SIG_SETMASK, &previous_, nullptr); }

}  // namespace anklog::storage::detail
