# Turns SQL migration files into a C++ source: one {version, name, sql} entry per file, so that the
# binary carries its schema and never depends on files beside it at run time.
#   cmake -DOUT=... -DSQLITE_DIR=... -DPOSTGRES_DIR=... -P embed.cmake
function(emit_dialect var dir)
  file(GLOB files "${dir}/*.sql")
  list(SORT files)
  set(body "")
  foreach(f IN LISTS files)
    get_filename_component(name "${f}" NAME_WE)
    string(REGEX MATCH "^[0-9]+" version "${name}")
    math(EXPR version "${version}")
    file(READ "${f}" sql)
    string(APPEND body "  {${version}, \"${name}\", R\"giaoban_sql(${sql})giaoban_sql\"},\n")
  endforeach()
  set(${var} "${body}" PARENT_SCOPE)
endfunction()

emit_dialect(sqlite_body "${SQLITE_DIR}")
emit_dialect(postgres_body "${POSTGRES_DIR}")
file(WRITE "${OUT}.tmp" "// Generated from src/storage/migrations by cmake/embed.cmake.
#include \"storage/migrations.h\"

namespace giaoban::storage {
const std::vector<Migration>& SqliteMigrations() {
  static const std::vector<Migration> m = {
${sqlite_body}  };
  return m;
}
const std::vector<Migration>& PostgresMigrations() {
  static const std::vector<Migration> m = {
${postgres_body}  };
  return m;
}
}  // namespace giaoban::storage
")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different "${OUT}.tmp" "${OUT}")
