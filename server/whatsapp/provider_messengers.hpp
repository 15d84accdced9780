#pragma once
// The Wablas, WAHA and Meta WhatsApp Cloud API adapters (issue 22). Their factories are declared
// here rather than in messenger.hpp, which every translation unit reaches through app/ports.hpp,
// so a provider rebuilds only its own files.
#include <memory>
#include <string>

#include "whatsapp/messenger.hpp"
#include "whatsapp/messenger_templates.hpp"

namespace kimonet::whatsapp {

// Meta: which template carries which kind (messaging/meta_templates.hpp) and in which language.
struct MetaTemplateSettings {
    std::string overrides;  // the whatsapp_meta_templates setting
    std::string language = "id";
};

// MessengerSettings.sender is Wablas' device number, WAHA's session name, and Meta's phone number ID.
std::unique_ptr<Messenger> make_wablas_messenger(MessengerSettings settings);
std::unique_ptr<Messenger> make_waha_messenger(MessengerSettings settings);
std::unique_ptr<Messenger> make_meta_messenger(MessengerSettings settings, MetaTemplateSettings templates = {});

}  // namespace kimonet::whatsapp
