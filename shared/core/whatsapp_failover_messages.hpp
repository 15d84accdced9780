#pragma once
// Messages of WhatsApp failover, session health and opt-out (issue 22, docs/integrations/whatsapp-failover.md),
// in their own part of the catalogue; core/message_catalogue.cpp reads this part too.
// X(name, Indonesian, English).
namespace kimonet::messages {

// clang-format off
#define KIMONET_WHATSAPP_FAILOVER_MESSAGES(X) \
    X(kWhatsappOptedOut, "nomor ini memilih berhenti menerima pesan massal (BERHENTI/STOP)", "this number opted out of bulk messages (STOP/BERHENTI)") \
    X(kWhatsappOptedOutNoResend, "pelanggan memilih berhenti menerima pesan massal; hanya pelanggan yang dapat mengaktifkannya lagi dengan mengirim MULAI", "the customer opted out of bulk messages; only the customer can opt back in by sending START") \
    X(kWhatsappFailedOver, "gateway utama gagal, dialihkan ke gateway cadangan", "the primary gateway failed, moved to the backup gateway") \
    X(kWhatsappSessionDisconnected, "sesi WhatsApp gateway utama terputus", "the primary WhatsApp gateway's session is disconnected") \
    X(kWhatsappSessionQrRequired, "kode QR WhatsApp gateway utama harus dipindai ulang", "the primary WhatsApp gateway's QR code must be scanned again") \
    X(kWhatsappSessionUnreachable, "gateway WhatsApp utama tidak dapat dihubungi", "the primary WhatsApp gateway cannot be reached")
// clang-format on

#define KIMONET_WHATSAPP_FAILOVER_MESSAGE_CONSTANT(name, indonesian, english) inline constexpr const char* name = indonesian;
KIMONET_WHATSAPP_FAILOVER_MESSAGES(KIMONET_WHATSAPP_FAILOVER_MESSAGE_CONSTANT)
#undef KIMONET_WHATSAPP_FAILOVER_MESSAGE_CONSTANT

}  // namespace kimonet::messages
