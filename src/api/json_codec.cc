#include "api/json_codec.h"

#include <algorithm>
#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>
#include <charconv>
#include <new>
#include <type_traits>

#include "intl/text.h"

namespace giaoban::api {

namespace json = boost::json;

namespace {

// The API's JSON of model values. A described record (service/model.h) is an object of its
// members by their names; the rest of the overloads say how each kind of member is written.
json::value Encode(bool v) { return v; }
json::value Encode(int v) { return v; }
json::value Encode(std::int64_t v) { return v; }
json::value Encode(const std::string& v) { return json::string(v); }
json::value Encode(const domain::Date& d) { return json::string(d.Iso()); }
json::value Encode(domain::SourceKind k) { return json::string(domain::SourceKindCode(k)); }
json::value Encode(domain::Status s) { return json::string(domain::StatusCode(s)); }
json::value Encode(domain::Warning w) { return json::string(domain::WarningCode(w)); }
json::value Encode(service::Role r) { return json::string(service::RoleCode(r)); }
// Not described: an attachment is shown without the update it belongs to, which holds it.
json::value Encode(const service::AttachmentInfo& a) {
  return json::object{{"id", a.id},
                      {"file_name", a.file_name},
                      {"content_type", a.content_type},
                      {"size_bytes", a.size_bytes},
                      {"sha256", a.sha256}};
}
json::value Encode(const service::HistoryEvent& e) { return ToJson(e); }
json::value Encode(const domain::ReportFigures& f) { return ToJson(f); }
template <class T>
json::value Encode(const std::optional<T>& v);
template <class T>
json::value Encode(const std::vector<T>& items);
template <class T>
requires boost::describe::has_describe_members<T>::value json::value Encode(const T& record);

template <class T>
json::value Encode(const std::optional<T>& v) {
  return v ? Encode(*v) : json::value(nullptr);
}

template <class T>
json::value Encode(const std::vector<T>& items) {
  json::array out;
  out.reserve(items.size());
  for (const T& item : items) out.push_back(Encode(item));
  return out;
}

template <class T>
requires boost::describe::has_describe_members<T>::value json::value Encode(const T& record) {
  json::object out;
  boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_public>>(
      [&](auto member) { out.emplace(member.name, Encode(record.*member.pointer)); });
  return out;
}

// The JSON Encode gives, written straight into text: for the largest answers (a report lists
// thousands of tasks), where building the tree and freeing it again would cost more than the
// report's own counting. Only the commonest leaves are written here; every other kind is written as
// Encode makes it, so the two never differ (json_codec_test compares them).
void WriteString(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  std::size_t plain = 0;  // the start of the run not yet copied
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s, plain, i - plain);
    plain = i + 1;
    out += '\\';
    switch (c) {
      case '"':
        out += '"';
        break;
      case '\\':
        out += '\\';
        break;
      case '\b':
        out += 'b';
        break;
      case '\f':
        out += 'f';
        break;
      case '\n':
        out += 'n';
        break;
      case '\r':
        out += 'r';
        break;
      case '\t':
        out += 't';
        break;
      default:
        out += "u00";
        out += kHex[c >> 4];
        out += kHex[c & 0xf];
    }
  }
  out.append(s, plain);
  out += '"';
}

template <class T>
requires std::is_integral_v<T>
void WriteNumber(std::string& out, T v) {
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, v).ptr;
  out.append(digits, end);
}

