// Planted: a runner building its Messenger itself.
#include "whatsapp/http_client.hpp"
void round(Database& db, const SecretBox& secrets) { auto messenger = whatsapp::messenger_from_settings(db, secrets); }
void send(MessengerSettings settings) { auto messenger = whatsapp::make_messenger(settings); auto gowa = make_gowa_messenger(settings); }
void fine(App& app, Database& db) { auto messenger = app.ports().configured_messenger(db, app.secrets()); }
