// UI text of email and "send this invoice" (issue 22, docs/email.md): the invoice modal's Kirim
// panel and send log, the customer's channel preference: key, Indonesian (default), English.
// A part of the catalogue of its own (i18n.hpp), like i18n_catalogue_customer.cpp.
#include "i18n.hpp"

namespace kimonet::i18n {

std::initializer_list<Entry> email_catalogue() {
    static const std::initializer_list<Entry> entries = {
        {"invoice_send.action", "Kirim", "Send"},
        {"invoice_send.title", "Kirim tagihan", "Send invoice"},
        {"invoice_send.channel", "Lewat", "By"},
        {"invoice_send.channel_whatsapp", "WhatsApp", "WhatsApp"},
        {"invoice_send.channel_email", "Email (PDF terlampir)", "Email (PDF attached)"},
        {"invoice_send.to", "Tujuan (kosong: milik pelanggan)", "To (empty: the customer's own)"},
        {"invoice_send.hint_whatsapp", "Lewat WhatsApp dikirim tautan pembayaran, atau PDF bila gateway mendukung dokumen.",
         "By WhatsApp the pay link goes, or the PDF where the gateway takes documents."},
        {"invoice_send.hint_email", "Lewat email tagihan dikirim dengan PDF terlampir.", "By email the invoice goes with its PDF attached."},
        {"invoice_send.submit", "Kirim sekarang", "Send now"},
        {"invoice_send.queued", "Tagihan masuk antrean kirim ke {to}", "The invoice is queued for {to}"},
        {"invoice_send.log_title", "Riwayat kirim", "Sent"},
        {"invoice_send.log_row", "{at} · {by} · {channel} ke {to} · {outcome}", "{at} · {by} · {channel} to {to} · {outcome}"},
        {"channel_preference.label", "Kirim tagihan & kuitansi lewat", "Send invoices & receipts by"},
        {"channel_preference.default", "Otomatis (WhatsApp bila ada nomor)", "Automatic (WhatsApp when there is a number)"},
        {"channel_preference.whatsapp", "WhatsApp", "WhatsApp"},
        {"channel_preference.email", "Email", "Email"},
        {"channel_preference.both", "WhatsApp dan email", "WhatsApp and email"},
        // The email settings, in the messages group of the settings screen.
        {"setting.smtp_url", "Server email (SMTP)", "Mail server (SMTP)"},
        {"setting_help.smtp_url", "smtp://host:587 (STARTTLS) atau smtps://host:465 (TLS langsung). Kosong: tanpa email.",
         "smtp://host:587 (STARTTLS) or smtps://host:465 (implicit TLS). Empty: no email."},
        {"setting.smtp_username", "Login SMTP", "SMTP login"},
        {"setting_help.smtp_username", "Kosong: tanpa AUTH.", "Empty: no AUTH."},
        {"setting.smtp_password", "Kata sandi SMTP", "SMTP password"},
        {"setting_help.smtp_password", "Disimpan terenkripsi dan tidak pernah ditampilkan lagi.", "Stored sealed and never shown again."},
        {"setting.smtp_from", "Alamat pengirim", "Sender address"},
        {"setting_help.smtp_from", "Alamat From: tagihan dan kuitansi.", "The From: address of invoices and receipts."},
        {"setting.smtp_from_name", "Nama pengirim", "Sender name"},
        {"setting_help.smtp_from_name", "Kosong: nama perusahaan.", "Empty: the company name."},
        {"setting.smtp_tls", "Enkripsi SMTP", "SMTP encryption"},
        {"setting_help.smtp_tls", "smtps:// selalu TLS.", "smtps:// is always TLS."},
        {"setting_choice.smtp_tls.starttls", "STARTTLS wajib", "STARTTLS required"},
        {"setting_choice_help.smtp_tls.starttls", "Tidak mengirim apa pun tanpa enkripsi.", "Nothing is sent unencrypted."},
        {"setting_choice.smtp_tls.none", "Tanpa enkripsi", "No encryption"},
        {"setting_choice_help.smtp_tls.none", "Hanya untuk relay di server ini sendiri (127.0.0.1).", "Only for a relay on this server (127.0.0.1)."},
        {"setting.smtp_verify_certificate", "Periksa sertifikat server email", "Check the mail server's certificate"},
        {"setting_help.smtp_verify_certificate", "Matikan hanya untuk relay lokal dengan sertifikat buatan sendiri.",
         "Turn off only for a local relay with a self-made certificate."},
        {"setting.smtp_timeout_seconds", "Batas waktu SMTP (detik)", "SMTP timeout (seconds)"},
        {"setting_help.smtp_timeout_seconds", "1-300.", "1-300."},
        {"setting.smtp_max_attempts", "Percobaan kirim email", "Email delivery attempts"},
        {"setting_help.smtp_max_attempts", "Sebelum email ditandai gagal (1-20).", "Before an email is marked failed (1-20)."},
    };
    return entries;
}

}  // namespace kimonet::i18n
