#include "messaging/templates.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "core/validation_messages.hpp"

namespace kimonet::messaging {

namespace {

constexpr std::size_t kMaxTemplateLength = 4096;

// Every template may greet the customer and name the ISP.
#define KIMONET_COMMON_PLACEHOLDERS "nama_pelanggan", "nomor_layanan", "paket", "nama_isp", "telepon_isp"

bool is_placeholder_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; }

// Calls `on_placeholder(name, begin, end)` for each `{name}` in `body` ([begin, end) spans the braces).
template <typename Visitor>
void scan_placeholders(std::string_view body, Visitor on_placeholder) {
    std::size_t position = 0;
    while ((position = body.find('{', position)) != std::string_view::npos) {
        std::size_t end = position + 1;
        while (end < body.size() && is_placeholder_char(body[end])) ++end;
        if (end < body.size() && body[end] == '}' && end > position + 1) {
            on_placeholder(body.substr(position + 1, end - position - 1), position, end + 1);
            position = end + 1;
        } else {
            position += 1;
        }
    }
}

}  // namespace

const std::vector<TemplateDefinition>& template_definitions() {
    static const std::vector<TemplateDefinition> all = {
        {"invoice_new", "Tagihan baru",
         {KIMONET_COMMON_PLACEHOLDERS, "periode", "invoice_no", "total", "due_date", "payment_link", "jumlah_transfer"},
         "Halo *{nama_pelanggan}* 👋\n\n"
         "Tagihan internet Anda untuk periode *{periode}* sudah terbit.\n\n"
         "🧾 No. tagihan: {invoice_no}\n"
         "📦 Paket: {paket}\n"
         "💰 Total: *{total}*\n"
         "📅 Jatuh tempo: {due_date}\n\n"
         "Bayar online: {payment_link}\n\n"
         "Terima kasih,\n{nama_isp}"},
        {"reminder", "Pengingat pembayaran",
         {KIMONET_COMMON_PLACEHOLDERS, "periode", "invoice_no", "total", "due_date", "payment_link", "jumlah_transfer", "sisa_hari"},
         "Halo *{nama_pelanggan}*,\n\n"
         "Kami mengingatkan tagihan internet Anda periode *{periode}* sebesar *{total}* "
         "jatuh tempo pada *{due_date}*.\n\n"
         "🧾 No. tagihan: {invoice_no}\n"
         "💳 Bayar online: {payment_link}\n\n"
         "Abaikan pesan ini jika sudah membayar. Terima kasih 🙏\n{nama_isp}"},
        {"payment_confirmation", "Konfirmasi pembayaran",
         {KIMONET_COMMON_PLACEHOLDERS, "periode", "invoice_no", "jumlah", "total", "metode", "waktu"},
         "✅ *Pembayaran diterima*\n\n"
         "Terima kasih *{nama_pelanggan}*, pembayaran Anda sudah kami terima.\n\n"
         "🧾 No. tagihan: {invoice_no}\n"
         "📅 Periode: {periode}\n"
         "💰 Jumlah: *{jumlah}*\n"
         "💳 Metode: {metode}\n"
         "🕒 Waktu: {waktu}\n\n"
         "Simpan pesan ini sebagai bukti pembayaran.\n{nama_isp}"},
        // A payment voided by staff (a counterfeit note, a transfer that bounced, a wrong invoice):
        // the customer hears that the receipt they were sent no longer counts, and why.
        {"payment_void", "Pembatalan pembayaran",
         {KIMONET_COMMON_PLACEHOLDERS, "periode", "invoice_no", "jumlah", "total", "sisa", "no_kwitansi", "alasan", "waktu"},
         "⚠️ *Pembayaran dibatalkan*\n\n"
         "Halo *{nama_pelanggan}*, pembayaran *{jumlah}* untuk tagihan {invoice_no} (periode {periode}) "
         "telah kami batalkan.\n\n"
         "🧾 No. kwitansi: {no_kwitansi}\n"
         "📝 Alasan: {alasan}\n"
         "🕒 Waktu: {waktu}\n\n"
         "Kwitansi tersebut tidak berlaku lagi. Sisa tagihan Anda: *{sisa}* dari {total}.\n"
         "Hubungi kami jika ada pertanyaan: wa.me/{telepon_isp}\n{nama_isp}"},
        {"isolir_warning", "Peringatan isolir",
         {KIMONET_COMMON_PLACEHOLDERS, "periode", "invoice_no", "total", "due_date", "payment_link", "jumlah_transfer", "tanggal_isolir"},
         "⚠️ *Peringatan*\n\n"
         "Halo *{nama_pelanggan}*, tagihan periode *{periode}* sebesar *{total}* telah melewati "
         "jatuh tempo ({due_date}).\n\n"
         "Layanan Anda akan *diisolir pada {tanggal_isolir}* jika belum ada pembayaran.\n\n"
         "💳 Bayar sekarang: {payment_link}\n\n{nama_isp}"},
        {"isolir_notice", "Pemberitahuan isolir",
         {KIMONET_COMMON_PLACEHOLDERS, "periode", "invoice_no", "total", "payment_link", "jumlah_transfer"},
         "⛔ *Layanan diisolir*\n\n"
         "Halo *{nama_pelanggan}*, layanan internet Anda ({nomor_layanan}) saat ini diisolir karena "
         "tagihan periode *{periode}* sebesar *{total}* belum dibayar.\n\n"
         "Layanan aktif kembali otomatis setelah pembayaran: {payment_link}\n\n{nama_isp}"},
        {"late_fee_notice", "Denda keterlambatan",
         {KIMONET_COMMON_PLACEHOLDERS, "periode", "invoice_no", "denda", "total", "due_date", "payment_link", "jumlah_transfer"},
         "Halo *{nama_pelanggan}*,\n\n"
         "Tagihan periode *{periode}* ({invoice_no}) telah melewati jatuh tempo {due_date}, sehingga dikenakan "
         "denda keterlambatan *{denda}*.\n\n"
         "💰 Total yang harus dibayar: *{total}*\n"
         "💳 Bayar online: {payment_link}\n\n{nama_isp}"},
        {"termination_notice", "Pemberitahuan pemutusan",
         {KIMONET_COMMON_PLACEHOLDERS, "periode", "invoice_no", "total"},
         "Halo *{nama_pelanggan}*, karena tagihan periode *{periode}* ({invoice_no}) sebesar *{total}* belum "
         "dibayar, langganan internet Anda ({nomor_layanan}) kami putus.\n\n"
         "Hubungi kami untuk berlangganan kembali.\n{nama_isp}"},
        {"service_restored", "Layanan aktif kembali",
         {KIMONET_COMMON_PLACEHOLDERS},
         "🎉 Halo *{nama_pelanggan}*, layanan internet Anda ({nomor_layanan}, paket {paket}) sudah "
         "*aktif kembali*.\n\nTerima kasih atas pembayarannya.\n{nama_isp}"},
        // A promise to pay accepted (or asked for again: the same promise, the same date).
        {"janji_bayar_diterima", "Janji bayar diterima",
         {KIMONET_COMMON_PLACEHOLDERS, "tanggal_janji", "invoice_no", "total", "payment_link"},
         "🤝 *Janji bayar tercatat*\n\n"
         "Halo *{nama_pelanggan}*, janji bayar Anda untuk tagihan {invoice_no} sebesar *{total}* sudah kami catat.\n\n"
         "Layanan internet Anda ({nomor_layanan}) tidak diisolir sampai *{tanggal_janji}*. "
         "Jika sampai tanggal tersebut tagihan belum lunas, layanan akan diisolir.\n\n"
         "💳 Bayar: {payment_link}\n{nama_isp}"},
        {"bot_janji_bayar_ditolak", "Bot: janji bayar tidak bisa",
         {KIMONET_COMMON_PLACEHOLDERS, "alasan", "payment_link"},
         "Halo *{nama_pelanggan}*, janji bayar belum bisa kami catat: {alasan}.\n\n"
         "💳 Bayar: {payment_link}\nAtau hubungi kami: wa.me/{telepon_isp}"},
        {"broadcast", "Pesan massal",
         {KIMONET_COMMON_PLACEHOLDERS, "pesan"},
         "📢 *Informasi {nama_isp}*\n\nYth. {nama_pelanggan},\n\n{pesan}\n\nTerima kasih."},
        {"bot_menu", "Bot: menu",
         {KIMONET_COMMON_PLACEHOLDERS, "petunjuk_layanan"},
         "Halo *{nama_pelanggan}* 👋, ini layanan otomatis {nama_isp}.\n\n"
         "Ketik salah satu:\n"
         "• *TAGIHAN* – cek tagihan\n"
         "• *BAYAR* – link pembayaran\n"
         "• *STATUS* – status layanan\n"
         "• *GANGGUAN* – lapor gangguan (tulis keluhannya)\n"
         "• *JANJI BAYAR* – minta waktu bayar, internet tidak diisolir sampai tanggal janji\n"
         "• *STOP* – berhenti menerima pengingat dan pesan massal (*MULAI* untuk menerima lagi)\n"
         "• *MENU* – tampilkan menu ini{petunjuk_layanan}"},
        {"bot_invoices", "Bot: daftar tagihan",
         {KIMONET_COMMON_PLACEHOLDERS, "daftar_tagihan", "total", "payment_link"},
         "Halo *{nama_pelanggan}*, tagihan Anda yang belum dibayar:\n\n{daftar_tagihan}\n\n"
         "💰 Total: *{total}*\n💳 Bayar: {payment_link}"},
        // One number, several subscriptions (a landlord's rooms, a family's two houses): the lists
        // the bot answers with instead of the single ones above (server/services/whatsapp_bot_subscriptions.hpp).
        {"bot_invoices_list", "Bot: daftar tagihan beberapa layanan",
         {KIMONET_COMMON_PLACEHOLDERS, "daftar_tagihan", "total", "jumlah_layanan"},
         "Halo 👋, tagihan yang belum dibayar untuk nomor ini ({jumlah_layanan} layanan):\n\n{daftar_tagihan}\n\n"
         "💰 Total semua: *{total}*"},
        {"bot_payment_links", "Bot: link pembayaran beberapa layanan",
         {KIMONET_COMMON_PLACEHOLDERS, "daftar_link", "total"},
         "Silakan bayar tagihan tiap layanan melalui link berikut:\n\n{daftar_link}\n\n💰 Total semua: *{total}*"},
        {"bot_status_list", "Bot: status beberapa layanan",
         {KIMONET_COMMON_PLACEHOLDERS, "daftar_status"},
         "Status layanan untuk nomor ini:\n\n{daftar_status}"},
        {"bot_pilih_layanan", "Bot: pilih layanan",
         {KIMONET_COMMON_PLACEHOLDERS, "daftar_layanan", "contoh"},
         "Nomor ini terdaftar untuk beberapa layanan:\n\n{daftar_layanan}\n\n"
         "Layanan yang mana? Kirim lagi pesan Anda dengan nomor layanannya, misalnya: *{contoh}*"},
        {"bot_no_invoices", "Bot: tidak ada tagihan",
         {KIMONET_COMMON_PLACEHOLDERS},
         "Halo *{nama_pelanggan}*, tidak ada tagihan yang belum dibayar untuk {nomor_layanan}. Terima kasih 🙏"},
        {"bot_payment_link", "Bot: link pembayaran",
         {KIMONET_COMMON_PLACEHOLDERS, "payment_link"},
         "Silakan bayar tagihan {nomor_layanan} melalui link berikut:\n{payment_link}"},
        {"bot_status", "Bot: status layanan",
         {KIMONET_COMMON_PLACEHOLDERS, "status_layanan"},
         "Status layanan {nomor_layanan} ({paket}): *{status_layanan}*"},
        {"registration_received", "Pendaftaran diterima",
         {"nama_pelanggan", "paket", "nama_isp", "telepon_isp", "nomor_pendaftaran"},
         "Halo *{nama_pelanggan}* 👋\n\n"
         "Terima kasih telah mendaftar di {nama_isp}. Pendaftaran Anda sudah kami terima.\n\n"
         "🧾 No. pendaftaran: {nomor_pendaftaran}\n"
         "📦 Paket: {paket}\n\n"
         "Tim kami akan menghubungi Anda untuk jadwal survei dan pemasangan. "
         "Pertanyaan? Hubungi wa.me/{telepon_isp}.\n\n{nama_isp}"},
        {"bot_unregistered", "Bot: nomor tidak terdaftar",
         {"nama_isp", "telepon_isp"},
         "Mohon maaf, nomor Anda belum terdaftar sebagai pelanggan {nama_isp}.\n\n"
         "Untuk berlangganan atau mendaftarkan nomor ini, hubungi admin di wa.me/{telepon_isp} "
         "dengan menyebutkan nama dan nomor layanan Anda. Terima kasih 🙏"},
        // Trouble tickets (issue 21): opened (from any channel), given to a technician, closed.
        {"ticket_opened", "Tiket gangguan dibuka",
         {KIMONET_COMMON_PLACEHOLDERS, "nomor_tiket", "kategori", "target_selesai"},
         "🛠️ Halo *{nama_pelanggan}*, laporan gangguan Anda ({nomor_layanan}) sudah kami terima.\n\n"
         "🎫 No. tiket: *{nomor_tiket}*\n📋 Kategori: {kategori}\n⏱️ Target selesai: {target_selesai}\n\n"
         "Kami akan mengabari Anda. Untuk menambah keterangan, balas pesan ini.\n{nama_isp}"},
        {"ticket_assigned", "Tiket gangguan ditugaskan",
         {KIMONET_COMMON_PLACEHOLDERS, "nomor_tiket", "kategori", "teknisi", "target_selesai"},
         "👷 Halo *{nama_pelanggan}*, tiket *{nomor_tiket}* ({kategori}) sedang ditangani oleh teknisi kami, *{teknisi}*.\n\n"
         "⏱️ Target selesai: {target_selesai}\n{nama_isp}"},
        {"ticket_closed", "Tiket gangguan selesai",
         {KIMONET_COMMON_PLACEHOLDERS, "nomor_tiket", "kategori", "penyebab"},
         "✅ Halo *{nama_pelanggan}*, tiket *{nomor_tiket}* ({kategori}) sudah selesai.\n\n"
         "Penyebab: {penyebab}\n\nJika internet masih bermasalah, balas *GANGGUAN* dan ceritakan keluhannya.\n{nama_isp}"},
        {"bot_tiket_terbuka", "Bot: tiket masih terbuka",
         {KIMONET_COMMON_PLACEHOLDERS, "nomor_tiket", "kategori", "target_selesai"},
         "Halo *{nama_pelanggan}*, keterangan Anda sudah kami tambahkan ke tiket *{nomor_tiket}* ({kategori}) yang masih kami tangani.\n\n"
         "⏱️ Target selesai: {target_selesai}\n{nama_isp}"},
        // Outages (docs/outages.md): one notice at the start and one at the end per customer,
        // however many tickets they open about it.
        {"outage_start", "Gangguan jaringan",
         {KIMONET_COMMON_PLACEHOLDERS, "judul_gangguan", "area_gangguan", "waktu_mulai", "perkiraan_pulih"},
         "⚠️ *Gangguan jaringan*\n\n"
         "Halo *{nama_pelanggan}*, saat ini ada gangguan di area *{area_gangguan}*: {judul_gangguan}.\n\n"
         "🕒 Sejak: {waktu_mulai}\n"
         "⏳ Perkiraan pulih: {perkiraan_pulih}\n\n"
         "Layanan Anda ({nomor_layanan}) ikut terdampak. Tim kami sedang menanganinya; selama gangguan, "
         "pengingat tagihan dan isolir kami tunda.\n{nama_isp}"},
        {"outage_end", "Gangguan selesai",
         {KIMONET_COMMON_PLACEHOLDERS, "judul_gangguan", "area_gangguan", "waktu_mulai", "waktu_selesai", "durasi", "kompensasi"},
         "✅ *Gangguan selesai*\n\n"
         "Halo *{nama_pelanggan}*, gangguan di area *{area_gangguan}* ({judul_gangguan}) sudah selesai pada {waktu_selesai} "
         "(lama {durasi}).\n\n"
         "{kompensasi}\n\n"
         "Mohon maaf atas ketidaknyamanannya. Jika layanan Anda belum normal, balas pesan ini.\n{nama_isp}"},
        // WhatsApp opt-out (issue 22, docs/integrations/whatsapp-failover.md#opt-out) and the session alert to the owner.
        {"bot_berhenti", "Bot: berhenti menerima pesan",
         {KIMONET_COMMON_PLACEHOLDERS, "daftar_layanan"},
         "Baik *{nama_pelanggan}*, nomor ini tidak akan lagi menerima pengingat tagihan, pemberitahuan tagihan baru, info gangguan "
         "dan pesan massal dari {nama_isp} untuk layanan:\n{daftar_layanan}\n\n"
         "Bukti pembayaran, pemberitahuan isolir/aktif kembali, tiket gangguan dan balasan pesan Anda tetap kami kirim.\n\n"
         "Ketik *MULAI* kapan saja untuk menerima pesan lagi."},
        {"bot_mulai", "Bot: menerima pesan lagi",
         {KIMONET_COMMON_PLACEHOLDERS, "daftar_layanan"},
         "Terima kasih *{nama_pelanggan}*, nomor ini akan kembali menerima pengingat tagihan dan informasi dari {nama_isp} "
         "untuk layanan:\n{daftar_layanan}\n\n"
         "Ketik *BERHENTI* jika tidak ingin menerimanya lagi."},
        {"whatsapp_session_alert", "Peringatan: sesi WhatsApp terputus",
         {"nama_isp", "telepon_isp", "status_sesi", "gateway_whatsapp", "waktu"},
         "⚠️ *{nama_isp}: WhatsApp bermasalah*\n\n"
         "{status_sesi} ({gateway_whatsapp}) sejak {waktu}.\n\n"
         "Pesan ke pelanggan sementara dikirim lewat gateway cadangan. Buka Kimonet → WhatsApp untuk memindai kode QR "
         "atau memeriksa gateway. Peringatan ini dikirim sekali per gangguan."},
    };
    return all;
}

