// The message catalogues as data: src/messages/catalogue/<language>.json, one object from code to
// text per language, embedded at build time by cmake/embed_files.cmake.
#pragma once

#include <span>
#include <string_view>

namespace giaoban::messages::catalogue {

struct EmbeddedFile {
  std::string_view name;  // "vi.json", "en.json"
  std::string_view text;
};
std::span<const EmbeddedFile> EmbeddedFiles();

}  // namespace giaoban::messages::catalogue
