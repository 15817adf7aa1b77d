// Accounts, login sessions, API tokens and login throttling. Everything lives in the database so
// that any number of `giaoban serve` processes can answer any request.
#pragma once

#include <optional>
#include <string>

#include "service/accounts/model.h"
#include "service/actor.h"
#include "service/context.h"
#include "service/error.h"

namespace giaoban::service {

struct LoginResult {
  std::string session_token;  // goes into the HttpOnly cookie, never into a response body
  std::string csrf_token;
  std::int64_t expires_at = 0;  // Unix milliseconds
  Actor actor;
};

struct CreatedToken {
  Id id = 0;
  std::string token;  // shown once
};

struct NewUser {
  std::string username;
  std::string password;
  Role role = Role::kSpecialist;
  Id organization_id = 0;
  std::string full_name;
  std::string position;
  std::string email;
  std::optional<Id> person_id;  // link an existing person instead of creating one
};

// An administrator's change to one account; fields left empty stay as they are.
// Members left out of a designated initializer stay unchanged; their initializers say so to the
// compiler too.
struct UserUpdate {
  std::optional<Role> role{};
  std::optional<bool> disabled{};
  std::optional<std::string> password{};  // a reset: every session of the account ends
};

// argon2id via libsodium, with its interactive limits.
std::string HashPassword(const std::string& password);
bool VerifyPassword(const std::string& hash, const std::string& password);
// Minimum quality a password must have; returns a field error code or empty.
std::string CheckPasswordQuality(const std::string& password);

// How long login attempts must wait after the `attempts`-th one counted in a throttling bucket
// that allows `free_attempts` without waiting: nothing within the allowance, then the first
// delay, doubling with every further attempt up to the maximum (see Settings).
std::int64_t LoginDelayMs(std::int64_t attempts, int free_attempts, const Settings& settings);

class AuthService {
 public:
  explicit AuthService(const Context& ctx) : ctx_(ctx) {}

  // Throttled per (account, client address) and per client address; the attempt is counted
  // before the password is checked. A refusal is 429 with the seconds to wait.
  Expected<LoginResult> Login(const std::string& username, const std::string& password,
                              const std::string& client_address);
  void Logout(const std::string& session_token);
  std::optional<Actor> ResolveSession(const std::string& session_token);
  // The token's user, unless the token is unknown, revoked or expired. Records its use.
  std::optional<Actor> ResolveApiToken(const std::string& token);
  Status ChangePassword(const Actor& actor, const std::string& old_password,
                        const std::string& new_password);

  // Administration (CLI and admin API).
  Expected<User> CreateUser(const std::optional<Actor>& by, const NewUser& input);
  // An admin's change to an account of their own agency; not to their own role or access.
  Expected<User> UpdateUser(const Actor& by, Id user_id, std::int64_t expected_version,
                            const UserUpdate& update);
  // The same change from the server's command line, whose operator is no account: any account,
  // whatever its version; recorded without an actor.
  Expected<User> UpdateUserAsOperator(const std::string& username, const UserUpdate& update);
  std::vector<User> ListUsers(std::optional<Id> agency_id);
  // A token that stops working at `expires_at` (Unix ms), or never without it.
  Expected<CreatedToken> CreateApiToken(const std::string& username, const std::string& name,
                                        std::optional<std::int64_t> expires_at = std::nullopt);
  Status RevokeApiToken(Id token_id);

 private:
  struct Admission;
  Admission Admit(storage::Connection& c, const std::string& bucket, std::int64_t now);
  void ImposeDelay(storage::Connection& c, const std::string& bucket, const Admission& admission,
                   int free_attempts, std::int64_t now);

  const Context& ctx_;
};

// Loads the acting user by id (the user must be enabled).
std::optional<Actor> LoadActor(storage::Connection& c, Id user_id);

}  // namespace giaoban::service