void Write(std::string& out, bool v) { out += v ? "true" : "false"; }
void Write(std::string& out, int v) { WriteNumber(out, v); }
void Write(std::string& out, std::int64_t v) { WriteNumber(out, v); }
void Write(std::string& out, const std::string& v) { WriteString(out, v); }
// Dates, status codes and member names are ASCII letters, digits, '_' and '-': nothing in them
// needs escaping, and a report writes thousands of each.
void WritePlain(std::string& out, std::string_view s) {
  out += '"';
  out += s;
  out += '"';
}
void Write(std::string& out, const domain::Date& d) { WritePlain(out, d.Iso()); }
void Write(std::string& out, domain::Status s) { WritePlain(out, domain::StatusCode(s)); }
// Described, but written their own way; the first two are not in any answer written as text yet,
// and stand here so that one added later is not written member by member.
[[maybe_unused]] void Write(std::string& out, const service::AttachmentInfo& a) {
  out += json::serialize(Encode(a));
}
[[maybe_unused]] void Write(std::string& out, const service::HistoryEvent& e) {
  out += json::serialize(Encode(e));
}
void Write(std::string& out, const domain::ReportFigures& f) { out += json::serialize(Encode(f)); }
template <class T>
void Write(std::string& out, const std::optional<T>& v);
template <class T>
void Write(std::string& out, const std::vector<T>& items);
template <class T>
requires boost::describe::has_describe_members<T>::value void Write(std::string& out,
                                                                    const T& record);
template <class T>
requires(!boost::describe::has_describe_members<T>::value) void Write(std::string& out,
                                                                      const T& v) {
  out += json::serialize(Encode(v));
}

template <class T>
void Write(std::string& out, const std::optional<T>& v) {
  if (v)
    Write(out, *v);
  else
    out += "null";
}

template <class T>
void Write(std::string& out, const std::vector<T>& items) {
  out += '[';
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ',';
    Write(out, items[i]);
  }
  out += ']';
}

template <class T>
requires boost::describe::has_describe_members<T>::value void Write(std::string& out,
                                                                    const T& record) {
  out += '{';
  bool first = true;
  boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_public>>(
      [&](auto member) {
        if (!first) out += ',';
        first = false;
        WritePlain(out, member.name);
        out += ':';
        Write(out, record.*member.pointer);
      });
  out += '}';
}

}  // namespace

std::string ToJsonText(const service::ConsolidatedReport& r) {
  std::string out;
  out.reserve(1 << 16);
  Write(out, r);
  return out;
}

json::value ToJson(const service::Organization& o) { return Encode(o); }

json::value ToJson(const service::Person& p) { return Encode(p); }

json::value ToJson(const service::User& u) { return Encode(u); }

json::value ToJson(const service::Actor& a) {
  return json::object{{"user_id", a.user_id},
                      {"username", a.username},
                      {"full_name", a.full_name},
                      {"position", a.position},
                      {"role", service::RoleCode(a.role)},
                      {"person_id", a.person_id},
                      {"organization_id", a.organization_id},
                      {"agency_id", a.agency_id}};
}

json::value ToJson(const service::Source& s) { return Encode(s); }

json::value ToJson(const service::CalendarYear& y) { return Encode(y); }

json::value ToJson(const service::ReportSettings& s) { return Encode(s); }

json::value ToJson(const service::ReportImage& i) { return Encode(i); }

json::value ToJson(const service::TaskSummary& t) { return Encode(t); }

json::value ToJson(const service::UnitReport& r) {
  return json::object{{"id", r.id},
                      {"organization", Encode(r.organization)},
                      {"period", r.period},
                      {"period_start", Encode(r.period_start)},
                      {"period_end", Encode(r.period_end)},
                      {"as_of", Encode(r.as_of)},
                      {"period_running", r.period_running},
                      {"due_on", Encode(r.due_on)},
                      {"state", r.state},
                      {"prose", Encode(r.prose)},
                      {"return_comment", r.return_comment},
                      {"first_submitted_on", Encode(r.first_submitted_on)},
                      {"submitted_on", Encode(r.submitted_on)},
                      {"submitted_by", Encode(r.submitted_by)},
                      {"decided_on", Encode(r.decided_on)},
                      {"decided_by", Encode(r.decided_by)},
                      {"working_days_late", r.working_days_late},
                      {"figures", ToJson(r.figures)},
                      {"lead", Encode(r.lead)},
                      {"cooperating", Encode(r.cooperating)},
                      {"actions", Encode(r.actions)},
                      {"history", Encode(r.history)},
                      {"version", r.version}};
}

json::value ToJson(const service::UnitReportBoard& b) { return Encode(b); }

json::value ToJson(const service::ConsolidatedReport& r) { return Encode(r); }

