// Writing a backup file so that it is only ever replaced whole; shared by the dialects' backups.
#pragma once

#include <functional>
#include <string>

namespace giaoban::storage {

// Calls write(partial) to write the new copy beside `destination` under a temporary name, syncs it
// to disk and renames it over `destination` only once complete, so a killed or failed backup
// leaves the previous file as it was; the temporary file of a run that was killed is removed by
// the next. Throws BackupError("failed: ...") when anything goes wrong, having removed the
// temporaries.
void ReplaceWhole(const std::string& destination,
                  const std::function<void(const std::string& partial)>& write);

}  // namespace giaoban::storage
