#include "service/imports/rows_digest.h"

#include "domain/deadline_text.h"
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

void RowsDigest::Add(const ProgramRow& row) {
  Field(intl::Fold(row.number));
  Field(row.group ? "group" : "row");
  Field(intl::Fold(row.content));
  Field(intl::Fold(row.lead));
  Field(intl::Fold(row.cooperating));
  // "15/12/2027" typed, or the same day in a date cell: one deadline.
  std::string deadline = intl::Fold(row.deadline);
  if (row.deadline_date) {
    deadline = row.deadline_date->Iso();
  } else if (const auto read = domain::ParseDeadlineText(deadline);
             read && read->label.empty() && read->deadline) {
    deadline = read->deadline->Iso();
  }
  Field(deadline);
  Field(intl::Fold(row.product));
  Field(intl::Fold(row.note));
  Field(intl::Fold(row.leader));
  Field(intl::Fold(row.key));
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
