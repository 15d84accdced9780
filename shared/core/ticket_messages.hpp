#pragma once
// Messages of trouble tickets (issue 21), in their own part of the catalogue; core/message_catalogue.cpp
// reads this part too (English toggle, uniqueness check). X(name, Indonesian, English).
namespace kimonet::messages {

// clang-format off
#define KIMONET_TICKET_MESSAGES(X) \
    X(kTicketNotFound, "tiket tidak ditemukan", "ticket not found") \
    X(kTicketAlreadyClosed, "tiket sudah ditutup", "the ticket is already closed") \
    X(kTicketTooManyOpen, "masih ada tiket yang terbuka; tambahkan komentar di tiket tersebut", "there are tickets still open; add a comment to one of them") \
    X(kTicketCategoryChoice, "kategori: no_connection, slow, intermittent, device, billing atau other", "category: no_connection, slow, intermittent, device, billing or other") \
    X(kTicketPriorityChoice, "prioritas: urgent, high, normal atau low", "priority: urgent, high, normal or low") \
    X(kTicketStatusChoice, "status: open, assigned, in_progress atau closed", "status: open, assigned, in_progress or closed") \
    X(kTicketCauseChoice, "penyebab: fiber_cut, device_fault, power, configuration, customer_side, area_outage, billing, no_fault atau duplicate", "cause: fiber_cut, device_fault, power, configuration, customer_side, area_outage, billing, no_fault or duplicate") \
    X(kTicketTextRequired, "wajib diisi, paling panjang", "required, at most") \
    X(kTicketTextTooLong, "terlalu panjang; paling panjang", "too long; at most") \
    X(kTicketSlaHours, "urgent=J,high=J,normal=J,low=J (jam 1-720, setiap prioritas sekali)", "urgent=H,high=H,normal=H,low=H (hours 1-720, each priority once)") \
    X(kTicketAssigneeInvalid, "pengguna tidak aktif atau tidak boleh menangani tiket", "the user is inactive or may not handle tickets") \
    X(kTicketStatusChangeInvalid, "status hanya dapat diubah ke in_progress; tutup tiket dengan penyebabnya", "the status can only become in_progress; close a ticket with its cause") \
    X(kTicketReportAccepted, "Laporan diterima. Bila nomor layanan terdaftar, kami mengabari Anda lewat WhatsApp yang terdaftar.", "Report received. If the service number is registered, we will contact you on its registered WhatsApp.") \
    X(kTooManyTicketReports, "terlalu banyak laporan gangguan dari alamat ini.", "too many trouble reports from this address.") \
    X(kTicketRateSetting, "angka 1-100", "a number 1-100") \
    X(kTicketKeyReused, "Idempotency-Key ini sudah dipakai untuk laporan lain", "this Idempotency-Key was already used for another report") \
    X(kTicketWebReportText, "Laporan dari halaman web; isinya hanya dibaca tim kami.", "A report from the web page; only our team reads its text.") \
    X(kTicketStaffName, "Petugas kami", "Our staff") \
    X(kTooManyTicketComments, "terlalu banyak komentar pada tiket ini dalam 24 jam; tim kami sudah membacanya", "too many comments on this ticket in 24 hours; our team has read them")
// clang-format on

#define KIMONET_TICKET_MESSAGE_CONSTANT(name, indonesian, english) inline constexpr const char* name = indonesian;
KIMONET_TICKET_MESSAGES(KIMONET_TICKET_MESSAGE_CONSTANT)
#undef KIMONET_TICKET_MESSAGE_CONSTANT

}  // namespace kimonet::messages
