#include "service/reports/stored_report.h"

#include <boost/describe/members.hpp>
#include <boost/json.hpp>
#include <boost/mp11/algorithm.hpp>
#include <stdexcept>

#include "domain/status.h"

namespace giaoban::service {

namespace json = boost::json;

namespace {

// Writing: a described record is an object of its members by name.
json::value Write(bool v) { return v; }
json::value Write(int v) { return v; }
json::value Write(std::int64_t v) { return v; }
json::value Write(const std::string& v) { return json::string(v); }
json::value Write(const Date& d) { return json::string(d.Iso()); }
json::value Write(domain::Status s) { return json::string(domain::StatusCode(s)); }
template <class T>
json::value Write(const std::optional<T>& v);
template <class T>
json::value Write(const std::vector<T>& items);
template <class T>
requires boost::describe::has_describe_members<T>::value json::value Write(const T& record);

template <class T>
json::value Write(const std::optional<T>& v) {
  return v ? Write(*v) : json::value(nullptr);
}

template <class T>
json::value Write(const std::vector<T>& items) {
  json::array out;
  out.reserve(items.size());
  for (const T& item : items) out.push_back(Write(item));
  return out;
}

template <class T>
requires boost::describe::has_describe_members<T>::value json::value Write(const T& record) {
  json::object out;
  boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_public>>(
      [&](auto member) { out.emplace(member.name, Write(record.*member.pointer)); });
  return out;
}

// Reading: the same shapes back; a member missing from the text keeps its default, so that a
// report stored before a member was added still reads.
[[noreturn]] void Corrupt(std::string_view what) {
  throw std::runtime_error("stored report: " + std::string(what));
}

void Read(const json::value& v, bool& out) { out = v.as_bool(); }
void Read(const json::value& v, int& out) { out = static_cast<int>(v.as_int64()); }
void Read(const json::value& v, std::int64_t& out) { out = v.as_int64(); }
void Read(const json::value& v, std::string& out) { out = std::string(v.as_string()); }
void Read(const json::value& v, Date& out) {
  auto d = Date::Parse(v.as_string());
  if (!d) Corrupt("date");
  out = *d;
}
void Read(const json::value& v, domain::Status& out) {
  auto s = domain::ParseStatus(v.as_string());
  if (!s) Corrupt("status");
  out = *s;
}
template <class T>
void Read(const json::value& v, std::optional<T>& out);
template <class T>
void Read(const json::value& v, std::vector<T>& out);
template <class T>
requires boost::describe::has_describe_members<T>::value void Read(const json::value& v, T& out);

template <class T>
void Read(const json::value& v, std::optional<T>& out) {
  if (v.is_null()) {
    out.reset();
    return;
  }
  T item{};
  Read(v, item);
  out = std::move(item);
}

template <class T>
void Read(const json::value& v, std::vector<T>& out) {
  const json::array& items = v.as_array();
  out.clear();
  out.reserve(items.size());
  for (const json::value& item : items) Read(item, out.emplace_back());
}

template <class T>
requires boost::describe::has_describe_members<T>::value void Read(const json::value& v, T& out) {
  const json::object& o = v.as_object();
  boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_public>>(
      [&](auto member) {
        if (const json::value* field = o.if_contains(member.name)) {
          Read(*field, out.*member.pointer);
        }
      });
}

}  // namespace

std::string StoreReport(const StoredReport& stored) {
  return json::serialize(json::object{{"report", Write(stored.report)},
                                      {"activity", Write(stored.activity)},
                                      {"signer", Write(stored.signer)}});
}

StoredReport LoadStoredReport(std::string_view text) {
  StoredReport stored;
  try {
    const json::value v = json::parse(text);
    const json::object& o = v.as_object();
    Read(o.at("report"), stored.report);
    if (const json::value* a = o.if_contains("activity")) Read(*a, stored.activity);
    if (const json::value* s = o.if_contains("signer")) Read(*s, stored.signer);
    // Reports issued before the day counted was stored were all issued after their period.
    if (!o.at("report").as_object().contains("as_of"))
      stored.report.as_of = stored.report.period_end;
  } catch (const std::out_of_range& e) {
    Corrupt(e.what());
  } catch (const std::invalid_argument& e) {
    Corrupt(e.what());
  } catch (const boost::system::system_error& e) {
    Corrupt(e.what());
  }
  return stored;
}

}  // namespace giaoban::service
