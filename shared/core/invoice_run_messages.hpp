#pragma once
// The messages of billing-run approval (issue 20: prepare, approve, discard a monthly run), a part
// of the message catalogue of its own so that the catalogue's shared headers stay as they are:
// core/message_catalogue.cpp reads this table with the others. X(name, Indonesian, English).
#include "core/validation_messages.hpp"

namespace kimonet::messages {

// clang-format off
#define KIMONET_INVOICE_RUN_MESSAGES(X) \
    X(kInvoiceRunNotFound, "tagihan disiapkan tidak ditemukan", "prepared invoice run not found") \
    X(kInvoiceRunOpen, "periode ini sudah punya tagihan disiapkan yang belum disetujui", "this period already has a prepared run waiting for approval") \
    X(kInvoiceRunApproved, "tagihan disiapkan sudah disetujui", "the prepared run is already approved") \
    X(kInvoiceRunApproving, "persetujuan sedang berjalan; setujui lagi untuk melanjutkan", "the approval is under way; approve again to resume") \
    X(kInvoiceRunFourEyes, "penyetuju harus orang lain dari yang menyiapkan", "the approver must be someone other than the preparer") \
    X(kInvoiceRunItemNotFound, "pelanggan tidak ada dalam tagihan disiapkan", "the customer is not in the prepared run")
// clang-format on

#define KIMONET_INVOICE_RUN_MESSAGE_CONSTANT(name, indonesian, english) inline constexpr const char* name = indonesian;
KIMONET_INVOICE_RUN_MESSAGES(KIMONET_INVOICE_RUN_MESSAGE_CONSTANT)
#undef KIMONET_INVOICE_RUN_MESSAGE_CONSTANT

}  // namespace kimonet::messages
