#include "service/imports/unit_matcher.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

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
constexpr std::array<Abbreviation, 8> kAbbreviations = {{
    {"p", "phong"},
    {"vp", "van phong"},
    {"ttr", "thanh tra"},
    {"tt", "trung tam"},
    {"cc", "chi cuc"},
    {"bql", "ban quan ly"},
    {"gtvt", "giao thong van tai"},
    {"ubnd", "uy ban nhan dan"},
}};

const Abbreviation* AbbreviationOf(std::string_view word) {
  for (const Abbreviation& a : kAbbreviations)
    if (word == a.written) return &a;
  return nullptr;
}

// The folded text with its abbreviations written out.
std::string Expanded(std::string_view folded) {
  std::vector<std::string> words = Words(folded);
  for (std::string& word : words)
    if (const Abbreviation* a = AbbreviationOf(word)) word = std::string(a->meant);
  return Join(words);
}

// A word as written, folded. One written in capitals ("QLDA", "ĐK") may stand for the initials of
// as many words of a name ("quản lý dự án", "đăng kiểm").
struct Token {
  std::string word;
  bool initials = false;
};

bool InCapitals(std::string_view chunk) {
  bool letters = false;
  bool ascii = true;
  for (const char c : chunk) {
    if (c >= 'a' && c <= 'z') return false;
    letters = letters || (c >= 'A' && c <= 'Z');
    ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  }
  if (ascii) return letters;
  return intl::ToUpper(chunk) == intl::ToNfc(chunk);
}

