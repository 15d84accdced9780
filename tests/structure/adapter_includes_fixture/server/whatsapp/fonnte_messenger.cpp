// Allowed: an adapter's own folder.
#include "whatsapp/http_client.hpp"
std::unique_ptr<Messenger> make_fonnte_messenger(MessengerSettings settings) { return nullptr; }
