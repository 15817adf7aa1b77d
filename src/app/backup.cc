#include "app/backup.h"

#include <fcntl.h>
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
#include <filesystem>
#include <iostream>
#include <optional>
#include <string_view>
#include <system_error>
#include <vector>

#include "storage/database.h"
#include "storage/sqlite_database.h"

extern char** environ;

namespace giaoban::app {

namespace {

namespace fs = std::filesystem;

std::string SystemError(const std::string& what) { return what + ": " + std::strerror(errno); }

// What a run killed half-way leaves beside the destination: the unfinished copy and, for SQLite,
// the journal of it.
void RemoveTemporaries(const std::string& partial) {
  std::error_code ignored;
  fs::remove(partial, ignored);
  fs::remove(partial + "-journal", ignored);
}

bool Sync(const std::string& path, int flags, std::string& error) {
  const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0 || ::fsync(fd) != 0) {
    error = SystemError("cannot sync " + path);
    if (fd >= 0) ::close(fd);
    return false;
  }
  ::close(fd);
  return true;
}

// The copy reaches the disk before the rename, and the rename before we say it is done: after a
// crash at any point the destination holds either the old backup or the whole new one.
bool Publish(const std::string& partial, const std::string& destination, std::string& error) {
  if (!Sync(partial, O_RDONLY, error)) return false;
  if (::rename(partial.c_str(), destination.c_str()) != 0) {
    error = SystemError("cannot rename " + partial + " to " + destination);
    return false;
  }
  fs::path folder = fs::path(destination).parent_path();
  if (folder.empty()) folder = ".";
  return Sync(folder.string(), O_RDONLY | O_DIRECTORY, error);
}

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
bool DumpPostgres(const std::string& url, const std::string& partial, std::string& error) {
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

// Whether writing `destination` would replace the SQLite database at `database` or one of its
// companion files: renaming over the live file cuts every open connection off from it.
bool IsTheDatabase(const std::string& database, const std::string& destination) {
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    const std::string file = database + suffix;
    if (fs::exists(file, ec) && fs::exists(destination, ec) &&
        fs::equivalent(file, destination, ec))
      return true;
    if (fs::weakly_canonical(file, ec) == fs::weakly_canonical(destination, ec)) return true;
  }
  return false;
}

}  // namespace

int Backup(const std::string& url, const std::string& destination) {
  auto db = storage::OpenDatabase(url, 1);
  if (db->dialect() == storage::Dialect::kSqlite && IsTheDatabase(url, destination)) {
    std::cerr << "error: backup to " << destination
              << " refused: it is the database itself; choose another file\n";
    return 1;
  }
  const std::string partial = destination + ".partial";
  RemoveTemporaries(partial);
  std::string error;
  bool written = false;
  try {
    if (db->dialect() == storage::Dialect::kPostgres) {
      written = DumpPostgres(url, partial, error);
    } else {
      auto lease = db->acquire();
      storage::SqliteBackup(*lease, partial);
      // Stale WAL files of an older database at the destination would be replayed into the copy.
      std::error_code ignored;
      fs::remove(destination + "-wal", ignored);
      fs::remove(destination + "-shm", ignored);
      written = true;
    }
    if (written) written = Publish(partial, destination, error);
  } catch (...) {
    RemoveTemporaries(partial);
    throw;
  }
  if (!written) {
    RemoveTemporaries(partial);
    std::cerr << "error: backup to " << destination << " failed: " << error << "\n";
    return 1;
  }
  return 0;
}

}  // namespace giaoban::app
