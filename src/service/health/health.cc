#include "service/health/health.h"

namespace giaoban::service {

void HealthService::Check() const { ctx_.db().Ping(); }

}  // namespace giaoban::service
