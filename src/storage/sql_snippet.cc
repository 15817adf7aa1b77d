#include "storage/sql_snippet.h"

namespace giaoban::storage {

std::string SqlSnippet(std::string_view sql) {
  constexpr std::size_t kMax = 200;
  if (sql.size() <= kMax) return std::string(sql);
  std::size_t end = kMax;
  while (end > 0 && (static_cast<unsigned char>(sql[end]) & 0xC0) == 0x80) --end;
  return std::string(sql.substr(0, end)) + "...";
}

}  // namespace giaoban::storage
