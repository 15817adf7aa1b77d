#include "api/report_parameters.h"

namespace giaoban::api {

service::Expected<std::string> PeriodParameter(const Call& call) {
  std::optional<std::string> period;
  for (const auto& [name, value] : call.request.query) {
    if (name != "period" || period)
      return service::Error::Validation({{name, "unknown_parameter"}});
    period = value;
  }
  if (!period) return service::Error::Validation({{"period", "required"}});
  return *period;
}

service::UnitReportProse ReadProseFields(BodyReader& in) {
  for (std::string_view f :
       {"highlights", "shortcomings", "difficulties", "proposals", "next_period"})
    in.Require(f);
  // The service says which text is too long; this bound only keeps the body readable.
  constexpr std::size_t kMax = 200'000;
  return service::UnitReportProse{
      in.String("highlights", kMax).value_or(""), in.String("shortcomings", kMax).value_or(""),
      in.String("difficulties", kMax).value_or(""), in.String("proposals", kMax).value_or(""),
      in.String("next_period", kMax).value_or("")};
}

}  // namespace giaoban::api
