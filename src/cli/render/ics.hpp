#pragma once
// An iCalendar file (RFC 5545) of all-day events: what `plan --format ics`
// prints. Written here, not with libical: anklog needs one kind of
// component with a handful of properties, and libical pulls in ICU (tens of
// megabytes) for time zones that all-day events never use. Pure text
// building: the events come from the command, their UIDs already made.
#include <string>
#include <string_view>
#include <vector>

#include "anklog/date.hpp"

namespace anklog::cli {

struct CalendarEvent {
    Date start{};            // an all-day event from this day
    int days = 1;            // lasting this many days (DTEND is exclusive)
    std::string uid;         // stable and globally unique
    std::string summary;     // plain text: escaped here
    std::string description; // plain text, newlines kept: escaped here
};

struct Calendar {
    std::string name;  // X-WR-CALNAME, plain text
    Date stamp{};      // DTSTAMP, at 00:00:00 UTC
    std::vector<CalendarEvent> events;
};

// A TEXT value (RFC 5545 3.3.11): made terminal-safe first (control
// characters, escape sequences and bidi controls shown escaped, newlines
// kept), then backslash, semicolon, comma and newline escaped.
std::string ics_text(std::string_view text);

// One content line, folded (RFC 5545 3.1): at most 75 octets a line, a
// continuation line starting with a space, never inside a UTF-8 sequence;
// each line ends in CRLF.
std::string ics_line(std::string_view line);

// The whole calendar, CRLF line endings.
std::string ics_calendar(const Calendar& calendar);

}  // namespace anklog::cli
