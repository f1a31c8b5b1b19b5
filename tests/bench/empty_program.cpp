// The start-up baseline of the benchmark: a C++ program that does nothing,
// linked with the libraries anklog cannot do without (libstdc++, fmt,
// toml++), so that starting it costs only loading them. `anklog --version`
// is measured against it.
#include <fmt/format.h>
#include <toml++/toml.h>

#include <string_view>

int main(int argc, char** argv) {
    // Never taken in the benchmark; it keeps both libraries linked in.
    if (argc == 3 && std::string_view(argv[1]) == "--parse") {
        fmt::print("{}\n", toml::parse(std::string_view(argv[2])).size());
    }
    return 0;
}