json::value ToJson(const service::IssuedReportSummary& s) { return Encode(s); }

// The register entry's fields with the report as issued beside them.
json::value ToJson(const service::IssuedReport& r) {
  json::object o = Encode(r.summary).as_object();
  o["report"] = Encode(r.report);
  o["activity"] = Encode(r.activity);
  return o;
}

json::value ToJson(const service::ReportComparison& c) { return Encode(c); }

json::value ToJson(const service::Notice& n) {
  // The parameters were written by the server as a JSON object; a damaged row shows none.
  boost::system::error_code ec;
  json::value params = json::parse(n.params_json, ec);
  if (ec || !params.is_object()) params = json::object();
  return json::object{{"id", n.id},
                      {"kind", n.kind},
                      {"params", std::move(params)},
                      {"from", Encode(n.from)},
                      {"created_at", n.created_at},
                      {"read_at", Encode(n.read_at)}};
}

json::value ToJson(const service::NoticeList& l) {
  json::array items;
  for (const auto& n : l.items) items.push_back(ToJson(n));
  return json::object{{"items", std::move(items)}, {"unread", l.unread}};
}

json::value ToJson(const domain::ReportFigures& f) {
  return json::object{{"due", f.due},
                      {"due_completed", f.due_completed},
                      {"due_completed_ratio", f.DueCompletedRatio()},
                      {"overdue", f.overdue},
                      {"completed_ahead", f.completed_ahead},
                      {"ongoing", f.ongoing},
                      {"assigned_in_period", f.assigned_in_period},
                      {"due_in_period", f.due_in_period},
                      {"completed_in_period", f.completed_in_period},
                      {"due_next_period", f.due_next_period},
                      {"carried_over", f.carried_over},
                      {"cumulative", ToJson(f.cumulative)}};
}

// A task's own fields and its summary's are one object in the API.
json::value ToJson(const service::TaskView& v) {
  json::object o = Encode(v.task).as_object();
  json::value summary = std::move(o["summary"]);
  o.erase("summary");
  for (auto& [key, value] : summary.as_object()) o[key] = std::move(value);
  o["as_of"] = v.as_of.Iso();
  o["later_facts"] = v.later_facts;
  o["permissions"] = Encode(v.permissions);
  if (const auto& place = v.program_place) {
    json::array headings;
    for (const std::string& heading : place->headings) headings.push_back(json::string(heading));
    o["program_place"] = json::object{{"import_id", place->import_id},
                                      {"number", place->number},
                                      {"headings", std::move(headings)},
                                      {"note", place->note},
                                      {"outside_units", place->outside_units}};
  } else {
    o["program_place"] = nullptr;
  }
  return o;
}

json::value ToJson(const service::HistoryEvent& e) {
  auto parse_or_null = [](const std::string& text) -> json::value {
    if (text.empty()) return nullptr;
    boost::system::error_code ec;
    auto v = json::parse(text, ec);
    return ec ? json::value(nullptr) : v;
  };
  return json::object{{"id", e.id},
                      {"entity", e.entity},
                      {"entity_id", e.entity_id},
                      {"action", e.action},
                      {"actor", Encode(e.actor)},
                      {"recorded_at", e.recorded_at},
                      {"occurred_on", Encode(e.occurred_on)},
                      {"before", parse_or_null(e.before_json)},
                      {"after", parse_or_null(e.after_json)}};
}

json::value ToJson(const domain::StatusCounts& c) {
  return json::object{{"total", c.total},
                      {"completed", c.completed()},
                      {"completed_on_time", c.completed_on_time},
                      {"completed_late", c.completed_late},
                      {"in_progress", c.in_progress},
                      {"overdue", c.overdue},
                      {"cancelled", c.cancelled},
                      {"extended", c.extended},
                      {"overdue_rate", c.overdue_rate()},
                      {"completion_rate", c.completion_rate()},
                      {"on_time_rate", c.on_time_rate()}};
}

