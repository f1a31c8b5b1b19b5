#pragma once
// Shared by the rule implementations: the sessions in date order with what
// every rule needs precomputed, the load each rule accepts for each session,
// and one way to report a finding.
#include <limits>
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
    int day;            // days since 1970-01-01
    double kg;          // weight per limb in kg; 0 when unweighted
    int volume;         // minutes, or sets x reps
    std::size_t order;  // position in date order

    [[nodiscard]] bool weighted() const { return kg > 0; }
    [[nodiscard]] Kind kind() const { return activity->kind; }
};

// The most each rule accepts for one session, gathered while the rules judge
// it (whether they fire or not), so that a finding can propose a load that no
// other rule flags.
struct Ceiling {
    static constexpr double none = std::numeric_limits<double>::infinity();
    double kg = none;      // heaviest weight per limb
    double volume = none;  // minutes, or reps in all, of a weighted session
    double any_volume = none;  // minutes, or reps in all, with or without weights
    double sets = none;    // strength: most sets
    // Weighted volume left in the family's week or in the day: below one
    // minute or rep, the session is done without weights.
    double budget = none;
    bool wrist = false;    // weights only on the wrists
    // weight-and-volume: above the working weight, no more than the working volume
    double working_kg = none;
    double working_volume = none;
};

class Checker {
public:
    explicit Checker(const Log& log);

    [[nodiscard]] const Log& log() const { return log_; }
    [[nodiscard]] const Thresholds& thresholds() const { return thresholds_; }
    [[nodiscard]] const std::vector<Entry>& entries() const { return entries_; }
    [[nodiscard]] Ceiling& ceiling(const Entry& entry) { return ceilings_[entry.order]; }

    // Adds a finding; a second finding of the same rule on the same session
    // merges into the first (highest severity, evidence joined). The advice
    // gets the suggested load appended when `remedy` is a lighter load.
    void report(const Entry& entry, RuleId rule, Severity severity, std::string message, std::string evidence,
                std::vector<Evidence> data, std::string advice);
    void report(const Entry& entry, RuleId rule, Severity severity, std::string message, std::string evidence,
                std::vector<Evidence> data, std::string advice, Remedy remedy);

    // Whether a finding of `rule` at `at_least` or above is on the session.
    [[nodiscard]] bool flagged(const Entry& entry, RuleId rule, Severity at_least) const;

    // The findings with their suggestions, in date order.
    std::vector<Finding> take_findings();

    // The session's weight as it was logged: "1 kg", "2 lb".
    [[nodiscard]] std::string logged_mass(const Entry& entry) const;
    // A computed weight in the person's unit: "1.5 kg", "3.3 lb".
    [[nodiscard]] std::string mass(double kg) const;
    // A limit as the person reads it: "1.5 kg", "about 3 lb".
    [[nodiscard]] std::string limit(double kg) const;

private:
    struct Pending {
        Finding finding;
        Remedy remedy;
    };
    [[nodiscard]] std::optional<Session> suggestion_for(const Entry& entry) const;

    const Log& log_;
    Thresholds thresholds_;
    std::vector<Entry> entries_;
    std::vector<Ceiling> ceilings_;  // by entry order
    std::vector<Pending> findings_;
    // (entry order, rule) -> index in findings_, to merge a rule's findings on one session
    std::unordered_map<std::size_t, std::size_t> finding_of_entry_rule_;
};

// "walk", or "side-leg-lift on the left ankle" for a session of one side:
// how a finding names what was done.
std::string named(const Entry& entry);
// "20 min" or "12 reps"
std::string amount(Kind kind, double volume);
// "duration" or "volume"
std::string_view volume_word(Kind kind);
// "min" or "reps": the unit of a volume in evidence
std::string_view volume_unit(Kind kind);
// "1 x 12" style volume of the session itself
std::string volume_of(const Entry& entry);
// Days since 1970-01-01, and back.
int day_number(Date date);
Date date_of_day(int day);

void check_progression(Checker& checker);  // start-light, weight-and-volume, weight-jump, volume-spike,
                                           // return-after-break, pain (load raised after pain)
void check_load(Checker& checker);         // load-ramp, monotony, no-rest
void check_sessions(Checker& checker);     // ankle-weights-running, over-range, pain, persistent-pain, long-wear
void check_prescriptions(Checker& checker);  // prescription: a session outside the clinician's ranges
void check_pain_hold(Checker& checker);    // pain-hold (after check_sessions: painful sessions are the pain rules')

}  // namespace anklog::rules
