// history_for_check: check() on the slice of the history it keeps, with
// sessions added after the log, finds exactly what check() finds on the whole
// log with those sessions added: the same findings on the added sessions,
// field by field. Property-tested over random histories (breaks, pain,
// pounds, injury history, sessions out of date order, [rules] thresholds
// anywhere in their ranges, rules switched off) and random added sessions
// (ANKLOG_SLICE_SEEDS=40000 runs more of them than the default 3000).
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <random>
#include <variant>

#include "law_trials.hpp"
#include "anklog/check.hpp"
#include "anklog/rules.hpp"

using namespace anklog;

namespace {

const std::vector<std::string> activity_names{"walk",         "hike",         "run",   "pilates", "barre",
                                              "side-leg-lift", "glute-bridge", "squat", "lunge",   "sit-up"};

class Random {
public:
    explicit Random(unsigned seed) : engine_(seed) {}
    int between(int low, int high) { return std::uniform_int_distribution<int>(low, high)(engine_); }
    bool chance(double p) { return std::bernoulli_distribution(p)(engine_); }
    template <typename T>
    const T& pick(const std::vector<T>& options) {
        return options[static_cast<std::size_t>(between(0, static_cast<int>(options.size()) - 1))];
    }
    std::mt19937& engine() { return engine_; }

private:
    std::mt19937 engine_;
};

Session random_session(Random& random, const Log& log, Date date) {
    Session s;
    s.date = date;
    s.activity = random.pick(activity_names);
    s.on = random.chance(0.2) ? Limb::wrist : Limb::ankle;
    if (!random.chance(0.15)) {
        const Unit unit = log.profile.units;
        const std::vector<double> amounts =
            unit == Unit::kg ? std::vector<double>{0.5, 1, 1, 1.5, 2, 3, 6} : std::vector<double>{1, 2, 2, 3, 4, 6, 12};
        s.weight = Mass{random.pick(amounts), unit};
    }
    if (is_timed(log.catalogue.find(s.activity)->kind)) {
        s.minutes = random.pick(std::vector<int>{5, 10, 12, 15, 20, 25, 30, 45, 60, 90, 130});
    } else {
        s.sets = random.between(1, 4);
        s.reps = random.between(5, 20);
    }
    if (random.chance(0.5)) s.effort = random.between(1, 9);
    if (random.chance(0.3)) s.pain = random.chance(0.5) ? random.between(0, 2) : random.between(3, 8);
    return s;
}

// Thresholds anywhere in their ranges, the day windows favoured.
void random_rules(Random& random, Log& log) {
    for (std::size_t i = 0; i < rule_count; ++i) {
        if (random.chance(0.05)) log.rules.switch_off(static_cast<RuleId>(i));
    }
    for (std::size_t i = 0; i < knob_count; ++i) {
        if (!random.chance(0.15)) continue;
        const Threshold& t = threshold(static_cast<Knob>(i));
        const bool days = t.name.find("days") != std::string_view::npos || t.name == "weeks" || t.name == "of_last";
        // Day counts mostly up to two months, where short histories feel them.
        const double high = days && random.chance(0.8) ? std::min(t.max, 60.0) : t.max;
        const double value = days || random.chance(0.5)
                                 ? std::round(std::uniform_real_distribution<double>(t.min, high)(random.engine()))
                                 : std::uniform_real_distribution<double>(t.min, t.max)(random.engine());
        log.rules.set(t.knob, std::clamp(value, t.min, t.max));
    }
}

Log random_history(Random& random) {
    Log log;
    if (random.chance(0.3)) log.profile.units = Unit::lb;
    if (random.chance(0.3)) log.profile.injuries.push_back(Injury::knee);
    if (random.chance(0.5)) random_rules(random, log);
    const int count = random.pick(std::vector<int>{0, 1, 3, 10, 40, 120, 300});
    Date date{std::chrono::year{2024}, std::chrono::January, std::chrono::day{1}};
    for (int i = 0; i < count; ++i) {
        // Mostly every day or two, sometimes the same day, now and then a break.
        const int gap = random.chance(0.05) ? random.between(10, 200) : random.chance(0.2) ? 0 : random.between(1, 3);
        date = add_days(date, gap);
        log.sessions.push_back(random_session(random, log, date));
        log.sessions.back().line = i + 1;
    }
    // Sessions need not be in date order in the file.
    if (random.chance(0.2)) std::shuffle(log.sessions.begin(), log.sessions.end(), random.engine());
    return log;
}

std::vector<Session> random_added(Random& random, const Log& log) {
    Date latest{std::chrono::year{2024}, std::chrono::January, std::chrono::day{1}};
    for (const Session& s : log.sessions) latest = std::max(latest, s.date);
    Date date = add_days(latest, random.chance(0.3) ? 0 : random.between(1, random.chance(0.2) ? 60 : 7));
    std::vector<Session> added;
    for (int n = random.between(1, 8); n > 0; --n) {
        added.push_back(random_session(random, log, date));
        if (random.chance(0.6)) date = add_days(date, random.between(1, 2));
    }
    // A plan lists its sessions activity by activity, not by date.
    if (random.chance(0.3)) std::shuffle(added.begin(), added.end(), random.engine());
    return added;
}

std::string describe(const Finding& f) {
    std::string data;
    for (const Evidence& e : f.data) {
        data += fmt::format("{}=", e.name);
        std::visit([&](const auto& v) { data += fmt::format("{};", v); }, e.value);
    }
    std::string suggestion = "none";
    if (f.suggestion) {
        const Session& s = *f.suggestion;
        suggestion = fmt::format("{} {} {} {} {} {} {}", to_string(s.date), s.activity, to_string(s.on),
                                 s.weight ? fmt::format("{}{}", s.weight->amount, to_string(s.weight->unit)) : "-",
                                 s.minutes.value_or(-1), s.sets.value_or(-1), s.reps.value_or(-1));
    }
    return fmt::format("{} {} #{} {} {} | {} | {} | {} | {} | {}", to_string(f.rule), to_string(f.severity), f.session,
                       to_string(f.date), f.activity, f.message, f.evidence, data, f.advice, suggestion);
}

// The findings on the added sessions, numbered from the first added one.
std::vector<std::string> findings_on_added(Log log, const std::vector<Session>& added) {
    const std::size_t logged = log.sessions.size();
    log.sessions.insert(log.sessions.end(), added.begin(), added.end());
    std::vector<std::string> out;
    for (Finding& f : check(log)) {
        if (f.session < logged) continue;
        f.session -= logged;
        out.push_back(describe(f));
    }
    return out;
}

}  // namespace

