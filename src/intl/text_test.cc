#include "intl/text.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace giaoban::intl {
namespace {

// "Việt" spelled with a bare "e" followed by U+0323 (dot below) and U+0302 (circumflex).
const std::string kVietNfd =
    "Vi"
    "e\xCC\xA3\xCC\x82"
    "t";
const std::string kVietNfc = "Việt";

TEST(IsValidUtf8Test, AcceptsWellFormedText) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("ASCII only 123"));
  EXPECT_TRUE(IsValidUtf8("Ủy ban nhân dân tỉnh Đắk Lắk"));
  EXPECT_TRUE(IsValidUtf8(kVietNfd));
  EXPECT_TRUE(IsValidUtf8("\xC2\x80"));              // U+0080, smallest 2-byte
  EXPECT_TRUE(IsValidUtf8("\xDF\xBF"));              // U+07FF
  EXPECT_TRUE(IsValidUtf8("\xE0\xA0\x80"));          // U+0800, smallest 3-byte
  EXPECT_TRUE(IsValidUtf8("\xED\x9F\xBF"));          // U+D7FF, just below surrogates
  EXPECT_TRUE(IsValidUtf8("\xEE\x80\x80"));          // U+E000, just above surrogates
  EXPECT_TRUE(IsValidUtf8("\xEF\xBF\xBF"));          // U+FFFF
  EXPECT_TRUE(IsValidUtf8("\xF0\x90\x80\x80"));      // U+10000, smallest 4-byte
  EXPECT_TRUE(IsValidUtf8("\xF4\x8F\xBF\xBF"));      // U+10FFFF, largest
  EXPECT_TRUE(IsValidUtf8(std::string("a\0b", 3)));  // NUL is a valid code point
}

TEST(IsValidUtf8Test, RejectsMalformedText) {
  for (const char* bad : {
           "\x80",              // lone continuation
           "\xBF",              // lone continuation
           "\xC0\xAF",          // overlong '/'
           "\xC1\xBF",          // overlong
           "\xE0\x80\xAF",      // overlong 3-byte
           "\xE0\x9F\xBF",      // overlong 3-byte, top of range
           "\xF0\x80\x80\xAF",  // overlong 4-byte
           "\xF0\x8F\xBF\xBF",  // overlong 4-byte, top of range
           "\xED\xA0\x80",      // U+D800 high surrogate
           "\xED\xBF\xBF",      // U+DFFF low surrogate
           "\xF4\x90\x80\x80",  // U+110000
           "\xF5\x80\x80\x80",  // beyond Unicode
           "\xF8\x88\x80\x80\x80",
           "\xFE",
           "\xFF",
           "\xC3",              // truncated 2-byte
           "\xE1\xBB",          // truncated 3-byte
           "\xF0\x9F\x98",      // truncated 4-byte
           "\xC3\x28",          // bad continuation
           "\xE1\x28\xA1",      // bad second byte
           "\xE1\xBB\x28",      // bad third byte
           "\xF0\x9F\x98\x28",  // bad fourth byte
           "Vi\xE1\xBB",        // good start, truncated end
       }) {
    EXPECT_FALSE(IsValidUtf8(bad)) << testing::PrintToString(std::string(bad));
  }
}

TEST(ToValidUtf8Test, KeepsWellFormedTextAsItIs) {
  EXPECT_EQ(ToValidUtf8(""), "");
  EXPECT_EQ(ToValidUtf8("Ủy ban nhân dân"), "Ủy ban nhân dân");
  EXPECT_EQ(ToValidUtf8(std::string("a\0b", 3)), std::string("a\0b", 3));
}

