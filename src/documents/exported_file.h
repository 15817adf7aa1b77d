// A file the server hands out for download: its name, its type and its bytes.
#pragma once

#include <string>

namespace giaoban::documents {

struct ExportedFile {
  std::string file_name;
  std::string content_type;
  std::string bytes;
};

}  // namespace giaoban::documents
