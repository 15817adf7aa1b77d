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
#include <stdexcept>

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
  icu::UnicodeString upper =
      icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  upper.toUpper(icu::Locale("vi"));
  std::string out;
  upper.toUTF8String(out);
  return ToNfc(out);
}

std::string Fold(std::string_view text) {
  if (IsAscii(text)) return FoldAscii(text);
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString decomposed =
      Nfd().normalize(icu::UnicodeString::fromUTF8(
                          icu::StringPiece(text.data(), static_cast<int32_t>(text.size()))),
                      status);
  if (U_FAILURE(status)) return FoldAscii(text);

  icu::UnicodeString bare;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    // Đ is a letter of its own, not D plus a mark, so NFD leaves it alone; searchers type "d".
    bare.append(c == 0x0110 || c == 0x0111 ? UChar32{'d'} : c);
  }
  bare.foldCase(U_FOLD_CASE_DEFAULT);

  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (int32_t i = 0; i < bare.length();) {
    const UChar32 c = bare.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;  // a few foldings emit marks
    if (!IsWordChar(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    icu::UnicodeString(c).toUTF8String(out);
  }
  return out;
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
