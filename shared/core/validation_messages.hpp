#pragma once
// Field messages produced by validation in shared/ and the server (Indonesian, the product's language),
// each paired with its English text for the browser's English toggle (core/message_catalogue.hpp).
namespace kimonet::messages {

// X(name, Indonesian, English)
// clang-format off
#define KIMONET_FIELD_MESSAGES(X) \
    X(kRequired, "wajib diisi", "required") \
    X(kInvalid, "tidak valid", "invalid") \
    X(kWrongType, "tipe data salah", "wrong data type") \
    X(kTooLong100, "maksimal 100 karakter", "at most 100 characters") \
    X(kTooLong500, "maksimal 500 karakter", "at most 500 characters") \
    X(kTooLong64, "maksimal 64 karakter", "at most 64 characters") \
    X(kServiceNumber, "nomor layanan 3-20 huruf besar, angka atau tanda minus", "service number: 3-20 capital letters, digits or dashes") \
    X(kPhone, "nomor telepon tidak valid (contoh 081234567890)", "invalid phone number (e.g. 081234567890)") \
    X(kEmail, "alamat email tidak valid", "invalid email address") \
    X(kPppoeUsername, "username PPPoE hanya huruf, angka, titik, garis bawah, minus, @", "PPPoE username: letters, digits, dot, underscore, dash, @ only") \
    X(kPppoePassword, "password PPPoE 1-64 karakter (huruf, angka, tanda baca; tanpa spasi)", "PPPoE password: 1-64 characters (letters, digits, punctuation; no spaces)") \
    X(kDate, "tanggal tidak valid (YYYY-MM-DD)", "invalid date (YYYY-MM-DD)") \
    X(kDueDay, "tanggal jatuh tempo 1-31", "due day must be 1-31") \
    X(kStatus, "status harus active, isolated, inactive atau terminated", "status must be active, isolated, inactive or terminated") \
    X(kPositiveSpeed, "kecepatan harus 1-100.000.000 kbps", "speed must be 1-100,000,000 kbps") \
    X(kPrice, "harga harus 0 sampai Rp 1.000.000.000.000", "price must be 0 to Rp 1,000,000,000,000") \
    X(kProfile, "nama profil MikroTik hanya huruf, angka, spasi, titik, garis bawah, minus", "MikroTik profile: letters, digits, space, dot, underscore, dash only") \
    X(kIpv4Address, "alamat IP harus IPv4 seperti 10.0.0.5", "the IP address must be IPv4 like 10.0.0.5") \
    X(kMacAddress, "alamat MAC harus seperti AA:BB:CC:DD:EE:FF", "the MAC address must look like AA:BB:CC:DD:EE:FF") \
    X(kConnectionMethod, "cara koneksi harus pppoe, static, dhcp atau radius", "the connection method must be pppoe, static, dhcp or radius") \
    X(kRouterApiMode, "cara akses router harus api, rest atau auto", "router access must be api, rest or auto") \
    X(kHost, "host harus nama domain atau alamat IP", "host must be a domain name or IP address") \
    X(kPort, "port harus 1-65535", "port must be 1-65535") \
    X(kUsername, "username 3-32 huruf kecil, angka, titik, garis bawah atau minus", "username: 3-32 lowercase letters, digits, dot, underscore or dash") \
    X(kPassword, "kata sandi minimal 8 karakter", "password must be at least 8 characters") \
    X(kPasswordTooLong, "kata sandi maksimal 128 karakter", "password must be at most 128 characters") \
    X(kPasswordBlank, "kata sandi tidak boleh hanya berisi spasi", "password cannot be only spaces") \
    X(kPasswordDictionary, "kata sandi terlalu mudah ditebak (kata kamus atau pola sederhana); pilih yang lebih acak", "password is too easy to guess (a dictionary word or simple pattern); choose a more random one") \
    X(kPasswordHasUsername, "kata sandi tidak boleh memuat nama pengguna", "password must not contain the user name") \
    X(kPasswordSimple, "kata sandi terlalu sederhana (berulang, berurutan atau bolak-balik); pilih yang lebih acak", "password is too simple (repeated, sequential or a palindrome); choose a more random one") \
    X(kPasswordSameAsOld, "kata sandi baru harus berbeda dari yang lama", "the new password must differ from the old one") \
    X(kUnknownField, "field tidak dikenal", "unknown field") \
    X(kControlCharacters, "tidak boleh berisi karakter kontrol", "must not contain control characters") \
    X(kAmountTooLarge, "jumlah melebihi batas Rp 1.000.000.000.000", "the amount exceeds the limit of Rp 1,000,000,000,000") \
    X(kTooManyLines, "maksimal 500 baris per tagihan", "at most 500 lines per invoice") \
    X(kUnknownRole, "role tidak dikenal", "unknown role") \
    X(kCustomerRoleOnlyForCustomers, "role customer hanya untuk pelanggan", "the customer role is for customers only") \
    X(kKeepOneRoleAdministrator, "harus tetap ada minimal satu pengguna aktif dengan izin roles.update", "at least one active user must keep the roles.update permission") \
    X(kWrongOrUsedCode, "Kode salah atau sudah dipakai", "Wrong or already used code") \
    X(kWrongPassword, "Kata sandi salah", "Wrong password") \
    X(kUnknownPermission, "izin tidak dikenal", "unknown permission") \
    X(kSuperadminKeepsRolesUpdate, "superadmin harus tetap punya roles.update", "superadmin must keep roles.update") \
    X(kFileEmpty, "berkas kosong", "the file is empty") \
    X(kFileNoHeaderRow, "berkas tidak berisi baris judul kolom", "the file has no column header row") \
    X(kFileNoDataRows, "berkas tidak berisi baris data", "the file has no data rows") \
    X(kFileEncoding, "berkas bukan teks UTF-8 maupun Windows-1252", "the file is neither UTF-8 nor Windows-1252 text") \
    X(kInvoiceTotalNegative, "total tagihan tidak boleh negatif", "the invoice total cannot be negative") \
    X(kTotalBelowPaid, "total tagihan tidak boleh di bawah jumlah yang sudah dibayar", "the invoice total cannot be below the amount already paid") \
    X(kScheduleNameTaken, "nama jadwal sudah dipakai", "the schedule name is already taken") \
    X(kMakeAnotherDefaultFirst, "jadikan jadwal lain sebagai default terlebih dahulu", "make another schedule the default first") \
    X(kGatewayChoice, "flip, midtrans atau duitku", "flip, midtrans or duitku") \
    X(kGatewayDisabled, "gateway ini tidak aktif", "this gateway is not enabled") \
    X(kMethodNotOffered, "metode tidak tersedia untuk gateway ini", "this method is not offered by this gateway") \
    X(kPackageUnavailable, "paket tidak tersedia", "the package is not available") \
    X(kTooLong200, "maksimal 200 karakter", "at most 200 characters") \
    X(kTooLong4096, "maksimal 4096 karakter", "at most 4096 characters") \
    X(kTooLong4096Utf8, "maksimal 4096 karakter UTF-8", "at most 4096 UTF-8 characters") \
    X(kNoValueFor, "tidak ada nilai untuk", "no value for") \
    X(kNotificationStatusChoice, "queued, sending, sent, failed atau cancelled", "queued, sending, sent, failed or cancelled") \
    X(kAtLeastOne, "minimal 1", "at least 1") \
    X(kPerPageRange, "1-500 per halaman", "1-500 per page") \
    X(kExportSubjectChoice, "customers, invoices, payments, revenue, customers-report atau billing", "customers, invoices, payments, revenue, customers-report or billing") \
    X(kPdfOnlyForReports, "PDF hanya untuk laporan", "PDF is for reports only") \
    X(kExportFormatChoice, "xlsx, csv atau pdf", "xlsx, csv or pdf") \
    X(kMustBeId, "harus berupa id", "must be an id") \
    X(kInvalidId, "id tidak valid", "invalid id") \
    X(kUnknownStatus, "status tidak dikenal", "unknown status") \
    X(kNotEditableFromPortal, "tidak bisa diubah dari portal", "cannot be changed from the portal") \
    X(kPeriodFormat, "periode YYYY-MM", "period YYYY-MM") \
    X(kInvoiceStatusChoice, "unpaid, partial, paid atau void", "unpaid, partial, paid or void") \
    X(kTrueOrFalse, "true atau false", "true or false") \
    X(kWhatsappDriverChoice, "mpwa, fonnte atau gowa", "mpwa, fonnte or gowa") \
    X(kNameColumnMissing, "kolom Nama tidak ditemukan", "no Name column") \
    X(kPhoneColumnMissing, "kolom Telepon/HP/WA tidak ditemukan", "no Phone/HP/WA column") \
    X(kPackageColumnMissing, "kolom Paket tidak ditemukan", "no Package column") \
    X(kImportDate, "tanggal tidak dikenali (YYYY-MM-DD atau DD/MM/YYYY)", "unrecognised date (YYYY-MM-DD or DD/MM/YYYY)") \
    X(kJoinDateRange, "tanggal 2000-01-01 sampai 2100-12-31", "a date from 2000-01-01 to 2100-12-31") \
    X(kUnknownPlaceholder, "placeholder tidak dikenal", "unknown placeholder") \
    X(kQuietHoursFormat, "format HH:MM-HH:MM, contoh 21:00-07:00", "format HH:MM-HH:MM, e.g. 21:00-07:00") \
    X(kTaxRate, "tarif pajak 0-100% (contoh 11 atau 11%)", "tax rate 0-100% (e.g. 11 or 11%)") \
    X(kInvoiceNumberFormat, "format harus memuat {YYYY} atau {YY}, {MM} dan satu {NNNNN}; karakter lain huruf, angka, - / _ .", "the format must contain {YYYY} or {YY}, {MM} and one {NNNNN}; other characters: letters, digits, - / _ .") \
    X(kQuantityRange, "jumlah 1-10.000", "quantity 1-10,000") \
    X(kUnitPriceRange, "harga 0 sampai Rp 1.000.000.000", "price 0 to Rp 1,000,000,000") \
    X(kPriceNegative, "harga tidak boleh negatif", "the price cannot be negative") \
    X(kTooManySteps, "maksimal 30 langkah", "at most 30 steps") \
    X(kDayOffsetRange, "hari -60 sampai 365 dari jatuh tempo", "day -60 to 365 from the due date") \
    X(kSameStepSameDay, "langkah yang sama sudah ada pada hari ini", "the same step already exists on this day") \
    X(kChannelChoice, "whatsapp atau none", "whatsapp or none") \
    X(kReminderNeedsWhatsapp, "pengingat harus dikirim lewat whatsapp", "a reminder must be sent by whatsapp") \
    X(kUnknownTemplateKey, "template tidak dikenal", "unknown template key") \
    X(kFeeAmountRange, "denda Rp 1 sampai Rp 100.000.000", "fee Rp 1 to Rp 100,000,000") \
    X(kFeePercentRange, "persentase 0,01% sampai 100% (1-10000 basis poin)", "percentage 0.01% to 100% (1-10000 basis points)") \
    X(kFeeCapRange, "batas denda Rp 0 sampai Rp 100.000.000", "fee cap Rp 0 to Rp 100,000,000") \
    X(kOneIsolateStep, "paling banyak satu langkah isolir aktif", "at most one active isolate step") \
    X(kOneTerminateStep, "paling banyak satu langkah pemutusan aktif", "at most one active termination step") \
    X(kPaymentAmountPositive, "jumlah pembayaran harus lebih dari 0", "the payment amount must be more than 0") \
    X(kTypedAmountUnreadable, "jumlah tidak terbaca; tulis misalnya 750000, 750.000, 750rb atau 1,5jt", "the amount cannot be read; write e.g. 750000, 750.000, 750rb or 1,5jt") \
    X(kTypedAmountTooSmall, "jumlah di bawah Rp 1.000; maksudnya ribuan? tulis 750rb atau 750.000", "the amount is below Rp 1,000; did you mean thousands? write 750rb or 750.000") \
    X(kTypedAmountDecimal, "angka desimal tanpa satuan tidak jelas; tulis 7,5jt, 7.500 atau 7500", "a decimal number without a unit is ambiguous; write 7,5jt, 7.500 or 7500") \
    X(kTypedAmountFraction, "jumlah harus rupiah utuh", "the amount must be whole rupiah") \
    X(kVoidReasonRequired, "alasan wajib diisi (minimal 3 huruf)", "a reason is required (at least 3 letters)") \
    X(kConfirmChoice, "partial atau overpayment", "partial or overpayment") \
    X(kIdempotencyKeyTwice, "header Idempotency-Key dan idempotency_key berbeda", "the Idempotency-Key header and idempotency_key differ") \
    X(kIdList, "daftar id (angka positif), paling banyak 1000", "a list of ids (positive numbers), at most 1000") \
    X(kAreaNameLength, "1–80 karakter", "1–80 characters") \
    X(kAmountNotNegative, "jumlah tidak boleh negatif", "the amount cannot be negative") \
    X(kIdempotencyKeyFormat, "1–128 karakter (huruf, angka, - _ . :)", "1–128 characters (letters, digits, - _ . :)") \
    X(kGatewayRefundReferenceRequired, "nomor refund di gateway wajib diisi untuk pembayaran gateway", "the gateway's refund reference is required for a gateway payment") \
    X(kMonthFormat, "bulan YYYY-MM", "month YYYY-MM") \
    X(kFromBeforeTo, "harus sebelum atau sama dengan 'to'", "must be before or equal to 'to'") \
    X(kAtMost60Months, "paling banyak 60 bulan", "at most 60 months") \
    X(kTrustedProxy, "alamat IP atau CIDR tidak valid", "invalid IP address or CIDR") \
    X(kRowsWithErrors, "baris bermasalah; tidak ada yang diimpor", "rows with errors; nothing was imported") \
    X(kLeadStatusChoice, "new, converted atau rejected", "new, converted or rejected") \
    X(kReconciliationStatusChoice, "pending, paid, expired, failed atau review", "pending, paid, expired, failed or review") \
    X(kBadXlsx, "berkas .xlsx rusak atau tidak dikenali", "the .xlsx file is damaged or not recognised") \
    X(kUtf16OrBinary, "berkas UTF-16/biner tidak didukung: simpan sebagai \"CSV UTF-8\" atau .xlsx", "UTF-16/binary files are not supported: save as \"CSV UTF-8\" or .xlsx") \
    X(kTooManyColumns, "terlalu banyak kolom pada baris; baris dan batas kolom", "too many columns in a row; the row and the column limit") \
    X(kTooManyRows, "terlalu banyak baris; batas baris", "too many rows; the row limit") \
    X(kUnterminatedQuote, "tanda kutip tidak ditutup; baris", "unterminated quote; row") \
    X(kRequiredColumnsMissing, "kolom wajib tidak ditemukan", "required columns are missing") \
    X(kCronSchedule, "jadwal cron: menit jam tanggal bulan hari (contoh \"1 0 1 * *\")", "cron schedule: minute hour day month weekday (e.g. \"1 0 1 * *\")")
// clang-format on

#define KIMONET_FIELD_MESSAGE_CONSTANT(name, indonesian, english) inline constexpr const char* name = indonesian;
KIMONET_FIELD_MESSAGES(KIMONET_FIELD_MESSAGE_CONSTANT)
#undef KIMONET_FIELD_MESSAGE_CONSTANT

}  // namespace kimonet::messages
