#pragma once
// Shared by the rule implementations: the sessions in date order with what
// every rule needs precomputed, and one way to report a finding.
#include <string>
#include <unordered_map>
#include <vector>

#include "anklog/check.hpp"
#include "anklog/thresholds.hpp"

namespace anklog::rules {

struct Entry {
    const Session* session;
    std::size_t index;  // in Log::sessions
    const Activity* activity;
    int day;     // days since 1970-01-01
    double kg;   // weight per limb in kg; 0 when unweighted
    int volume;  // minutes, or sets x reps
    std::size_t order;  // position in date order

    [[nodiscard]] bool weighted() const { return kg > 0; }
    [[nodiscard]] Kind kind() const { return activity->kind; }
};

class Checker {
public:
    explicit Checker(const Log& log);

    [[nodiscard]] const Log& log() const { return log_; }
    [[nodiscard]] const Thresholds& thresholds() const { return thresholds_; }
    [[nodiscard]] const std::vector<Entry>& entries() const { return entries_; }

    // Adds a finding; a second finding of the same rule on the same session
    // merges into the first (highest severity, evidence joined).
    void report(const Entry& entry, RuleId rule, Severity severity, std::string message, std::string evidence,
                std::string advice);

    std::vector<Finding> take_findings();

    // "1.5 kg" in the profile's unit.
    [[nodiscard]] std::string mass(double kg) const;

private:
    const Log& log_;
    Thresholds thresholds_;
    std::vector<Entry> entries_;
    std::vector<Finding> findings_;
    // (entry order, rule) -> index in findings_, to merge a rule's findings on one session
    std::unordered_map<std::size_t, std::size_t> finding_of_entry_rule_;
};

// "20 min" or "12 reps"
std::string amount(Kind kind, double volume);
// "duration" or "volume"
std::string_view volume_word(Kind kind);
// "1 x 12" style volume of the session itself
std::string volume_of(const Entry& entry);
// Days since 1970-01-01.
int day_number(Date date);
Date date_of_day(int day);

void check_progression(Checker& checker);  // start-light, weight-and-volume, weight-jump, volume-spike,
                                           // return-after-break, pain (load raised after pain)
void check_load(Checker& checker);         // load-ramp, monotony, no-rest
void check_sessions(Checker& checker);     // ankle-weights-running, over-range, pain, persistent-pain, long-wear

}  // namespace anklog::rules
