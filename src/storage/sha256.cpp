#include "sha256.hpp"

#include <openssl/evp.h>

#include <array>
#include <iterator>

#include <fmt/format.h>

#include "anklog/error.hpp"

namespace anklog::storage {

std::string sha256_hex(std::string_view data) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    if (EVP_Digest(data.data(), data.size(), digest.data(), &length, EVP_sha256(), nullptr) != 1) {
        throw Error("cannot compute the log's SHA-256 for the undo record (OpenSSL failed)",
                    "check the system's OpenSSL (libssl3); your log has not been changed");
    }
    std::string hex;
    hex.reserve(std::size_t{2} * length);
    for (unsigned int i = 0; i < length; ++i) fmt::format_to(std::back_inserter(hex), "{:02x}", digest[i]);
    return hex;
}

}  // namespace anklog::storage