TEST(ToValidUtf8Test, ReplacesEachRunOfBadBytesOnce) {
  const std::string fffd = "\xEF\xBF\xBD";
  EXPECT_EQ(ToValidUtf8("\xFF\xFE"), fffd);
  EXPECT_EQ(ToValidUtf8("a\xC3"), "a" + fffd);                     // truncated at the end
  EXPECT_EQ(ToValidUtf8("\xC0\xAF/"), fffd + "/");                 // overlong '/'
  EXPECT_EQ(ToValidUtf8("x\xED\xA0\x80y"), "x" + fffd + "y");      // a surrogate
  EXPECT_EQ(ToValidUtf8("tr\xE1\xBA\xA1ng\x80"), "trạng" + fffd);  // good text kept
  EXPECT_EQ(ToValidUtf8("\x80"
                        "a"
                        "\x80"),
            fffd + "a" + fffd);
  for (const char* bad : {"\xF4\x90\x80\x80", "\xE1\x28\xA1", "Vi\xE1\xBB"})
    EXPECT_TRUE(IsValidUtf8(ToValidUtf8(bad))) << testing::PrintToString(std::string(bad));
}

TEST(ToUpperTest, UpperCasesVietnameseInNfc) {
  EXPECT_EQ(ToUpper("Sở Giao thông vận tải"), "SỞ GIAO THÔNG VẬN TẢI");
  EXPECT_EQ(ToUpper("Ủy ban nhân dân tỉnh Quảng Ngãi"), "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI");
  EXPECT_EQ(ToUpper("đường"), "ĐƯỜNG");
  EXPECT_EQ(ToUpper("Quo\u0302\u0301c"), "QUỐC");  // decomposed in, composed out
  EXPECT_EQ(ToUpper(""), "");
  EXPECT_EQ(ToUpper("\xff"), "\xff");
}

TEST(ToNfcTest, ComposesDecomposedVietnamese) {
  ASSERT_NE(kVietNfd, kVietNfc);
  EXPECT_EQ(ToNfc(kVietNfd), kVietNfc);
  EXPECT_EQ(ToNfc(kVietNfc), kVietNfc);
  // Marks in non-canonical order (circumflex before dot below) still compose to the same letter.
  EXPECT_EQ(ToNfc("Vi"
                  "e\xCC\x82\xCC\xA3"
                  "t"),
            kVietNfc);
  EXPECT_EQ(ToNfc("D\xCC\x83ng"), "D\xCC\x83ng");  // nothing to compose with: stays decomposed
}

TEST(ToNfcTest, LeavesAsciiAndInvalidInputAlone) {
  EXPECT_EQ(ToNfc(""), "");
  EXPECT_EQ(ToNfc("125/QĐ-UBND"), "125/QĐ-UBND");
  EXPECT_EQ(ToNfc("plain ascii"), "plain ascii");
  const std::string bad = "e\xCC\x82\xFF";
  EXPECT_EQ(ToNfc(bad), bad);
}

TEST(FoldTest, RemovesDiacriticsAndCase) {
  EXPECT_EQ(Fold("Đình"), "dinh");
  EXPECT_EQ(Fold("đình"), "dinh");
  EXPECT_EQ(Fold("Kế hoạch"), "ke hoach");
  EXPECT_EQ(Fold("Kế hoạch  ĐÌNH"), "ke hoach dinh");
  EXPECT_EQ(Fold("Ủy ban nhân dân tỉnh Quảng Ngãi"), "uy ban nhan dan tinh quang ngai");
  EXPECT_EQ(Fold("ƯỚC TÍNH Ở ĐÂY"), "uoc tinh o day");
  EXPECT_EQ(Fold("Hà Nội"), "ha noi");
}

TEST(FoldTest, DecomposedInputFoldsLikeComposed) {
  EXPECT_EQ(Fold(kVietNfd), Fold(kVietNfc));
  EXPECT_EQ(Fold(kVietNfd), "viet");
  EXPECT_EQ(Fold("D\xCC\x83ng"), "dng");
  EXPECT_EQ(Fold("Tie\xCC\x82\xCC\x81n"), Fold("Tiến"));
}

// UTF-8 of one code point of the Basic Multilingual Plane.
std::string Utf8(char32_t c) {
  std::string out;
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
  return out;
}

