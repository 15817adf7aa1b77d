// Values across libpq, both ways: parameters go to the server as text (numbers, strings) or raw
// bytes (blobs), and results come back as text read by each column's type. Apart from the
// connection so that its statement and session handling reads without the encoding.
#pragma once

#include <libpq-fe.h>

#include <span>
#include <string>
#include <vector>

#include "storage/database.h"

namespace giaoban::storage::pg {

// The bytea type's OID (pg_type.h, a server header libpq does not ship): a blob parameter is sent
// as raw bytes, so its type is fixed when the statement is prepared.
inline constexpr Oid kByteaOid = 17;

// One statement's parameters as PQexecPrepared takes them. `values` point into `texts` or into the
// caller's Values, which must outlive the call.
struct EncodedParameters {
  std::vector<std::string> texts;
  std::vector<const char*> values;
  std::vector<int> lengths;
  std::vector<int> formats;
};

// Throws DatabaseError(kOther) for text holding a NUL byte, which the server would cut off there.
EncodedParameters EncodeParameters(std::span<const Value> params);

// The rows of a successful result, each value by its column's type; throws DatabaseError(kOther)
// for text its type cannot be read from.
Result DecodeResult(const PGresult* pg);

}  // namespace giaoban::storage::pg
