// UI text of the RADIUS section of the customer detail (issue 19): key, Indonesian (default), English.
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
    };
    return entries;
}

}  // namespace kimonet::i18n