// The written name's words, folded, its abbreviations written out.
std::vector<Token> Tokens(std::string_view written) {
  std::vector<Token> tokens;
  std::size_t at = 0;
  while (at < written.size()) {
    // Runs of letters and digits (any byte beyond ASCII belongs to a letter).
    auto in_word = [](char c) {
      return static_cast<unsigned char>(c) >= 0x80 || (c >= 'a' && c <= 'z') ||
             (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    };
    while (at < written.size() && !in_word(written[at])) ++at;
    std::size_t end = at;
    while (end < written.size() && in_word(written[end])) ++end;
    if (end == at) break;
    const std::string_view chunk = written.substr(at, end - at);
    at = end;
    const bool capitals = InCapitals(chunk);
    for (std::string& word : Words(intl::Fold(chunk))) {
      if (const Abbreviation* a = AbbreviationOf(word)) {
        for (std::string& meant : Words(a->meant)) tokens.push_back({std::move(meant), false});
      } else {
        const bool initials = capitals && word.size() >= 2;
        tokens.push_back({std::move(word), initials});
      }
    }
  }
  return tokens;
}

// Where in `words` the tokens can end when they spell the words from `start` on, each token a
// word or, in capitals, the initials of as many words: ends[i] when they spell words[start, i).
std::vector<bool> Ends(const std::vector<Token>& tokens, const std::vector<std::string>& words,
                       std::size_t start) {
  const std::size_t n = words.size();
  std::vector<bool> reached(n + 1, false);
  if (start > n) return reached;
  reached[start] = true;
  for (const Token& t : tokens) {
    std::vector<bool> next(n + 1, false);
    bool any = false;
    for (std::size_t p = start; p < n; ++p) {
      if (!reached[p]) continue;
      if (words[p] == t.word) next[p + 1] = any = true;
      const std::size_t k = t.word.size();
      if (t.initials && p + k <= n) {
        bool spelled = true;
        for (std::size_t i = 0; i < k && spelled; ++i) spelled = words[p + i].front() == t.word[i];
        if (spelled) next[p + k] = any = true;
      }
    }
    reached = std::move(next);
    if (!any) break;
  }
  return reached;
}

// The word from which the last field a unit's name lists begins: after its last comma, dash or
// "và" ("Phòng Kế hoạch - Tài chính": "tài chính"), 0 when it lists none.
std::size_t LastField(std::string_view name, const std::vector<std::string>& words) {
  std::size_t cut = std::string_view::npos;
  std::size_t cut_length = 1;
  auto later = [&](std::size_t at, std::size_t length) {
    if (at != std::string_view::npos && (cut == std::string_view::npos || at > cut)) {
      cut = at;
      cut_length = length;
    }
  };
  later(name.find_last_of(",;-"), 1);
  later(name.rfind("\u2013"), std::string_view("\u2013").size());  // en dash
  later(name.rfind("\u2014"), std::string_view("\u2014").size());  // em dash
  std::size_t field = 0;
  if (cut != std::string_view::npos) {
    const std::size_t tail = Words(Expanded(intl::Fold(name.substr(cut + cut_length)))).size();
    field = words.size() - std::min(tail, words.size());
  }
  for (std::size_t i = words.size(); i > field; --i)
    if (words[i - 1] == "va") return i;
  return field;
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

// Whether the words begin with a kind, or are one.
bool BeginsWithKind(const std::vector<std::string>& words) {
  for (const std::string_view kind : kKinds) {
    const auto kind_words = Words(kind);
    if (kind_words.size() <= words.size() &&
        std::equal(kind_words.begin(), kind_words.end(), words.begin()))
      return true;
  }
  return false;
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
    Keyed keyed;
    keyed.id = u.id;
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
    keyed.kind = kind;
    keyed.last_field = LastField(u.name, words);
    units_.push_back(std::move(keyed));
  }
  // A word few units have tells more than one most have ("phòng", "sở").
  std::map<std::string, std::size_t, std::less<>> having;
  for (const Keyed& u : units_)
    for (const std::string& w : std::set<std::string>(u.words.begin(), u.words.end())) ++having[w];
  const double count = static_cast<double>(units_.size());
  for (Keyed& u : units_)
    for (const std::string& w : u.words)
      u.weights.push_back(std::log(1.0 + count / static_cast<double>(having.find(w)->second)));
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
  const std::vector<Token> tokens = Tokens(written);
  // Failing that, the units whose whole name the words spell, runs of capitals standing for
  // initials ("Phòng KH-TC"); failing that, those whose name they begin ("Ban QLDA" for "Ban
  // Quản lý dự án đầu tư xây dựng các công trình giao thông"). Either way the kind written is
  // the unit's, or none is written and the words spell the name after its kind ("Đăng kiểm").
  // A name begun says two words past its kind at least ("Văn phòng Ban" is no name), and says
  // its last field: "Phòng Kế hoạch" is not "Phòng Kế hoạch - Tài chính".
  std::set<Id> spelled;
  std::set<Id> begun;
  if (exact.empty()) {
    std::vector<std::string> token_words;
    for (const Token& t : tokens) token_words.push_back(t.word);
    const bool kind_written = BeginsWithKind(token_words);
    for (const Keyed& u : units_) {
      std::vector<std::size_t> starts = {0};
      if (!kind_written && u.kind > 0) starts.push_back(u.kind);
      for (const std::size_t start : starts) {
        const std::vector<bool> ends = Ends(tokens, u.words, start);
        // As with the keys, one word after the kind names nothing on its own.
        if (ends[u.words.size()] && (start == 0 || u.words.size() - start >= 2))
          spelled.insert(u.id);
        for (std::size_t p = std::max(u.kind + 2, u.last_field + 1); p < u.words.size(); ++p)
          if (ends[p]) begun.insert(u.id);
      }
    }
  }
  // The first of these that holds any unit decides: one is the unit named, more are suggested.
  const std::set<Id>& named = !exact.empty() ? exact : !spelled.empty() ? spelled : begun;
  if (named.size() == 1) {
    match.id = *named.begin();
    return match;
  }
  // No one unit for sure: the likeliest by the distinctive words they share, of those that share
  // any, a run of capitals sharing the words it gives the initials of ("ATGT": "an toàn giao
  // thông"); of those alike, the one whose name they say more of.
  std::vector<std::tuple<bool, double, double, Id>> scored;
  for (const Keyed& u : units_) {
    const std::size_t n = u.words.size();
    std::vector<bool> shared(n, false);
    for (const Token& t : tokens) {
      const std::size_t k = t.word.size();
      for (std::size_t p = 0; p < n; ++p) {
        if (u.words[p] == t.word) shared[p] = true;
        if (!t.initials || p + k > n) continue;
        bool spells = true;
        for (std::size_t i = 0; i < k && spells; ++i) spells = u.words[p + i].front() == t.word[i];
        if (spells)
          std::fill(shared.begin() + static_cast<long>(p),
                    shared.begin() + static_cast<long>(p + k), true);
      }
    }
    double weight = 0;
    double whole = 0;
    for (std::size_t p = 0; p < n; ++p) {
      whole += u.weights[p];
      if (shared[p]) weight += u.weights[p];
    }
    const bool first = named.contains(u.id);
    if (weight == 0 && !first) continue;
    scored.emplace_back(first, weight, whole > 0 ? weight / whole : 0, u.id);
  }
  std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) {
    return std::tie(std::get<0>(a), std::get<1>(a), std::get<2>(a)) >
           std::tie(std::get<0>(b), std::get<1>(b), std::get<2>(b));
  });
  for (std::size_t i = 0; i < scored.size() && i < 3; ++i)
    match.suggestions.push_back(std::get<3>(scored[i]));
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
