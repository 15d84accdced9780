// UI text of the RADIUS parts of the app (issue 19): the customer detail's RADIUS section, the router
// form's connection methods and NAS settings, the RADIUS lines of the drift report. Key, Indonesian
// (default), English.
// A part of the catalogue of its own (i18n.hpp), like i18n_catalogue_customer.cpp.
#include "i18n.hpp"

namespace kimonet::i18n {

std::initializer_list<Entry> radius_catalogue() {
    static const std::initializer_list<Entry> entries = {
        {"radius.online", "Online sekarang", "Online now"},
        {"radius.online_yes", "Ya", "Yes"},
        {"radius.online_no", "Tidak", "No"},
        {"radius.since", "sejak {at}", "since {at}"},
        {"radius.last_session", "Sesi terakhir", "Last session"},
        {"radius.none", "belum ada", "none yet"},
        {"radius.usage_month", "Pemakaian bulan ini", "Usage this month"},
        {"radius.usage", "unduh {download} · unggah {upload}", "download {download} · upload {upload}"},
        {"radius.minutes", "{minutes} menit", "{minutes} min"},
        {"radius.hours_minutes", "{hours} jam {minutes} menit", "{hours} h {minutes} min"},
        {"router_form.radius_title", "Cara koneksi dan RADIUS", "Connection methods and RADIUS"},
        {"router_form.methods_hint", "Cara koneksi yang dilayani router ini untuk pelanggannya.",
         "The connection methods this router offers its customers."},
        {"field.nas_address", "Alamat NAS untuk CoA (kosong = host router)", "NAS address for CoA (empty = the router's host)"},
        {"field.coa_port", "Port CoA / Disconnect", "CoA / Disconnect port"},
        {"field.radius_secret", "Rahasia RADIUS (shared secret)", "RADIUS shared secret"},
        {"field.radius_secret_keep", "Rahasia RADIUS (kosongkan agar tetap)", "RADIUS shared secret (leave empty to keep)"},
        {"router_form.radius_secret_stored", "Rahasia RADIUS tersimpan terenkripsi dan tidak pernah ditampilkan.",
         "A RADIUS secret is stored encrypted and never shown."},
        {"router_form.radius_secret_none", "Belum ada rahasia RADIUS: CoA ke router ini belum bisa dikirim.",
         "No RADIUS secret yet: CoA cannot be sent to this router."},
        {"routers.drift_radius", "sesi RADIUS {actual}, seharusnya {expected}", "RADIUS session {actual}, should be {expected}"},
        {"routers.drift_radius_rate", "batas kecepatan sesi {actual}, seharusnya {expected}", "session rate limit {actual}, should be {expected}"},
        {"routers.drift_radius_unknown", "CoA terakhir tidak dijawab NAS: {detail}", "the NAS did not acknowledge the last CoA: {detail}"},
        {"radius.state.normal", "normal", "normal"},
        {"radius.state.isolated", "terisolir", "isolated"},
        // The settings screen's labels and help of the radius_* settings (group Jaringan).
        {"setting.radius_api_secret", "Kredensial FreeRADIUS", "FreeRADIUS credential"},
        {"setting.radius_isolir_pool", "Pool alamat isolir RADIUS", "RADIUS isolation address pool"},
        {"setting.radius_isolir_rate_limit", "Batas kecepatan isolir RADIUS", "RADIUS isolation rate limit"},
        {"setting.radius_coa_timeout_ms", "Batas waktu CoA (milidetik)", "CoA timeout (milliseconds)"},
        {"setting.radius_drift_max_per_run", "Perbaikan CoA terbanyak per putaran", "Most CoA repairs per run"},
        {"setting_help.radius_api_secret",
         "Dipakai FreeRADIUS (HTTP Basic, pengguna freeradius) saat bertanya ke Kimonet tentang pelanggan RADIUS. Kosong = layanan RADIUS "
         "tertutup. `kimonet radius config` membuatnya.",
         "What FreeRADIUS presents (HTTP Basic, user freeradius) when it asks Kimonet about a RADIUS customer. Empty = the RADIUS "
         "endpoints are closed. `kimonet radius config` makes one."},
        {"setting_help.radius_isolir_pool", "Pool alamat (Framed-Pool) untuk pelanggan RADIUS yang diisolir; kosong = alamat tetap, hanya kecepatan diubah (CoA).",
         "Address pool (Framed-Pool) for an isolated RADIUS customer; empty = keep the address and change only the speed (CoA)."},
        {"setting_help.radius_isolir_rate_limit", "Mikrotik-Rate-Limit (rx/tx) pelanggan RADIUS yang diisolir; kosong = kecepatan paketnya.",
         "Mikrotik-Rate-Limit (rx/tx) of an isolated RADIUS customer; empty = the package's speed."},
        {"setting_help.radius_coa_timeout_ms", "Berapa lama menunggu jawaban NAS atas satu CoA / Disconnect-Request sebelum dikirim ulang (3 kali).",
         "How long to wait for a NAS to answer one CoA / Disconnect-Request before sending it again (3 tries)."},
        {"setting_help.radius_drift_max_per_run", "CoA / Disconnect-Request terbanyak yang dikirim satu perbaikan; sisanya menunggu putaran berikutnya.",
         "Most CoA / Disconnect-Requests one repair sends; the rest wait for the next run."},
    };
    return entries;
}

}  // namespace kimonet::i18n
