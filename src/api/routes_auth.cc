// /auth, /me and /users.
#include "api/api.h"
#include "api/json_codec.h"
#include "api/preconditions.h"

namespace giaoban::api {

namespace json = boost::json;
using service::Error;

namespace {

std::string SessionCookie(const std::string& value, std::int64_t max_age, bool secure) {
  return std::string("gb_session=") + value +
         "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" + std::to_string(max_age) +
         (secure ? "; Secure" : "");
}

// A body of exactly two texts, both required: a user name and a password, or two passwords.
service::Expected<std::pair<std::string, std::string>> TwoTexts(const Call& call,
                                                                std::string_view first,
                                                                std::size_t first_max_bytes,
                                                                std::string_view second,
                                                                std::size_t second_max_bytes) {
  return ParseBody(call.Body(), [&](BodyReader& in) {
    in.OnlyFields({first, second});
    in.Require(first);
    in.Require(second);
    return std::pair{in.String(first, first_max_bytes).value_or(""),
                     in.String(second, second_max_bytes).value_or("")};
  });
}

}  // namespace

void RegisterAuthRoutes(Api& api) {
  Services& s = api.services();
  const bool secure = api.options().secure_cookies;

  api.Add(
      "POST", "/auth/login",
      [&s, secure](Call& call) -> Reply {
        auto credentials = TwoTexts(call, "username", 64, "password", 256);
        if (!credentials) return credentials.error();
        const auto& [username, password] = *credentials;
        auto result = s.auth.Login(username, password, call.request.client_address);
        if (!result && result.error().retry_after_seconds > 0) {
          http::Response refused = ErrorResponse(result.error(), call.language);
          refused.set_header("Retry-After", std::to_string(result.error().retry_after_seconds));
          return refused;
        }
        if (!result) return result.error();
        http::Response r = Json(json::object{{"user", ToJson(result->actor)},
                                             {"csrf_token", result->csrf_token},
                                             {"expires_at", result->expires_at}});
        r.set_header("Set-Cookie", SessionCookie(result->session_token,
                                                 call.settings().session_ttl_seconds, secure));
        r.log_user = result->actor.username;
        return r;
      },
      /*public_route=*/true);

  api.Add("POST", "/auth/logout", [&s, secure](Call& call) -> Reply {
    if (auto token = call.request.cookie("gb_session")) s.auth.Logout(*token);
    http::Response r = Json(json::object{{"ok", true}});
    r.set_header("Set-Cookie", SessionCookie("", 0, secure));
    return r;
  });

  api.Add("GET", "/me", [](Call& call) -> Reply {
    json::object o = ToJson(call.who()).as_object();
    // The page needs the CSRF token again after a reload; it is useless without the cookie.
    if (!call.who().csrf_token.empty()) o["csrf_token"] = call.who().csrf_token;
    return Json(o);
  });

  api.Add("POST", "/me/password", [&s](Call& call) -> Reply {
    auto passwords = TwoTexts(call, "old_password", 256, "new_password", 256);
    if (!passwords) return passwords.error();
    auto done = s.auth.ChangePassword(call.who(), passwords->first, passwords->second);
    if (!done) return done.error();
    return Json(json::object{{"ok", true}});
  });

  api.Add("GET", "/users", [&s](Call& call) -> Reply {
    if (!call.who().manages_agency()) return Error::Forbidden();
    json::array items;
    for (const auto& u : s.auth.ListUsers(call.who().agency_id)) items.push_back(ToJson(u));
    return Json(json::object{{"items", std::move(items)}});
  });

  api.Add("PATCH", "/users/{id}", [&s](Call& call) -> Reply {
    auto version = RequiredVersion(call.request);
    if (!version) return version.error();
    auto update = ParseBody(call.Body(), [](BodyReader& in) {
      in.OnlyFields({"role", "disabled", "password"});
      service::UserUpdate u;
      if (auto role = in.String("role", 32)) {
        u.role = service::ParseRole(*role);
        if (!u.role) in.validator().Add("role", "invalid");
      }
      u.disabled = in.Bool("disabled");
      u.password = in.String("password", 256);
      return u;
    });
    if (!update) return update.error();
    return VersionedJson(s.auth.UpdateUser(call.who(), call.id(), *version, *update));
  });

  api.Add("POST", "/users", [&s](Call& call) -> Reply {
    auto new_user = ParseBody(call.Body(), [](BodyReader& in) {
      in.OnlyFields({"username", "password", "role", "organization_id", "full_name", "position",
                     "email", "person_id"});
      in.Require("username");
      in.Require("password");
      in.Require("role");
      service::NewUser nu;
      nu.username = in.String("username", 64).value_or("");
      nu.password = in.String("password", 256).value_or("");
      auto role = service::ParseRole(in.String("role", 32).value_or(""));
      if (!role)
        in.validator().Add("role", "invalid");
      else
        nu.role = *role;
      nu.organization_id = in.Id("organization_id").value_or(0);
      nu.full_name = in.String("full_name", 200).value_or("");
      nu.position = in.String("position", 200).value_or("");
      nu.email = in.String("email", 200).value_or("");
      nu.person_id = in.Id("person_id");
      if (!nu.person_id && nu.organization_id == 0)
        in.validator().Add("organization_id", "required");
      return nu;
    });
    if (!new_user) return new_user.error();
    return JsonReply(s.auth.CreateUser(call.who(), *new_user), 201);
  });
}

}  // namespace giaoban::api
