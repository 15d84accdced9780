// UI text of WhatsApp failover, session health and opt-out (issue 22): the dashboard's banner when
// the primary's session is lost, and the customer page's opt-out line. Key, Indonesian, English.
// A part of the catalogue of its own (i18n.hpp), like i18n_catalogue_customer.cpp.
#include "i18n.hpp"

namespace kimonet::i18n {

std::initializer_list<Entry> whatsapp_failover_catalogue() {
    static const std::initializer_list<Entry> entries = {
        {"dashboard.whatsapp_lost", "WhatsApp bermasalah: {state} ({gateway}). Pesan sementara dikirim lewat gateway cadangan.",
         "WhatsApp problem: {state} ({gateway}). Messages go through the backup gateway for now."},
        {"dashboard.whatsapp_disconnected", "sesi gateway utama terputus", "the primary gateway's session is disconnected"},
        {"dashboard.whatsapp_qr_required", "kode QR gateway utama harus dipindai ulang", "the primary gateway's QR code must be scanned again"},
        {"dashboard.whatsapp_unreachable", "gateway utama tidak dapat dihubungi", "the primary gateway cannot be reached"},
        {"dashboard.whatsapp_open", "Buka WhatsApp (pindai QR)", "Open WhatsApp (scan the QR)"},
        {"dashboard.whatsapp_settings", "Pengaturan WhatsApp", "WhatsApp settings"},
        {"customer_detail.whatsapp_opt_out", "Pesan massal WhatsApp", "WhatsApp bulk messages"},
        {"customer_detail.whatsapp_opted_out", "Berhenti sejak {date} (pelanggan mengirim {keyword}); hanya pelanggan yang dapat mengaktifkan lagi dengan MULAI",
         "Stopped since {date} (the customer sent {keyword}); only the customer can turn them back on with START"},
        {"job.whatsapp_health", "Cek sesi WhatsApp", "WhatsApp session check"},
        // The settings screen's labels and help of the whatsapp_backup_*, owner and health settings.
        {"setting.whatsapp_backup_driver", "Gateway cadangan", "Backup gateway"},
        {"setting.whatsapp_backup_api_url", "URL gateway cadangan", "Backup gateway URL"},
        {"setting.whatsapp_backup_sender", "Nomor pengirim cadangan", "Backup sender number"},
        {"setting.whatsapp_backup_api_key", "Kunci API gateway cadangan", "Backup gateway API key"},
        {"setting.whatsapp_backup_timeout_seconds", "Batas waktu gateway cadangan (detik)", "Backup gateway timeout (seconds)"},
        {"setting.whatsapp_owner_phone", "Nomor WhatsApp pemilik", "Owner's WhatsApp number"},
        {"setting.whatsapp_health_schedule", "Jadwal cek sesi WhatsApp", "WhatsApp session check schedule"},
        {"setting_help.whatsapp_backup_driver",
         "Kosong = tanpa cadangan. Pesan yang gagal di gateway utama, atau saat sesinya terputus, dikirim lewat gateway ini.",
         "Empty = no backup. Messages the primary fails, or sent while its session is lost, go through this gateway."},
        {"setting_help.whatsapp_owner_phone", "Menerima satu peringatan (lewat gateway cadangan) setiap kali sesi gateway utama terputus.",
         "Gets one alert (through the backup gateway) each time the primary gateway's session is lost."},
        {"setting_help.whatsapp_backup_api_url", "Alamat dasar API gateway cadangan.", "The backup gateway's API base address."},
        {"setting_help.whatsapp_backup_sender", "Nomor perangkat pengirim di gateway cadangan.", "The sender device number at the backup gateway."},
        {"setting_help.whatsapp_backup_api_key", "Kunci gateway cadangan (seperti kunci API gateway utama). Tersimpan terenkripsi.",
         "The backup gateway's key (like the primary gateway's API key). Stored encrypted."},
        {"setting_help.whatsapp_backup_timeout_seconds", "Berapa lama menunggu jawaban gateway cadangan.", "How long to wait for the backup gateway to answer."},
        {"setting_help.whatsapp_health_schedule", "Kapan sesi WhatsApp gateway utama dicek.", "When the primary gateway's WhatsApp session is checked."},
    };
    return entries;
}

}  // namespace kimonet::i18n
