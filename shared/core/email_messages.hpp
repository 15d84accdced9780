#pragma once
// Messages of email and "send this invoice" (issue 22, docs/email.md), in their own part of the
// catalogue; core/message_catalogue.cpp reads this part too (English toggle, uniqueness check).
// X(name, Indonesian, English).
namespace kimonet::messages {

// clang-format off
#define KIMONET_EMAIL_MESSAGES(X) \
    X(kEmailHeaderLineBreak, "tidak boleh berisi baris baru", "must not contain a line break") \
    X(kSmtpUrl, "URL smtp://host[:port] atau smtps://host[:port]", "URL smtp://host[:port] or smtps://host[:port]") \
    X(kSmtpTlsMode, "starttls atau none (smtps:// selalu TLS)", "starttls or none (smtps:// is always TLS)") \
    X(kSmtpNotConfigured, "email belum diatur: smtp_url dan smtp_from kosong", "email is not set up: smtp_url and smtp_from are empty") \
    X(kSendChannelChoice, "whatsapp atau email", "whatsapp or email") \
    X(kSendNoRecipient, "pelanggan tidak punya tujuan untuk saluran ini; isi tujuan", "the customer has no recipient for this channel; fill in a recipient") \
    X(kSendPortalOwnAddress, "pelanggan hanya dapat mengirim ke alamat atau nomornya sendiri", "a customer can only send to their own address or number") \
    X(kSendVoidInvoice, "tagihan yang dibatalkan tidak dapat dikirim", "a void invoice cannot be sent") \
    X(kSendTooMany, "terlalu banyak pengiriman tagihan; coba lagi setelah (detik)", "too many invoice sends; try again after (seconds)") \
    X(kSendKeyReused, "Idempotency-Key ini sudah dipakai untuk pengiriman lain", "this Idempotency-Key was already used for another send") \
    X(kSendIdempotencyKey, "kunci idempotensi 8-100 karakter (huruf, angka, - _ :)", "idempotency key of 8-100 characters (letters, digits, - _ :)") \
    X(kChannelPreference, "whatsapp, email atau both", "whatsapp, email or both")
// clang-format on

#define KIMONET_EMAIL_MESSAGE_CONSTANT(name, indonesian, english) inline constexpr const char* name = indonesian;
KIMONET_EMAIL_MESSAGES(KIMONET_EMAIL_MESSAGE_CONSTANT)
#undef KIMONET_EMAIL_MESSAGE_CONSTANT

}  // namespace kimonet::messages
