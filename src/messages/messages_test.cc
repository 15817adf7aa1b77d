#include "messages/messages.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <regex>
#include <set>
#include <string>

#include "messages/catalogue.h"

namespace giaoban::messages {
namespace {

boost::json::object Catalogue(std::string_view name) {
  for (const catalogue::EmbeddedFile& file : catalogue::EmbeddedFiles()) {
    if (file.name == name) return boost::json::parse(file.text).as_object();
  }
  ADD_FAILURE() << "no catalogue " << name;
  return {};
}

std::set<std::string> Placeholders(std::string_view text) {
  static const std::regex kPlaceholder(R"(\{(\w+)\})");
  std::set<std::string> names;
  const std::string s(text);
  for (auto it = std::sregex_iterator(s.begin(), s.end(), kPlaceholder);
       it != std::sregex_iterator(); ++it)
    names.insert((*it)[1]);
  return names;
}

TEST(MessageCatalogueTest, BothLanguagesSayEveryMessageWithTheSamePlaceholders) {
  const boost::json::object vi = Catalogue("vi.json"), en = Catalogue("en.json");
  ASSERT_FALSE(vi.empty());
  for (const auto& [code, text] : vi) {
    SCOPED_TRACE(std::string(code));
    ASSERT_TRUE(en.contains(code)) << "missing in English";
    const std::string_view vi_text = text.as_string(), en_text = en.at(code).as_string();
    // Only a cell left blank on purpose ("label.no") is empty, and then in both languages.
    EXPECT_EQ(vi_text.empty(), en_text.empty());
    EXPECT_EQ(Placeholders(vi_text), Placeholders(en_text));
  }
  for (const auto& [code, text] : en)
    EXPECT_TRUE(vi.contains(code)) << code << " missing in Vietnamese";
}

TEST(MessageCatalogueTest, LooksUpByCodeInTheAskedLanguage) {
  EXPECT_EQ(Message("not_found"), "Không tìm thấy dữ liệu yêu cầu.");
  EXPECT_EQ(Message("not_found", Language::kEnglish), "Not found.");
  EXPECT_TRUE(HasMessage("label.status.overdue"));
  EXPECT_FALSE(HasMessage("not_a_code"));
  EXPECT_FALSE(HasMessage(""));
}

TEST(MessageCatalogueTest, UnknownCodesFallBackToAGenericMessageNotTheCode) {
  EXPECT_EQ(Message("not_a_code"), Message("bad_request"));
  EXPECT_EQ(Message("not_a_code", Language::kEnglish), Message("bad_request", Language::kEnglish));
}

TEST(MessageCatalogueTest, EnglishOnlyWhenPreferred) {
  EXPECT_EQ(FromAcceptLanguage("en-US,en;q=0.9"), Language::kEnglish);
  EXPECT_EQ(FromAcceptLanguage(" EN"), Language::kEnglish);
  EXPECT_EQ(FromAcceptLanguage("vi-VN,vi;q=0.9,en;q=0.8"), Language::kVietnamese);
  EXPECT_EQ(FromAcceptLanguage(""), Language::kVietnamese);
  EXPECT_EQ(FromAcceptLanguage("fr"), Language::kVietnamese);
}

}  // namespace
}  // namespace giaoban::messages
