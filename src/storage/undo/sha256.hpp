#pragma once
// SHA-256 (GNU Nettle), to recognise a log byte for byte without keeping a
// copy of it: the undo record holds the hash of the log anklog wrote.
// Nettle, not OpenSSL: loading libcrypto cost about 4 ms of every command's
// start-up, and Nettle's SHA-256 cannot fail.
#include <string>
#include <string_view>

namespace anklog::storage {

// The digest as 64 lowercase hexadecimal digits.
std::string sha256_hex(std::string_view data);

}  // namespace anklog::storage
