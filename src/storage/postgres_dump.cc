#include "storage/postgres_dump.h"

#include <libpq-fe.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "storage/backup_file.h"

extern char** environ;

namespace giaoban::storage {

namespace {

std::string SystemError(const std::string& what) { return what + ": " + std::strerror(errno); }

// A PostgreSQL URL split the way libpq itself reads it: the password apart, everything else as a
// connection string for pg_dump's command line, which every local user can read.
struct PostgresTarget {
  std::string conninfo;
  std::optional<std::string> password;
};

void AppendQuoted(std::string& out, std::string_view value) {
  out += '\'';
  for (char ch : value) {
    if (ch == '\'' || ch == '\\') out += '\\';
    out += ch;
  }
  out += '\'';
}

std::optional<PostgresTarget> SplitPassword(const std::string& url, std::string& error) {
  char* message = nullptr;
  PQconninfoOption* options = PQconninfoParse(url.c_str(), &message);
  if (options == nullptr) {
    error = message != nullptr ? message : "cannot read the database URL";
    PQfreemem(message);
    return std::nullopt;
  }
  PostgresTarget target;
  for (const PQconninfoOption* option = options; option->keyword != nullptr; ++option) {
    if (option->val == nullptr) continue;  // only what the URL says; pg_dump has the defaults
    if (std::strcmp(option->keyword, "password") == 0) {
      target.password = option->val;
      continue;
    }
    if (!target.conninfo.empty()) target.conninfo += ' ';
    target.conninfo += option->keyword;
    target.conninfo += '=';
    AppendQuoted(target.conninfo, option->val);
  }
  PQconninfoFree(options);
  return target;
}

std::optional<std::string> FindOnPath(const std::string& program) {
  const char* path = std::getenv("PATH");
  std::string_view rest = path != nullptr ? path : "/usr/local/bin:/usr/bin:/bin";
  while (true) {
    const auto colon = rest.find(':');
    std::string folder(rest.substr(0, colon));
    if (folder.empty()) folder = ".";
    const std::string candidate = folder + "/" + program;
    struct stat info {};
    if (::stat(candidate.c_str(), &info) == 0 && S_ISREG(info.st_mode) &&
        ::access(candidate.c_str(), X_OK) == 0) {
      return candidate;
    }
    if (colon == std::string_view::npos) return std::nullopt;
    rest.remove_prefix(colon + 1);
  }
}

// Runs `program` with exactly these arguments (no shell: nothing in them is interpreted) and this
// process's environment plus `extra_env` ("NAME=value"), and waits for it. Returns the wait status,
// or nullopt with `error` set when it could not be started.
std::optional<int> Run(const std::string& program, const std::vector<std::string>& args,
                       const std::vector<std::string>& extra_env, std::string& error) {
  std::vector<char*> argv;
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  std::vector<char*> envp;
  for (char** e = environ; *e != nullptr; ++e) {
    const std::string_view entry(*e);
    const bool replaced = std::any_of(extra_env.begin(), extra_env.end(), [&](const auto& extra) {
      const std::string_view name = std::string_view(extra).substr(0, extra.find('=') + 1);
      return entry.substr(0, name.size()) == name;
    });
    if (!replaced) envp.push_back(*e);
  }
  for (const std::string& e : extra_env) envp.push_back(const_cast<char*>(e.c_str()));
  envp.push_back(nullptr);

  const pid_t parent = ::getpid();
  const pid_t child = ::fork();
  if (child < 0) {
    error = SystemError("cannot start " + program);
    return std::nullopt;
  }
  if (child == 0) {
    // A backup that is killed must not leave its dump running, still writing the temporary file.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) ::_exit(127);
    ::execve(program.c_str(), argv.data(), envp.data());
    ::_exit(127);
  }
  int status = 0;
  while (::waitpid(child, &status, 0) < 0) {
    if (errno != EINTR) {
      error = SystemError("cannot wait for " + program);
      return std::nullopt;
    }
  }
  return status;
}

// A backup of PostgreSQL is pg_dump's job: it takes a consistent snapshot while others write. The
// password reaches it in its environment, which only its owner can read, never in its arguments.
bool DumpPostgresTo(const std::string& url, const std::string& partial, std::string& error) {
  auto target = SplitPassword(url, error);
  if (!target) return false;
  auto pg_dump = FindOnPath("pg_dump");
  if (!pg_dump) {
    error = "pg_dump not found on PATH";
    return false;
  }
  std::vector<std::string> env;
  if (target->password) env.push_back("PGPASSWORD=" + *target->password);
  auto status = Run(*pg_dump,
                    {"pg_dump", "--format=custom", "--no-owner", "--file=" + partial,
                     "--dbname=" + target->conninfo},
                    env, error);
  if (!status) return false;
  if (WIFEXITED(*status) && WEXITSTATUS(*status) == 0) return true;
  error = WIFSIGNALED(*status)
              ? "pg_dump was killed by signal " + std::to_string(WTERMSIG(*status))
              : "pg_dump failed with exit code " + std::to_string(WEXITSTATUS(*status));
  return false;
}

}  // namespace

void DumpPostgres(const std::string& url, const std::string& destination) {
  ReplaceWhole(destination, [&](const std::string& partial) {
    std::string error;
    if (!DumpPostgresTo(url, partial, error)) throw std::runtime_error(error);
  });
}

}  // namespace giaoban::storage
