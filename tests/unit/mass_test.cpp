#include <doctest/doctest.h>

#include "anklog/mass.hpp"
#include "anklog/profile.hpp"

using namespace anklog;

TEST_CASE("masses are read the ways people write them") {
    CHECK(parse_mass("1 kg", Unit::kg)->kg() == doctest::Approx(1.0));
    CHECK(parse_mass("1kg", Unit::lb)->kg() == doctest::Approx(1.0));
    CHECK(parse_mass("1.5 kg", Unit::kg)->amount == doctest::Approx(1.5));
    CHECK(parse_mass(" 2 lb ", Unit::kg)->unit == Unit::lb);
    CHECK(parse_mass("2 lbs", Unit::kg)->kg() == doctest::Approx(2 * kilograms_per_pound));
    CHECK(parse_mass("2 LBS", Unit::kg)->unit == Unit::lb);
    CHECK(parse_mass("3", Unit::lb)->unit == Unit::lb);
    CHECK(parse_mass("3", Unit::kg)->unit == Unit::kg);
    CHECK(parse_mass(".5kg", Unit::kg)->amount == doctest::Approx(0.5));
    CHECK(parse_mass("0 kg", Unit::kg)->is_zero());
}

TEST_CASE("anything else is not a mass") {
    for (const char* bad : {"", "kg", "-1 kg", "1 stone", "1..5kg", "1e3 kg", "nan", "inf", "one kg", "1 kg kg",
                            "1,5 kg", "+1kg"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_mass(bad, Unit::kg).has_value());
    }
}

TEST_CASE("masses are shown in the profile's unit / without noise") {
    CHECK(format_mass(Mass{1, Unit::kg}, Unit::kg) == "1 kg");
    CHECK(format_mass(Mass{1.5, Unit::kg}, Unit::kg) == "1.5 kg");
    CHECK(format_mass(Mass{0.25, Unit::kg}, Unit::kg) == "0.25 kg");
    CHECK(format_mass(Mass{2, Unit::lb}, Unit::lb) == "2 lb");
    CHECK(format_mass(Mass{1, Unit::kg}, Unit::lb) == "2.2 lb");
    CHECK(format_mass(Mass{2, Unit::lb}, Unit::kg) == "0.91 kg");
    CHECK(format_mass_exact(Mass{2, Unit::lb}) == "2 lb");
    CHECK(format_mass(Mass{1e26, Unit::kg}, Unit::kg) == "1e+26 kg");  // only ever in an error message
}

TEST_CASE("the same weight in different units compares equal") {
    CHECK(compare(Mass{1, Unit::kg}, Mass{1 / kilograms_per_pound, Unit::lb}) == 0);
    CHECK(compare(Mass{1, Unit::kg}, Mass{2, Unit::lb}) > 0);
    CHECK(compare(Mass{0.5, Unit::kg}, Mass{1, Unit::kg}) < 0);
}

TEST_CASE("weight steps: the next weight owned / else 0.5 kg or 1 lb") {
    Profile none;
    CHECK(compare(*next_weight_up(none, Limb::ankle, Mass{1, Unit::kg}), Mass{1.5, Unit::kg}) == 0);
    CHECK(compare(lightest_weight(none, Limb::ankle), Mass{0.5, Unit::kg}) == 0);

    Profile pounds;
    pounds.units = Unit::lb;
    CHECK(compare(*next_weight_up(pounds, Limb::ankle, Mass{2, Unit::lb}), Mass{3, Unit::lb}) == 0);
    CHECK(compare(lightest_weight(pounds, Limb::ankle), Mass{1, Unit::lb}) == 0);

    Profile owner;
    owner.weights = {Mass{0.5, Unit::kg}, Mass{1, Unit::kg}, Mass{2, Unit::kg}};
    CHECK(compare(*next_weight_up(owner, Limb::ankle, Mass{1, Unit::kg}), Mass{2, Unit::kg}) == 0);
    CHECK(compare(*next_weight_up(owner, Limb::ankle, Mass{0, Unit::kg}), Mass{0.5, Unit::kg}) == 0);
    CHECK_FALSE(next_weight_up(owner, Limb::ankle, Mass{2, Unit::kg}).has_value());
    CHECK(compare(*next_weight_down(owner, Limb::ankle, Mass{2, Unit::kg}), Mass{1, Unit::kg}) == 0);
    CHECK_FALSE(next_weight_down(owner, Limb::ankle, Mass{0.5, Unit::kg}).has_value());
    CHECK(compare(*next_weight_down(none, Limb::ankle, Mass{1.5, Unit::kg}), Mass{1, Unit::kg}) == 0);
    CHECK_FALSE(next_weight_down(none, Limb::ankle, Mass{0.5, Unit::kg}).has_value());
    CHECK(compare(*next_weight_down(pounds, Limb::ankle, Mass{3, Unit::lb}), Mass{2, Unit::lb}) == 0);
    CHECK(compare(lightest_weight(owner, Limb::ankle), Mass{0.5, Unit::kg}) == 0);
}

namespace {

Equipment cuffs(Limb on = Limb::ankle) {
    Equipment item;
    item.name = "adjustable cuffs";
    item.on = on;
    item.shell = Mass{0.5, Unit::lb};
    item.inserts.assign(8, Mass{0.5, Unit::lb});
    return item;
}

std::string listed(const std::vector<Mass>& masses) {
    std::string out;
    for (const Mass& m : masses) out += (out.empty() ? "" : ", ") + format_mass_exact(m);
    return out;
}

}  // namespace

