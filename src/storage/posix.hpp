#pragma once
// Inside storage: a file descriptor that closes itself, and errors of system
// calls told in words.
#include <unistd.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <utility>

namespace anklog::storage::detail {

// Advice ends by saying what did not happen.
std::string unchanged(std::string_view advice = {});

// "the disk is full", "permission denied", ... for an errno value.
std::string describe_errno(int error);

// Throws anklog::Error "WHAT: REASON" located at `shown`.
[[noreturn]] void fail(const std::filesystem::path& shown, std::string_view what, int error, std::string advice);

// Owns a file descriptor.
class Fd {
public:
    explicit Fd(int fd = -1) : fd_(fd) {}
    Fd(Fd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    Fd& operator=(Fd&&) = delete;
    ~Fd() {
        if (fd_ >= 0) ::close(fd_);
    }
    [[nodiscard]] int get() const { return fd_; }
    [[nodiscard]] bool ok() const { return fd_ >= 0; }

private:
    int fd_;
};

}  // namespace anklog::storage::detail
