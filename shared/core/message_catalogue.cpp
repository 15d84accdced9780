#include "core/message_catalogue.hpp"

#include "core/voucher_messages.hpp"
#include "core/bank_transfer_messages.hpp"
#include "core/invoice_run_messages.hpp"
#include "core/credit_note_messages.hpp"
#include "core/regulatory_messages.hpp"
#include "core/promise_messages.hpp"
#include "core/tax_messages.hpp"
#include "core/attachment_messages.hpp"
#include "core/ticket_messages.hpp"
#include "core/import_messages.hpp"
#include "core/technician_job_messages.hpp"
#include "core/radius_messages.hpp"
#include "core/outage_messages.hpp"
#include "core/inventory_messages.hpp"
#include "core/email_messages.hpp"
#include "core/whatsapp_provider_messages.hpp"
#include "core/whatsapp_failover_messages.hpp"
#include "core/peer_messages.hpp"

namespace kimonet::messages {
namespace {

#define KIMONET_CATALOGUE_ENTRY(name, indonesian, english) CatalogueEntry{indonesian, english},
constexpr CatalogueEntry kCatalogue[] = {KIMONET_ERROR_MESSAGES(KIMONET_CATALOGUE_ENTRY) KIMONET_FIELD_MESSAGES(KIMONET_CATALOGUE_ENTRY)
                                         KIMONET_VOUCHER_MESSAGES(KIMONET_CATALOGUE_ENTRY) KIMONET_BANK_TRANSFER_MESSAGES(KIMONET_CATALOGUE_ENTRY)
                                         KIMONET_INVOICE_RUN_MESSAGES(KIMONET_CATALOGUE_ENTRY)
                                         KIMONET_CREDIT_NOTE_MESSAGES(KIMONET_CATALOGUE_ENTRY)
                                         KIMONET_REGULATORY_MESSAGES(KIMONET_CATALOGUE_ENTRY)
                                         KIMONET_PROMISE_MESSAGES(KIMONET_CATALOGUE_ENTRY)
                                         KIMONET_TAX_MESSAGES(KIMONET_CATALOGUE_ENTRY)
                                         KIMONET_ATTACHMENT_MESSAGES(KIMONET_CATALOGUE_ENTRY)
                                         KIMONET_TICKET_MESSAGES(KIMONET_CATALOGUE_ENTRY)
                                         KIMONET_IMPORT_MESSAGES(KIMONET_CATALOGUE_ENTRY)
                                         KIMONET_TECHNICIAN_JOB_MESSAGES(KIMONET_CATALOGUE_ENTRY)
                                         KIMONET_RADIUS_MESSAGES(KIMONET_CATALOGUE_ENTRY)
                                         KIMONET_OUTAGE_MESSAGES(KIMONET_CATALOGUE_ENTRY)
                                         KIMONET_INVENTORY_MESSAGES(KIMONET_CATALOGUE_ENTRY)
                                         KIMONET_EMAIL_MESSAGES(KIMONET_CATALOGUE_ENTRY)
                                         KIMONET_WHATSAPP_PROVIDER_MESSAGES(KIMONET_CATALOGUE_ENTRY)
                                         KIMONET_WHATSAPP_FAILOVER_MESSAGES(KIMONET_CATALOGUE_ENTRY)
                                         KIMONET_PEER_MESSAGES(KIMONET_CATALOGUE_ENTRY)};
#undef KIMONET_CATALOGUE_ENTRY

}  // namespace

std::span<const CatalogueEntry> catalogue() { return kCatalogue; }

std::string_view catalogue_problem(std::span<const CatalogueEntry> entries) {
    for (std::size_t index = 0; index < entries.size(); ++index) {
        if (entries[index].id.empty()) return "an entry has no Indonesian text";
        if (entries[index].en.empty()) return "an entry has no English text";
        for (std::size_t other = 0; other < index; ++other)
            if (entries[other].id == entries[index].id) return "an Indonesian text appears twice";
    }
    return {};
}

std::string english_message(std::string_view message) {
    // The longest catalogue text that is the whole message or its fixed part, so that
    // "tagihan sudah lunas atau dibatalkan" is not read as "tagihan sudah lunas" plus a detail.
    const CatalogueEntry* best = nullptr;
    for (const CatalogueEntry& entry : kCatalogue) {
        const bool whole = message == entry.id;
        const bool fixed_part = message.size() > entry.id.size() + kDetailSeparator.size() && message.starts_with(entry.id) &&
                                message.substr(entry.id.size(), kDetailSeparator.size()) == kDetailSeparator;
        if ((whole || fixed_part) && (!best || entry.id.size() > best->id.size())) best = &entry;
    }
    if (!best) return std::string(message);
    std::string english(best->en);
    if (message.size() == best->id.size()) return english;
    const std::string_view detail = message.substr(best->id.size() + kDetailSeparator.size());
    // A detail is often "<name>: <inner message>" or an inner message itself; translate the inner one when it is ours.
    std::string detail_english = english_message(detail);
    if (detail_english == detail) {
        if (const auto colon = detail.find(kDetailSeparator); colon != std::string_view::npos) {
            const std::string_view inner = detail.substr(colon + kDetailSeparator.size());
            const std::string inner_english = english_message(inner);
            if (inner_english != inner) detail_english = std::string(detail.substr(0, colon + kDetailSeparator.size())) + inner_english;
        }
    }
    return english.append(kDetailSeparator).append(detail_english);
}

}  // namespace kimonet::messages
