// A zip archive built in memory, byte for byte the same for the same entries: every entry carries
// the same timestamp and no extra fields, so an issued document's file is reproducible.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace giaoban::documents {

class ZipWriter {
 public:
  // Entries are written in the order they are added. `compress` false stores the bytes as they
  // are (for files already compressed, such as PNG images).
  void Add(std::string name, std::string bytes, bool compress = true);

  // The archive's bytes. Throws std::runtime_error when libzip fails.
  std::string Finish() const;

 private:
  struct Entry {
    std::string name;
    std::string bytes;
    bool compress;
  };
  std::vector<Entry> entries_;
};

}  // namespace giaoban::documents
