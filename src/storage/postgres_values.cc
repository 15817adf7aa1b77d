#include "storage/postgres_values.h"

#include <charconv>
#include <cmath>
#include <memory>

#include "storage/sql_snippet.h"

namespace giaoban::storage::pg {

namespace {

using Kind = DatabaseError::Kind;

// Type OIDs from pg_type.h, which is a server header libpq does not ship.
constexpr Oid kBoolOid = 16;
constexpr Oid kInt8Oid = 20;
constexpr Oid kInt2Oid = 21;
constexpr Oid kInt4Oid = 23;
constexpr Oid kOidOid = 26;
constexpr Oid kFloat4Oid = 700;
constexpr Oid kFloat8Oid = 701;
constexpr Oid kNumericOid = 1700;

std::string FormatDouble(double v) {
  // The server reads these spellings for both float8 and numeric, whichever it inferred.
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "Infinity" : "-Infinity";
  char buffer[32];
  // Shortest representation that reads back to the same double.
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, v);
  return std::string(buffer, end);
}

[[noreturn]] void Unreadable(const char* type, std::string_view text, int column) {
  throw DatabaseError(Kind::kOther, "cannot read column " + std::to_string(column) + " as " + type +
                                        ": '" + SqlSnippet(text) + "'");
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

Blob DecodeBytea(std::string_view text, int column) {
  // Text-format bytea in hex output: "\x" followed by two digits per byte.
  if (text.size() < 2 || text[0] != '\\' || text[1] != 'x' || text.size() % 2 != 0) {
    Unreadable("bytea", text, column);
  }
  Blob blob;
  blob.bytes.resize((text.size() - 2) / 2);
  for (std::size_t i = 0; i < blob.bytes.size(); ++i) {
    const int high = HexValue(text[2 + 2 * i]);
    const int low = HexValue(text[3 + 2 * i]);
    if (high < 0 || low < 0) Unreadable("bytea", text, column);
    blob.bytes[i] = static_cast<char>(high * 16 + low);
  }
  return blob;
}

Value Convert(Oid type, std::string_view text, int column) {
  switch (type) {
    case kInt8Oid:
    case kInt2Oid:
    case kInt4Oid:
    case kOidOid: {
      std::int64_t v = 0;
      const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
      if (ec != std::errc() || end != text.data() + text.size())
        Unreadable("integer", text, column);
      return v;
    }
    case kBoolOid:
      if (text == "t") return std::int64_t{1};
      if (text == "f") return std::int64_t{0};
      Unreadable("boolean", text, column);
    case kFloat4Oid:
    case kFloat8Oid:
    case kNumericOid: {
      // from_chars accepts the server's NaN and (-)Infinity spellings, case-insensitively.
      double v = 0;
      const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
      if (ec != std::errc() || end != text.data() + text.size()) Unreadable("real", text, column);
      return v;
    }
    case kByteaOid:
      return DecodeBytea(text, column);
    default:
      return std::string(text);
  }
}

}  // namespace

Result DecodeResult(const PGresult* pg) {
  Result result;
  const int fields = PQnfields(pg);
  const int tuples = PQntuples(pg);
  std::vector<Oid> types(static_cast<std::size_t>(fields));
  result.columns.reserve(types.size());
  for (int c = 0; c < fields; ++c) {
    result.columns.emplace_back(PQfname(pg, c));
    types[static_cast<std::size_t>(c)] = PQftype(pg, c);
  }
  const auto names = std::make_shared<const std::vector<std::string>>(result.columns);
  result.rows.reserve(static_cast<std::size_t>(tuples));
  for (int r = 0; r < tuples; ++r) {
    std::vector<Value> values;
    values.reserve(types.size());
    for (int c = 0; c < fields; ++c) {
      if (PQgetisnull(pg, r, c)) {
        values.emplace_back(nullptr);
      } else {
        const std::string_view text(PQgetvalue(pg, r, c),
                                    static_cast<std::size_t>(PQgetlength(pg, r, c)));
        values.push_back(Convert(types[static_cast<std::size_t>(c)], text, c));
      }
    }
    result.rows.emplace_back(std::move(values), names);
  }
  // PQcmdTuples also counts the rows a SELECT returned; SQLite reports 0 there, and callers only
  // care about rows written.
  const std::string_view status = PQcmdStatus(const_cast<PGresult*>(pg));
  const char* affected = PQcmdTuples(const_cast<PGresult*>(pg));
  if (status.substr(0, 7) != "SELECT " && affected != nullptr && *affected != '\0') {
    std::from_chars(affected, affected + std::char_traits<char>::length(affected),
                    result.affected_rows);
  }
  return result;
}

EncodedParameters EncodeParameters(std::span<const Value> params) {
  const std::size_t n = params.size();
  EncodedParameters encoded{std::vector<std::string>(n), std::vector<const char*>(n, nullptr),
                            std::vector<int>(n, 0), std::vector<int>(n, 0)};
  for (std::size_t i = 0; i < n; ++i) {
    const Value& param = params[i];
    if (const auto* v = std::get_if<std::int64_t>(&param)) {
      encoded.texts[i] = std::to_string(*v);
      encoded.values[i] = encoded.texts[i].c_str();
    } else if (const auto* v = std::get_if<double>(&param)) {
      encoded.texts[i] = FormatDouble(*v);
      encoded.values[i] = encoded.texts[i].c_str();
    } else if (const auto* v = std::get_if<std::string>(&param)) {
      // Text parameters travel NUL-terminated; the server would silently cut the rest off.
      if (v->find('\0') != std::string::npos) {
        throw DatabaseError(Kind::kOther, "text parameter $" + std::to_string(i + 1) +
                                              " contains a NUL byte; use a Blob");
      }
      encoded.values[i] = v->c_str();
    } else if (const auto* v = std::get_if<Blob>(&param)) {
      // Binary bytea is the raw bytes: no escaping, and NUL bytes are fine.
      encoded.values[i] = v->bytes.data();
      encoded.lengths[i] = static_cast<int>(v->bytes.size());
      encoded.formats[i] = 1;
    }
  }
  return encoded;
}

}  // namespace giaoban::storage::pg
