# Every SQL statement lives in server/store/ (#17): services, auth, HTTP routes, jobs, the CLI and
# the spreadsheets speak to the database only through typed store calls, so one place knows both
# engines (SQLite and PostgreSQL). This fails when a file outside server/store/ (and outside the
# simulators, which are separate programs) does any of:
#   1. prepares or executes a statement:         db.prepare(…), db->execute(…)
#   2. reaches an engine's C API:                 #include <sqlite3.h> / <libpq-fe.h>, sqlite3_…, PQ…(
#   3. holds SQL text in a string literal:        "SELECT …", "INSERT INTO …", "UPDATE x SET", "DELETE FROM", DDL, PRAGMA, BEGIN/COMMIT
# Run: cmake -DSOURCE_DIR=<repo> [-DROOTS=server;shared;wasm] -P tests/structure/sql_in_store.cmake
cmake_minimum_required(VERSION 3.20)
if(NOT SOURCE_DIR)
  message(FATAL_ERROR "pass -DSOURCE_DIR=<repository root>")
endif()
if(NOT ROOTS)
  set(ROOTS server shared wasm)
endif()

set(sources "")
foreach(root ${ROOTS})
  file(GLOB_RECURSE found ${SOURCE_DIR}/${root}/*.cpp ${SOURCE_DIR}/${root}/*.hpp ${SOURCE_DIR}/${root}/*.h)
  list(APPEND sources ${found})
endforeach()
list(FILTER sources EXCLUDE REGEX "/server/store/")
list(FILTER sources EXCLUDE REGEX "/server/sim/")
# Not our database: the PHPNuxBill import's read-only SELECTs on the other system's MariaDB (issue 22).
list(FILTER sources EXCLUDE REGEX "/server/imports/mariadb_source\\.cpp$")

set(space "[ \t\r\n]*")
set(sql_start "(SELECT|INSERT${space}INTO|UPDATE${space}[a-z_]+${space}SET|DELETE${space}FROM|CREATE${space}(TABLE|INDEX|UNIQUE|VIEW|TRIGGER|VIRTUAL)|DROP${space}(TABLE|INDEX)|ALTER${space}TABLE|PRAGMA|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|WITH${space}[a-z_]+${space}AS)[ \t(]")
set(violations "")
foreach(source ${sources})
  file(READ ${source} content)
  file(RELATIVE_PATH relative ${SOURCE_DIR} ${source})
  string(REPLACE ";" "\n" content "${content}")
  string(REGEX MATCHALL "(\\.|->)${space}(prepare|execute)${space}\\([^\n]*" calls "${content}")
  foreach(hit ${calls})
    string(SUBSTRING "${hit}" 0 100 hit)
    list(APPEND violations "${relative}: statement outside the store: ${hit}")
  endforeach()
  string(REGEX MATCHALL "#include${space}[<\"](sqlite3|libpq-fe)\\.h[>\"]|sqlite3_[a-z_]+${space}\\(|PQ[a-z][A-Za-z]+${space}\\(" engine_calls "${content}")
  foreach(hit ${engine_calls})
    list(APPEND violations "${relative}: engine API outside the store: ${hit}")
  endforeach()
  string(REGEX MATCHALL "\"${sql_start}[^\"\n]*" literals "${content}")
  foreach(hit ${literals})
    string(SUBSTRING "${hit}" 0 100 hit)
    list(APPEND violations "${relative}: SQL text outside the store: ${hit}")
  endforeach()
endforeach()

list(LENGTH sources checked)
if(violations)
  list(REMOVE_DUPLICATES violations)
  list(LENGTH violations count)
  list(JOIN violations "\n  " listed)
  message(FATAL_ERROR "${count} places hold SQL outside server/store/; add a typed call to a store file instead:\n  ${listed}")
endif()
message(STATUS "sql_in_store: ${checked} files outside server/store/ hold no SQL")
