# Turns the OpenAPI document's JSON files into a C++ source: one {name, text} entry per file, named by
# its path below the document's folder, so that the binary serves the document without reading files
# beside it at run time. src/api/openapi.cc assembles the entries.
#   cmake -DOUT=... -DDIR=... -P embed_openapi.cmake
file(GLOB_RECURSE files RELATIVE "${DIR}" "${DIR}/*.json")
list(SORT files)
set(body "")
foreach(name IN LISTS files)
  file(READ "${DIR}/${name}" text)
  string(APPEND body "  {\"${name}\", R\"giaoban_json(${text})giaoban_json\"},\n")
endforeach()
file(WRITE "${OUT}.tmp" "// Generated from src/api/openapi by cmake/embed_openapi.cmake.
#include \"api/openapi.h\"

namespace giaoban::api::openapi_detail {
std::span<const DocumentFile> DocumentFiles() {
  static const DocumentFile files[] = {
${body}  };
  return files;
}
}  // namespace giaoban::api::openapi_detail
")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different "${OUT}.tmp" "${OUT}")
