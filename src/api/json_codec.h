// JSON shapes of the API: entities out, validated fields in. Names are the API's contract and are
// described in openapi.cc; change both together.
#pragma once

#include <boost/json.hpp>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "service/accounts/auth.h"
#include "service/accounts/model.h"
#include "service/calendar/model.h"
#include "service/error.h"
#include "service/imports/model.h"
#include "service/notices/model.h"
#include "service/organizations/model.h"
#include "service/reports/model.h"
#include "service/sources/model.h"
#include "service/stats/stats.h"
#include "service/tasks/model.h"
#include "service/tasks/tasks.h"

namespace giaoban::api {

boost::json::value ToJson(const service::Organization& o);
boost::json::value ToJson(const service::Person& p);
boost::json::value ToJson(const service::User& u);
boost::json::value ToJson(const service::Actor& a);
boost::json::value ToJson(const service::Source& s);
boost::json::value ToJson(const service::CalendarYear& y);
boost::json::value ToJson(const service::ReportSettings& s);
boost::json::value ToJson(const service::ReportImage& i);
boost::json::value ToJson(const service::UnitReport& r);
boost::json::value ToJson(const service::UnitReportBoard& b);
boost::json::value ToJson(const service::ConsolidatedReport& r);
// serialize(ToJson(r)), written without building the tree: a report lists thousands of tasks.
std::string ToJsonText(const service::ConsolidatedReport& r);
boost::json::value ToJson(const service::IssuedReportSummary& s);
boost::json::value ToJson(const service::IssuedReport& r);
boost::json::value ToJson(const service::ReportComparison& c);
boost::json::value ToJson(const service::Notice& n);
boost::json::value ToJson(const service::NoticeList& l);
boost::json::value ToJson(const domain::ReportFigures& f);
boost::json::value ToJson(const service::TaskSummary& t);
boost::json::value ToJson(const service::TaskView& v);
boost::json::value ToJson(const service::HistoryEvent& e);
boost::json::value ToJson(const service::Statistics& s);
boost::json::value ToJson(const domain::StatusCounts& c);
// Imports of work programs (json_codec_imports.cc).
boost::json::value ToJson(const service::ImportSummary& s);
boost::json::value ToJson(const service::ImportPreview& p);
boost::json::value ToJson(const service::ImportResult& r);

template <class T>
boost::json::value PageJson(const service::Page<T>& page) {
  boost::json::array items;
  for (const auto& item : page.items) items.push_back(ToJson(item));
  return boost::json::object{{"items", std::move(items)},
                             {"total", page.total},
                             {"page", page.page},
                             {"page_size", page.page_size}};
}

// Request bodies are parsed within limits: nesting deeper than any request of the API needs, or a
// tree much larger than its text (every number in an array takes a 16-byte value), is refused
// with 400 json_too_complex before it takes the server's memory. Other failures are bad_json.
inline constexpr int kMaxJsonDepth = 32;
// The memory a parse may take, given the text's size.
std::size_t JsonMemoryLimit(std::size_t text_bytes);
service::Expected<boost::json::object> ParseJsonObject(std::string_view text);

// Reads typed fields from a JSON object, collecting one field error per bad field. Absent fields
// read as nullopt; `null` is only accepted where the field is nullable.
class BodyReader {
 public:
  BodyReader(const boost::json::object& object, service::Validator& errors)
      : object_(object), errors_(errors) {}

  std::optional<std::string> String(std::string_view field, std::size_t max_bytes = 20000);
  std::optional<std::int64_t> Id(std::string_view field);
  std::optional<std::optional<std::int64_t>> NullableId(std::string_view field);
  std::optional<int> Int(std::string_view field);
  std::optional<bool> Bool(std::string_view field);
  std::optional<domain::Date> Date(std::string_view field);
  std::optional<std::optional<domain::Date>> NullableDate(std::string_view field);
  std::optional<std::vector<std::int64_t>> Ids(std::string_view field);
  void Require(std::string_view field);
  // For a nullable field that must still be sent: absent is "required", null is a value.
  void RequirePresent(std::string_view field);
  // Refuses fields outside `known`, so that a misspelt field is an error and not silently lost.
  void OnlyFields(std::initializer_list<std::string_view> known);
  // For checks beyond a field's type, such as a value outside its set.
  service::Validator& validator() { return errors_; }

 private:
  const boost::json::value* Get(std::string_view field) const;
  // A field that may be null: absent reads as nullopt, null as an empty value, else as `read` says.
  template <class T>
  std::optional<std::optional<T>> Nullable(std::string_view field,
                                           std::optional<T> (BodyReader::*read)(std::string_view)) {
    const boost::json::value* v = Get(field);
    if (v == nullptr) return std::nullopt;
    if (v->is_null()) return std::optional<T>();
    auto value = (this->*read)(field);
    if (!value) return std::nullopt;
    return value;
  }
  const boost::json::object& object_;
  service::Validator& errors_;
};

// Runs `read` over a request body; the field errors if any.
template <class Read>
auto ParseBody(const boost::json::object& body, Read read)
    -> service::Expected<decltype(read(std::declval<BodyReader&>()))> {
  service::Validator v;
  BodyReader in(body, v);
  auto value = read(in);
  if (!v.ok()) return v.error();
  return value;
}

// The same over a body as Call::Body() gives it.
template <class Read>
auto ParseBody(const service::Expected<boost::json::object>& body, Read read)
    -> service::Expected<decltype(read(std::declval<BodyReader&>()))> {
  if (!body) return body.error();
  return ParseBody(*body, read);
}

// The array `field` of `body`, each element read by `read` (a value -> optional element); a
// malformed element, or a field that is not an array, makes the whole field "invalid". Its size is
// bounded by the body's, and the service says when there are too many.
template <class T, class Read>
std::vector<T> ReadArray(const boost::json::object& body, BodyReader& in, std::string_view field,
                         Read read) {
  std::vector<T> out;
  const boost::json::value* list = body.if_contains(field);
  if (list == nullptr) return out;
  bool malformed = !list->is_array();
  if (!malformed) {
    for (const boost::json::value& item : list->as_array()) {
      std::optional<T> value = read(item);
      if (!value) {
        malformed = true;
        break;
      }
      out.push_back(std::move(*value));
    }
  }
  if (malformed) in.validator().Add(std::string(field), "invalid");
  return out;
}

// An array element that must be an object with exactly `fields`, all given, read by `read` over
// its own BodyReader; nullopt when anything about it is wrong.
template <class Read>
auto ReadObject(const boost::json::value& item, std::initializer_list<std::string_view> fields,
                Read read) -> std::optional<decltype(read(std::declval<BodyReader&>()))> {
  if (!item.is_object()) return std::nullopt;
  service::Validator errors;
  BodyReader in(item.as_object(), errors);
  in.OnlyFields(fields);
  for (std::string_view f : fields) in.Require(f);
  auto value = read(in);
  if (!errors.ok()) return std::nullopt;
  return value;
}

}  // namespace giaoban::api
