// `giaoban backup`: a consistent copy of the live database that never destroys the last good one.
#pragma once

#include <string>

namespace giaoban::app {

// Writes a copy of the database at `url` (an SQLite file, or a pg_dump custom archive of a
// PostgreSQL database) to `destination`. The copy is written beside it under a temporary name,
// synced to disk and renamed over it only once complete, so a killed or failed backup leaves the
// previous file as it was; the temporary file of a run that was killed is removed by the next.
// Returns the exit code, having said what went wrong on stderr.
int Backup(const std::string& url, const std::string& destination);

}  // namespace giaoban::app
