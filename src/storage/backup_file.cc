#include "storage/backup_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <system_error>

#include "storage/database.h"

namespace giaoban::storage {

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

void Sync(const std::string& path, int flags) {
  const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0 || ::fsync(fd) != 0) {
    const std::string error = SystemError("cannot sync " + path);
    if (fd >= 0) ::close(fd);
    throw std::runtime_error(error);
  }
  ::close(fd);
}

// The copy reaches the disk before the rename, and the rename before we say it is done: after a
// crash at any point the destination holds either the old backup or the whole new one.
void Publish(const std::string& partial, const std::string& destination) {
  Sync(partial, O_RDONLY);
  if (::rename(partial.c_str(), destination.c_str()) != 0)
    throw std::runtime_error(SystemError("cannot rename " + partial + " to " + destination));
  fs::path folder = fs::path(destination).parent_path();
  if (folder.empty()) folder = ".";
  Sync(folder.string(), O_RDONLY | O_DIRECTORY);
}

}  // namespace

void ReplaceWhole(const std::string& destination,
                  const std::function<void(const std::string& partial)>& write) {
  const std::string partial = destination + ".partial";
  RemoveTemporaries(partial);
  try {
    write(partial);
    Publish(partial, destination);
  } catch (const std::exception& e) {
    RemoveTemporaries(partial);
    throw BackupError(std::string("failed: ") + e.what());
  } catch (...) {
    RemoveTemporaries(partial);
    throw;
  }
}

}  // namespace giaoban::storage
