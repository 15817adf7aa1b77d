// /organizations and /people.

#include "api/api.h"
#include "api/json_codec.h"
#include "api/preconditions.h"
#include "service/query_values.h"

namespace giaoban::api {

namespace json = boost::json;
using service::Error;

void RegisterOrganizationRoutes(Api& api) {
  Services& s = api.services();

  api.AddQueryRead("/organizations", [&s](Call& call) -> Reply {
    bool all = false;
    for (const auto& [name, value] : call.request.query) {
      if (name != "include_expired") return Error::Validation({{name, "unknown_parameter"}});
      if (value != "true" && value != "false")
        return Error::Validation({{name, "invalid", {"true", "false"}}});
      all = value == "true";
    }
    json::array items;
    for (const auto& o : s.organizations.List(call.who(), all)) items.push_back(ToJson(o));
    return Json(json::object{{"items", std::move(items)}});
  });

  api.Add("GET", "/organizations/{id}", [&s](Call& call) -> Reply {
    auto o = s.organizations.Get(call.who(), call.id());
    return VersionedJson(o);
  });

  api.Add("POST", "/organizations", [&s](Call& call) -> Reply {
    auto input = ParseBody(call.Body(), [](BodyReader& in) {
      in.OnlyFields({"parent_id", "kind", "code", "name", "place_name", "valid_from"});
      in.Require("parent_id");
      in.Require("kind");
      in.Require("code");
      in.Require("name");
      service::OrganizationInput oi;
      oi.parent_id = in.Id("parent_id");
      oi.kind = in.String("kind", 32).value_or("");
      oi.code = in.String("code", 32).value_or("");
      oi.name = in.String("name", 300).value_or("");
      oi.place_name = in.String("place_name", 100).value_or("");
      oi.valid_from = in.Date("valid_from");
      return oi;
    });
    if (!input) return input.error();
    return VersionedJson(s.organizations.Create(call.who(), *input), 201);
  });

  api.Add("PATCH", "/organizations/{id}", [&s](Call& call) -> Reply {
    auto version = RequiredVersion(call.request);
    if (!version) return version.error();
    auto change = ParseBody(call.Body(), [](BodyReader& in) {
      in.OnlyFields({"name", "code", "place_name"});
      service::OrganizationRename r;
      r.name = in.String("name", 300);
      r.code = in.String("code", 32);
      r.place_name = in.String("place_name", 100);
      return r;
    });
    if (!change) return change.error();
    return VersionedJson(s.organizations.Rename(call.who(), call.id(), *version, *change));
  });

  api.Add("POST", "/organizations/{id}/merge", [&s](Call& call) -> Reply {
    auto version = RequiredVersion(call.request);
    if (!version) return version.error();
    auto merge = ParseBody(call.Body(), [](BodyReader& in) {
      in.OnlyFields({"successor_id", "effective_on"});
      in.Require("successor_id");
      return std::pair{in.Id("successor_id").value_or(0), in.Date("effective_on")};
    });
    if (!merge) return merge.error();
    auto o = s.organizations.Merge(call.who(), call.id(), *version, merge->first,
                                   merge->second.value_or(call.Today()));
    return VersionedJson(o);
  });

  api.AddQueryRead("/people", [&s](Call& call) -> Reply {
    std::optional<std::int64_t> org;
    std::optional<service::Role> role;
    for (const auto& [name, text] : call.request.query) {
      if (name == "organization_id") {
        org = service::ParseId(text);
        if (!org) return Error::Validation({{"organization_id", "invalid"}});
      } else if (name == "role") {
        role = service::ParseRole(text);
        if (!role) return Error::Validation({{"role", "invalid"}});
      } else {
        return Error::Validation({{name, "unknown_parameter"}});
      }
    }
    json::array items;
    for (const auto& p : s.organizations.People(call.who(), org, role)) items.push_back(ToJson(p));
    return Json(json::object{{"items", std::move(items)}});
  });

  api.Add("PATCH", "/people/{id}", [&s](Call& call) -> Reply {
    auto version = RequiredVersion(call.request);
    if (!version) return version.error();
    auto update = ParseBody(call.Body(), [](BodyReader& in) {
      in.OnlyFields({"organization_id", "full_name", "position", "email", "phone", "active"});
      service::PersonUpdate u;
      u.organization_id = in.Id("organization_id");
      u.full_name = in.String("full_name", 200);
      u.position = in.String("position", 200);
      u.email = in.String("email", 200);
      u.phone = in.String("phone", 50);
      u.active = in.Bool("active");
      return u;
    });
    if (!update) return update.error();
    return VersionedJson(s.organizations.UpdatePerson(call.who(), call.id(), *version, *update));
  });

  api.Add("POST", "/people", [&s](Call& call) -> Reply {
    auto input = ParseBody(call.Body(), [](BodyReader& in) {
      in.OnlyFields({"organization_id", "full_name", "position", "email", "phone"});
      in.Require("organization_id");
      in.Require("full_name");
      service::PersonInput pi;
      pi.organization_id = in.Id("organization_id").value_or(0);
      pi.full_name = in.String("full_name", 200).value_or("");
      pi.position = in.String("position", 200).value_or("");
      pi.email = in.String("email", 200).value_or("");
      pi.phone = in.String("phone", 50).value_or("");
      return pi;
    });
    if (!input) return input.error();
    return JsonReply(s.organizations.CreatePerson(call.who(), *input), 201);
  });
}

}  // namespace giaoban::api
