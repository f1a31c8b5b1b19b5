// anklog pain: a pain check without a workout (the next morning, a rest
// day), appended as a [[pain]] block; then where the person stands.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "anklog/assess.hpp"
#include "anklog/error.hpp"
#include "anklog/limits.hpp"
#include "anklog/toml_writer.hpp"
#include "append_sessions.hpp"
#include "commands/commands.hpp"
#include "render/output.hpp"
#include "render/standing.hpp"
#include "render/terminal.hpp"
#include "shell/load_flags.hpp"
#include "shell/typed_flags.hpp"
#include "shell/usage_errors.hpp"

namespace anklog::cli {

CLI::App* setup_pain(CLI::App& app, PainFlags& flags) {
    CLI::App* command = app.add_subcommand("pain", "Record a pain check without a workout (e.g. the next morning)");
    command->add_option("PAIN", flags.pain, "Pain now, 0 (none) to 10 (worst)")
        ->required()
        ->transform(whole_number(limits::min_score, limits::max_score))
        ->option_text("0-10");
    command->add_option("--date", flags.date,
                        "When: YYYY-MM-DD, today, yesterday, thursday (the last one), last monday, 2d; default today")
        ->option_text("DATE");
    command->add_option("--note", flags.note, "Anything worth remembering, e.g. where it hurts")->option_text("TEXT");
    command->footer(
        "Examples:\n"
        "  anklog pain 2                      the morning after a session\n"
        "  anklog pain 4 --note \"left knee\"\n"
        "  anklog pain 0 --date yesterday\n"
        "\n"
        "Pain monitoring after Silbernagel et al. 2007: up to 5/10 during exercise is\n"
        "acceptable if it has settled by the next morning; pain the next morning that is\n"
        "higher than during the session, or above 5, means step down. anklog says pain\n"
        "settled only when a later check or session says so.\n");
    return command;
}

int run_pain(const Context& context, const PainFlags& flags) {
    const Date date = date_flag("--date", flags.date, context.today);
    if (date > context.today) {
        throw flag_error("--date", fmt::format("{} is in the future", date_as_typed(flags.date, date)),
                         fmt::format("record how the pain is now or was (today is {})", to_string(context.today)));
    }
    check_note_flag(flags.note);
    const AppendedPain appended = append_pain_check(context, "pain", [&](const Log&) {
        PainCheck check;
        check.date = date;
        check.pain = flags.pain;
        check.note = flags.note;
        return check;
    });
    const std::string file = context.log_path.string();
    const bool color = context.color_stdout;
    if (appended.created && !context.quiet) {
        fmt::print(stderr, "anklog: {} there was no log at {}: started a new one\n",
                   paint("note:", Tone::cyan, context.color_stderr), terminal_safe(file));
    }
    if (!context.quiet) {
        fmt::print("{} to {}:{}\n\n{}", paint("appended", Tone::green, color), terminal_safe(file), appended.check.line,
                   terminal_safe_lines(to_toml(appended.check)));
    }
    const Assessment standing = assess(appended.log, date);
    fmt::print("\n{}\n", fit_to_terminal(standing_text(standing, color)));
    return 0;
}

}  // namespace anklog::cli
