// UI text of issue 21's last field pieces: the map's tiles, a dunning pause under an outage, the
// outage credit on a prepared draft, the router's coordinates. Key, Indonesian (default), English.
// A part of the catalogue of its own (registered in i18n.cpp's catalogue_parts).
#include "i18n.hpp"

namespace kimonet::i18n {

std::initializer_list<Entry> field_gaps_catalogue() {
    static const std::initializer_list<Entry> entries = {
        {"setting.map_tile_attribution", "Atribusi tile peta", "Map tile attribution"},
        {"setting_help.map_tile_attribution", "Kredit yang diminta penyedia tile, ditulis di pojok peta.",
         "The credit the tile provider asks for, written in the map's corner."},
        {"dunning.customer.outage_pause", "Penagihan dan isolir ditahan: gangguan {title} ({area}) sejak {since}",
         "Dunning and isolation paused: outage {title} ({area}) since {since}"},
        {"dunning.customer.outage_pause_ended", "Penagihan dan isolir ditahan sampai akhir hari: gangguan {title} ({area}) {since} – {until}",
         "Dunning and isolation paused until the end of the day: outage {title} ({area}) {since} – {until}"},
        {"dunning.customer.isolation_paused", "Isolir menunggu sampai gangguan selesai.", "Isolation waits until the outage is over."},
        {"dunning.state.paused", "Ditahan (gangguan)", "Paused (outage)"},
        {"invoice_run.filter.outage_credit", "Kompensasi gangguan", "Outage credit"},
        {"invoice_run.outage_credits", "{count} draf mendapat kompensasi gangguan, total {amount}: dipotong saat disetujui.",
         "{count} drafts get an outage credit, {amount} in all: taken off when approved."},
        {"invoice_run.outage_credit", "{description}: -{amount}; setelah disetujui {total}",
         "{description}: -{amount}; once approved {total}"},
    };
    return entries;
}

}  // namespace kimonet::i18n
