#include "api/json_codec.h"

#include <algorithm>
#include <new>

#include "intl/text.h"

namespace giaoban::api {

namespace json = boost::json;
using service::NamedRef;

namespace {

json::value Date(const std::optional<domain::Date>& d) {
  return d ? json::value(d->Iso()) : json::value(nullptr);
}
json::value OptId(const std::optional<std::int64_t>& id) {
  return id ? json::value(*id) : json::value(nullptr);
}
json::value Ref(const NamedRef& r) { return json::object{{"id", r.id}, {"name", r.name}}; }
json::value OptRef(const std::optional<NamedRef>& r) { return r ? Ref(*r) : json::value(nullptr); }
json::value Refs(const std::vector<NamedRef>& refs) {
  json::array out;
  for (const auto& r : refs) out.push_back(Ref(r));
  return out;
}
json::value OptInt(const std::optional<std::int64_t>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

}  // namespace

json::value ToJson(const service::Organization& o) {
  return json::object{{"id", o.id},
                      {"parent_id", OptId(o.parent_id)},
                      {"agency_id", OptId(o.agency_id)},
                      {"kind", o.kind},
                      {"code", o.code},
                      {"name", o.name},
                      {"place_name", o.place_name},
                      {"valid_from", Date(o.valid_from)},
                      {"valid_to", Date(o.valid_to)},
                      {"successor_id", OptId(o.successor_id)},
                      {"version", o.version}};
}

json::value ToJson(const service::Person& p) {
  return json::object{{"id", p.id},
                      {"organization_id", p.organization_id},
                      {"organization_name", p.organization_name},
                      {"full_name", p.full_name},
                      {"position", p.position},
                      {"email", p.email},
                      {"phone", p.phone},
                      {"active", p.active},
                      {"version", p.version},
                      {"role", p.role ? json::value(service::RoleCode(*p.role)) : json::value()}};
}

json::value ToJson(const service::User& u) {
  return json::object{{"id", u.id},
                      {"username", u.username},
                      {"role", service::RoleCode(u.role)},
                      {"disabled", u.disabled},
                      {"person", ToJson(u.person)},
                      {"version", u.version}};
}

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

json::value ToJson(const service::Source& s) {
  return json::object{
      {"id", s.id},          {"agency_id", s.agency_id},   {"kind", domain::SourceKindCode(s.kind)},
      {"title", s.title},    {"doc_number", s.doc_number}, {"doc_date", Date(s.doc_date)},
      {"issuer", s.issuer},  {"summary", s.summary},       {"task_count", s.task_count},
      {"version", s.version}};
}

json::value ToJson(const service::TaskSummary& t) {
  return json::object{{"id", t.id},
                      {"agency_id", t.agency_id},
                      {"title", t.title},
                      {"source_id", t.source_id},
                      {"source_kind", domain::SourceKindCode(t.source_kind)},
                      {"source_doc_number", t.source_doc_number},
                      {"is_key", t.is_key},
                      {"restricted", t.restricted},
                      {"lead_org", Ref(t.lead_org)},
                      {"leader", OptRef(t.leader)},
                      {"assigned_on", t.assigned_on.Iso()},
                      {"deadline", Date(t.deadline)},
                      {"deadline_in_force", Date(t.deadline_in_force)},
                      {"deadline_label", t.deadline_label},
                      {"completed_on", Date(t.completed_on)},
                      {"cancelled_on", Date(t.cancelled_on)},
                      {"progress", t.progress},
                      {"extended", t.extended},
                      {"status", domain::StatusCode(t.status)},
                      {"warning", domain::WarningCode(t.warning)},
                      {"version", t.version}};
}

json::value ToJson(const service::TaskView& v) {
  const service::TaskDetail& d = v.task;
  json::object o = ToJson(d.summary).as_object();
  o["as_of"] = v.as_of.Iso();
  o["later_facts"] = v.later_facts;
  o["content"] = d.content;
  o["product"] = d.product;
  o["parent_id"] = OptId(d.parent_id);
  o["cooperators"] = Refs(d.cooperators);
  o["assignees"] = Refs(d.assignees);
  o["result_doc_number"] = d.result_doc_number;
  o["result_doc_date"] = Date(d.result_doc_date);
  o["completion_note"] = d.completion_note;
  o["cancel_kind"] = d.cancel_kind ? json::value(*d.cancel_kind) : json::value(nullptr);
  o["cancel_reason"] = d.cancel_reason;
  o["cancel_approver"] = OptRef(d.cancel_approver);
  o["source"] = ToJson(d.source);
  json::array updates;
  for (const auto& u : d.updates) {
    json::array attachments;
    for (const auto& a : u.attachments) {
      attachments.push_back({{"id", a.id},
                             {"file_name", a.file_name},
                             {"content_type", a.content_type},
                             {"size_bytes", a.size_bytes},
                             {"sha256", a.sha256}});
    }
    updates.push_back({{"id", u.id},
                       {"reported_on", u.reported_on.Iso()},
                       {"body", u.body},
                       {"percent", u.percent ? json::value(*u.percent) : json::value(nullptr)},
                       {"author", Ref(u.author)},
                       {"recorded_at", u.recorded_at},
                       {"attachments", std::move(attachments)}});
  }
  o["updates"] = std::move(updates);
  json::array extensions;
  for (const auto& e : d.extensions) {
    extensions.push_back({{"id", e.id},
                          {"previous_deadline", Date(e.previous_deadline)},
                          {"requested_deadline", e.requested_deadline.Iso()},
                          {"reason", e.reason},
                          {"requested_by", Ref(e.requested_by)},
                          {"requested_on", e.requested_on.Iso()},
                          {"requested_at", e.requested_at},
                          {"state", e.state},
                          {"decided_by", OptRef(e.decided_by)},
                          {"decided_on", Date(e.decided_on)},
                          {"decided_at", OptInt(e.decided_at)},
                          {"decision_note", e.decision_note},
                          {"effective_on", Date(e.effective_on)}});
  }
  o["extensions"] = std::move(extensions);
  json::array explanations;
  for (const auto& x : d.explanations) {
    explanations.push_back({{"id", x.id},
                            {"question", x.question},
                            {"requested_by", Ref(x.requested_by)},
                            {"requested_on", x.requested_on.Iso()},
                            {"requested_at", x.requested_at},
                            {"answer", x.answer ? json::value(*x.answer) : json::value(nullptr)},
                            {"answered_by", OptRef(x.answered_by)},
                            {"answered_on", Date(x.answered_on)},
                            {"answered_at", OptInt(x.answered_at)}});
  }
  o["explanations"] = std::move(explanations);
  json::array subtasks;
  for (const auto& s : d.subtasks) subtasks.push_back(ToJson(s));
  o["subtasks"] = std::move(subtasks);
  const auto& p = v.permissions;
  o["permissions"] = {{"edit", p.edit},
                      {"report_progress", p.report_progress},
                      {"complete", p.complete},
                      {"request_extension", p.request_extension},
                      {"decide_extension", p.decide_extension},
                      {"cancel", p.cancel},
                      {"request_explanation", p.request_explanation},
                      {"answer_explanation", p.answer_explanation}};
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
                      {"actor", OptRef(e.actor)},
                      {"recorded_at", e.recorded_at},
                      {"occurred_on", Date(e.occurred_on)},
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
  const json::value* v = Get(field);
  if (v == nullptr) return std::nullopt;
  if (v->is_null()) return std::optional<std::int64_t>();
  auto id = Id(field);
  if (!id) return std::nullopt;
  return std::optional<std::int64_t>(*id);
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
  const json::value* v = Get(field);
  if (v == nullptr) return std::nullopt;
  if (v->is_null()) return std::optional<domain::Date>();
  auto d = Date(field);
  if (!d) return std::nullopt;
  return std::optional<domain::Date>(*d);
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