json::value ToJson(const service::Statistics& s) {
  auto groups = [](const std::vector<service::StatsGroup>& gs) {
    json::array out;
    for (const auto& g : gs) {
      json::object o = ToJson(g.counts).as_object();
      o["key"] = g.key;
      if (!g.name.empty()) o["name"] = g.name;
      o["tasks_url"] = "/api/v1/tasks?" + g.list_query;
      if (g.report_figures) o["report_figures"] = ToJson(*g.report_figures);
      out.push_back(std::move(o));
    }
    return out;
  };
  json::object o = ToJson(s.totals).as_object();
  o["as_of"] = s.as_of.Iso();
  o["tasks_url"] = "/api/v1/tasks?" + s.list_query;
  o["by_source_kind"] = groups(s.by_source_kind);
  o["by_key"] = groups(s.by_key);
  o["by_source_kind_and_key"] = groups(s.by_source_kind_and_key);
  o["by_lead_org"] = groups(s.by_lead_org);
  if (s.report_figures) o["report_figures"] = ToJson(*s.report_figures);
  if (s.report) {
    const service::StatsReportPeriod& r = *s.report;
    o["report_period"] = json::object{{"period", r.period},
                                      {"period_start", r.period_start.Iso()},
                                      {"period_end", r.period_end.Iso()},
                                      {"as_of", r.as_of.Iso()},
                                      {"period_running", r.period_running},
                                      {"next_start", r.next_start.Iso()},
                                      {"next_end", r.next_end.Iso()},
                                      {"period_convention", r.period_convention}};
  }
  return o;
}

// --- parsing ---------------------------------------------------------------------------------

namespace {

// Thrown through the parser when a parse would take more memory than it may.
struct JsonMemoryExceeded : std::bad_alloc {};

// Counts what one parse allocates and refuses to go beyond a cap; once the parse is over the cap
// is lifted, since the tree is then only read.
class CappedResource final : public json::memory_resource {
 public:
  explicit CappedResource(std::size_t cap) : cap_(cap) {}
  void Uncap() { capped_ = false; }

 private:
  void* do_allocate(std::size_t bytes, std::size_t align) override {
    if (capped_ && bytes > cap_ - std::min(cap_, used_)) throw JsonMemoryExceeded();
    void* p = ::operator new(bytes, std::align_val_t(align));
    used_ += bytes;
    return p;
  }
  void do_deallocate(void* p, std::size_t bytes, std::size_t align) override {
    ::operator delete(p, bytes, std::align_val_t(align));
    used_ -= bytes;
  }
  bool do_is_equal(const json::memory_resource& other) const noexcept override {
    return this == &other;
  }

  const std::size_t cap_;
  std::size_t used_ = 0;
  bool capped_ = true;
};

}  // namespace

std::size_t JsonMemoryLimit(std::size_t text_bytes) {
  // Room for the parser's stack and the tree of any body the API takes, strings included, which
  // are held twice for a moment; arrays of small numbers go beyond it.
  return 4 * text_bytes + 64 * 1024;
}

service::Expected<json::object> ParseJsonObject(std::string_view text) {
  const auto bad_json = service::Error::BadRequest("bad_json");
  const auto too_complex = service::Error::BadRequest("json_too_complex");
  if (text.empty()) return bad_json;
  json::storage_ptr storage =
      json::make_shared_resource<CappedResource>(JsonMemoryLimit(text.size()));
  json::parse_options options;
  options.max_depth = kMaxJsonDepth;
  json::value value;
  try {
    json::parser parser(storage, options);
    parser.reset(storage);
    boost::system::error_code ec;
    parser.write(text.data(), text.size(), ec);
    if (ec) return ec == json::error::too_deep ? too_complex : bad_json;
    value = parser.release();
  } catch (const JsonMemoryExceeded&) {
    return too_complex;
  }
  static_cast<CappedResource*>(storage.get())->Uncap();
  if (!value.is_object()) return bad_json;
  return std::move(value.as_object());
}

// --- BodyReader ------------------------------------------------------------------------------

const json::value* BodyReader::Get(std::string_view field) const {
  auto it = object_.find(field);
  return it == object_.end() ? nullptr : &it->value();
}

