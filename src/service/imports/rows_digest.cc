#include "service/imports/rows_digest.h"

#include "intl/text.h"

namespace giaoban::service {

RowsDigest::RowsDigest() { crypto_hash_sha256_init(&state_); }

void RowsDigest::Field(std::string_view text) {
  // Each field ends with a byte no folded text holds, so "ab" + "c" differs from "a" + "bc".
  crypto_hash_sha256_update(&state_, reinterpret_cast<const unsigned char*>(text.data()),
                            text.size());
  const unsigned char end = 0x1f;
  crypto_hash_sha256_update(&state_, &end, 1);
}

void RowsDigest::Add(const PlannedRow& row) {
  Field(intl::Fold(row.number));
  Field(row.group ? "group" : "row");
  Field(intl::Fold(row.content.empty() ? row.title : row.content));
  Field(row.lead ? intl::Fold(row.lead->written) : std::string());
  for (const PlannedUnit& unit : row.cooperating) Field(intl::Fold(unit.written));
  Field(intl::Fold(row.outside_units));
  Field(row.deadline ? row.deadline->Iso() : intl::Fold(row.deadline_written));
  Field(row.deadline_label);
  Field(intl::Fold(row.product));
  Field(intl::Fold(row.note));
  Field(intl::Fold(row.leader_written));
  Field(row.is_key ? "key" : "");
  const unsigned char end = 0x1e;
  crypto_hash_sha256_update(&state_, &end, 1);
}

std::string RowsDigest::Hex() {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&state_, digest);
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

}  // namespace giaoban::service
