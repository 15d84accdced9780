#pragma once
// Messages of the imports from another billing system (`kimonet import phpnuxbill`, issue 22), in
// their own part of the catalogue; core/message_catalogue.cpp reads this part too (English toggle,
// uniqueness check). A dump's problems name the line as the detail ("…, baris: 12").
// X(name, Indonesian, English).
namespace kimonet::messages {

// clang-format off
#define KIMONET_IMPORT_MESSAGES(X) \
    X(kDumpStatementTooLong, "pernyataan SQL terlalu panjang, mulai baris", "an SQL statement is too long, starting at line") \
    X(kDumpUnterminated, "berkas dump berakhir di tengah pernyataan yang mulai baris", "the dump ends inside the statement starting at line") \
    X(kDumpUnreadableInsert, "INSERT tidak dapat dibaca, baris", "cannot read the INSERT at line") \
    X(kDumpUnreadableCreate, "pernyataan CREATE TABLE tidak dapat dibaca, baris", "cannot read the CREATE TABLE statement at line") \
    X(kDumpColumnCount, "jumlah nilai tidak sama dengan jumlah kolom, baris", "the number of values differs from the number of columns at line") \
    X(kDumpNoColumns, "INSERT tanpa daftar kolom dan tanpa CREATE TABLE sebelumnya, baris", "an INSERT without a column list and no CREATE TABLE before it, line") \
    X(kDumpValueTooLong, "nilai terlalu panjang, baris", "a value is too long at line") \
    X(kDumpTooManyRows, "berkas dump berisi terlalu banyak baris data", "the dump holds too many data rows") \
    X(kDumpNotPhpnuxbill, "bukan data PHPNuxBill: tabel tbl_customers tidak ada", "not PHPNuxBill data: there is no tbl_customers table") \
    X(kDumpMissingColumn, "kolom PHPNuxBill tidak ada", "a PHPNuxBill column is missing") \
    X(kDumpBadNumber, "angka tidak valid, baris", "not a valid number at line") \
    X(kDumpBadDate, "tanggal tidak valid, baris", "not a valid date at line") \
    X(kMariadbConnectFailed, "tidak dapat terhubung ke MariaDB", "cannot connect to MariaDB") \
    X(kMariadbQueryFailed, "kueri MariaDB gagal", "a MariaDB query failed") \
    X(kImportSourceRequired, "pilih satu sumber: --file DUMP.sql atau --mariadb URL", "give one source: --file DUMP.sql or --mariadb URL") \
    X(kMariadbUrl, "URL MariaDB harus mariadb://user:sandi@host:port/database atau mariadb://user:sandi@localhost/database?socket=PATH", "the MariaDB URL must be mariadb://user:password@host:port/database or mariadb://user:password@localhost/database?socket=PATH")
// clang-format on

#define KIMONET_IMPORT_MESSAGE_CONSTANT(name, indonesian, english) inline constexpr const char* name = indonesian;
KIMONET_IMPORT_MESSAGES(KIMONET_IMPORT_MESSAGE_CONSTANT)
#undef KIMONET_IMPORT_MESSAGE_CONSTANT

}  // namespace kimonet::messages
