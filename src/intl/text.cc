#include "intl/text.h"

#include <unicode/bytestream.h>
#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <utility>

#include "domain/utf8.h"

namespace giaoban::intl {
namespace {

bool IsAscii(std::string_view text) {
  for (unsigned char c : text) {
    if (c >= 0x80) return false;
  }
  return true;
}

const icu::Normalizer2& Nfc() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU NFC data unavailable");
  return *n;
}

const icu::Normalizer2& Nfd() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU NFD data unavailable");
  return *n;
}

// Letters and numbers make words; spacing and enclosing marks belong to the letter they follow
// (Indic vowel signs), so splitting on them would cut words in half.
bool IsWordChar(UChar32 c) {
  return (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_N_MASK | U_GC_MC_MASK | U_GC_ME_MASK)) != 0;
}

std::string FoldAscii(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (char c : text) {
    const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!alpha && !(c >= '0' && c <= '9')) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return out;
}

// Collators are not safe for concurrent use, and opening one parses tailoring data; each thread
// clones a shared prototype once, which is cheap and keeps every thread's ordering identical.
const icu::Collator& PrototypeCollator() {
  static const icu::Collator* const prototype = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Collator> c(icu::Collator::createInstance(icu::Locale("vi"), status));
    if (U_FAILURE(status) || !c) throw std::runtime_error("ICU Vietnamese collator unavailable");
    // Decomposed input with marks in non-canonical order must sort like its composed form.
    c->setAttribute(UCOL_NORMALIZATION_MODE, UCOL_ON, status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU collator attribute rejected");
    return c.release();  // never freed: threads may still clone it during static destruction
  }();
  return *prototype;
}

icu::Collator& ThreadCollator() {
  thread_local const std::unique_ptr<icu::Collator> collator(PrototypeCollator().clone());
  return *collator;
}

}  // namespace

std::string ToValidUtf8(std::string_view text) {
  if (IsValidUtf8(text)) return std::string(text);
  constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
  std::string out;
  out.reserve(text.size() + kReplacement.size());
  const auto* begin = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = begin + text.size();
  bool replacing = false;
  for (const auto* p = begin; p < end;) {
    const std::size_t len = domain::Utf8SequenceLength(p, end);
    if (len == 0) {
      if (!replacing) out.append(kReplacement);
      replacing = true;
      ++p;
      continue;
    }
    out.append(text.substr(static_cast<std::size_t>(p - begin), len));
    replacing = false;
    p += len;
  }
  return out;
}

std::string ToNfc(std::string_view text) {
  if (IsAscii(text) || !IsValidUtf8(text)) return std::string(text);
  const icu::Normalizer2& nfc = Nfc();
  const icu::StringPiece piece(text.data(), static_cast<int32_t>(text.size()));
  UErrorCode status = U_ZERO_ERROR;
  if (nfc.isNormalizedUTF8(piece, status) && U_SUCCESS(status)) return std::string(text);
  std::string out;
  out.reserve(text.size());
  icu::StringByteSink<std::string> sink(&out);
  status = U_ZERO_ERROR;
  nfc.normalizeUTF8(0, piece, sink, nullptr, status);
  if (U_FAILURE(status)) return std::string(text);
  return out;
}

std::string ToUpper(std::string_view text) {
  if (!IsValidUtf8(text)) return std::string(text);
  icu::UnicodeString upper = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  upper.toUpper(icu::Locale("vi"));
  std::string out;
  upper.toUTF8String(out);
  return ToNfc(out);
}

namespace {

// Collapses what folding yields into words: a space stands for anything between them.
class FoldedWords {
 public:
  explicit FoldedWords(std::size_t size) { out_.reserve(size); }
  void Separator() { pending_space_ = !out_.empty(); }
  void Append(std::string_view word_chars) {
    if (pending_space_) out_.push_back(' ');
    pending_space_ = false;
    out_.append(word_chars);
  }
  // A piece of folded text in which a space separates words.
  void AppendRaw(std::string_view raw) {
    for (std::size_t i = 0; i < raw.size();) {
      const std::size_t space = std::min(raw.find(' ', i), raw.size());
      if (space > i) Append(raw.substr(i, space - i));
      if (space < raw.size()) Separator();
      i = space + 1;
    }
  }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
  bool pending_space_ = false;
};

// The fold of decomposed (NFD) text, before collapsing: each character that separates words is
// a space. Every step works character by character (the decomposition, dropping marks, case
// folding), so the fold of a text is the fold of its characters one after the other.
std::string FoldDecomposed(const icu::UnicodeString& decomposed) {
  icu::UnicodeString bare;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    // Đ is a letter of its own, not D plus a mark, so NFD leaves it alone; searchers type "d".
    bare.append(c == 0x0110 || c == 0x0111 ? UChar32{'d'} : c);
  }
  bare.foldCase(U_FOLD_CASE_DEFAULT);

  std::string raw;
  for (int32_t i = 0; i < bare.length();) {
    const UChar32 c = bare.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;  // a few foldings emit marks
    if (!IsWordChar(c)) {
      raw.push_back(' ');
      continue;
    }
    icu::UnicodeString(c).toUTF8String(raw);
  }
  return raw;
}

