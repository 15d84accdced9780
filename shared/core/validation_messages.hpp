#pragma once
// Field messages produced by validation in shared/ (Indonesian, the product's language).
// The browser app's catalogue translates them when the English toggle is on.
namespace kimonet::messages {

inline constexpr const char* kRequired = "wajib diisi";
inline constexpr const char* kInvalid = "tidak valid";
inline constexpr const char* kWrongType = "tipe data salah";
inline constexpr const char* kTooLong100 = "maksimal 100 karakter";
inline constexpr const char* kTooLong500 = "maksimal 500 karakter";
inline constexpr const char* kTooLong64 = "maksimal 64 karakter";
inline constexpr const char* kServiceNumber = "nomor layanan 3-20 huruf besar, angka atau tanda minus";
inline constexpr const char* kPhone = "nomor telepon tidak valid (contoh 081234567890)";
inline constexpr const char* kEmail = "alamat email tidak valid";
inline constexpr const char* kPppoeUsername = "username PPPoE hanya huruf, angka, titik, garis bawah, minus, @";
inline constexpr const char* kPppoePassword = "password PPPoE 1-64 karakter (huruf, angka, tanda baca; tanpa spasi)";
inline constexpr const char* kDate = "tanggal tidak valid (YYYY-MM-DD)";
inline constexpr const char* kDueDay = "tanggal jatuh tempo 1-31";
inline constexpr const char* kStatus = "status harus active, isolated, inactive atau terminated";
inline constexpr const char* kPositiveSpeed = "kecepatan harus 1-100.000.000 kbps";
inline constexpr const char* kPrice = "harga harus 0 sampai Rp 1.000.000.000.000";
inline constexpr const char* kProfile = "nama profil MikroTik hanya huruf, angka, spasi, titik, garis bawah, minus";
inline constexpr const char* kHost = "host harus nama domain atau alamat IP";
inline constexpr const char* kPort = "port harus 1-65535";
inline constexpr const char* kUsername = "username 3-32 huruf kecil, angka, titik, garis bawah atau minus";
inline constexpr const char* kPassword = "kata sandi minimal 8 karakter";
inline constexpr const char* kPasswordTooLong = "kata sandi maksimal 128 karakter";
inline constexpr const char* kPasswordBlank = "kata sandi tidak boleh hanya berisi spasi";
inline constexpr const char* kPasswordDictionary = "kata sandi terlalu mudah ditebak (kata kamus atau pola sederhana); pilih yang lebih acak";
inline constexpr const char* kPasswordHasUsername = "kata sandi tidak boleh memuat nama pengguna";
inline constexpr const char* kPasswordSimple = "kata sandi terlalu sederhana (berulang, berurutan atau bolak-balik); pilih yang lebih acak";
inline constexpr const char* kPasswordSameAsOld = "kata sandi baru harus berbeda dari yang lama";
inline constexpr const char* kUnknownField = "field tidak dikenal";
inline constexpr const char* kControlCharacters = "tidak boleh berisi karakter kontrol";
inline constexpr const char* kAmountTooLarge = "jumlah melebihi batas Rp 1.000.000.000.000";
inline constexpr const char* kTooManyLines = "maksimal 500 baris per tagihan";

}  // namespace kimonet::messages
