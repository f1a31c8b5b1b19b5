#pragma once
// SHA-256 (OpenSSL's libcrypto), to recognise a log byte for byte without
// keeping a copy of it: the undo record holds the hash of the log anklog wrote.
#include <string>
#include <string_view>

namespace anklog::storage {

// The digest as 64 lowercase hexadecimal digits.
std::string sha256_hex(std::string_view data);

}  // namespace anklog::storage
