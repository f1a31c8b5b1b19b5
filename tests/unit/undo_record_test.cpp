// The undo record's hash and text: what `anklog undo` trusts.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "undo/sha256.hpp"
#include "undo/undo_record.hpp"

using namespace anklog::storage;

TEST_CASE("sha256 - the FIPS 180-4 examples / padding at the block edges") {
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(sha256_hex(std::string(1'000'000, 'a')) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    // 55, 56 and 64 bytes: the length fits in the last block, or needs one more.
    CHECK(sha256_hex(std::string(55, 'a')) == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
    CHECK(sha256_hex(std::string(56, 'a')) == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
    CHECK(sha256_hex(std::string(64, 'a')) == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
}

TEST_CASE("an undo record reads back as written / anything else is no record") {
    UndoRecord appended{"log", Change::appended, 120, sha256_hex("after"), 100, sha256_hex("before"), 0};
    CHECK(to_text(appended) == "anklog undo record 1\n"
                               "# How to revert anklog's last write to the log beside it ('anklog undo'). Safe to delete.\n"
                               "command log\n"
                               "change appended\n"
                               "after 120 " + sha256_hex("after") + "\n"
                               "before 100 " + sha256_hex("before") + "\n");
    UndoRecord replaced{"profile", Change::replaced, 120, sha256_hex("after"), 100, sha256_hex("before"), 7};
    UndoRecord created{"plan --save", Change::created, 120, sha256_hex("after"), 0, "", 0};
    UndoRecord undone{"init --force", Change::undone, 0, sha256_hex(""), 0, "", 0};
    for (const UndoRecord& record : {appended, replaced, created, undone}) {
        CAPTURE(to_text(record));
        const auto back = parse_undo_record(to_text(record));
        REQUIRE(back);
        CHECK(back->command == record.command);
        CHECK(back->change == record.change);
        CHECK(back->after_size == record.after_size);
        CHECK(back->after_sha256 == record.after_sha256);
        CHECK(back->before_size == record.before_size);
        CHECK(back->before_sha256 == record.before_sha256);
        CHECK(back->backup_number == record.backup_number);
    }
    const std::string good = to_text(replaced);
    CHECK_FALSE(parse_undo_record(""));
    CHECK_FALSE(parse_undo_record(good.substr(0, good.size() - 1)));          // cut short
    CHECK_FALSE(parse_undo_record(good + "backup 8\n"));                      // twice
    CHECK_FALSE(parse_undo_record(good + "colour blue\n"));                   // unknown
    CHECK_FALSE(parse_undo_record(to_text(appended) + "backup 3\n"));         // an append needs none
    std::string bad_hash = good;
    bad_hash[bad_hash.find("after 120 ") + 10] = 'X';
    CHECK_FALSE(parse_undo_record(bad_hash));
    CHECK_FALSE(parse_undo_record("anklog undo record 2\n" + good.substr(good.find('\n') + 1)));
}

TEST_CASE("the record's name: hidden beside the log / cut to fit a file name / one per log whatever its length") {
    CHECK(undo_record_name("log.toml") == ".log.toml.anklog-undo");
    const std::string fits(242, 'n');  // the longest name whose record is ".NAME.anklog-undo"
    CHECK(undo_record_name(fits) == "." + fits + ".anklog-undo");
    const std::string longest(255, 'n');
    CHECK(undo_record_name(longest).size() == 255);
    CHECK(undo_record_name(longest) ==
          "." + longest.substr(0, 177) + ".anklog-undo-" + anklog::storage::sha256_hex(longest));
    // Names that share their first 242 bytes (or all but the last) have records of their own.
    std::set<std::string> records;
    for (std::size_t length = 230; length <= 255; ++length) {
        for (const char last : {'a', 'b'}) {
            const std::string name = std::string(length - 1, 'n') + last;
            const std::string record = undo_record_name(name);
            CHECK(record.size() <= 255);
            CHECK(record.starts_with("." + name.substr(0, 177)));
            records.insert(record);
        }
    }
    CHECK(records.size() == 2 * 26);
    // A long name's record is never a short name's: only those end in ".anklog-undo".
    CHECK_FALSE(undo_record_name(longest).ends_with(".anklog-undo"));
}
