#include "shell/typed_flags.hpp"

#include <fmt/format.h>

#include <array>
#include <optional>
#include <span>
#include <utility>

#include "anklog/period.hpp"
#include "anklog/typed_input.hpp"
#include "shell/usage_errors.hpp"

namespace anklog::cli {

namespace {

constexpr std::array<std::pair<std::string_view, ValueForm>, 9> joined_flags{{
    {"-w", ValueForm::mass},
    {"--weight", ValueForm::mass},
    {"-m", ValueForm::minutes},
    {"--minutes", ValueForm::minutes},
    {"--sets", ValueForm::sets},
    {"--date", ValueForm::date},
    {"--week-of", ValueForm::date},
    {"--since", ValueForm::date},
    {"--until", ValueForm::date},
}};

// The kind of value `token` starts, and whether the value is in the token
// itself ("--weight=0.5", "-w0.5"): nullopt for any other token.
std::optional<std::pair<ValueForm, bool>> kind_of(std::string_view token) {
    for (const auto& [name, kind] : joined_flags) {
        if (token == name) return std::pair{kind, false};
        if (name.starts_with("--") && token.starts_with(name) && token.size() > name.size() && token[name.size()] == '=') {
            return std::pair{kind, true};
        }
        if (!name.starts_with("--") && token.size() > 2 && token.starts_with(name)) return std::pair{kind, true};
    }
    return std::nullopt;
}

}  // namespace

std::vector<std::string> join_split_values(std::vector<std::string> args) {
    std::vector<std::string> out;
    out.reserve(args.size());
    std::size_t i = 0;
    while (i < args.size()) {
        if (args[i] == "--") {
            for (; i < args.size(); ++i) out.push_back(std::move(args[i]));
            break;
        }
        const auto kind = kind_of(args[i]);
        out.push_back(std::move(args[i]));
        ++i;
        if (!kind) continue;
        if (!kind->second) {  // the value is the next word
            if (i >= args.size() || args[i] == "--") continue;
            out.push_back(std::move(args[i]));
            ++i;
        }
        std::string& value = out.back();
        // "--weight=0.5" and "-w0.5" hold their value after the name.
        const std::string_view typed = !kind->second       ? std::string_view(value)
                                       : value.starts_with("--") ? std::string_view(value).substr(value.find('=') + 1)
                                                                 : std::string_view(value).substr(value[2] == '=' ? 3 : 2);
        const std::size_t more =
            words_continuing(kind->first, typed, std::span<const std::string>(args).subspan(i));
        for (std::size_t k = 0; k < more; ++k) value += " " + args[i + k];
        i += more;
    }
    return out;
}

Date date_flag(std::string_view flag, std::string_view text, Date today) {
    const auto date = parse_period_date(text, today);
    if (!date) throw flag_error(flag, fmt::format("\"{}\" is not a date", text), date_advice(text, today));
    return *date;
}

std::string date_as_typed(std::string_view text, Date date) {
    const std::string written = to_string(date);
    return text == written ? written : fmt::format("{} ({})", text, written);
}

}  // namespace anklog::cli
