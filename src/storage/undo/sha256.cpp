#include "undo/sha256.hpp"

#include <nettle/sha2.h>
#include <nettle/version.h>

#include <array>
#include <cstdint>
#include <iterator>

#include <fmt/format.h>

namespace anklog::storage {

std::string sha256_hex(std::string_view data) {
    sha256_ctx context{};
    sha256_init(&context);
    sha256_update(&context, data.size(), reinterpret_cast<const std::uint8_t*>(data.data()));
    std::array<std::uint8_t, SHA256_DIGEST_SIZE> digest{};
#if NETTLE_VERSION_MAJOR >= 4
    sha256_digest(&context, digest.data());
#else
    sha256_digest(&context, digest.size(), digest.data());
#endif
    std::string hex;
    hex.reserve(std::size_t{2} * digest.size());
    for (const std::uint8_t byte : digest) fmt::format_to(std::back_inserter(hex), "{:02x}", byte);
    return hex;
}

}  // namespace anklog::storage
