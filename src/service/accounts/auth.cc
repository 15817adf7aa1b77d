// Who is calling and may they: password hashing, logging in under throttling, sessions, API tokens
// and a user's change of their own password. Administering accounts is in account_admin.cc.
#include "service/accounts/auth.h"

#include <sodium.h>

#include <boost/json.hpp>
#include <stdexcept>

#include "intl/text.h"
#include "service/audit.h"
#include "service/row_values.h"

namespace giaoban::service {

using storage::Param;
using storage::TransactionMode;

namespace {

std::string RandomToken(std::size_t bytes) {
  std::string raw(bytes, '\0');
  randombytes_buf(raw.data(), raw.size());
  std::string out(sodium_base64_encoded_len(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(raw.data()),
                    raw.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(std::strlen(out.c_str()));
  return out;
}

// Tokens are stored only as hashes: a leaked database does not leak live sessions.
std::string TokenHash(const std::string& token) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(token.data()), token.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

// A token's last use is written when the recorded one is older than this.
constexpr std::int64_t kTokenUseRecordedEveryMs = 60'000;

// The columns ActorFromRow reads, then the tables they come from; callers may add columns between.
const char* kActorColumns =
    "SELECT u.id AS user_id, u.person_id, p.organization_id, "
    "COALESCE(o.agency_id, o.id) AS agency_id, COALESCE(a.path, o.path) AS agency_path, "
    "o.path AS organization_path, u.role, u.username, p.full_name, p.position";
const char* kActorFrom =
    " FROM users u JOIN people p ON p.id = u.person_id "
    "JOIN organizations o ON o.id = p.organization_id "
    "LEFT JOIN organizations a ON a.id = o.agency_id ";
const std::string kActorSelect = std::string(kActorColumns) + kActorFrom;

Actor ActorFromRow(const storage::Row& r) { return RowReader(r, FieldsOf<Actor>()).Read(r); }

}  // namespace

std::string HashPassword(const std::string& password) {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    throw std::runtime_error("out of memory while hashing a password");
  }
  return out;
}

bool VerifyPassword(const std::string& hash, const std::string& password) {
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::string CheckPasswordQuality(const std::string& password) {
  if (password.size() < 8) return "too_short";
  if (password.size() > 256) return "too_long";
  if (!intl::IsValidUtf8(password)) return "invalid";
  return {};
}

std::optional<Actor> LoadActor(storage::Connection& c, Id user_id) {
  auto r = c.execute(kActorSelect + "WHERE u.id = $1 AND u.disabled = 0", {Param(user_id)});
  if (r.empty()) return std::nullopt;
  return ActorFromRow(r.rows.front());
}

std::int64_t LoginDelayMs(std::int64_t attempts, int free_attempts, const Settings& settings) {
  if (attempts < free_attempts) return 0;
  std::int64_t delay = settings.login_first_delay_ms;
  for (std::int64_t n = free_attempts; n < attempts && delay < settings.login_max_delay_ms; ++n)
    delay *= 2;
  return std::min(delay, settings.login_max_delay_ms);
}

// What counting one login attempt in a throttling bucket found.
struct AuthService::Admission {
  bool admitted = false;
  std::int64_t attempts = 0;        // this one included, when admitted
  std::int64_t retry_after_ms = 0;  // when refused
};

// Counts an attempt and admits it unless the bucket is waiting out a delay. Admitting and counting
// are one statement, and the delay the attempt earns is written in the same transaction, which
// holds the row lock until it commits: however many servers take attempts at once, each sees the
// ones before it, and no more passwords are checked than the throttling allows.
AuthService::Admission AuthService::Admit(storage::Connection& c, const std::string& bucket,
                                          std::int64_t now) {
  const std::int64_t forgotten_before = now - ctx_.settings().login_forget_ms;
  auto counted = c.execute(
      "INSERT INTO login_throttle (bucket, attempts, blocked_until, last_attempt_at) "
      "VALUES ($1, 1, 0, $2) "
      "ON CONFLICT (bucket) DO UPDATE SET "
      "attempts = CASE WHEN login_throttle.last_attempt_at < $3 THEN 1 "
      "ELSE login_throttle.attempts + 1 END, "
      "last_attempt_at = $2 "
      "WHERE login_throttle.blocked_until <= $2 "
      "RETURNING attempts",
      {Param(bucket), Param(now), Param(forgotten_before)});
  if (!counted.empty()) return {true, counted.one().integer(counted.column("attempts")), 0};
  auto blocked =
      c.execute("SELECT blocked_until FROM login_throttle WHERE bucket = $1", {Param(bucket)});
  return {false, 0, blocked.one().integer(blocked.column("blocked_until")) - now};
}

void AuthService::ImposeDelay(storage::Connection& c, const std::string& bucket,
                              const Admission& admission, int free_attempts, std::int64_t now) {
  const std::int64_t delay = LoginDelayMs(admission.attempts, free_attempts, ctx_.settings());
  if (delay == 0) return;
  c.execute("UPDATE login_throttle SET blocked_until = $2 WHERE bucket = $1",
            {Param(bucket), Param(now + delay)});
}

namespace {

Error Refusal(std::int64_t retry_after_ms) {
  return Error::TooManyRequests(std::max<std::int64_t>(1, (retry_after_ms + 999) / 1000));
}

// An unknown or disabled account is checked against this hash, so that its answer takes as long
// as a wrong password for a real account and does not tell which accounts exist.
const std::string& DummyPasswordHash() {
  static const std::string hash = HashPassword(RandomToken(16));
  return hash;
}

}  // namespace

Expected<LoginResult> AuthService::Login(const std::string& username, const std::string& password,
                                         const std::string& client_address) {
  const std::int64_t now = Context::NowMillis();
  const Settings& settings = ctx_.settings();
  const std::string address_bucket = "addr|" + client_address;
  const std::string account_bucket = "acct|" + client_address + "|" + username;

  // Buckets are always taken in this order (address, then account) so that concurrent logins
  // never wait for each other's row locks in a cycle.
  struct Candidate {
    std::optional<Error> refused;
    std::optional<Id> user_id;
    std::string hash;
  };
  auto candidate = ctx_.db().transact(TransactionMode::kWrite, [&](storage::Connection& c) {
    Candidate out;
    const Admission by_address = Admit(c, address_bucket, now);
    if (!by_address.admitted) {
      out.refused = Refusal(by_address.retry_after_ms);
      return out;
    }
    const Admission by_account = Admit(c, account_bucket, now);
    if (!by_account.admitted) {
      // A refused attempt checks no password and does not count against the address.
      c.execute("UPDATE login_throttle SET attempts = attempts - 1 WHERE bucket = $1",
                {Param(address_bucket)});
      out.refused = Refusal(by_account.retry_after_ms);
      return out;
    }
    ImposeDelay(c, address_bucket, by_address, settings.login_free_attempts_per_address, now);
    ImposeDelay(c, account_bucket, by_account, settings.login_free_attempts, now);
    auto r = c.execute("SELECT id, password_hash FROM users WHERE username = $1 AND disabled = 0",
                       {Param(username)});
    if (!r.empty()) {
      out.user_id = r.rows.front().integer(r.column("id"));
      out.hash = r.rows.front().text(r.column("password_hash"));
    }
    return out;
  });
  if (candidate.refused) return *candidate.refused;

  // The password check is slow on purpose; it runs outside any transaction.
  const bool matches =
      VerifyPassword(candidate.user_id ? candidate.hash : DummyPasswordHash(), password);
  if (!matches || !candidate.user_id) return Error::InvalidCredentials();

  return ctx_.db().transact(
      TransactionMode::kWrite, [&](storage::Connection& c) -> Expected<LoginResult> {
        // A success gives the address its attempt back and clears the account's attempts from
        // this address only: attempts from elsewhere are somebody else's.
        c.execute(
            "UPDATE login_throttle SET attempts = attempts - 1, "
            "blocked_until = CASE WHEN attempts - 1 < $2 THEN 0 ELSE blocked_until END "
            "WHERE bucket = $1 AND attempts > 0",
            {Param(address_bucket), Param(settings.login_free_attempts_per_address)});
        c.execute("DELETE FROM login_throttle WHERE bucket = $1", {Param(account_bucket)});
        c.execute("DELETE FROM login_throttle WHERE last_attempt_at < $1 AND blocked_until < $2",
                  {Param(now - settings.login_forget_ms), Param(now)});
        auto actor = LoadActor(c, *candidate.user_id);
        if (!actor) return Error::InvalidCredentials();
        LoginResult result;
        result.session_token = RandomToken(32);
        result.csrf_token = RandomToken(24);
        result.expires_at = now + settings.session_ttl_seconds * 1000;
        c.execute("DELETE FROM sessions WHERE expires_at < $1", {Param(now)});
        c.execute(
            "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) "
            "VALUES ($1, $2, $3, $4, $5)",
            {Param(TokenHash(result.session_token)), Param(actor->user_id),
             Param(result.csrf_token), Param(now), Param(result.expires_at)});
        actor->csrf_token = result.csrf_token;
        result.actor = *actor;
        return result;
      });
}

void AuthService::Logout(const std::string& session_token) {
  ctx_.db().transact(TransactionMode::kWrite, [&](storage::Connection& c) {
    c.execute("DELETE FROM sessions WHERE token_hash = $1", {Param(TokenHash(session_token))});
  });
}

std::optional<Actor> AuthService::ResolveSession(const std::string& session_token) {
  if (session_token.empty() || session_token.size() > 128) return std::nullopt;
  // Every request pays for this: one statement, without a transaction around it.
  return ctx_.db().single_statement([&](storage::Connection& c) -> std::optional<Actor> {
    auto r = c.execute(std::string(kActorColumns) + ", s.csrf_token" + kActorFrom +
                           "JOIN sessions s ON s.user_id = u.id "
                           "WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.disabled = 0",
                       {Param(TokenHash(session_token)), Param(Context::NowMillis())});
    if (r.empty()) return std::nullopt;
    Actor a = ActorFromRow(r.rows.front());
    a.csrf_token = r.rows.front().text(r.column("csrf_token"));
    return a;
  });
}

std::optional<Actor> AuthService::ResolveApiToken(const std::string& token) {
  if (token.empty() || token.size() > 128) return std::nullopt;
  const std::int64_t now = Context::NowMillis();
  struct Resolved {
    Actor actor;
    Id token_id;
    std::optional<std::int64_t> last_used_at;
  };
  auto resolved =
      ctx_.db().single_statement([&](storage::Connection& c) -> std::optional<Resolved> {
        auto r = c.execute(std::string(kActorColumns) + ", t.id AS token_id, t.last_used_at" +
                               kActorFrom +
                               "JOIN api_tokens t ON t.user_id = u.id "
                               "WHERE t.token_hash = $1 AND t.revoked_at IS NULL "
                               "AND (t.expires_at IS NULL OR t.expires_at > $2) AND u.disabled = 0",
                           {Param(TokenHash(token)), Param(now)});
        if (r.empty()) return std::nullopt;
        const auto& row = r.rows.front();
        return Resolved{ActorFromRow(row), row.integer(r.column("token_id")),
                        row.opt_integer(r.column("last_used_at"))};
      });
  if (!resolved) return std::nullopt;
  // When a token was last used tells an administrator which integrations are alive; to the minute
  // is enough, and spares a write on every request.
  const std::int64_t recorded_before = now - kTokenUseRecordedEveryMs;
  if (!resolved->last_used_at || *resolved->last_used_at < recorded_before) {
    ctx_.db().transact(TransactionMode::kWrite, [&](storage::Connection& c) {
      c.execute(
          "UPDATE api_tokens SET last_used_at = $1 "
          "WHERE id = $2 AND (last_used_at IS NULL OR last_used_at < $3)",
          {Param(now), Param(resolved->token_id), Param(recorded_before)});
    });
  }
  return resolved->actor;
}

Status AuthService::ChangePassword(const Actor& actor, const std::string& old_password,
                                   const std::string& new_password) {
  Validator v;
  if (auto q = CheckPasswordQuality(new_password); !q.empty()) v.Add("new_password", q);
  if (!v.ok()) return v.error();
  auto hash = ctx_.db().transact(TransactionMode::kRead, [&](storage::Connection& c) {
    const auto r =
        c.execute("SELECT password_hash FROM users WHERE id = $1", {Param(actor.user_id)});
    return r.one().text(r.column("password_hash"));
  });
  if (!VerifyPassword(hash, old_password)) {
    v.Add("old_password", "wrong");
    return v.error();
  }
  const std::string new_hash = HashPassword(new_password);
  ctx_.db().transact(TransactionMode::kWrite, [&](storage::Connection& c) {
    c.execute("UPDATE users SET password_hash = $1, updated_at = $2 WHERE id = $3",
              {Param(new_hash), Param(Context::NowMillis()), Param(actor.user_id)});
    c.execute("DELETE FROM sessions WHERE user_id = $1 AND csrf_token <> $2",
              {Param(actor.user_id), Param(actor.csrf_token)});
    RecordEvent(c, {actor.agency_id, "user", actor.user_id, std::nullopt, "password_changed",
                    actor.user_id, "", ""});
  });
  return Ok();
}

Expected<CreatedToken> AuthService::CreateApiToken(const std::string& username,
                                                   const std::string& name,
                                                   std::optional<std::int64_t> expires_at) {
  const std::int64_t now = Context::NowMillis();
  if (expires_at && *expires_at <= now) return Error::Validation({{"expires", "in_the_past"}});
  return ctx_.db().transact(
      TransactionMode::kWrite, [&](storage::Connection& c) -> Expected<CreatedToken> {
        auto u = c.execute("SELECT id FROM users WHERE username = $1", {Param(username)});
        if (u.empty()) return Error::NotFound();
        CreatedToken t;
        t.token = "gb_" + RandomToken(32);
        t.id = ReturnedId(
            c.execute("INSERT INTO api_tokens (user_id, name, token_hash, created_at, expires_at) "
                      "VALUES ($1, $2, $3, $4, $5) RETURNING id",
                      {Param(u.one().integer(u.column("id"))), Param(name),
                       Param(TokenHash(t.token)), Param(now), Param(expires_at)}));
        boost::json::object details{{"username", username}, {"name", name}};
        if (expires_at) details["expires_at"] = *expires_at;
        RecordEvent(c, {std::nullopt, "api_token", t.id, std::nullopt, "created", std::nullopt, "",
                        boost::json::serialize(details)});
        return t;
      });
}

Status AuthService::RevokeApiToken(Id token_id) {
  return ctx_.db().transact(TransactionMode::kWrite, [&](storage::Connection& c) -> Status {
    auto r = c.execute(
        "UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL RETURNING id",
        {Param(Context::NowMillis()), Param(token_id)});
    if (r.empty()) return Error::NotFound();
    RecordEvent(
        c, {std::nullopt, "api_token", token_id, std::nullopt, "revoked", std::nullopt, "", ""});
    return Ok();
  });
}

}  // namespace giaoban::service
