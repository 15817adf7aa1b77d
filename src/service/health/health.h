// Whether the service can do its work: for monitoring, which should hear "down" when the database
// does not answer, not only when the process is gone.
#pragma once

#include "service/context.h"

namespace giaoban::service {

class HealthService {
 public:
  explicit HealthService(const Context& ctx) : ctx_(ctx) {}

  // Throws when the database does not answer.
  void Check() const;

 private:
  const Context& ctx_;
};

}  // namespace giaoban::service
