#include "jobs/run_words.hpp"

#include <map>

#include "core/money.hpp"

namespace kimonet::jobs {
namespace {

std::int64_t number_of(const api::Json& object, const char* key) {
    if (!object.is_object()) return 0;
    const auto found = object.find(key);
    return found != object.end() && found->is_number_integer() ? found->get<std::int64_t>() : 0;
}

std::string text_of(const api::Json& object, const char* key) {
    if (!object.is_object()) return {};
    const auto found = object.find(key);
    return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

std::string scalar_in_words(const api::Json& value) {
    if (value.is_string()) return value.get<std::string>();
    if (value.is_boolean()) return value.get<bool>() ? "ya" : "tidak";
    if (value.is_null()) return "-";
    if (value.is_array()) return std::to_string(value.size()) + " item";
    if (value.is_object()) return std::to_string(value.size()) + " isian";
    return value.dump();
}

// "12 diterapkan, 3 gagal": the non-zero counts, in order.
std::string counts(const api::Json& result, std::initializer_list<std::pair<const char*, const char*>> wanted) {
    std::string text;
    for (const auto& [key, words] : wanted) {
        const std::int64_t count = number_of(result, key);
        if (count == 0) continue;
        if (!text.empty()) text += ", ";
        text += std::to_string(count) + " " + words;
    }
    return text;
}

std::string keys_of(const api::Json& object) {
    std::string text;
    if (!object.is_object()) return text;
    for (const auto& [key, value] : object.items()) text += (text.empty() ? "" : ", ") + key;
    return text;
}

const std::map<std::string_view, const char*>& activity_titles() {
    static const std::map<std::string_view, const char*> titles = {
        {"auth.login", "Masuk"},
        {"auth.password_change", "Kata sandi diganti"},
        {"auth.session_revoke", "Sesi dicabut"},
        {"auth.two_factor.enabled", "Verifikasi dua langkah diaktifkan"},
        {"auth.two_factor.disabled", "Verifikasi dua langkah dimatikan"},
        {"customer.create", "Pelanggan ditambahkan"},
        {"customer.update", "Data pelanggan diubah"},
        {"customer.deactivate", "Pelanggan dinonaktifkan"},
        {"customer.import", "Pelanggan diimpor"},
        {"customer.restore", "Layanan pelanggan dipulihkan"},
        {"customer.secret_push", "Akun PPPoE dikirim ke router"},
        {"dunning.schedule_create", "Jadwal penagihan dibuat"},
        {"dunning.schedule_update", "Jadwal penagihan diubah"},
        {"incident.create", "Gangguan dicatat"},
        {"incident.update", "Gangguan diperbarui"},
        {"invoice.add_line", "Baris tagihan ditambahkan"},
        {"invoice.create", "Tagihan dibuat"},
        {"invoice.generate", "Penagihan dijalankan"},
        {"invoice.void", "Tagihan dibatalkan"},
        {"lead.convert", "Calon pelanggan dijadikan pelanggan"},
        {"lead.create", "Calon pelanggan mendaftar"},
        {"lead.reject", "Calon pelanggan ditolak"},
        {"message_template.update", "Template pesan diubah"},
        {"network.import", "Data jaringan diimpor"},
        {"network.sync", "Router disinkronkan"},
        {"notification.broadcast", "Pesan siaran dikirim"},
        {"notification.queue", "Pesan diantrekan"},
        {"notification.resend", "Pesan dikirim ulang"},
        {"package.create", "Paket ditambahkan"},
        {"package.update", "Paket diubah"},
        {"payment.create", "Pembayaran dicatat"},
        {"payment.credit", "Saldo kredit dipakai"},
        {"payment.gateway_create", "Pembayaran online dibuat"},
        {"payment.gateway_reversed", "Pembayaran online dibatalkan gateway"},
        {"payment.void", "Pembayaran dibatalkan"},
        {"role.create", "Peran dibuat"},
        {"role.permissions", "Hak akses peran diubah"},
        {"role.two_factor", "Aturan verifikasi dua langkah peran diubah"},
        {"router.create", "Router ditambahkan"},
        {"router.delete", "Router dihapus"},
        {"router.destination_change", "Alamat router diubah"},
        {"router.update", "Router diubah"},
        {"settings.logo", "Logo diunggah"},
        {"settings.secret_destination", "Rahasia dihapus karena alamat tujuannya berubah"},
        {"settings.update", "Pengaturan diubah"},
        {"user.create", "Pengguna ditambahkan"},
        {"user.update", "Pengguna diubah"},
        {"outage.open", "Gangguan jaringan dibuka"},
        {"outage.update", "Gangguan jaringan diubah"},
        {"outage.close", "Gangguan jaringan ditutup"},
        {"whatsapp.opt_out", "Pelanggan berhenti menerima pesan massal WhatsApp"},
        {"whatsapp.opt_in", "Pelanggan menerima pesan massal WhatsApp lagi"},
    };
    return titles;
}

}  // namespace

std::string json_in_words(const api::Json& value) {
    if (!value.is_object()) return scalar_in_words(value);
    std::string text;
    int shown = 0;
    for (const auto& [key, item] : value.items()) {
        if (shown++ == 6) {
            text += ", …";
            break;
        }
        if (!text.empty()) text += ", ";
        text += key + ": " + scalar_in_words(item);
    }
    return text;
}

std::string job_title(std::string_view job) {
    if (job == "invoice_generation") return "Penagihan bulanan";
    if (job == "auto_isolir") return "Isolir otomatis";
    if (job == "dunning") return "Pengingat dan denda";
    if (job == "network_retry") return "Ulang perintah router";
    if (job == "payment_reconcile") return "Cocokkan pembayaran online";
    if (job == "vouchers") return "Voucher hotspot";
    if (job == "outages") return "Gangguan jaringan";
    if (job == "whatsapp_health") return "Cek sesi WhatsApp";
    if (job == "report_totals") return "Rangkum total laporan";
    return std::string(job);
}

std::string describe_job_run(std::string_view job, std::string_view status, const api::Json& result) {
    const std::string title = job_title(job);
    if (status == "running") return title + ": sedang berjalan";
    if (status == "failed") {
        const std::string error = text_of(result, "error");
        return title + ": gagal" + (error.empty() ? std::string() : " (" + error + ")");
    }
    if (const std::string skipped = text_of(result, "skipped"); !skipped.empty()) return title + ": dilewati, " + skipped;
    std::string words;
    if (job == "invoice_generation" && result.is_object() && result.contains("run_id")) {
        // invoice_run_mode = approve (issue 20): drafts waiting for someone to approve them.
        words = std::to_string(number_of(result, "drafts")) + " tagihan disiapkan, menunggu persetujuan";
        if (const auto total = number_of(result, "total_amount")) words += ", total " + format_rupiah(total);
        if (const std::string period = text_of(result, "period"); !period.empty()) words += " (periode " + period + ")";
    } else if (job == "invoice_generation") {
        words = std::to_string(number_of(result, "created")) + " tagihan dibuat";
        if (const auto skipped = number_of(result, "skipped")) words += ", " + std::to_string(skipped) + " sudah ada";
        if (const auto total = number_of(result, "total_amount")) words += ", total " + format_rupiah(total);
        if (const std::string period = text_of(result, "period"); !period.empty()) words += " (periode " + period + ")";
    } else if (job == "auto_isolir") {
        const std::int64_t candidates = result.is_object() && result.contains("candidates") && result["candidates"].is_number_integer()
                                            ? result["candidates"].get<std::int64_t>() : 0;
        words = candidates == 0 ? "tidak ada pelanggan yang perlu diisolir" : std::to_string(candidates) + " pelanggan diisolir";
    } else if (job == "dunning") {
        words = counts(result, {{"done", "tindakan dijalankan"}, {"waiting", "menunggu jam isolir"}, {"skipped", "dilewati"}, {"failed", "gagal"}});
        if (words.empty()) words = "tidak ada tindakan hari ini";
    } else if (job == "network_retry") {
        words = counts(result, {{"applied", "perintah diterapkan"}, {"still_pending", "masih menunggu"}, {"failed", "gagal"}});
        if (words.empty()) words = "tidak ada perintah tertunda";
    } else if (job == "payment_reconcile") {
        words = counts(result, {{"applied", "pembayaran diterapkan"}, {"expired", "kedaluwarsa"}, {"flagged", "perlu diperiksa"},
                                {"failed", "gagal"}});
        if (words.empty()) words = std::to_string(number_of(result, "checked")) + " transaksi diperiksa, tidak ada perubahan";
    } else if (job == "vouchers") {
        const std::size_t pushed = result.is_object() && result.contains("batches") && result["batches"].is_array() ? result["batches"].size() : 0;
        words = counts(result, {{"used_up", "habis dipakai"}, {"expired", "kedaluwarsa"}, {"removed", "dihapus dari router"},
                                {"unreachable_routers", "router tidak terjangkau"}});
        if (pushed > 0) words = std::to_string(pushed) + " batch dikirim ke router" + (words.empty() ? "" : ", " + words);
        if (words.empty()) words = std::to_string(number_of(result, "checked")) + " voucher diperiksa, tidak ada perubahan";
    } else if (job == "outages") {
        words = counts(result, {{"start_notices", "pemberitahuan mulai"}, {"end_notices", "pemberitahuan selesai"}, {"credits", "kompensasi"}});
        if (words.empty()) words = "tidak ada pekerjaan tertunda";
    } else if (job == "report_totals") {
        const std::int64_t read = number_of(result, "rows_read");
        words = read == 0 ? std::string("sudah ringkas, tidak ada yang dirangkum")
                          : std::to_string(read) + " catatan dirangkum menjadi " + std::to_string(number_of(result, "rows_written")) + " baris";
    } else {
        words = result.is_null() ? std::string("selesai") : json_in_words(result);
    }
    return title + ": " + words;
}

std::string describe_activity(std::string_view action, std::string_view subject_type, std::int64_t subject_id,
                              const api::Json& before, const api::Json& after) {
    const auto& titles = activity_titles();
    const auto found = titles.find(action);
    std::string text = found != titles.end() ? found->second : std::string(action);
    if (action == "settings.update") {
        const std::string keys = keys_of(after);
        return keys.empty() ? text : text + ": " + keys;
    }
    if (action == "payment.create" || action == "payment.void") {
        if (const auto amount = number_of(after, "amount")) text += " " + format_rupiah(amount);
        else if (const auto old_amount = number_of(before, "amount")) text += " " + format_rupiah(old_amount);
    }
    if (const std::string name = text_of(after, "name"); !name.empty()) text += ": " + name;
    else if (const std::string old_name = text_of(before, "name"); !old_name.empty()) text += ": " + old_name;
    else if (const std::string number = text_of(after, "number"); !number.empty()) text += ": " + number;
    else if (subject_id > 0 && !subject_type.empty()) text += " (" + std::string(subject_type) + " #" + std::to_string(subject_id) + ")";
    return text;
}

}  // namespace kimonet::jobs