#undef KIMONET_COMMON_PLACEHOLDERS

const TemplateDefinition* find_template_definition(std::string_view key) {
    for (const auto& definition : template_definitions())
        if (definition.key == key) return &definition;
    return nullptr;
}

std::vector<std::string> placeholders_in(std::string_view body) {
    std::vector<std::string> names;
    scan_placeholders(body, [&](std::string_view name, std::size_t, std::size_t) {
        if (std::find(names.begin(), names.end(), name) == names.end()) names.emplace_back(name);
    });
    return names;
}

Result<void> validate_template(std::string_view key, std::string_view body) {
    const TemplateDefinition* definition = find_template_definition(key);
    if (!definition) return validation_error({{"key", messages::kInvalid}}, messages::with_detail(messages::kUnknownTemplate, key));
    FieldErrors fields;
    if (trim_copy(body).empty()) {
        fields["body"] = messages::kRequired;
    } else if (!is_valid_utf8(body)) {
        fields["body"] = messages::kInvalid;
    } else if (utf8_length(body) > kMaxTemplateLength) {
        fields["body"] = messages::kTooLong4096;
    } else {
        std::string unknown;
        for (const auto& name : placeholders_in(body)) {
            const bool known = std::find(definition->placeholders.begin(), definition->placeholders.end(), name) !=
                               definition->placeholders.end();
            if (!known) unknown += (unknown.empty() ? "{" : ", {") + name + "}";
        }
        if (!unknown.empty()) fields["body"] = messages::with_detail(messages::kUnknownPlaceholder, unknown);
    }
    if (!fields.empty()) return validation_error(std::move(fields));
    return success();
}

