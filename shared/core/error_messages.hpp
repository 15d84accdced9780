#pragma once
// Every message an Error carries, in the product's one language on the wire (Indonesian), each
// paired with its English text. The English is never sent by the server: the browser's English
// toggle looks a message up in this catalogue (core/message_catalogue.hpp). A message with a
// changing part is a fixed text here plus ": <detail>" (with_detail), so the fixed part translates
// and the detail (a router's name, an upstream's answer, a key) is kept as it is.
// A structure test (tests/structure/error_literals.cmake) fails when server/ or shared/ builds an
// Error from a string literal instead of a constant from here.
#include <string>
#include <string_view>

#include "core/validation_messages.hpp"  // the field messages, the catalogue's other half

namespace kimonet::messages {

// X(name, Indonesian, English)
// clang-format off
#define KIMONET_ERROR_MESSAGES(X) \
    /* The ErrorCode table's own messages (core/error.hpp), used when an Error has no detail. */ \
    X(kBadRequest, "Permintaan tidak valid", "The request is malformed") \
    X(kUnauthorized, "Silakan masuk; sesi belum ada atau sudah berakhir", "Login required or session expired") \
    X(kForbidden, "Anda tidak memiliki izin untuk tindakan ini", "You do not have permission for this action") \
    X(kPasswordChangeRequired, "Ganti kata sandi Anda dulu", "Change your password first") \
    X(kNotFound, "Tidak ditemukan", "Not found") \
    X(kMethodNotAllowed, "Metode tidak diizinkan", "Method not allowed") \
    X(kConflict, "Sudah ada atau bertentangan dengan data yang ada", "Already exists or conflicts with existing data") \
    X(kPayloadTooLarge, "Isi permintaan terlalu besar", "Request body is too large") \
    X(kUnsupportedMediaType, "Jenis isi permintaan (Content-Type) tidak didukung", "The request's Content-Type is not supported") \
    X(kValidationFailed, "Ada isian yang tidak valid", "Some fields are invalid") \
    X(kRateLimited, "Terlalu banyak percobaan, coba lagi nanti", "Too many attempts, try again later") \
    X(kInternal, "Kesalahan internal", "Internal error") \
    X(kBadGateway, "Layanan luar gagal menjawab", "An upstream service failed") \
    X(kUnavailable, "Layanan sedang tidak tersedia", "Service temporarily unavailable") \
    /* Requests and the HTTP layer. */ \
    X(kExpectedJsonObject, "isi permintaan harus berupa objek JSON", "the body must be a JSON object") \
    X(kBodyNotJson, "isi permintaan bukan JSON yang valid", "the body is not valid JSON") \
    X(kExpectedDataArray, "jawaban harus berbentuk {\"data\":[...]}", "expected {\"data\":[...]}") \
    X(kWrongTypeOrMissing, "ada field dengan tipe salah atau field wajib yang tidak ada", "a field has the wrong type or a required field is missing") \
    X(kNoRoute, "tidak ada rute", "no route") \
    X(kInternalWithReference, "Kesalahan internal, nomor referensi", "Internal error, reference") \
    X(kConflictWithReference, "Data bertentangan dengan perubahan lain; muat ulang lalu coba lagi. Nomor referensi", "The data conflicts with another change; reload and try again. Reference") \
    X(kUnavailableWithReference, "Basis data sedang sibuk, coba lagi sebentar lagi. Nomor referensi", "The database is busy, try again shortly. Reference") \
    X(kMalformedRequestLine, "baris permintaan rusak", "malformed request line") \
    X(kMalformedHeaderLine, "baris header rusak", "malformed header line") \
    X(kControlCharacterInHeader, "ada karakter kontrol di header", "control character in header") \
    X(kInvalidContentLength, "Content-Length tidak valid", "invalid Content-Length") \
    X(kOnlyChunked, "hanya Transfer-Encoding: chunked yang didukung", "only Transfer-Encoding: chunked is supported") \
    X(kLengthWithEncoding, "Content-Length bersama Transfer-Encoding", "Content-Length together with Transfer-Encoding") \
    X(kBodyTooLargeHere, "isi permintaan terlalu besar; batas di sini (byte)", "request body is too large; the limit here (bytes)") \
    X(kMalformedChunk, "chunk rusak", "malformed chunk") \
    X(kTrailersTooLarge, "trailer terlalu besar", "trailers too large") \
    X(kHeadersTooLarge, "header permintaan terlalu besar", "request headers are too large") \
    X(kTooManyRequests, "Terlalu banyak permintaan; coba lagi setelah (detik)", "Too many requests; try again after (seconds)") \
    X(kTooManyRegistrations, "Terlalu banyak pendaftaran dari jaringan Anda; coba lagi setelah (detik)", "Too many registrations from your network; try again after (seconds)") \
    X(kTooManyLargeUploads, "Terlalu banyak unggahan besar sekaligus; coba lagi sebentar lagi", "Too many large uploads at once; try again shortly") \
    X(kLargeBodyAuthorisationFailed, "otorisasi isi permintaan besar gagal", "authorising a large body failed") \
    X(kOriginNotAllowed, "Origin tidak diizinkan", "Origin not allowed") \
    X(kWebhookSignatureInvalid, "tanda tangan webhook tidak valid", "the webhook signature is invalid") \
    X(kCannotListen, "tidak dapat membuka port untuk mendengarkan", "cannot listen on the address") \
    /* Sign-in, sessions, permissions. */ \
    X(kWrongCredentials, "Username atau kata sandi salah", "Wrong username or password") \
    X(kSessionExpired, "Sesi berakhir, silakan login lagi", "Session expired, please log in again") \
    X(kSessionNotFound, "sesi tidak ditemukan", "session not found") \
    X(kTooManyLogins, "Terlalu banyak percobaan login; coba lagi setelah (menit)", "Too many login attempts; try again after (minutes)") \
    X(kChangePasswordFirst, "Ganti kata sandi dulu (POST /api/auth/password)", "Change your password first (POST /api/auth/password)") \
    X(kPermissionNeededFor, "tindakan ini memerlukan izin yang tidak Anda miliki", "this action needs a permission you do not have") \
    X(kPermissionRequired, "Izin ini diperlukan", "This permission is required") \
    X(kPortalPasswordPermission, "Izin 'customers.portal_password' diperlukan untuk mengatur kata sandi portal", "The 'customers.portal_password' permission is needed to set a portal password") \
    X(kWrongCurrentPassword, "kata sandi lama salah", "the current password is wrong") \
    X(kTooManyWrongCodesWait, "Terlalu banyak kode salah. Coba lagi dalam 15 menit.", "Too many wrong codes. Try again in 15 minutes.") \
    X(kTooManyWrongCodesLogin, "Terlalu banyak kode salah. Silakan login lagi.", "Too many wrong codes. Please log in again.") \
    X(kTwoFactorStaffOnly, "Verifikasi dua langkah hanya untuk staf", "Two-step verification is for staff only") \
    X(kTwoFactorSessionExpired, "Sesi verifikasi berakhir, silakan login lagi", "The verification session has expired, please log in again") \
    X(kTwoFactorActiveDisableFirst, "Verifikasi dua langkah sudah aktif; matikan dulu untuk mengganti perangkat", "Two-step verification is already on; turn it off first to change devices") \
    X(kTwoFactorStartEnrolmentFirst, "Mulai pendaftaran verifikasi dua langkah dulu", "Start the two-step verification enrolment first") \
    X(kTwoFactorAlreadyActive, "Verifikasi dua langkah sudah aktif", "Two-step verification is already on") \
    X(kTwoFactorNotActive, "Verifikasi dua langkah belum aktif", "Two-step verification is not on") \
    X(kQrCodeFailed, "kode QR tidak dapat dibuat", "the QR code could not be made") \
    X(kUserNotFound, "pengguna tidak ditemukan", "user not found") \
    X(kUsernameTaken, "username sudah dipakai", "the username is already taken") \
    X(kRoleNotFound, "Peran tidak ditemukan", "Role not found") \
    X(kRoleExists, "role sudah ada", "the role already exists") \
    X(kLastRoleAdministrator, "Pengguna terakhir dengan izin roles.update tidak boleh diturunkan, dinonaktifkan atau dihapus", "The last user with the roles.update permission cannot be demoted, deactivated or deleted") \
    /* Customers, packages, routers, registrations. */ \
    X(kCustomerNotFound, "pelanggan tidak ditemukan", "customer not found") \
    X(kServiceNumberTaken, "nomor layanan sudah dipakai", "the service number is already taken") \
    X(kIpAddressTaken, "alamat IP sudah dipakai pelanggan lain di router ini", "the IP address is already used by another customer on this router") \
    X(kServiceNumberNotFound, "Nomor layanan tidak ditemukan", "Service number not found") \
    X(kPackageNotFound, "paket tidak ditemukan", "package not found") \
    X(kPackageNameTaken, "nama paket sudah dipakai", "the package name is already taken") \
    X(kRouterNotFound, "router tidak ditemukan", "router not found") \
    X(kRouterNameTaken, "nama router sudah dipakai", "the router name is already taken") \
    X(kRouterInUse, "router masih dipakai pelanggan; jumlah pelanggan", "the router is still used by customers; number of customers") \
    X(kLeadNotFound, "Pendaftaran tidak ditemukan", "Registration not found") \
    X(kLeadAlreadyProcessed, "Pendaftaran sudah diproses", "The registration has already been processed") \
    X(kRegistrationRefused, "Pendaftaran ditolak.", "Registration refused.") \
    X(kPhoneAlreadyRegistered, "Nomor ini sudah terdaftar dan sedang kami proses.", "This number is already registered and being processed.") \
    X(kCheckTheForm, "Periksa kembali isian formulir", "Check the form's fields") \
    X(kIncidentNotFound, "Gangguan tidak ditemukan", "Incident not found") \
    X(kUnknownSetting, "pengaturan tidak dikenal", "unknown setting") \
    /* Invoices, payments, gateways. */ \
    X(kInvoiceNotFound, "tagihan tidak ditemukan", "invoice not found") \
    X(kInvoiceVoided, "tagihan sudah dibatalkan", "the invoice has been voided") \
    X(kInvoiceAlreadyPaid, "tagihan sudah lunas", "the invoice is already paid") \
    X(kInvoicePaidOrVoid, "tagihan sudah lunas atau dibatalkan", "the invoice is already paid or voided") \
    X(kPaidInvoiceCannotVoid, "tagihan yang sudah dibayar tidak bisa dibatalkan", "an invoice with payments cannot be voided") \
    X(kPaymentNeedsConfirmation, "Jumlah berbeda dari sisa tagihan; kirim lagi dengan confirm", "The amount differs from what is owed; send it again with confirm") \
    X(kPaymentNotFound, "pembayaran tidak ditemukan", "payment not found") \
    X(kIdempotencyKeyReused, "Idempotency-Key ini sudah dipakai untuk pembayaran lain", "this Idempotency-Key was already used for another payment") \
    X(kPaymentVoidNotOwn, "pembayaran ini dicatat pengguna lain; pembatalannya perlu izin payments.void_any", "another user recorded this payment; voiding it needs the payments.void_any permission") \
    X(kPaymentVoidWindowPassed, "pembayaran ini dicatat lebih dari 24 jam yang lalu; pembatalannya perlu izin payments.void_any", "this payment was recorded more than 24 hours ago; voiding it needs the payments.void_any permission") \
    X(kGatewayPaymentVoidNeedsRefund, "dana pembayaran gateway ada di gateway: lakukan refund di dasbor gateway dulu, lalu batalkan dengan gateway_refund_reference (izin payments.void_any)", "the money of a gateway payment is at the gateway: refund it in the gateway's dashboard first, then void with gateway_refund_reference (payments.void_any permission)") \
    X(kPaymentCreditSpent, "kelebihan bayar dari pembayaran ini sudah dipakai sebagai kredit; batalkan dulu pembayaran kredit", "the overpayment of this payment has been used as credit; void the credit payment first") \
    X(kPaymentVoidedWithoutCorrection, "pembayaran ini sudah dibatalkan; catat pembayaran baru", "this payment has already been voided; record a new payment") \
    X(kPaymentCannotBeCorrected, "hanya pembayaran tunai atau transfer bank yang bisa dikoreksi; pembayaran lain cukup dibatalkan", "only cash or bank transfer payments can be corrected; void other payments instead") \
    /* Cash collection and the cash ledger (issue 20). */ \
    X(kCashCustomerOutsideAreas, "pelanggan ini di luar area Anda", "this customer is outside your areas") \
    X(kCashStaffOnly, "uang tunai hanya dicatat oleh pengguna staf yang masuk", "cash is recorded only by a signed-in staff user") \
    X(kCashNothingToRemit, "tidak ada uang tunai yang belum disetor", "there is no cash left to remit") \
    X(kCashOwnRemittance, "setoran Anda sendiri harus dikonfirmasi kasir lain", "another cashier must confirm your own remittance") \
    X(kCashRemittanceNotFound, "setoran tidak ditemukan", "remittance not found") \
    X(kCashRemittanceConfirmedOtherwise, "setoran ini sudah dikonfirmasi dengan jumlah lain", "this remittance was already confirmed with another amount") \
    X(kCashKeyReused, "Idempotency-Key ini sudah dipakai untuk setoran lain", "this Idempotency-Key was already used for another remittance") \
    X(kAreaNotFound, "area tidak ditemukan", "area not found") \
    X(kAreaExists, "area dengan nama ini sudah ada", "an area with this name already exists") \
    X(kCashLedgerBroken, "rantai buku kas rusak", "the cash ledger chain is broken") \
    X(kLinesOnlyOnUnpaid, "baris hanya bisa ditambahkan ke tagihan yang belum lunas", "lines can only be added to an unpaid invoice") \
    X(kDunningScheduleNotFound, "jadwal penagihan tidak ditemukan", "dunning schedule not found") \
    X(kChargeBeingCreated, "Pembayaran ini sedang dibuat. Coba lagi sebentar lagi.", "This payment is being created. Try again in a moment.") \
    X(kOpenChargesLimit, "Pembayaran terbuka untuk tagihan ini sudah mencapai batas; gunakan salah satunya atau tunggu hingga kedaluwarsa. Batas", "This invoice has the most open payments allowed; use one of them or wait until it expires. Limit") \
    X(kUnknownGateway, "gateway tidak dikenal", "unknown gateway") \
    X(kUnknownMethod, "metode tidak dikenal", "unknown method") \
    X(kInvalidFee, "biaya tidak valid", "invalid fee") \
    X(kUnknownOrder, "order tidak dikenal", "unknown order") \
    X(kInvalidCallback, "callback tidak valid", "invalid callback") \
    X(kFlipCallbackTokenMismatch, "token callback Flip tidak cocok", "the Flip callback token does not match") \
    X(kMidtransSignatureMismatch, "signature_key Midtrans tidak cocok", "the Midtrans signature_key does not match") \
    X(kDuitkuSignatureMismatch, "signature callback Duitku tidak cocok", "the Duitku callback signature does not match") \
    X(kTooManyRejectedCallbacks, "Terlalu banyak callback yang ditolak dari alamat ini; coba lagi setelah (detik)", "Too many rejected callbacks from this address; try again after (seconds)") \
    X(kTooManyStatusChecks, "terlalu banyak konfirmasi status yang sedang berjalan", "too many status confirmations are running") \
    X(kPaidWithoutAmount, "status gateway menyatakan lunas tanpa jumlah yang terbaca", "the gateway's status says paid without a readable amount") \
    X(kStatusNotConfirmed, "status gateway belum dapat dipastikan", "the gateway's status could not be confirmed yet") \
    X(kGatewayRejectedRequest, "gateway menolak permintaan", "the gateway rejected the request") \
    X(kGatewayMissingField, "jawaban gateway tidak memuat field wajib", "the gateway's answer lacks a required field") \
    X(kGatewayUnknownFormat, "gateway menjawab dengan format yang tidak dikenal", "the gateway answered in an unknown format") \
    X(kGatewayFailing, "gateway sedang bermasalah", "the gateway is having problems") \
    X(kGatewayRejectedApiKey, "gateway menolak kunci API (periksa pengaturan gateway)", "the gateway rejected the API key (check the gateway settings)") \
    X(kGatewayTimedOut, "gateway tidak menjawab dalam batas waktu", "the gateway did not answer in time") \
    X(kGatewayRejectedCredentials, "gateway menolak kredensial", "the gateway rejected the credentials") \
    X(kGatewayUnexpectedStatus, "gateway menjawab dengan status HTTP yang tidak diharapkan", "the gateway answered with an unexpected HTTP status") \
    X(kGatewayRefusedMessage, "gateway menolak pesan", "the gateway refused the message") \
    X(kGatewayUnreachable, "gateway tidak dapat dihubungi", "the gateway cannot be reached") \
    /* Routers (RouterOS API). */ \
    X(kRouterCommandRefused, "router menolak perintah", "the router refused the command") \
    X(kRouterUnreadableReply, "jawaban router tidak terbaca", "the router's reply could not be read") \
    X(kRouterClosedSession, "router menutup sesi", "the router closed the session") \
    X(kRouterNoReplyInTime, "router tidak menjawab dalam batas waktu (ms)", "the router did not reply in time (ms)") \
    X(kRouterReadFailed, "gagal membaca jawaban router", "reading the router's reply failed") \
    X(kRouterConnectionDropped, "koneksi router putus di tengah jawaban", "the router connection dropped mid-reply") \
    X(kRouterClosedConnection, "router menutup koneksi", "the router closed the connection") \
    X(kRouterLoginRejected, "router menolak login", "the router rejected the login") \
    X(kRouterUnexpectedLoginReply, "jawaban login router tidak dikenal", "the router's login reply was unexpected") \
    X(kRouterConnectionClosed, "koneksi ke router sudah tertutup", "the connection to the router is closed") \
    X(kCustomerStatusBlocksNetwork, "status pelanggan tidak mengizinkan tindakan jaringan", "the customer's status does not allow network actions") \
    X(kCustomerHasNoRouter, "pelanggan belum punya router", "the customer has no router") \
    X(kCustomerHasNoPppoe, "pelanggan belum punya username PPPoE", "the customer has no PPPoE username") \
    X(kCustomerHasNoIpAddress, "pelanggan belum punya alamat IP", "the customer has no IP address") \
    X(kAddressListNotReadBack, "alamat tidak terbaca kembali di address list router", "the address could not be read back on the router's address list") \
    X(kCustomerPackageNotFound, "paket pelanggan tidak ditemukan", "the customer's package was not found") \
    X(kSecretPushOff, "push secret PPP dimatikan di router", "pushing PPP secrets is off for the router") \
    X(kSecretNeedsPassword, "secret belum ada di router dan password PPPoE pelanggan belum diisi", "the secret is not on the router and the customer's PPPoE password is empty") \
    X(kRouterPasswordAgain, "isi lagi kata sandi router: host, port, TLS atau username berubah", "enter the router password again: the host, port, TLS or username changed") \
    X(kPppoePasswordAgain, "isi lagi password PPPoE: router baru akan menerimanya", "enter the PPPoE password again: the new router will receive it") \
    X(kRadiusSecretAgain, "isi lagi secret RADIUS: alamat NAS berubah", "enter the RADIUS secret again: the NAS address changed") \
    X(kRouterNoSystemResource, "router tidak mengembalikan data sistem", "the router returned no system data") \
    X(kRouterSecretNotFound, "secret PPP tidak ditemukan di router", "the PPP secret was not found on the router") \
    X(kRouterSecretNotReadBack, "secret tidak terbaca kembali dari router", "the secret could not be read back from the router") \
    X(kCannotConnect, "tidak dapat terhubung", "cannot connect") \
    X(kCannotResolveHost, "nama host tidak dapat diterjemahkan ke alamat", "cannot resolve the host") \
    X(kTlsHandshakeFailed, "jabat tangan TLS gagal", "the TLS handshake failed") \
    X(kTlsHandshakeTimedOut, "jabat tangan TLS melewati batas waktu", "the TLS handshake timed out") \
    X(kTlsReadFailed, "pembacaan TLS gagal", "reading over TLS failed") \
    X(kConnectionIsClosed, "koneksi sudah tertutup", "the connection is closed") \
    X(kConnectionFailed, "koneksi gagal", "the connection failed") \
    X(kConnectionDroppedWhileSending, "koneksi putus saat mengirim", "the connection dropped while sending") \
    X(kNoReplyWithinTimeout, "tidak ada jawaban dalam batas waktu", "no reply within the timeout") \
    X(kRouterOsStreamCorrupt, "aliran RouterOS rusak", "the RouterOS stream is corrupt") \
    X(kRouterOsReservedLength, "aliran RouterOS memuat byte panjang yang dicadangkan", "the RouterOS stream has a reserved length byte") \
    X(kRouterOsWordTooLong, "kata RouterOS terlalu panjang (byte)", "a RouterOS word is too long (bytes)") \
    X(kRouterOsEmptyReply, "RouterOS mengirim jawaban kosong", "RouterOS sent an empty reply") \
    X(kRouterOsUnknownReply, "RouterOS mengirim jawaban yang tidak dikenal", "RouterOS sent an unknown reply") \
    X(kRouterOsMalformedWord, "jawaban RouterOS memuat kata yang rusak", "a RouterOS reply has a malformed word") \
    /* RouterOS REST API (v7.1+) and the router test's diagnoses. */ \
    X(kRouterRestStatus, "REST API router menjawab dengan status HTTP", "the router's REST API answered with HTTP status") \
    X(kRouterRestNotJson, "REST API router menjawab sesuatu yang bukan JSON", "the router's REST API answered something that is not JSON") \
    X(kRouterRestTooLarge, "jawaban REST API router terlalu besar (byte)", "the router's REST API answer is too large (bytes)") \
    X(kRouterRestRedirect, "REST API router mengalihkan ke alamat lain; tidak diikuti", "the router's REST API redirected elsewhere; not followed") \
    X(kRouterRestTransport, "REST API router tidak dapat dihubungi", "the router's REST API cannot be reached") \
    X(kDiagnosisWorks, "berfungsi", "works") \
    X(kDiagnosisPortClosed, "port tertutup (koneksi ditolak): layanan mati di /ip service atau port lain", "port closed (connection refused): the service is disabled in /ip service or on another port") \
    X(kDiagnosisNoAnswer, "tidak ada jawaban (batas waktu): router mati, alamat salah atau firewall membuang paket", "no answer (timeout): router down, wrong address or a firewall drops the packets") \
    X(kDiagnosisReset, "router memutus koneksi (reset): layanan hidup tetapi available-from atau firewall menolak alamat ini", "the router reset the connection: the service is on but its available-from list or a firewall refuses this address") \
    X(kDiagnosisSpeaksTls, "port ini berbicara TLS: nyalakan TLS atau pakai port tanpa TLS", "this port speaks TLS: turn TLS on or use the plain port") \
    X(kDiagnosisSpeaksPlain, "port ini tidak berbicara TLS: matikan TLS atau pakai port TLS", "this port does not speak TLS: turn TLS off or use the TLS port") \
    X(kDiagnosisTlsFailed, "TLS gagal", "TLS failed") \
    X(kDiagnosisBadCredentials, "username atau password router salah", "wrong router username or password") \
    X(kDiagnosisMissingPolicy, "user router tidak punya policy", "the router user lacks the policy") \
    X(kDiagnosisNoRest, "REST API tidak tersedia: perlu RouterOS 7.1 atau lebih baru", "no REST API: RouterOS 7.1 or newer is needed") \
    X(kDiagnosisHostileAnswer, "jawaban router ditolak", "the router's answer was rejected") \
    X(kDiagnosisFailed, "gagal", "failed") \
    /* WhatsApp and notifications. */ \
    X(kWhatsappNotConfigured, "Gateway WhatsApp belum diatur (whatsapp_api_url)", "The WhatsApp gateway is not configured (whatsapp_api_url)") \
    X(kGatewayNotJson, "gateway menjawab dengan sesuatu yang bukan JSON", "the gateway answered something that is not JSON") \
    X(kGatewayRefused, "gateway menolak", "the gateway refused") \
    X(kUnknownTemplate, "templat tidak dikenal", "unknown template") \
    X(kNotificationNotFound, "Notifikasi tidak ditemukan", "Notification not found") \
    X(kNotificationVanished, "notifikasi hilang setelah disimpan", "the notification vanished after insert") \
    X(kMessageBeingSent, "Pesan sedang dikirim saat ini", "The message is being sent right now") \
    /* Values parsed by shared/ (dates, money). */ \
    X(kExpectedPeriod, "periode tidak valid (YYYY-MM)", "invalid period (YYYY-MM)") \
    X(kExpectedOffset, "zona waktu tidak valid (contoh +07:00 atau WIB/WITA/WIT)", "invalid offset (e.g. +07:00 or WIB/WITA/WIT)") \
    X(kNotRupiahAmount, "bukan jumlah rupiah yang valid", "not a rupiah amount") \
    /* Start-up, storage, files (operators read these in logs and the CLI). */ \
    X(kBadTimeZone, "KIMONET_TZ tidak valid", "KIMONET_TZ is invalid") \
    X(kWebRootHoldsDatabase, "server menolak mulai: direktori web memuat direktori basis data; sajikan berkas web dari direktori tersendiri", "refusing to start: a web directory contains the database directory; serve the web files from a directory of their own") \
    X(kWebRootHoldsKeyFile, "server menolak mulai: direktori web memuat berkas kunci rahasia", "refusing to start: a web directory contains the secret key file") \
    X(kInvalidStoredSetting, "pengaturan tersimpan tidak valid", "a stored setting is invalid") \
    X(kWriteWhileReadOpen, "penulisan pada koneksi yang bacaannya masih terbuka (reset atau selesaikan dulu)", "a write on a connection whose read is still open (reset or finish it first)") \
    X(kDatabaseStatementFailed, "perintah basis data gagal", "a database statement failed") \
    X(kCannotCreateDatabase, "basis data tidak dapat dibuat", "cannot create the database") \
    X(kCannotOpenDatabase, "basis data tidak dapat dibuka", "cannot open the database") \
    X(kCopyTargetHasData, "basis data tujuan sudah berisi data; tambahkan --replace untuk menimpanya", "the target database already has data; add --replace to overwrite it") \
    X(kCopySameDatabase, "sumber dan tujuan adalah basis data yang sama", "the source and the target are the same database") \
    X(kCopySchemaVersion, "versi skema basis data tidak sama dengan program ini", "the database's schema version differs from this program's") \
    X(kCopySchemaDiffers, "skema sumber dan tujuan berbeda", "the source and target schemas differ") \
    X(kCopyVerificationFailed, "verifikasi salinan gagal, tidak ada yang diubah", "the copy did not verify, nothing was changed") \
    X(kCopyTableFailed, "tabel tidak dapat disalin, tidak ada yang diubah", "a table could not be copied, nothing was changed") \
    X(kCopyInNeedsPostgresql, "COPY hanya tersedia di PostgreSQL", "COPY is PostgreSQL's") \
    X(kCannotConnectPostgresql, "tidak dapat terhubung ke PostgreSQL", "cannot connect to PostgreSQL") \
    X(kCannotPrepareStatement, "perintah basis data tidak dapat disiapkan", "a database statement cannot be prepared") \
    X(kCannotReadDatabase, "basis data tidak dapat dibaca", "cannot read the database") \
    X(kSequenceNotAdvanced, "nomor urut tidak bertambah", "the sequence did not advance") \
    X(kCannotReadFile, "berkas tidak dapat dibaca", "cannot read the file") \
    X(kCannotWriteFile, "berkas tidak dapat ditulis", "cannot write the file") \
    X(kExpectedKeyValue, "format harus KEY=VALUE", "expected KEY=VALUE") \
    X(kServerIdRequired, "--server=ID wajib diisi", "--server=ID is required") \
    X(kSodiumInitFailed, "libsodium gagal dimulai", "libsodium failed to initialise") \
    X(kSecretKeyFormat, "KIMONET_SECRET_KEY harus 64 karakter heksadesimal (32 byte)", "KIMONET_SECRET_KEY must be 64 hex characters (32 bytes)") \
    X(kCannotCreateKeyFile, "berkas kunci rahasia tidak dapat dibuat", "cannot create the secret key file") \
    X(kCannotWriteKeyFile, "berkas kunci rahasia tidak dapat ditulis", "cannot write the secret key file") \
    X(kSealedSecretTruncated, "rahasia tersimpan terpotong", "a stored secret is truncated") \
    X(kCannotDecryptSecret, "rahasia tersimpan tidak dapat dibuka (KIMONET_SECRET_KEY salah?)", "cannot decrypt a stored secret (wrong KIMONET_SECRET_KEY?)") \
    X(kNoPdfFont, "tidak ada font TrueType untuk PDF (pasang fonts-noto-core)", "no TrueType font for PDF (install fonts-noto-core)") \
    X(kCannotCreatePdf, "PDF tidak dapat dibuat", "cannot create the PDF") \
    X(kCannotLoadPdfFont, "font PDF tidak dapat dimuat", "cannot load the PDF font") \
    X(kPdfRenderingFailed, "pembuatan PDF gagal", "PDF rendering failed") \
    X(kCannotCreateWorkbook, "buku kerja tidak dapat dibuat", "cannot create the workbook") \
    X(kCannotAddWorksheet, "lembar kerja tidak dapat ditambahkan", "cannot add the worksheet") \
    X(kCannotSaveWorkbook, "buku kerja tidak dapat disimpan", "cannot save the workbook") \
    X(kRowBeforeSheet, "baris ditulis sebelum lembar kerja", "a row was written before the worksheet")
// clang-format on

#define KIMONET_MESSAGE_CONSTANT(name, indonesian, english) inline constexpr const char* name = indonesian;
KIMONET_ERROR_MESSAGES(KIMONET_MESSAGE_CONSTANT)
#undef KIMONET_MESSAGE_CONSTANT

// The separator between a catalogue text and its detail; the browser splits on the first one after a known text.
inline constexpr std::string_view kDetailSeparator = ": ";

// "<fixed>: <detail>", or the fixed text alone when there is no detail.
inline std::string with_detail(const char* fixed, std::string_view detail) {
    std::string text(fixed);
    if (!detail.empty()) text.append(kDetailSeparator).append(detail);
    return text;
}

}  // namespace kimonet::messages
