#pragma once
// Adherence to a clinician's prescription, week by week (the review and the
// report show it).
#include <vector>

#include "anklog/date.hpp"
#include "anklog/log.hpp"

namespace anklog {

// One week of one prescription: the days with a session of its activity
// against the days prescribed, and the sessions above a range's top.
struct PrescribedWeek {
    Date monday{};
    const Prescription* prescription = nullptr;  // in Log::prescriptions: in force on the week's Monday (or its first day)
    int days_done = 0;
    int outside = 0;  // sessions above a range's top
    [[nodiscard]] bool inside() const { return outside == 0; }
};

// The `weeks` weeks up to the one holding `until`, oldest first, for each
// prescription in force in them (a week before any session or prescription
// is left out).
std::vector<PrescribedWeek> prescription_adherence(const Log& log, Date until, int weeks);

}  // namespace anklog
