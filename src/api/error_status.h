// The HTTP status of each service error code: the one place where the services' failures meet
// HTTP, so that the services never speak it.
#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "service/error.h"

namespace giaoban::api {

struct CodeStatus {
  std::string_view code;
  int status;
};

// Every code with a status of its own, sorted by code.
std::span<const CodeStatus> ErrorStatusTable();

// The status of `code`; nullopt when the table does not know it.
std::optional<int> StatusOfCode(std::string_view code);

// The status to answer `error` with. A code missing from the table is a programming error (the
// table's test looks for them): it is logged and answered as a client error, never as success.
int HttpStatus(const service::Error& error);

}  // namespace giaoban::api
