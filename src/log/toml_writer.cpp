#include "anklog/toml_writer.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <sstream>

#include "anklog/limits.hpp"

namespace anklog {

std::string toml_quote(std::string_view text) {
    // toml++ does the escaping. Only single-line basic strings: a note that
    // starts with a newline or holds "\r\n" would not survive a multi-line
    // string's newline trimming and normalisation in other readers.
    std::ostringstream out;
    out << toml::toml_formatter{toml::value<std::string>{std::string(text)},
                                toml::format_flags::allow_unicode_strings};
    return std::move(out).str();
}

namespace {

std::string block(const Session& session, std::string_view header, bool outcome) {
    std::string out = fmt::format("[[{}]]\n", header);
    out += fmt::format("date = {}\n", to_string(session.date));
    out += fmt::format("activity = {}\n", toml_quote(session.activity));
    if (session.weight) {
        // An unweighted session keeps a placement someone wrote (on = "wrist"
        // with 0 kg), so the log reads back as it was.
        if (session.weighted() || session.on != Session{}.on)
            out += fmt::format("on = \"{}\"\n", to_string(session.on));
        out += fmt::format("weight = \"{}\"\n", format_mass_exact(*session.weight));
    }
    const auto field = [&out](std::string_view key, const std::optional<int>& value) {
        if (value) out += fmt::format("{} = {}\n", key, *value);
    };
    field("minutes", session.minutes);
    field("sets", session.sets);
    field("reps", session.reps);
    if (session.side != Side::both) out += fmt::format("side = \"{}\"\n", to_string(session.side));
    if (!outcome) return out;
    field("effort", session.effort);
    field("pain", session.pain);
    if (!session.note.empty()) out += fmt::format("note = {}\n", toml_quote(session.note));
    return out;
}

}  // namespace

std::string to_toml(const Session& session) { return block(session, "session", true); }

std::string to_toml_planned(const Session& session) { return block(session, "planned", false); }

std::string to_toml(const PainCheck& check) {
    std::string out = fmt::format("[[pain]]\ndate = {}\npain = {}\n", to_string(check.date), check.pain);
    if (!check.note.empty()) out += fmt::format("note = {}\n", toml_quote(check.note));
    return out;
}

std::string to_toml(const Prescription& rx) {
    std::string out = fmt::format("[[prescription]]\nactivity = {}\ndays = {}\n", toml_quote(rx.activity), rx.days);
    const auto range = [&out](std::string_view key, const std::optional<CountRange>& value) {
        if (value) out += fmt::format("{} = [{}, {}]\n", key, value->from, value->to);
    };
    range("sets", rx.sets);
    range("reps", rx.reps);
    if (rx.weight) {
        out += fmt::format("weight = [\"{}\", \"{}\"]\n", format_mass_exact(rx.weight->from),
                           format_mass_exact(rx.weight->to));
    }
    range("minutes", rx.minutes);
    if (rx.on) out += fmt::format("on = \"{}\"\n", to_string(*rx.on));
    if (!rx.side.empty()) out += fmt::format("side = {}\n", toml_quote(rx.side));
    if (rx.from) out += fmt::format("from = {}\n", to_string(*rx.from));
    if (rx.until) out += fmt::format("until = {}\n", to_string(*rx.until));
    if (const auto& when = rx.progress_when) {
        std::string parts;
        if (when->pain_at_most) parts += fmt::format("pain_at_most = {}, ", *when->pain_at_most);
        if (when->effort_at_most) parts += fmt::format("effort_at_most = {}, ", *when->effort_at_most);
        out += fmt::format("progress_when = {{ {}sessions = {} }}\n", parts, when->sessions);
    }
    if (!rx.note.empty()) out += fmt::format("note = {}\n", toml_quote(rx.note));
    return out;
}

std::string log_id_line(std::string_view id) {
    return fmt::format("# anklog id {} (calendar events of this log are named from it; keep this line)\n", id);
}

std::string plan_save_marker(Date monday) { return fmt::format("# anklog plan for the week of {}\n", to_string(monday)); }

std::string profile_key_line(const Profile& profile, std::string_view key) {
    if (key == "name") return profile.name.empty() ? "" : fmt::format("name = {}\n", toml_quote(profile.name));
    if (key == "units") {
        return fmt::format("units = \"{}\"  # {}: display unit, and unit of bare numbers\n", to_string(profile.units),
                           fmt::join(unit_names.names(), " | "));
    }
    if (key == "weights") {
        if (profile.weights.empty()) return "";
        std::vector<std::string> weights;
        for (const Mass& mass : profile.weights) weights.push_back(toml_quote(format_mass_exact(mass)));
        return fmt::format("weights = [{}]  # weights you own, per limb\n", fmt::join(weights, ", "));
    }
    if (key == "history") {
        if (profile.injuries.empty()) return "";
        std::vector<std::string> injuries;
        for (const Injury injury : profile.injuries) injuries.push_back(toml_quote(to_string(injury)));
        return fmt::format("history = [{}]  # past injuries: {}; \"left knee\": that side only\n",
                           fmt::join(injuries, ", "), fmt::join(injury_joint_names.names(), " | "));
    }
    return "";
}

std::string profile_table(const Profile& profile) {
    std::string out = "[profile]\n";
    for (const std::string_view key : profile_key_order) out += profile_key_line(profile, key);
    return out;
}

std::string equipment_table(const Equipment& item) {
    std::string out = fmt::format("[[equipment]]\nname = {}\non = \"{}\"  # {}\n", toml_quote(item.name),
                                  to_string(item.on), fmt::join(limb_names.names(), " | "));
    if (item.weight) return out + fmt::format("weight = {}  # a fixed pair, per limb\n", toml_quote(format_mass_exact(*item.weight)));
    out += fmt::format("shell = {}  # the empty cuff, per limb\n", toml_quote(format_mass_exact(item.shell)));
    std::vector<std::string> inserts;
    for (const Mass& mass : item.inserts) inserts.push_back(toml_quote(format_mass_exact(mass)));
    return out + fmt::format("inserts = [{}]\n", fmt::join(inserts, ", "));
}

std::string new_log_text(const Profile& profile) {
    std::string out = fmt::format(
        "# anklog training log. Plain TOML: edit freely, anklog only appends.\n"
        "version = {}\n"
        "\n",
        limits::format_version);
    out += profile_table(profile);
    for (const Equipment& item : profile.equipment) out += "\n" + equipment_table(item);
    return out;
}

std::string append_block(std::string_view existing, std::string_view block) {
    const bool crlf = existing.find("\r\n") != std::string_view::npos;
    const std::string_view newline = crlf ? "\r\n" : "\n";
    std::string out(existing);
    if (!out.empty()) {
        if (out.back() != '\n') out += newline;
        out += newline;
    }
    for (const char c : block) {
        if (c == '\n') {
            out += newline;
        } else {
            out += c;
        }
    }
    return out;
}

}  // namespace anklog