TEST(FoldTest, FoldsEveryLatinCharacterAsIcuDoes) {
  // Every character the table covers, alone, between letters, between separators, and after
  // each of a few that fold to more than one letter or to nothing.
  std::vector<std::string> characters;
  for (const auto& [first, last] :
       {std::pair{0x80, 0x24F}, std::pair{0x300, 0x36F}, std::pair{0x1E00, 0x1EFF}})
    for (int c = first; c <= last; ++c) characters.push_back(Utf8(static_cast<char32_t>(c)));
  for (const std::string& c : characters) {
    SCOPED_TRACE(c);
    for (const std::string& text :
         {c, "a" + c + "b", "- " + c + " -", "ß" + c, "\xCC\x81" + c + "\xC3\x9F", c + c}) {
      ASSERT_EQ(Fold(text), FoldWithIcu(text));
    }
  }
}

TEST(FoldTest, FoldsMixedTextAsIcuDoes) {
  for (const std::string& text :
       {std::string("Sở GTVT: “Kế hoạch” số 125/QĐ-UBND — ngày 30/6"), kVietNfd + " " + kVietNfc,
        std::string("Ǆ ǅ ǆ ŉ İ ı ſ Ꞵ"), std::string("Việt Nam 越南 Вьетнам"),
        std::string("Thủ tục\u00A0hành chính\u2003(Đợt 2)"), std::string("bad \xFF Đ"),
        std::string("\xE1\xBA"), std::string("Ứ\xCC\x9B\xCC\x81ng")}) {
    SCOPED_TRACE(text);
    EXPECT_EQ(Fold(text), FoldWithIcu(text));
  }
  EXPECT_EQ(Fold("Việt Nam 越南"), "viet nam 越南");
}

TEST(FoldTest, CollapsesPunctuationAndSpace) {
  EXPECT_EQ(Fold("125/QĐ-UBND"), "125 qd ubnd");
  EXPECT_EQ(Fold("125/QD-UBND"), "125 qd ubnd");
  EXPECT_EQ(Fold("  Báo cáo, tháng 8/2023!  "), "bao cao thang 8 2023");
  EXPECT_EQ(Fold("a\t\n\u00A0b"), "a b");  // no-break space is a separator too
  EXPECT_EQ(Fold("«Tờ trình»"), "to trinh");
  EXPECT_EQ(Fold("--- ..."), "");
  EXPECT_EQ(Fold(""), "");
  EXPECT_EQ(Fold("   "), "");
}

TEST(FoldTest, UsesFullCaseFolding) {
  EXPECT_EQ(Fold("STRASSE"), Fold("Straße"));
  EXPECT_EQ(Fold("ΣΊΣΥΦΟΣ"), Fold("σίσυφος"));
}

TEST(FoldTest, IsIdempotent) {
  for (const char* s : {"Đình", "Kế hoạch  ĐÌNH", "125/QĐ-UBND", "Straße", "Việt Nam"}) {
    EXPECT_EQ(Fold(Fold(s)), Fold(s)) << s;
  }
}

TEST(FoldTest, AsciiFastPathMatchesGeneralPath) {
  // The same ASCII text with one harmless non-ASCII separator goes through ICU.
  EXPECT_EQ(Fold("Ke-Hoach 2023"), Fold("Ke-Hoach\u00A02023"));
}

TEST(CollationKeyTest, SortsInVietnameseOrder) {
  std::vector<std::string> names = {"Đức", "Dũng", "An", "Ánh", "Ăn", "Bình", "Ân"};
  std::sort(names.begin(), names.end(), [](const std::string& a, const std::string& b) {
    return CollationKey(a) < CollationKey(b);
  });
  const std::vector<std::string> expected = {"An", "Ánh", "Ăn", "Ân", "Bình", "Dũng", "Đức"};
  EXPECT_EQ(names, expected);

  std::vector<std::string> by_collate = names;
  std::sort(by_collate.begin(), by_collate.end(),
            [](const std::string& a, const std::string& b) { return Collate(a, b) < 0; });
  EXPECT_EQ(by_collate, expected);
}

