// The backup of a PostgreSQL database, which is pg_dump's job: apart from the connection because it
// runs another program rather than talking to the server.
#pragma once

#include <string>

namespace giaoban::storage {

// Database::Backup of the PostgreSQL database at `url`: a pg_dump custom archive (a consistent
// snapshot while others write), replacing `destination` whole. pg_dump is run without a shell and
// gets the password in its environment, never on its command line.
void DumpPostgres(const std::string& url, const std::string& destination);

}  // namespace giaoban::storage
