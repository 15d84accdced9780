#pragma once
// Messages of the Wablas, WAHA and Meta WhatsApp Cloud API providers (issue 22), in their own part
// of the catalogue; core/message_catalogue.cpp reads this part too (English toggle, uniqueness check).
// X(name, Indonesian, English).
namespace kimonet::messages {

// clang-format off
#define KIMONET_WHATSAPP_PROVIDER_MESSAGES(X) \
    X(kWhatsappDriverChoiceAll, "mpwa, fonnte, gowa, wablas, waha atau meta", "mpwa, fonnte, gowa, wablas, waha or meta") \
    X(kWhatsappMetaPhoneNumberIdMissing, "ID nomor telepon Meta (whatsapp_meta_phone_number_id) belum diisi", "the Meta phone number ID (whatsapp_meta_phone_number_id) is not set") \
    X(kWhatsappMetaPhoneNumberIdFormat, "ID nomor telepon Meta hanya angka (5-20 digit)", "the Meta phone number ID is digits only (5-20)") \
    X(kWhatsappMetaTemplatesFormat, "jenis=nama_template dipisah koma (nama: huruf kecil, angka, _; - = tanpa template)", "kind=template_name separated by commas (name: lower case, digits, _; - = no template)") \
    X(kWhatsappMetaLanguageFormat, "kode bahasa template seperti id atau en_US", "a template language code such as id or en_US") \
    X(kWhatsappWahaSessionFormat, "nama sesi: huruf, angka, - atau _ (1-64)", "session name: letters, digits, - or _ (1-64)") \
    X(kGatewayRateLimited, "gateway membatasi laju kirim", "the gateway is rate limiting") \
    X(kGatewayAccessTokenExpired, "token akses gateway kedaluwarsa atau dicabut", "the gateway's access token expired or was revoked") \
    X(kWhatsappOutsideServiceWindow, "di luar jendela layanan 24 jam: perlu pesan template", "outside the 24-hour customer service window: a template message is needed") \
    X(kWhatsappRecipientUndeliverable, "nomor tujuan tidak dapat menerima pesan WhatsApp", "the recipient cannot receive WhatsApp messages") \
    X(kWhatsappSessionNotWorking, "sesi WhatsApp tidak aktif", "the WhatsApp session is not working") \
    X(kWhatsappDocumentNeedsLink, "dokumen perlu tautan (url) untuk gateway ini", "this gateway needs a link (url) to the document") \
    X(kWebhookVerifyTokenInvalid, "token verifikasi webhook tidak cocok", "the webhook verify token does not match")
// clang-format on

#define KIMONET_WHATSAPP_PROVIDER_MESSAGE_CONSTANT(name, indonesian, english) inline constexpr const char* name = indonesian;
KIMONET_WHATSAPP_PROVIDER_MESSAGES(KIMONET_WHATSAPP_PROVIDER_MESSAGE_CONSTANT)
#undef KIMONET_WHATSAPP_PROVIDER_MESSAGE_CONSTANT

}  // namespace kimonet::messages