TEST(CollationKeyTest, VietnameseLetterOrder) {
  EXPECT_LT(CollationKey("a"), CollationKey("ă"));
  EXPECT_LT(CollationKey("ă"), CollationKey("â"));
  EXPECT_LT(CollationKey("â"), CollationKey("b"));
  EXPECT_LT(CollationKey("d"), CollationKey("đ"));
  EXPECT_LT(CollationKey("dz"), CollationKey("đa"));  // đ is a letter after d, not a variant of d
  EXPECT_LT(CollationKey("e"), CollationKey("ê"));
  EXPECT_LT(CollationKey("o"), CollationKey("ô"));
  EXPECT_LT(CollationKey("ô"), CollationKey("ơ"));
  EXPECT_LT(CollationKey("u"), CollationKey("ư"));
  EXPECT_LT(CollationKey("ư"), CollationKey("v"));
}

TEST(CollationKeyTest, KeyOrderAgreesWithCollate) {
  const std::vector<std::string> words = {
      "",           "a",    "A",           "á",      "à",      "ả",      "ã",
      "ạ",          "ă",    "ằ",           "â",      "ấ",      "b",      "d",
      "D",          "đ",    "Đ",           "đa",     "dz",     "e",      "ê",
      "ệ",          "o",    "ô",           "ơ",      "ợ",      "u",      "ư",
      "ừ",          "y",    "ỹ",           "Nguyễn", "Nguyên", "Nguyen", "Sở Tài chính",
      "Sở Tư pháp", "UBND", "125/QĐ-UBND", "12",     "2",      kVietNfd, kVietNfc};
  for (const std::string& a : words) {
    for (const std::string& b : words) {
      const int by_collate = Collate(a, b);
      const int by_key = CollationKey(a).compare(CollationKey(b));
      ASSERT_EQ(by_collate < 0, by_key < 0) << a << " vs " << b;
      ASSERT_EQ(by_collate == 0, by_key == 0) << a << " vs " << b;
    }
  }
}

TEST(CollationKeyTest, IsLowercaseHexWithoutTerminator) {
  const std::string key = CollationKey("Đức");
  ASSERT_FALSE(key.empty());
  EXPECT_EQ(key.size() % 2, 0u);
  EXPECT_EQ(key.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_NE(key.substr(key.size() - 2), "00");
  // Even the empty text has level separators; it still sorts before everything else.
  EXPECT_FALSE(CollationKey("").empty());
  EXPECT_LT(CollationKey(""), CollationKey("a"));
  EXPECT_LT(CollationKey(""), CollationKey(" "));
}

TEST(CollationKeyTest, CanonicallyEquivalentTextsHaveEqualKeys) {
  EXPECT_EQ(CollationKey(kVietNfd), CollationKey(kVietNfc));
  EXPECT_EQ(CollationKey("Vi"
                         "e\xCC\x82\xCC\xA3"
                         "t"),
            CollationKey(kVietNfc));
  EXPECT_EQ(Collate(kVietNfd, kVietNfc), 0);
}

TEST(CollationKeyTest, CaseAndAccentsBreakTiesDeterministically) {
  EXPECT_NE(CollationKey("an"), CollationKey("An"));
  EXPECT_NE(CollationKey("an"), CollationKey("án"));
  EXPECT_LT(CollationKey("an"), CollationKey("anh"));
  EXPECT_LT(CollationKey("Án"), CollationKey("anh"));  // letters decide before accents
}

TEST(CollationKeyTest, LongTextUsesHeapBuffer) {
  std::string long_text;
  for (int i = 0; i < 200; ++i) long_text += "Nghị quyết ";
  const std::string key = CollationKey(long_text);
  EXPECT_GT(key.size(), 512u);
  EXPECT_LT(CollationKey(long_text), CollationKey(long_text + "a"));
  EXPECT_EQ(CollationKey(long_text), CollationKey(ToNfc(long_text)));
}

TEST(CollationKeyTest, ThreadsAgree) {
  const std::string expected = CollationKey("Nguyễn Văn Đức");
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 500; ++i) {
        if (CollationKey("Nguyễn Văn Đức") != expected) ++mismatches[t];
        if (Collate("Dũng", "Đức") >= 0) ++mismatches[t];
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int m : mismatches) EXPECT_EQ(m, 0);
}

}  // namespace
}  // namespace giaoban::intl
