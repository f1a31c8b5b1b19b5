// anklog init: a new log with a profile; never silently replaces one.
#include <doctest/doctest.h>

#include "harness.hpp"

using namespace e2e;

TEST_CASE("init writes version and profile and says what to do next") {
    ScratchDir home;
    const Result r = run(home, {"-f", "log.toml", "init", "--weights", "1kg, 0.5kg,1.5 kg", "--history", "knee"});
    CHECK(r.exit_code == 0);
    CHECK(r.out == "created log.toml\nnext: after a workout, log it, e.g. anklog log walk --weight 0.5kg --minutes 10\n");
    CHECK(read(home / "log.toml") ==
          "# anklog training log. Plain TOML: edit freely, anklog only appends.\n"
          "version = 1\n"
          "\n"
          "[profile]\n"
          "units = \"kg\"  # kg | lb: display unit, and unit of bare numbers\n"
          "weights = [\"0.5 kg\", \"1 kg\", \"1.5 kg\"]  # weights you own, per limb\n"
          "history = [\"knee\"]  # past injuries: knee | hip | ankle\n");
}

TEST_CASE("init in pounds") {
    ScratchDir home;
    CHECK(run(home, {"-f", "log.toml", "-q", "init", "--units", "lb", "--weights", "1,2,3"}).out == "");
    CHECK(read(home / "log.toml").find("units = \"lb\"  #") != std::string::npos);
    CHECK(read(home / "log.toml").find("weights = [\"1 lb\", \"2 lb\", \"3 lb\"]") != std::string::npos);
}

TEST_CASE("init refuses to overwrite a log - --force replaces it and keeps the old one as FILE.~1~") {
    ScratchDir home;
    const std::string original = example("beginner-eight-weeks.toml");
    write(home / "log.toml", original);
    const Result refused = run(home, {"-f", "log.toml", "init"});
    CHECK(refused.exit_code == 2);
    CHECK(refused.err == "anklog: error: log.toml: a log already exists here\n"
                         "  help: log sessions into it with 'anklog log', or use --force to replace it (the old log is "
                         "kept as a numbered backup, FILE.~N~)\n");
    CHECK(read(home / "log.toml") == original);

    const Result forced = run(home, {"-f", "log.toml", "init", "--force"});
    CHECK(forced.exit_code == 0);
    CHECK(forced.out.rfind("replaced log.toml (the old log is in log.toml.~1~)\n", 0) == 0);
    CHECK(read(home / "log.toml.~1~") == original);
    CHECK(read(home / "log.toml").find("[[session]]") == std::string::npos);
}

TEST_CASE("init rejects bad values before writing anything") {
    ScratchDir home;
    const std::vector<std::pair<std::vector<std::string>, std::string>> cases{
        {{"--weights", "1kg,heavy"},
         "anklog: error: --weights: \"heavy\" is not a weight\n  help: list the weights you own per limb, e.g. "
         "--weights \"0.5kg,1kg,1.5kg\"\n"},
        {{"--weights", "30kg"}, "anklog: error: --weights: 30 kg is out of range\n  help: weights are per limb, up to 20 kg (44 lb)\n"},
        {{"--history", "kne"}, "anklog: error: --history: unknown injury \"kne\"\n  help: did you mean 'knee'?\n"},
        {{"--units", "stone"}, ""},
    };
    for (const auto& [args, expected_err] : cases) {
        std::vector<std::string> full{"-f", "log.toml", "init"};
        full.insert(full.end(), args.begin(), args.end());
        CAPTURE(fmt_args(full));
        const Result r = run(home, full);
        CHECK(r.exit_code == 2);
        if (!expected_err.empty()) CHECK(r.err == expected_err);
        CHECK_FALSE(fs::exists(home / "log.toml"));
    }
}
