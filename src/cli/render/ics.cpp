#include "render/ics.hpp"


#include "render/output.hpp"

namespace anklog::cli {

namespace {

constexpr std::size_t max_line_octets = 75;  // CRLF excluded (RFC 5545 3.1)

// "20261123": a DATE value.
std::string date_value(Date date) {
    std::string text = to_string(date);  // 2026-11-23
    std::erase(text, '-');
    return text;
}

bool continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U; }

}  // namespace

std::string ics_text(std::string_view text) {
    std::string out;
    for (const char c : terminal_safe_lines(text)) {
        switch (c) {
            case '\\': out += "\\\\"; break;
            case ';': out += "\\;"; break;
            case ',': out += "\\,"; break;
            case '\n': out += "\\n"; break;
            default: out += c;
        }
    }
    return out;
}

std::string ics_line(std::string_view line) {
    std::string out;
    std::size_t room = max_line_octets;  // a continuation line's space takes one
    while (line.size() > room) {
        std::size_t cut = room;
        // Back to the start of a UTF-8 sequence (a valid one has at most 3
        // continuation bytes; terminal_safe leaves only valid UTF-8).
        while (cut > 0 && continuation_byte(line[cut])) --cut;
        if (cut == 0) cut = room;  // not UTF-8: cut where the octets say
        out.append(line.substr(0, cut));
        out += "\r\n ";
        line.remove_prefix(cut);
        room = max_line_octets - 1;
    }
    out.append(line);
    out += "\r\n";
    return out;
}

std::string ics_calendar(const Calendar& calendar) {
    std::string out = ics_line("BEGIN:VCALENDAR");
    out += ics_line("VERSION:2.0");
    out += ics_line("PRODID:-//anklog//anklog plan//EN");
    out += ics_line("CALSCALE:GREGORIAN");
    out += ics_line("X-WR-CALNAME:" + ics_text(calendar.name));
    const std::string stamp = date_value(calendar.stamp) + "T000000Z";
    for (const CalendarEvent& event : calendar.events) {
        out += ics_line("BEGIN:VEVENT");
        out += ics_line("UID:" + ics_text(event.uid));
        out += ics_line("DTSTAMP:" + stamp);
        out += ics_line("DTSTART;VALUE=DATE:" + date_value(event.start));
        out += ics_line("DTEND;VALUE=DATE:" + date_value(add_days(event.start, event.days)));
        out += ics_line("SUMMARY:" + ics_text(event.summary));
        out += ics_line("DESCRIPTION:" + ics_text(event.description));
        // A day's workout does not make the person busy all day.
        out += ics_line("TRANSP:TRANSPARENT");
        out += ics_line("END:VEVENT");
    }
    out += ics_line("END:VCALENDAR");
    return out;
}

}  // namespace anklog::cli
