# Writes a C++ file holding every migrations/NNNN_name.sql as (version, name, sql), in order.
file(GLOB files ${DIRECTORY}/*.sql)
list(SORT files)
set(body "// Generated from server/store/migrations at build time. Do not edit.\n#include \"store/migrations.hpp\"\nnamespace kimonet::store {\nconst std::vector<Migration>& embedded_migrations() {\n  static const std::vector<Migration> all = {\n")
foreach(file ${files})
  get_filename_component(name ${file} NAME_WE)
  string(REGEX MATCH "^[0-9]+" version ${name})
  string(REGEX REPLACE "^0+([0-9])" "\\1" version ${version})  # 0008 would be an (invalid) octal literal
  file(READ ${file} sql)
  string(APPEND body "    {${version}, \"${name}\", R\"kimonet_sql(${sql})kimonet_sql\"},\n")
endforeach()
string(APPEND body "  };\n  return all;\n}\n}  // namespace kimonet::store\n")
file(WRITE ${OUTPUT}.tmp "${body}")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different ${OUTPUT}.tmp ${OUTPUT})
