#include <doctest/doctest.h>

#include <string>

#include "anklog/error.hpp"
#include "anklog/log_merge.hpp"
#include "anklog/log_parser.hpp"

using namespace anklog;

namespace {

const std::string header = "version = 1\n\n[profile]\nunits = \"kg\"\n";

std::string session(const std::string& date, int minutes = 20) {
    return "\n[[session]]\ndate = " + date + "\nactivity = \"walk\"\nweight = \"1 kg\"\nminutes = " +
           std::to_string(minutes) + "\n";
}

const std::string base = header + session("2026-11-02") + session("2026-11-04");

}  // namespace

TEST_CASE("merge: what each side appended comes after the base, ours first, nothing reordered") {
    const std::string ours = base + session("2026-11-06");
    const std::string theirs = base + session("2026-11-07") + session("2026-11-08");
    const MergedLog merged = merge_logs(base, ours, theirs);
    CHECK(merged.conflicts == 0);
    CHECK(merged.text == base + session("2026-11-06") + session("2026-11-07") + session("2026-11-08"));
    CHECK(parse_log(merged.text, "log.toml").sessions.size() == 5);
}

TEST_CASE("merge: a block both sides appended identically is kept once") {
    const std::string ours = base + session("2026-11-06") + session("2026-11-07");
    const std::string theirs = base + session("2026-11-06") + session("2026-11-08");
    const MergedLog merged = merge_logs(base, ours, theirs);
    CHECK(merged.conflicts == 0);
    CHECK(merged.text == base + session("2026-11-06") + session("2026-11-07") + session("2026-11-08"));
}

TEST_CASE("merge: one side unchanged gives the other side, both unchanged give the base") {
    const std::string ours = base + session("2026-11-06");
    CHECK(merge_logs(base, ours, base).text == ours);
    CHECK(merge_logs(base, base, ours).text == ours);
    CHECK(merge_logs(base, base, base).text == base);
}

TEST_CASE("merge: an edit on one side and appends on both are all kept") {
    const std::string ours = header + session("2026-11-02", 25) + session("2026-11-04") + session("2026-11-06");
    const std::string theirs = base + session("2026-11-07");
    const MergedLog merged = merge_logs(base, ours, theirs);
    CHECK(merged.conflicts == 0);
    CHECK(merged.text == header + session("2026-11-02", 25) + session("2026-11-04") + session("2026-11-06") +
                             session("2026-11-07"));
}

TEST_CASE("merge: different edits of different sessions are both kept, and a deletion") {
    const std::string ours = header + session("2026-11-02", 25) + session("2026-11-04");
    const std::string theirs = header + session("2026-11-02") + session("2026-11-04", 30);
    CHECK(merge_logs(base, ours, theirs).text == header + session("2026-11-02", 25) + session("2026-11-04", 30));
    const std::string deleted = header + session("2026-11-04");
    CHECK(merge_logs(base, deleted, base + session("2026-11-09")).text ==
          header + session("2026-11-04") + session("2026-11-09"));
}

TEST_CASE("merge: both sides changed one session differently: marked, explained, and check locates it") {
    const std::string ours = header + session("2026-11-02", 25) + session("2026-11-04") + session("2026-11-06");
    const std::string theirs = header + session("2026-11-02", 30) + session("2026-11-04");
    const MergedLog merged = merge_logs(base, ours, theirs);
    CHECK(merged.conflicts == 1);
    const std::string expected = header + "\n# anklog: merge conflict: both devices changed this session; keep one side and "
                                          "delete the marker lines\n<<<<<<< ours\n" +
                                 session("2026-11-02", 25).substr(1) + "=======\n" + session("2026-11-02", 30).substr(1) +
                                 ">>>>>>> theirs\n" + session("2026-11-04") + session("2026-11-06");
    CHECK(merged.text == expected);
    const auto conflict = find_merge_conflict(merged.text);
    REQUIRE(conflict.has_value());
    CHECK(conflict->line == 7);
    CHECK(conflict->what == "both devices changed this session");
    try {
        (void)parse_log(merged.text, "log.toml");
        FAIL("a log with conflict markers parsed");
    } catch (const Error& e) {
        CHECK(e.where().to_string() == "log.toml:7");
        CHECK(e.message() == "merge conflict: both devices changed this session");
    }
}

TEST_CASE("merge: the same change on both sides is no conflict") {
    const std::string both = header + session("2026-11-02", 25) + session("2026-11-04");
    const MergedLog merged = merge_logs(base, both, both);
    CHECK(merged.conflicts == 0);
    CHECK(merged.text == both);
}

TEST_CASE("merge: one side edited a session the other deleted") {
    const std::string ours = header + session("2026-11-02", 25) + session("2026-11-04");
    const std::string theirs = header + session("2026-11-04");
    const MergedLog merged = merge_logs(base, ours, theirs);
    CHECK(merged.conflicts == 1);
    REQUIRE(find_merge_conflict(merged.text).has_value());
    CHECK(find_merge_conflict(merged.text)->what == "one device changed this session, the other deleted it");
}

TEST_CASE("merge: the profile changed differently on both sides is a conflict, on one side taken") {
    const std::string ours = "version = 1\n\n[profile]\nunits = \"lb\"\n" + session("2026-11-02") + session("2026-11-04");
    const std::string theirs = "version = 1\n\n[profile]\nunits = \"kg\"\nname = \"A\"\n" + session("2026-11-02") +
                               session("2026-11-04");
    const MergedLog merged = merge_logs(base, ours, theirs);
    CHECK(merged.conflicts == 1);
    REQUIRE(find_merge_conflict(merged.text).has_value());
    CHECK(find_merge_conflict(merged.text)->what == "both devices changed the profile");
    CHECK(find_merge_conflict(merged.text)->line == 2);
    const MergedLog one = merge_logs(base, ours, base + session("2026-11-06"));
    CHECK(one.conflicts == 0);
    CHECK(one.text == ours + session("2026-11-06"));
}

TEST_CASE("merge: a plan's marker comment stays with its planned blocks") {
    const std::string plan = "\n# anklog plan for the week of 2026-11-09\n[[planned]]\ndate = 2026-11-10\nactivity = "
                             "\"walk\"\nweight = \"1 kg\"\nminutes = 20\n";
    const std::string ours = base + plan;
    const std::string theirs = base + session("2026-11-06");
    const MergedLog merged = merge_logs(base, ours, theirs);
    CHECK(merged.conflicts == 0);
    CHECK(merged.text == base + plan + session("2026-11-06"));
}

TEST_CASE("merge: a log without a final newline, and blank lines at the end, merge as the same base") {
    std::string no_newline = base;
    no_newline.pop_back();
    const MergedLog merged = merge_logs(no_newline, base + session("2026-11-06"), no_newline);
    CHECK(merged.text == base + session("2026-11-06"));
    const MergedLog both = merge_logs(no_newline, no_newline + "\n" + session("2026-11-06"), no_newline + "\n" + session("2026-11-07"));
    CHECK(both.conflicts == 0);
    CHECK(both.text == no_newline + "\n" + session("2026-11-06") + session("2026-11-07"));
}

TEST_CASE("merge: texts that do not split are merged whole") {
    const std::string odd = "version = 1\r";  // a CR alone: not the plain shape
    CHECK(merge_logs(odd, odd, odd + "x").text == odd + "x");
    const MergedLog both = merge_logs(odd, odd + "a", odd + "b");
    CHECK(both.conflicts == 1);
    CHECK(find_merge_conflict(both.text)->what == "both devices changed the log");
}
