// `giaoban backup`: a consistent copy of the live database that never destroys the last good one.
#pragma once

#include <string>

#include "app/commands.h"

namespace giaoban::app {

// Writes a copy of the database (an SQLite file, or a pg_dump custom archive of a PostgreSQL
// database) to `destination`, replacing it only with a complete copy (see
// storage::Database::Backup). Returns the exit code, having said what went wrong on stderr.
int Backup(const GlobalOptions& global, const std::string& destination);

}  // namespace giaoban::app
