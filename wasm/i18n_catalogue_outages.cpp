// UI text of outages that pause billing (issue 21, docs/outages.md): the Gangguan jaringan screen
// and the outage settings. Key, Indonesian (default), English.
// A part of the catalogue of its own (i18n.hpp), like i18n_catalogue_customer.cpp.
#include "i18n.hpp"

namespace kimonet::i18n {

std::initializer_list<Entry> outage_catalogue() {
    static const std::initializer_list<Entry> entries = {
        {"nav.outages", "Gangguan jaringan", "Outages"},
        {"outages.title", "Gangguan jaringan", "Outages"},
        {"outages.new", "Buka gangguan", "Open an outage"},
        {"outages.field.title", "Judul (tampil di halaman status)", "Title (shown on the status page)"},
        {"outages.title_hint", "Kabel fiber putus di Jl. Sukajadi", "Fibre cut on Jl. Sukajadi"},
        {"outages.field.cause", "Penyebab (internal)", "Cause (internal)"},
        {"outages.field.kind", "Lokasi gangguan", "Where"},
        {"outages.kind.router", "Router", "Router"},
        {"outages.kind.area", "Area di peta", "Area on the map"},
        {"outages.kind.olt", "OLT", "OLT"},
        {"outages.kind.pon_port", "Port PON", "PON port"},
        {"outages.kind.odc", "ODC", "ODC"},
        {"outages.kind.odp", "ODP", "ODP"},
        {"outages.field.router", "Router", "Router"},
        {"outages.field.target_id", "ID perangkat", "Element id"},
        {"outages.field.area_shape", "Bentuk area (circle:lat,lon,radius_m atau polygon:lat,lon;…)",
         "Area shape (circle:lat,lon,radius_m or polygon:lat,lon;…)"},
        {"outages.field.area_name", "Nama area (tampil di halaman status)", "Area name (shown on the status page)"},
        {"outages.field.area_name_optional", "Nama area (kosong: nama perangkat)", "Area name (empty: the element's name)"},
        {"outages.field.started_at", "Mulai (kosong: sekarang)", "Started (empty: now)"},
        {"outages.field.expected_end", "Perkiraan pulih (opsional)", "Expected end (optional)"},
        {"outages.field.ended_at", "Selesai (kosong: sekarang)", "Ended (empty: now)"},
        {"outages.note", "Pelanggan terdampak dikirimi WhatsApp saat mulai dan selesai; pengingat, denda dan isolir mereka ditunda.",
         "Affected customers get a WhatsApp at the start and at the end; their reminders, fees and isolation wait."},
        {"outages.open", "Buka gangguan", "Open outage"},
        {"outages.opened", "Gangguan dibuka: {count} pelanggan terdampak", "Outage opened: {count} customers affected"},
        {"outages.closed", "Gangguan ditutup", "Outage closed"},
        {"outages.close", "Tutup gangguan", "Close outage"},
        {"outages.confirm_close", "Simpan selesai", "Confirm end"},
        {"outages.show_ended", "Tampilkan yang sudah selesai", "Show ended outages"},
        {"outages.empty", "Tidak ada gangguan yang sedang berlangsung.", "No outage in progress."},
        {"outages.ongoing", "Berlangsung", "Ongoing"},
        {"outages.ended", "Selesai", "Ended"},
        {"outages.area", "Area", "Area"},
        {"outages.since", "Sejak", "Since"},
        {"outages.until", "sampai", "until"},
        {"outages.expected", "perkiraan pulih", "expected end"},
        {"outages.hours", "jam", "h"},
        {"outages.minutes", "menit", "min"},
        {"outages.counts", "{affected} pelanggan terdampak · {start} pemberitahuan mulai · {end} pemberitahuan selesai · kompensasi {credit}",
         "{affected} customers affected · {start} start notices · {end} end notices · credits {credit}"},
        {"setting.outage_schedule", "Jadwal tugas gangguan", "Outage job schedule"},
        {"setting_help.outage_schedule", "Menyelesaikan pemberitahuan dan kompensasi yang tertunda.", "Finishes notices and credits left pending."},
        {"setting.outage_credit_rule", "Kompensasi gangguan (off, prorata, fixed)", "Outage credit (off, prorata, fixed)"},
        {"setting_help.outage_credit_rule", "Dipotong dari tagihan berikutnya pelanggan yang terdampak.", "Taken off the affected customers' next invoice."},
        {"setting.outage_credit_after_hours", "Kompensasi setelah (jam)", "Credit after (hours)"},
        {"setting_help.outage_credit_after_hours", "Jam pertama gangguan tanpa kompensasi.", "The first hours of an outage earn no credit."},
        {"setting.outage_credit_fixed_amount", "Kompensasi tetap (Rp)", "Fixed credit (Rp)"},
        {"setting_help.outage_credit_fixed_amount", "Untuk aturan fixed; tidak lebih dari harga paket sebulan.", "For the fixed rule; never more than a month's price."},
    };
    return entries;
}

}  // namespace kimonet::i18n
