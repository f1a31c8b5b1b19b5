// The baseline of the benchmark: read a file and parse it with toml++, nothing
// else. anklog's commands are measured against this.
#include <toml++/toml.h>

#include <cstdio>
#include <filesystem>
#include <string>

int main(int argc, char** argv) {
    if (argc != 2) return 2;
    // Read the whole file in one go, as anklog does.
    std::string content(std::filesystem::file_size(argv[1]), '\0');
    std::FILE* file = std::fopen(argv[1], "rb");
    if (!file || std::fread(content.data(), 1, content.size(), file) != content.size()) return 2;
    std::fclose(file);
    try {
        const toml::table table = toml::parse(content, std::string_view{argv[1]});
        const toml::array* sessions = table["session"].as_array();
        std::printf("%zu\n", sessions ? sessions->size() : 0);
    } catch (const toml::parse_error&) {
        return 2;
    }
    return 0;
}
