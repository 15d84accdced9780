// UI text of promises to pay (janji bayar, issue 20): the settings, the customer's dunning panel,
// the staff grant and the portal's button. Key, Indonesian (default), English.
// A part of the catalogue of its own (i18n.hpp), like i18n_catalogue_customer.cpp.
#include "i18n.hpp"

namespace kimonet::i18n {

std::initializer_list<Entry> promise_catalogue() {
    static const std::initializer_list<Entry> entries = {
        {"setting.dunning_promise_enabled", "Pelanggan boleh janji bayar", "Customers may promise to pay"},
        {"setting_help.dunning_promise_enabled", "Pelanggan menunda isolir beberapa hari dari portal, halaman isolir atau WhatsApp (ketik JANJI BAYAR).",
         "Customers postpone isolation by a few days from the portal, the isolir page or WhatsApp (send JANJI BAYAR)."},
        {"setting.dunning_promise_days", "Lama janji bayar (hari)", "Promise length (days)"},
        {"setting_help.dunning_promise_days", "1 sampai 14 hari sejak janji dibuat.", "1 to 14 days from the day the promise is made."},
        {"setting.dunning_promise_frequency", "Seberapa sering boleh janji bayar", "How often customers may promise"},
        {"setting_help.dunning_promise_frequency", "Staf dengan izin janji bayar tetap bisa memberi lebih.", "Staff with the promise permission can still grant more."},
        {"setting.dunning_promise_customers", "Siapa yang boleh janji bayar", "Who may promise to pay"},
        {"setting_help.dunning_promise_customers", "Janji yang tidak ditepati tercatat di riwayat pelanggan.", "Broken promises are recorded in the customer's history."},
        {"setting_choice.dunning_promise_frequency.invoice", "Sekali per tagihan", "Once per invoice"},
        {"setting_choice_help.dunning_promise_frequency.invoice", "Satu janji untuk setiap tagihan.", "One promise for each invoice."},
        {"setting_choice.dunning_promise_frequency.month", "Sekali per bulan kalender", "Once per calendar month"},
        {"setting_choice_help.dunning_promise_frequency.month", "Satu janji dalam satu bulan (waktu setempat).", "One promise in a calendar month (local time)."},
        {"setting_choice.dunning_promise_frequency.90_days", "Sekali dalam 90 hari", "Once in 90 days"},
        {"setting_choice_help.dunning_promise_frequency.90_days", "Janji berikutnya 90 hari setelah janji terakhir.", "The next promise 90 days after the last one."},
        {"setting_choice.dunning_promise_customers.all", "Semua pelanggan", "All customers"},
        {"setting_choice_help.dunning_promise_customers.all", "Setiap pelanggan dengan tagihan jatuh tempo.", "Every customer with an overdue invoice."},
        {"setting_choice.dunning_promise_customers.without_broken", "Yang tidak pernah ingkar janji", "Those who kept their promises"},
        {"setting_choice_help.dunning_promise_customers.without_broken", "Tidak bagi pelanggan yang ingkar janji dalam 365 hari terakhir.",
         "Not for customers who broke a promise in the last 365 days."},
        {"setting_choice.dunning_promise_customers.staff_only", "Hanya diberikan staf", "Granted by staff only"},
        {"setting_choice_help.dunning_promise_customers.staff_only", "Pelanggan tidak bisa membuat janji sendiri.", "Customers cannot promise by themselves."},
        {"dunning.state.postponed", "Ditunda (janji bayar)", "Postponed (promise)"},
        {"promise.title", "Janji bayar", "Promise to pay"},
        {"promise.none", "Belum ada janji bayar.", "No promises to pay yet."},
        {"promise.active", "Janji bayar berlaku sampai {date}", "Promise to pay holds until {date}"},
        {"promise.row", "{made} · {channel} · {by} · sampai {until} · {status}", "{made} · {channel} · {by} · until {until} · {status}"},
        {"promise.channel.portal", "portal", "portal"},
        {"promise.channel.isolir_page", "halaman isolir", "isolir page"},
        {"promise.channel.whatsapp", "WhatsApp", "WhatsApp"},
        {"promise.channel.staff", "staf", "staff"},
        {"promise.status.active", "berlaku", "holding"},
        {"promise.status.kept", "ditepati", "kept"},
        {"promise.status.broken", "tidak ditepati", "broken"},
        {"promise.status.replaced", "diganti", "replaced"},
        {"promise.grant.days", "Hari", "Days"},
        {"promise.grant.reason", "Alasan", "Reason"},
        {"promise.grant.submit", "Beri janji bayar", "Grant a promise"},
        {"promise.grant.done", "Janji bayar sampai {date}", "Promise until {date}"},
        {"portal.promise.button", "Janji bayar sampai {date}", "Promise to pay by {date}"},
        {"portal.promise.help", "Layanan tidak diisolir sampai tanggal itu; bayar sebelum tanggal itu.",
         "Your service is not isolated until that date; pay before it."},
        {"portal.promise.active", "Janji bayar Anda berlaku sampai {date}.", "Your promise to pay holds until {date}."},
    };
    return entries;
}

}  // namespace kimonet::i18n
