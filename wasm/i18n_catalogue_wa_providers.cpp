// UI text of the WhatsApp providers Wablas, WAHA and the Meta WhatsApp Cloud API (issue 22): the
// driver choices and the provider settings on the settings screen's WhatsApp tab. Key, Indonesian
// (default), English. A part of the catalogue of its own (i18n.cpp, catalogue_parts).
#include "i18n.hpp"

namespace kimonet::i18n {

std::initializer_list<Entry> wa_providers_catalogue() {
    static const std::initializer_list<Entry> entries = {
        {"setting_choice.whatsapp_driver.wablas", "Wablas", "Wablas"},
        {"setting_choice_help.whatsapp_driver.wablas",
         "Layanan Wablas: isi URL server Wablas Anda (mis. https://tegal.wablas.com) dan token, atau token.secret_key, sebagai kunci gateway.",
         "The Wablas service: fill in your Wablas server's URL (e.g. https://tegal.wablas.com) and the token, or token.secret_key, as the gateway key."},
        {"setting_choice.whatsapp_driver.waha", "WAHA (WhatsApp HTTP API)", "WAHA (WhatsApp HTTP API)"},
        {"setting_choice_help.whatsapp_driver.waha",
         "Server WAHA Anda sendiri: isi URL, X-Api-Key sebagai kunci gateway dan nama sesi; rahasia webhook = hmac.key di WAHA.",
         "Your own WAHA server: fill in the URL, the X-Api-Key as the gateway key and the session name; webhook secret = WAHA's hmac.key."},
        {"setting_choice.whatsapp_driver.meta", "Meta WhatsApp Cloud API (resmi)", "Meta WhatsApp Cloud API (official)"},
        {"setting_choice_help.whatsapp_driver.meta",
         "API resmi Meta: URL https://graph.facebook.com, token akses sebagai kunci gateway, ID nomor telepon, app secret dan template yang disetujui.",
         "Meta's official API: URL https://graph.facebook.com, the access token as the gateway key, the phone number ID, the app secret and approved templates."},
        {"setting.whatsapp_waha_session", "Sesi WAHA", "WAHA session"},
        {"setting_help.whatsapp_waha_session", "Nama sesi di WAHA yang mengirim dan menerima pesan (biasanya default).",
         "The WAHA session that sends and receives (usually default)."},
        {"setting.whatsapp_meta_phone_number_id", "ID nomor telepon Meta", "Meta phone number ID"},
        {"setting_help.whatsapp_meta_phone_number_id", "Angka Phone number ID dari halaman WhatsApp > API Setup aplikasi Meta Anda.",
         "The Phone number ID digits from your Meta app's WhatsApp > API Setup page."},
        {"setting.whatsapp_meta_app_secret", "App secret Meta", "Meta app secret"},
        {"setting_help.whatsapp_meta_app_secret", "Untuk memeriksa tanda tangan webhook Meta; kosong = webhook Meta tertutup.",
         "Checks the signature of Meta's webhooks; empty = the Meta webhook is closed."},
        {"setting.whatsapp_meta_verify_token", "Verify token webhook Meta", "Meta webhook verify token"},
        {"setting_help.whatsapp_meta_verify_token", "Isi sama dengan Verify Token saat mendaftarkan URL webhook di Meta.",
         "The same text as the Verify Token you enter at Meta for the webhook URL."},
        {"setting.whatsapp_meta_templates", "Template Meta per jenis pesan", "Meta templates per message kind"},
        {"setting_help.whatsapp_meta_templates",
         "Kosong = template kimonet_<jenis>. Ganti dengan jenis=nama, mis. invoice_new=tagihan_baru; jenis=- dikirim sebagai teks biasa.",
         "Empty = templates kimonet_<kind>. Override with kind=name, e.g. invoice_new=tagihan_baru; kind=- goes as plain text."},
        {"setting.whatsapp_meta_language", "Bahasa template Meta", "Meta template language"},
        {"setting_help.whatsapp_meta_language", "Kode bahasa template yang disetujui, mis. id atau en_US.",
         "The approved templates' language code, e.g. id or en_US."},
    };
    return entries;
}

}  // namespace kimonet::i18n
