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
          "history = [\"knee\"]  # past injuries: knee | hip | ankle; \"left knee\": that side only\n");
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
                         "  help: change its profile with 'anklog profile' (it takes the same options), or start a "
                         "new log with --force (the old one is kept as a numbered backup, FILE.~N~)\n");
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
         "anklog: error: --weights: \"heavy\" is not a weight\n  help: write a weight like 1kg, \"1.5 kg\", 500g or "
         "2lb; a bare number means kg\n"},
        {{"--weights", "30kg"},
         "anklog: error: --weights: weight 30 kg is out of range\n  help: a weight per limb is 0.1 kg (0.22 lb) to 20 "
         "kg (44 lb); 0 means unweighted\n"},
        {{"--weights", "0,5kg"},
         "anklog: error: --weights: \"0,5kg\" is not a list of weights\n  help: write decimals with a point: 0.5 kg "
         "(commas separate weights)\n"},
        {{"--weights", "0.001kg"},
         "anklog: error: --weights: weight 0.001 kg is lighter than any real weight\n  help: a weight per limb is 0.1 "
         "kg (0.22 lb) to 20 kg (44 lb); 0 means unweighted\n"},
        {{"--weights", "1.2344kg"},
         "anklog: error: --weights: weight 1.2344 kg is more precise than anklog keeps\n  help: anklog keeps weights "
         "to 3 decimals, e.g. 1.234 kg\n"},
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

TEST_CASE("init with weights all in pounds keeps the log in pounds: a bare -w 2 is 2 lb") {
    ScratchDir home;
    const Result init = run(home, {"-f", "log.toml", "init", "--weights", "1lb,2lbs,3 pounds"});
    CHECK(init.exit_code == 0);
    CHECK(read(home / "log.toml").find("units = \"lb\"") != std::string::npos);
    const Result log = run(home, {"-f", "log.toml", "log", "walk", "-w", "2", "-m", "10", "--dry-run"});
    CHECK(log.out.find("weight = \"2 lb\"\n") != std::string::npos);
    // Mixed units, or --units, decide as before.
    CHECK(run(home, {"-f", "mixed.toml", "init", "--weights", "1lb,1kg"}).exit_code == 0);
    CHECK(read(home / "mixed.toml").find("units = \"kg\"") != std::string::npos);
    CHECK(run(home, {"-f", "kg.toml", "init", "--units", "kg", "--weights", "1lb,2lb"}).exit_code == 0);
    CHECK(read(home / "kg.toml").find("units = \"kg\"") != std::string::npos);
}
