#include "messages/messages.h"

#include <boost/json.hpp>
#include <cctype>
#include <functional>
#include <map>
#include <stdexcept>
#include <string>

#include "messages/catalogue.h"

namespace giaoban::messages {
namespace {

struct Wording {
  std::string vi;
  std::string en;
};

std::string_view FileOf(Language language) {
  return language == Language::kEnglish ? "en.json" : "vi.json";
}

boost::json::object ParseCatalogue(Language language) {
  for (const catalogue::EmbeddedFile& file : catalogue::EmbeddedFiles()) {
    if (file.name != FileOf(language)) continue;
    boost::system::error_code ec;
    boost::json::value v = boost::json::parse(file.text, ec);
    if (ec || !v.is_object())
      throw std::logic_error("message catalogue " + std::string(file.name) + " is not an object");
    return std::move(v.as_object());
  }
  throw std::logic_error("no message catalogue " + std::string(FileOf(language)));
}

// Both languages by code, read once; messages_test checks that they have the same codes.
using Catalogue = std::map<std::string, Wording, std::less<>>;

Catalogue Load() {
  Catalogue out;
  for (const Language language : {Language::kVietnamese, Language::kEnglish}) {
    for (const auto& [code, text] : ParseCatalogue(language)) {
      Wording& w = out[std::string(code)];
      (language == Language::kEnglish ? w.en : w.vi) = std::string(text.as_string());
    }
  }
  return out;
}

const Wording* Find(std::string_view code) {
  static const Catalogue catalogue = Load();
  const auto it = catalogue.find(code);
  return it == catalogue.end() ? nullptr : &it->second;
}

}  // namespace

Language FromAcceptLanguage(std::string_view header) {
  // Only the first (most preferred) language range matters for a two-language product.
  std::string first;
  for (char c : header) {
    if (c == ',' || c == ';') break;
    if (c != ' ') first.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return first.rfind("en", 0) == 0 ? Language::kEnglish : Language::kVietnamese;
}

std::string_view Message(std::string_view code, Language language) {
  const Wording* w = Find(code);
  if (w == nullptr) w = Find("bad_request");
  return language == Language::kEnglish ? w->en : w->vi;
}

bool HasMessage(std::string_view code) { return Find(code) != nullptr; }

}  // namespace giaoban::messages