void BodyReader::Require(std::string_view field) {
  const json::value* v = Get(field);
  if (v == nullptr || v->is_null()) errors_.Add(std::string(field), "required");
}

void BodyReader::RequirePresent(std::string_view field) {
  if (Get(field) == nullptr) errors_.Add(std::string(field), "required");
}

void BodyReader::OnlyFields(std::initializer_list<std::string_view> known) {
  for (const auto& kv : object_) {
    if (std::find(known.begin(), known.end(), std::string_view(kv.key())) == known.end())
      errors_.Add(std::string(kv.key()), "unknown_field");
  }
}

std::optional<std::string> BodyReader::String(std::string_view field, std::size_t max_bytes) {
  const json::value* v = Get(field);
  if (v == nullptr || v->is_null()) return std::nullopt;
  if (!v->is_string()) {
    errors_.Add(std::string(field), "invalid");
    return std::nullopt;
  }
  std::string s(v->as_string());
  if (s.size() > max_bytes) {
    errors_.Add(std::string(field), "too_long");
    return std::nullopt;
  }
  // JSON allows "\u0000" but no text column does (PostgreSQL refuses it outright).
  if (s.find('\0') != std::string::npos) {
    errors_.Add(std::string(field), "invalid");
    return std::nullopt;
  }
  // Trim surrounding white space: pasted text from Word often carries it.
  const auto first = s.find_first_not_of(" \t\r\n");
  const auto last = s.find_last_not_of(" \t\r\n");
  return first == std::string::npos ? std::string() : s.substr(first, last - first + 1);
}

std::optional<std::int64_t> BodyReader::Id(std::string_view field) {
  const json::value* v = Get(field);
  if (v == nullptr || v->is_null()) return std::nullopt;
  if (v->is_int64() && v->as_int64() > 0) return v->as_int64();
  if (v->is_uint64() && v->as_uint64() > 0 && v->as_uint64() < (1ULL << 62))
    return static_cast<std::int64_t>(v->as_uint64());
  errors_.Add(std::string(field), "invalid");
  return std::nullopt;
}

std::optional<std::optional<std::int64_t>> BodyReader::NullableId(std::string_view field) {
  return Nullable(field, &BodyReader::Id);
}

std::optional<int> BodyReader::Int(std::string_view field) {
  const json::value* v = Get(field);
  if (v == nullptr || v->is_null()) return std::nullopt;
  if (v->is_int64() && v->as_int64() >= -1'000'000 && v->as_int64() <= 1'000'000)
    return static_cast<int>(v->as_int64());
  errors_.Add(std::string(field), "invalid");
  return std::nullopt;
}

std::optional<bool> BodyReader::Bool(std::string_view field) {
  const json::value* v = Get(field);
  if (v == nullptr || v->is_null()) return std::nullopt;
  if (v->is_bool()) return v->as_bool();
  errors_.Add(std::string(field), "invalid");
  return std::nullopt;
}

std::optional<domain::Date> BodyReader::Date(std::string_view field) {
  const json::value* v = Get(field);
  if (v == nullptr || v->is_null()) return std::nullopt;
  if (v->is_string()) {
    if (auto d = domain::Date::Parse(v->as_string())) return d;
  }
  errors_.Add(std::string(field), "invalid_date");
  return std::nullopt;
}

std::optional<std::optional<domain::Date>> BodyReader::NullableDate(std::string_view field) {
  return Nullable(field, &BodyReader::Date);
}

std::optional<std::vector<std::int64_t>> BodyReader::Ids(std::string_view field) {
  const json::value* v = Get(field);
  if (v == nullptr || v->is_null()) return std::nullopt;
  if (!v->is_array() || v->as_array().size() > 200) {
    errors_.Add(std::string(field), "invalid");
    return std::nullopt;
  }
  std::vector<std::int64_t> ids;
  for (const auto& item : v->as_array()) {
    if (!item.is_int64() || item.as_int64() <= 0) {
      errors_.Add(std::string(field), "invalid");
      return std::nullopt;
    }
    ids.push_back(item.as_int64());
  }
  return ids;
}

}  // namespace giaoban::api