TEST_CASE("equipment settings: a shell plus any subset of its inserts / a fixed pair its weight") {
    const Equipment adjustable = cuffs();
    CHECK(listed(equipment_settings(adjustable)) ==
          "0.5 lb, 1 lb, 1.5 lb, 2 lb, 2.5 lb, 3 lb, 3.5 lb, 4 lb, 4.5 lb");
    CHECK(settings_text(equipment_settings(adjustable), Unit::kg) == "0.5-4.5 lb in 0.5 lb steps");

    Equipment irregular;
    irregular.name = "odd cuffs";
    irregular.shell = Mass{0.25, Unit::kg};
    irregular.inserts = {Mass{0.5, Unit::kg}, Mass{1, Unit::kg}};
    CHECK(listed(equipment_settings(irregular)) == "0.25 kg, 0.75 kg, 1.25 kg, 1.75 kg");
    CHECK(settings_text(equipment_settings(irregular), Unit::kg) == "0.25-1.75 kg in 0.5 kg steps");
    irregular.inserts = {Mass{0.5, Unit::kg}, Mass{2, Unit::kg}};
    CHECK(settings_text(equipment_settings(irregular), Unit::kg) == "0.25 kg, 0.75 kg, 2.25 kg, 2.75 kg");

    // An empty shell of 0 makes no weight by itself; one unit per item.
    Equipment bars;
    bars.name = "bars";
    bars.shell = Mass{0, Unit::lb};
    bars.inserts = {Mass{1, Unit::lb}, Mass{2, Unit::lb}};
    CHECK(listed(equipment_settings(bars)) == "1 lb, 2 lb, 3 lb");
    bars.inserts.push_back(Mass{0.5, Unit::kg});
    CHECK(check_equipment(bars)->message == "the shell and the inserts are in different units");

    Equipment pair;
    pair.name = "pair";
    pair.weight = Mass{1, Unit::kg};
    CHECK(listed(equipment_settings(pair)) == "1 kg");

    // Many equal inserts stay few sums.
    Equipment many = cuffs();
    many.inserts.assign(max_inserts, Mass{0.5, Unit::lb});
    CHECK(equipment_settings(many).size() == max_inserts + 1);

    CHECK(check_equipment(adjustable) == std::nullopt);
    Equipment nothing;
    nothing.name = "empty";
    CHECK(check_equipment(nothing)->field == "inserts");
}

TEST_CASE("weights proposed at a placement are settings of the equipment worn there") {
    Profile p;
    p.equipment = {cuffs(Limb::ankle)};
    // Ankle: the cuffs' settings; one weight step is their 0.5 lb.
    CHECK(format_mass_exact(*next_weight_up(p, Limb::ankle, Mass{1, Unit::lb})) == "1.5 lb");
    CHECK(format_mass_exact(*next_weight_up(p, Limb::ankle, Mass{0.5, Unit::kg})) == "1.5 lb");
    CHECK_FALSE(next_weight_up(p, Limb::ankle, Mass{4.5, Unit::lb}).has_value());
    CHECK(format_mass_exact(*next_weight_down(p, Limb::ankle, Mass{1, Unit::kg})) == "2 lb");
    CHECK(format_mass_exact(lightest_weight(p, Limb::ankle)) == "0.5 lb");
    CHECK(format_mass_exact(*settable_at_most(p, Limb::ankle, 1.0)) == "2 lb");
    CHECK(between_settings_text(p, Limb::ankle, 1.0, settable_at_most(p, Limb::ankle, 1.0)) ==
          "1 kg is not a setting of your adjustable cuffs: 2 lb");
    CHECK(between_settings_text(p, Limb::ankle, Mass{2, Unit::lb}.kg(), Mass{2, Unit::lb}).empty());
    CHECK_FALSE(settable_at_most(p, Limb::ankle, 0.1).has_value());
    CHECK(between_settings_text(p, Limb::ankle, 0.1, std::nullopt) ==
          "the lightest setting of your adjustable cuffs is 0.5 lb: buy a pair of at most 0.1 kg or go without "
          "weight");
    // Wrist: the ankle cuffs are not proposed; nothing listed there steps by the default.
    CHECK(format_mass_exact(lightest_weight(p, Limb::wrist)) == "0.5 kg");
    CHECK(format_mass_exact(*next_weight_up(p, Limb::wrist, Mass{0.5, Unit::kg})) == "1 kg");
    CHECK(between_settings_text(p, Limb::wrist, 0.9, settable_at_most(p, Limb::wrist, 0.9)).empty());
    // [profile] weights are fixed pairs worn anywhere.
    p.weights = {Mass{3, Unit::kg}};
    CHECK(format_mass_exact(lightest_weight(p, Limb::wrist)) == "3 kg");
    CHECK(format_mass_exact(*next_weight_up(p, Limb::ankle, Mass{4.5, Unit::lb})) == "3 kg");
    // The typo guard.
    CHECK(unmade_weight_note(p, Limb::ankle, Mass{0.9, Unit::kg}) ==
          "0.9 kg is not a weight your equipment for the ankles makes (0.5 lb, 1 lb, 1.5 lb, 2 lb, 2.5 lb, 3 lb, 3.5 "
          "lb, 4 lb, 4.5 lb, 3 kg); logged as you wrote it");
    CHECK(unmade_weight_note(p, Limb::ankle, Mass{2, Unit::lb}).empty());
    CHECK(unmade_weight_note(Profile{}, Limb::ankle, Mass{0.9, Unit::kg}).empty());
}
