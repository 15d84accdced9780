#pragma once
// What a provider with message templates (Meta's WhatsApp Cloud API, issue 22) needs of the
// outbox beyond the Messenger port: the message's kind and the variables it was rendered with.
// A side interface beside messenger.hpp (which every translation unit reaches through
// app/ports.hpp): the outbox asks a messenger for it with dynamic_cast.
#include <map>
#include <string>

#include "whatsapp/messenger.hpp"

namespace kimonet::whatsapp {

// One queued notification as the outbox hands it to a TemplateMessenger: the text, and the kind
// and variables it was rendered from.
struct OutgoingMessage {
    std::string phone;
    std::string text;
    std::string kind;                              // the template key ("invoice_new"); empty for free text
    std::map<std::string, std::string> variables;  // the values its placeholders were filled with
};

// A messenger that sends some messages as templates (Meta: outside the 24-hour customer service
// window only an approved template reaches the customer). The outbox looks for this side
// interface and then hands over the kind and variables instead of the text alone.
class TemplateMessenger {
public:
    virtual ~TemplateMessenger() = default;
    // Sends the message as its kind's template, or as free text when the kind has none.
    virtual SendOutcome send_message(const OutgoingMessage& message) = 0;
};

}  // namespace kimonet::whatsapp