TEST_CASE("history_for_check: the same findings on added sessions as the whole log, over random histories") {
    int sliced = 0;
    int findings = 0;
    const unsigned seeds = std::getenv("ANKLOG_SLICE_SEEDS") ? static_cast<unsigned>(std::atoi(std::getenv("ANKLOG_SLICE_SEEDS"))) : static_cast<unsigned>(test::law_trials(3000));
    for (unsigned seed = 1; seed <= seeds; ++seed) {
        Random random(seed);
        const Log log = random_history(random);
        const std::vector<Session> added = random_added(random, log);
        const Log slice = history_for_check(log, added);
        CAPTURE(seed);
        CHECK(slice.sessions.size() <= log.sessions.size());
        sliced += slice.sessions.size() < log.sessions.size();
        const auto expected = findings_on_added(log, added);
        findings += static_cast<int>(expected.size());
        CHECK(findings_on_added(slice, added) == expected);
    }
    MESSAGE(sliced << " of " << seeds << " histories sliced, " << findings << " findings compared");
    CHECK(sliced > static_cast<int>(seeds / 3));  // the property must be about slices, not whole logs
    CHECK(findings > static_cast<int>(seeds));
}

TEST_CASE("history_for_check: a long regular history keeps a few weeks of it") {
    Log log;
    Date date{std::chrono::year{2020}, std::chrono::January, std::chrono::day{6}};
    for (int week = 0; week < 200; ++week, date = add_days(date, 7)) {
        for (const int day : {0, 2, 4}) {
            Session s;
            s.date = add_days(date, day);
            s.activity = "walk";
            s.weight = Mass{1, Unit::kg};
            s.minutes = 20;
            log.sessions.push_back(s);
        }
    }
    Session next = log.sessions.back();
    next.date = add_days(date, 0);
    const Log slice = history_for_check(log, {next});
    CHECK(slice.sessions.size() < 40);
    CHECK(!slice.sessions.empty());
    // Added before the last session: the whole log.
    next.date = add_days(date, -4);
    CHECK(history_for_check(log, {next}).sessions.size() == log.sessions.size());
}
