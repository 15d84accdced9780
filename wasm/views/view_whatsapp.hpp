#pragma once
// WhatsApp: the gateway (driver, URL, sender), the device's connection state, the pairing QR
// drawn module by module with ImGui's draw list (decoded from the gateway's PNG), the outbox
// counts, and "Kirim pesan uji". The driver, URL, sender and key are edited under Pengaturan.
#include <string>

#include "api/json_fields.hpp"
#include "core/error.hpp"
#include "platform/qr_image.hpp"
#include "view.hpp"

namespace kimonet {

class App;

class ViewWhatsapp final : public View {
public:
    void enter(App& app) override;
    void draw(App& app) override;

private:
    void reload();
    void send_test();
    void draw_status_card(float width);
    void draw_qr_card(float width);
    void draw_wait_reason();
    void draw_test_card(App& app);

    api::Json m_status;
    bool m_loading = false;
    std::string m_error;
    std::string m_qr_source;
    int m_qr_handle = 0;
    platform::QrModules m_qr;
    bool m_qr_failed = false;
    std::string m_phone, m_message;
    FieldErrors m_test_fields;
    std::string m_test_notice, m_test_error;
    bool m_test_busy = false;
};

}  // namespace kimonet