std::string render_template(std::string_view body, const TemplateVariables& variables) {
    std::string out;
    out.reserve(body.size() + 64);
    std::size_t copied = 0;
    scan_placeholders(body, [&](std::string_view name, std::size_t begin, std::size_t end) {
        auto found = variables.find(std::string(name));
        if (found == variables.end()) return;
        out.append(body.substr(copied, begin - copied));
        out.append(found->second);
        copied = end;
    });
    out.append(body.substr(copied));
    return out;
}

std::vector<std::string> missing_variables(std::string_view body, const TemplateVariables& variables) {
    std::vector<std::string> missing;
    for (auto& name : placeholders_in(body))
        if (!variables.contains(name)) missing.push_back(std::move(name));
    return missing;
}

const TemplateVariables& sample_variables() {
    static const TemplateVariables sample = {
        {"nama_pelanggan", "Budi Santoso"},
        {"nomor_layanan", "CUST001"},
        {"paket", "Home 20 Mbps"},
        {"nama_isp", "Kimonet Net"},
        {"telepon_isp", "6281200000000"},
        {"periode", "Januari 2026"},
        {"invoice_no", "INV-202601-0001"},
        {"total", "Rp 166.500"},
        {"jumlah", "Rp 166.500"},
        {"jumlah_transfer", "Rp 166.623"},
        {"due_date", "10 Januari 2026"},
        {"payment_link", "https://billing.kimonet.id/billing/CUST001"},
        {"sisa_hari", "3"},
        {"tanggal_isolir", "17 Januari 2026"},
        {"denda", "Rp 10.000"},
        {"metode", "QRIS"},
        {"waktu", "15 Januari 2026 pukul 09.30 WIB"},
        {"pesan", "Akan ada pemeliharaan jaringan pada 20 Januari 2026 pukul 01:00-03:00 WIB."},
        {"daftar_tagihan", "• INV-202601-0001 (Januari 2026): Rp 166.500, jatuh tempo 10 Januari 2026"},
        {"status_layanan", "Aktif"},
        {"jumlah_layanan", "2"},
        {"daftar_link", "• *CUST001* · Budi Santoso: Rp 166.500\n  https://billing.kimonet.id/billing/CUST001\n"
                        "• *CUST002* · Budi Santoso (Kamar 2): Rp 166.500\n  https://billing.kimonet.id/billing/CUST002"},
        {"daftar_status", "• *CUST001* · Budi Santoso (Home 20 Mbps): *Aktif ✅*\n• *CUST002* · Budi Santoso (Kamar 2) (Home 10 Mbps): *Tidak aktif*"},
        {"daftar_layanan", "• *CUST001* · Budi Santoso\n• *CUST002* · Budi Santoso (Kamar 2)"},
        {"contoh", "GANGGUAN CUST001"},
        {"nomor_pendaftaran", "REG-12"},
        {"no_kwitansi", "KW-202601-000001"},
        {"alasan", "Transfer tidak masuk ke rekening"},
        {"tanggal_janji", "20 Januari 2026"},
        {"petunjuk_layanan", "\n\nNomor ini terdaftar untuk beberapa layanan:\n• *CUST001* · Budi Santoso\n• *CUST002* · Budi Santoso (kos)\n"
                             "Untuk satu layanan, tambahkan nomor layanannya, misalnya: *TAGIHAN CUST002*"},
        {"sisa", "Rp 166.500"},
        {"nomor_tiket", "TKT-000042"},
        {"kategori", "Internet mati"},
        {"target_selesai", "15 Januari 2026 pukul 17.00 WIB"},
        {"teknisi", "Andi Teknisi"},
        {"penyebab", "Kabel FO putus"},
        {"judul_gangguan", "Kabel fiber putus di Jl. Sukajadi"},
        {"area_gangguan", "ODP-SKJ-07"},
        {"waktu_mulai", "15 Januari 2026 pukul 08.10 WIB"},
        {"waktu_selesai", "15 Januari 2026 pukul 14.40 WIB"},
        {"perkiraan_pulih", "15 Januari 2026 pukul 15.00 WIB"},
        {"durasi", "6 jam 30 menit"},
        {"kompensasi", "Sebagai kompensasi, tagihan berikutnya dipotong *Rp 1.734*."},
        {"status_sesi", "Sesi WhatsApp gateway utama terputus"},
        {"gateway_whatsapp", "fonnte:6281200000000"},
    };
    return sample;
}

}  // namespace kimonet::messaging
