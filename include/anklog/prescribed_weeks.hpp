#pragma once
// Adherence to a clinician's prescription, week by week (the review and the
// report show it).
#include <string>
#include <vector>

#include "anklog/date.hpp"
#include "anklog/log.hpp"

namespace anklog {

// One week of one prescription: the days with a session of its activity
// against the days prescribed, and the sessions above a range's top or
// below its bottom.
struct PrescribedWeek {
    Date monday{};
    const Prescription* prescription = nullptr;  // in Log::prescriptions: in force on the week's Monday (or its first day)
    int days_done = 0;
    int outside = 0;  // sessions above a range's top
    int below = 0;    // sessions below a range's bottom (1 set against 2-3)
    // A week with a session and every session inside the ranges; a week
    // without one is not "inside".
    [[nodiscard]] bool inside() const { return days_done > 0 && outside == 0 && below == 0; }
};

// "inside the ranges", "no session", "1 session above a range",
// "2 sessions below a range", "1 session above and 1 below a range".
std::string adherence_text(const PrescribedWeek& week);

// The `weeks` weeks up to the one holding `until`, oldest first, for each
// prescription in force in them (a week before any session or prescription
// is left out, and so is a week before the prescription's `from`).
std::vector<PrescribedWeek> prescription_adherence(const Log& log, Date until, int weeks);

}  // namespace anklog
