// anklog prescribe: a clinician's prescription appended as a
// [[prescription]] block (undoable); --list shows those in force.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "anklog/error.hpp"
#include "anklog/log_parser.hpp"
#include "anklog/prescription.hpp"
#include "anklog/toml_writer.hpp"
#include "append_sessions.hpp"
#include "commands/commands.hpp"
#include "log_file.hpp"
#include "render/output.hpp"
#include "render/terminal.hpp"
#include "shell/load_flags.hpp"
#include "shell/typed_flags.hpp"
#include "shell/usage_errors.hpp"

namespace anklog::cli {

namespace {

std::optional<CountRange> count_range_flag(std::string_view flag, const std::string& text) {
    if (text.empty()) return std::nullopt;
    const auto range = parse_count_range(text);
    if (!range) {
        throw flag_error(flag, fmt::format("\"{}\" is not a range", terminal_safe(text)),
                         fmt::format("write from-to in whole numbers, e.g. {} 10-15 (or one number)", flag));
    }
    return range;
}

std::string flag_of(std::string_view field) {
    if (field == "weight") return "-w";
    if (field == "until" || field == "from" || field == "days" || field == "sets" || field == "reps" ||
        field == "minutes") {
        return fmt::format("--{}", field);
    }
    return std::string(field);
}

Prescription prescription_from(const Log& log, const PrescribeFlags& flags, Date today) {
    const std::vector<const Activity*> named = activities_named(log.catalogue, {flags.activity}, "name one activity, e.g. side-leg-lift");
    const Activity& activity = *named.front();
    Prescription rx;
    rx.activity = activity.name;
    rx.days = *flags.days;
    rx.sets = count_range_flag("--sets", flags.sets);
    rx.reps = count_range_flag("--reps", flags.reps);
    rx.minutes = count_range_flag("--minutes", flags.minutes);
    if (!flags.weight.empty()) {
        rx.weight = parse_mass_range(flags.weight, log.profile.units);
        if (!rx.weight) {
            throw flag_error("-w", fmt::format("\"{}\" is not a weight range", terminal_safe(flags.weight)),
                             "write the lightest and heaviest, e.g. -w 0.5kg-1kg (or one weight)");
        }
    }
    if (!flags.on.empty()) {
        rx.on = parse_limb(flags.on);
        if (!rx.on) {
            throw flag_error("--on", fmt::format("unknown limb \"{}\"", terminal_safe(flags.on)),
                             fmt::format("--on is {}", one_of(limb_names.names())));
        }
    } else {
        // Where the client does the activity (the latest session on or
        // before today), written into the block; without one, the ankles.
        const Session* latest = nullptr;
        for (const Session& s : log.sessions) {
            if (s.activity == activity.name && s.date <= today && (!latest || s.date >= latest->date)) latest = &s;
        }
        if (latest) rx.on = latest->on;
    }
    rx.side = flags.side;
    // From today, written into the block: a prescription does not judge the
    // weeks before it (a block written by hand without dates still holds
    // for the whole log).
    rx.from = flags.from.empty() ? today : date_flag("--from", flags.from, today);
    if (!flags.until.empty()) rx.until = date_flag("--until", flags.until, today);
    if (!flags.when.empty()) {
        rx.progress_when = parse_progress_when(flags.when);
        if (!rx.progress_when) {
            throw flag_error("--when", fmt::format("\"{}\" is not a criterion", terminal_safe(flags.when)),
                             "write e.g. --when \"pain<=2,effort<=5,sessions=2\" (pain or effort at least)");
        }
    }
    check_note_flag(flags.note);
    rx.note = flags.note;
    if (auto problem = validate(rx, activity)) {
        std::string advice = problem->advice;
        if (!problem->example.empty()) {
            advice += ", e.g.";
            for (const auto& [field, value] : problem->example) {
                std::string typed = value;
                std::erase(typed, '[');
                std::erase(typed, ']');
                if (const auto comma = typed.find(", "); comma != std::string::npos) typed.replace(comma, 2, "-");
                advice += fmt::format(" {} {}", flag_of(field), typed);
            }
        }
        throw flag_error(flag_of(problem->field), problem->message, advice);
    }
    return rx;
}

void print_in_force(const Log& log, const std::string& file, Date date) {
    const std::vector<const Prescription*> in_force = prescriptions_in_force(log.prescriptions, date);
    if (in_force.empty()) {
        fmt::print("No prescription is in force on {}.\n", to_string(date));
        return;
    }
    fmt::print("Prescriptions in force on {}:\n", to_string(date));
    for (const Prescription* rx : in_force) {
        fmt::print("\n{}: {} days a week, {} on {}  ({}:{})\n", terminal_safe(rx->activity), rx->days,
                   dose_text(*rx, written_unit(*rx, log.profile.units)), placement_words(*rx), terminal_safe(file),
                   rx->line);
        std::string span;
        if (rx->from) span = fmt::format("from {}", to_string(*rx->from));
        if (rx->until) span += fmt::format("{}until {}", span.empty() ? "" : " ", to_string(*rx->until));
        if (!span.empty()) fmt::print("  {}\n", span);
        if (rx->progress_when) fmt::print("  step up when {}\n", criterion_text(*rx->progress_when));
        if (!rx->note.empty()) fmt::print("  note: {}\n", terminal_safe(rx->note));
    }
}

}  // namespace

CLI::App* setup_prescribe(CLI::App& app, PrescribeFlags& flags) {
    CLI::App* command = app.add_subcommand("prescribe", "Write a clinician's prescription into the log, or --list them");
    command->add_option("ACTIVITY", flags.activity, "The prescribed activity, e.g. side-leg-lift");
    command->add_option("--days", flags.days, "Days per week, 1-7")->option_text("N");
    command->add_option("--sets", flags.sets, "Sets, from-to, e.g. 2-3 (strength)")->option_text("RANGE");
    command->add_option("--reps", flags.reps, "Reps per set, from-to, e.g. 10-15 (strength)")->option_text("RANGE");
    command->add_option("-w,--weight", flags.weight, "Weight per limb, from-to, e.g. 0.5kg-1kg")->option_text("RANGE");
    command->add_option("--minutes", flags.minutes, "Minutes, from-to, e.g. 10-20 (timed activities)")
        ->option_text("RANGE");
    command->add_option("--on", flags.on, "Where the weights go (default: where the client does the activity)")->option_text("ankle|wrist");
    command->add_option("--side", flags.side, "Which side: left, right or both")
        ->option_text("SIDE")
        ->check(CLI::IsMember({"left", "right", "both"}));
    command->add_option("--from", flags.from, "In force from this day (default: today)")->option_text("DATE");
    command->add_option("--until", flags.until, "In force until this day (default: open-ended)")->option_text("DATE");
    command->add_option("--when", flags.when, "When to step up within the ranges, e.g. \"pain<=2,effort<=5,sessions=2\"")
        ->option_text("CRITERION");
    command->add_option("--note", flags.note, "A note for the client")->option_text("TEXT");
    command->add_flag("--list", flags.list, "Show the prescriptions in force today");
    command->footer(
        "Examples:\n"
        "  anklog prescribe side-leg-lift --days 3 --sets 2-3 --reps 10-15 -w 0.5kg-1kg\n"
        "  anklog prescribe walk --days 3 --minutes 10-20 -w 0.5kg-1kg --when \"pain<=2,sessions=2\"\n"
        "  anklog prescribe --list\n"
        "\n"
        "A prescription holds from today unless --from says otherwise (a block written\n"
        "by hand without dates holds for the whole log); its weights go where the\n"
        "client does the activity (the latest session), unless --on says otherwise.\n"
        "One prescription per activity and side is in force (--side left and --side\n"
        "right hold together). A newer one of the same activity (a later --from)\n"
        "replaces the older of its side from its first day (one of both sides replaces\n"
        "both); the older one stays in the log and holds before it. plan\n"
        "stays inside the ranges and steps up only when the criterion and anklog's rules\n"
        "both allow it; check flags a session outside them. 'anklog undo' removes it.\n");
    return command;
}

int run_prescribe(const Context& context, const PrescribeFlags& flags) {
    const std::string file = context.log_path.string();
    if (flags.list) {
        const auto text = storage::read_file_if_exists(context.log_path);
        const Log log = text ? parse_log(*text, file) : Log{};
        print_in_force(log, file, context.today);
        return 0;
    }
    if (flags.activity.empty()) {
        throw flag_error("ACTIVITY", "no activity given", "name the prescribed activity, e.g. anklog prescribe side-leg-lift --days 3 ...");
    }
    if (!flags.days) throw flag_error("--days", "no days per week given", "add e.g. --days 3");
    const AppendedPrescription appended =
        append_prescription(context, [&](const Log& log) { return prescription_from(log, flags, context.today); });
    if (appended.created && !context.quiet) {
        fmt::print(stderr, "anklog: {} there was no log at {}: started a new one\n",
                   paint("note:", Tone::cyan, context.color_stderr), terminal_safe(file));
    }
    if (!context.quiet) {
        fmt::print("{} to {}:{}\n\n{}", paint("appended", Tone::green, context.color_stdout), terminal_safe(file),
                   appended.prescription.line, terminal_safe_lines(to_toml(appended.prescription)));
    }
    return 0;
}

}  // namespace anklog::cli
