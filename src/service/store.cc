#include "service/store.h"

#include <spdlog/spdlog.h>

namespace giaoban::service {

bool IsConstraintViolation(const storage::DatabaseError& e) {
  return e.kind() == storage::DatabaseError::Kind::kUniqueViolation ||
         e.kind() == storage::DatabaseError::Kind::kForeignKeyViolation;
}

void LogConstraintViolation(const storage::DatabaseError& e) {
  spdlog::warn("constraint violation: {}", e.what());
}

}  // namespace giaoban::service
