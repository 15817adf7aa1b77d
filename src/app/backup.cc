#include "app/backup.h"

#include <exception>
#include <iostream>

namespace giaoban::app {

int Backup(const GlobalOptions& global, const std::string& destination) {
  auto db = Open(global, 1);
  try {
    db->Backup(destination);
  } catch (const std::exception& e) {
    // Database::Backup says why in terms of the destination: "refused: ..." or "failed: ...".
    std::cerr << "error: backup to " << destination << " " << e.what() << "\n";
    return 1;
  }
  return 0;
}

}  // namespace giaoban::app
