#include "service/imports/unit_matcher.h"

#include <algorithm>
#include <array>
#include <set>

#include "domain/words.h"
#include "intl/text.h"

namespace giaoban::service {

namespace {

std::vector<std::string> Words(std::string_view folded) {
  const auto words = domain::SplitWords(folded);
  return {words.begin(), words.end()};
}

std::string Join(const std::vector<std::string>& words, std::size_t from = 0) {
  std::string out;
  for (std::size_t i = from; i < words.size(); ++i) {
    if (!out.empty()) out += ' ';
    out += words[i];
  }
  return out;
}

// The words a unit's name begins with to say what kind of unit it is, longest first.
constexpr std::array<std::string_view, 12> kKinds = {
    "van phong", "trung tam", "chi cuc", "thanh tra", "ban quan ly", "phong",
    "so",        "ban",       "cuc",     "vu",        "doi",         "to"};

// Abbreviations programs write, folded, and what they stand for.
struct Abbreviation {
  std::string_view written;
  std::string_view meant;
};
constexpr std::array<Abbreviation, 7> kAbbreviations = {{
    {"p", "phong"},
    {"vp", "van phong"},
    {"ttr", "thanh tra"},
    {"tt", "trung tam"},
    {"bql", "ban quan ly"},
    {"gtvt", "giao thong van tai"},
    {"ubnd", "uy ban nhan dan"},
}};

// The folded text with its abbreviations written out.
std::string Expanded(std::string_view folded) {
  std::vector<std::string> words = Words(folded);
  for (std::string& word : words)
    for (const Abbreviation& a : kAbbreviations)
      if (word == a.written) word = std::string(a.meant);
  return Join(words);
}

// How many words the kind at the start of `words` takes, 0 for none.
std::size_t KindLength(const std::vector<std::string>& words) {
  for (const std::string_view kind : kKinds) {
    const auto kind_words = Words(kind);
    if (kind_words.size() < words.size() &&
        std::equal(kind_words.begin(), kind_words.end(), words.begin()))
      return kind_words.size();
  }
  return 0;
}

}  // namespace

std::vector<std::string> SplitUnitNames(std::string_view cell) {
  std::vector<std::string> names;
  std::string current;
  auto flush = [&] {
    const auto first = current.find_first_not_of(" \t\r");
    const auto last = current.find_last_not_of(" \t\r.");
    if (first != std::string::npos && last != std::string::npos && last >= first)
      names.push_back(current.substr(first, last - first + 1));
    current.clear();
  };
  for (const char ch : cell) {
    if (ch == ',' || ch == ';' || ch == '\n' || ch == '+') {
      flush();
    } else {
      current += ch;
    }
  }
  flush();
  return names;
}

UnitMatcher::UnitMatcher(std::vector<UnitCandidate> units) {
  for (const UnitCandidate& u : units) {
    longest_name_pieces_ = std::max(longest_name_pieces_, SplitUnitNames(u.name).size());
    Keyed keyed{u.id, {}, {}};
    const std::string name = Expanded(intl::Fold(u.name));
    const auto words = Words(name);
    keyed.words = words;
    keyed.keys.push_back(name);
    const std::size_t kind = KindLength(words);
    const std::string kind_text =
        Join(std::vector<std::string>(words.begin(), words.begin() + static_cast<long>(kind)));
    // The name without its kind ("ke hoach tai chinh"), and its initials with and without it
    // ("khtc", "phong khtc"): programs name units all three ways. A single word left ("so" of
    // "Văn phòng Sở") names nothing on its own.
    if (kind > 0 && words.size() - kind >= 2) keyed.keys.push_back(Join(words, kind));
    std::string initials;
    for (std::size_t i = kind; i < words.size(); ++i) initials += words[i].front();
    if (initials.size() >= 2) {
      keyed.keys.push_back(initials);
      if (kind > 0) keyed.keys.push_back(kind_text + " " + initials);
    }
    if (const std::string code = intl::Fold(u.code); !code.empty()) {
      keyed.keys.push_back(code);
      if (kind > 0) keyed.keys.push_back(kind_text + " " + code);
    }
    units_.push_back(std::move(keyed));
  }
}

UnitMatch UnitMatcher::Match(std::string_view written) const {
  UnitMatch match;
  const std::string folded = intl::Fold(written);
  const std::string text = Expanded(folded);
  if (text.empty()) return match;
  // A code is compared as written too: "VP" is Văn phòng's code before it is "văn phòng".
  std::set<Id> exact;
  for (const Keyed& u : units_)
    if (std::find(u.keys.begin(), u.keys.end(), text) != u.keys.end() ||
        std::find(u.keys.begin(), u.keys.end(), folded) != u.keys.end())
      exact.insert(u.id);
  if (exact.size() == 1) {
    match.id = *exact.begin();
    return match;
  }
  // No one unit for sure: the likeliest by the words they share, of those that share any.
  const auto words = Words(text);
  std::vector<std::pair<double, Id>> scored;
  for (const Keyed& u : units_) {
    std::size_t shared = 0;
    for (const std::string& w : words)
      shared += std::find(u.words.begin(), u.words.end(), w) != u.words.end();
    if (exact.contains(u.id)) shared = words.size() + 1;  // among several exact ones
    if (shared == 0) continue;
    const double score =
        static_cast<double>(shared) / static_cast<double>(words.size() + u.words.size() - shared);
    scored.emplace_back(exact.contains(u.id) ? 2.0 : score, u.id);
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::size_t i = 0; i < scored.size() && i < 3; ++i)
    match.suggestions.push_back(scored[i].second);
  return match;
}

std::vector<std::string> UnitMatcher::Split(std::string_view cell) const {
  const std::vector<std::string> pieces = SplitUnitNames(cell);
  std::vector<std::string> names;
  for (std::size_t i = 0; i < pieces.size();) {
    std::size_t taken = 1;
    std::string name = pieces[i];
    // The longest run of pieces from here that names one unit exactly.
    for (std::size_t j = std::min(pieces.size(), i + longest_name_pieces_); j > i + 1; --j) {
      std::string joined = pieces[i];
      for (std::size_t k = i + 1; k < j; ++k) joined += ", " + pieces[k];
      if (Match(joined).id) {
        taken = j - i;
        name = std::move(joined);
        break;
      }
    }
    names.push_back(std::move(name));
    i += taken;
  }
  return names;
}

}  // namespace giaoban::service