// The fold of every character of the Latin blocks Vietnamese is written in, precomposed or
// with its marks apart, worked out once by FoldDecomposed itself: text made only of these
// characters, which is nearly all an agency writes, folds by looking each one up.
class LatinFolds {
 public:
  LatinFolds() {
    for (const auto& [first, last] : kBlocks)
      for (UChar32 c = first; c <= last; ++c) {
        UErrorCode status = U_ZERO_ERROR;
        const icu::UnicodeString decomposed = Nfd().normalize(icu::UnicodeString(c), status);
        if (U_FAILURE(status)) throw std::runtime_error("ICU NFD data unavailable");
        folds_[static_cast<std::size_t>(c)] = FoldDecomposed(decomposed);
        known_[static_cast<std::size_t>(c)] = true;
      }
  }
  // The fold of `c` (a space for a separator), or null when `c` is not one of these characters.
  const std::string* Find(UChar32 c) const {
    const auto i = static_cast<std::size_t>(c);
    return i < known_.size() && known_[i] ? &folds_[i] : nullptr;
  }

 private:
  // Latin-1 Supplement to Latin Extended-B, the combining diacritical marks, and Latin Extended
  // Additional (ạ, ế, ữ...).
  static constexpr std::pair<UChar32, UChar32> kBlocks[] = {
      {0x0080, 0x024F}, {0x0300, 0x036F}, {0x1E00, 0x1EFF}};
  static constexpr std::size_t kEnd = 0x1F00;
  std::array<std::string, kEnd> folds_;
  std::array<bool, kEnd> known_{};
};

const LatinFolds& Latin() {
  static const LatinFolds folds;
  return folds;
}

// The same fold through the table, or nothing when `text` has a character outside it (or is
// not valid UTF-8).
std::optional<std::string> FoldLatin(std::string_view text) {
  const LatinFolds& latin = Latin();
  FoldedWords words(text.size());
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = p + text.size();
  while (p < end) {
    if (*p < 0x80) {
      const char c = static_cast<char>(*p++);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        words.Append(std::string_view(&c, 1));
      } else if (c >= 'A' && c <= 'Z') {
        const char lower = static_cast<char>(c - 'A' + 'a');
        words.Append(std::string_view(&lower, 1));
      } else {
        words.Separator();
      }
      continue;
    }
    const std::size_t len = domain::Utf8SequenceLength(p, end);
    if (len < 2 || len > 3) return std::nullopt;
    const UChar32 c = len == 2 ? ((p[0] & 0x1F) << 6) | (p[1] & 0x3F)
                               : ((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    const std::string* fold = latin.Find(c);
    if (!fold) return std::nullopt;
    words.AppendRaw(*fold);
    p += len;
  }
  return words.Take();
}

}  // namespace

std::string Fold(std::string_view text) {
  if (IsAscii(text)) return FoldAscii(text);
  if (auto latin = FoldLatin(text)) return std::move(*latin);
  return FoldWithIcu(text);
}

std::string FoldWithIcu(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString decomposed =
      Nfd().normalize(icu::UnicodeString::fromUTF8(
                          icu::StringPiece(text.data(), static_cast<int32_t>(text.size()))),
                      status);
  if (U_FAILURE(status)) return FoldAscii(text);
  FoldedWords words(text.size());
  words.AppendRaw(FoldDecomposed(decomposed));
  return words.Take();
}

std::string CollationKey(std::string_view text) {
  const icu::UnicodeString s = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  icu::Collator& collator = ThreadCollator();
  std::array<uint8_t, 256> stack_buf;
  uint8_t* key = stack_buf.data();
  int32_t len = collator.getSortKey(s, key, static_cast<int32_t>(stack_buf.size()));
  std::unique_ptr<uint8_t[]> heap_buf;
  if (len > static_cast<int32_t>(stack_buf.size())) {
    heap_buf = std::make_unique<uint8_t[]>(len);
    key = heap_buf.get();
    len = collator.getSortKey(s, key, len);
  }
  // The key ends with a 0 byte that ICU uses as a terminator; every other byte is non-zero, so
  // dropping it keeps "shorter prefix sorts first", and hex digits preserve byte order.
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  if (len > 0) out.reserve(2 * static_cast<std::size_t>(len - 1));
  for (int32_t i = 0; i + 1 < len; ++i) {
    out.push_back(kHex[key[i] >> 4]);
    out.push_back(kHex[key[i] & 0x0F]);
  }
  return out;
}

int Collate(std::string_view a, std::string_view b) {
  UErrorCode status = U_ZERO_ERROR;
  const UCollationResult r = ThreadCollator().compareUTF8(
      icu::StringPiece(a.data(), static_cast<int32_t>(a.size())),
      icu::StringPiece(b.data(), static_cast<int32_t>(b.size())), status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU collation failed");
  return static_cast<int>(r);
}

}  // namespace giaoban::intl
