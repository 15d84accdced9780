#pragma once
// Tugas teknisi: the technician's phone screen (issue 21). Today's jobs assigned to them, by time
// window, each a card with the customer, the address, and big buttons to navigate (Google Maps from
// the customer's coordinates, else their address, in a new tab) and to call (tel:). Opening a job
// shows its checklist (each tap ticks an item on the server with who and when), the materials used,
// a photo (the browser's file input, which a phone offers as its camera) and the customer's
// signature drawn with a finger, then "Selesai" or "Gagal" with a reason. The completion's
// Idempotency-Key is made when the job is opened and kept until the server answers, so a phone on
// a bad line that sends it again never activates a customer twice. The open job is in the address
// (#/field/<job id>), so reloading the page at a customer's door opens it again.
#include <cstdint>
#include <string>
#include <vector>

#include "api/technician_job_dto.hpp"
#include "view.hpp"
#include "widgets/signature_pad.hpp"

namespace kimonet {

class App;

class ViewFieldJobs final : public View {
public:
    void enter(App& app) override;
    void draw(App& app) override;
    // The open job has an address (#/field/12): a reload, Back and a link keep it open.
    std::string route() const override;
    RouteOutcome open_subroute(App& app, const std::vector<std::string>& rest) override;

private:
    struct MaterialLine {
        std::string item, quantity = "1", unit;
    };

    void reload();
    void draw_card(App& app, const api::TechnicianJobResource& job);
    void draw_open_job(App& app, const api::TechnicianJobResource& job);
    void draw_checklist(const api::TechnicianJobResource& job);
    void draw_materials();
    void draw_proof(App& app, const api::TechnicianJobResource& job);
    void draw_result(App& app, const api::TechnicianJobResource& job);
    void open_job(App& app, std::int64_t id);
    void take_picked_photo(App& app);
    void send_proof(App& app, const char* kind, std::string bytes);
    void complete(App& app, const api::TechnicianJobResource& job, bool done);
    void replace_job(const api::Json& data);

    std::vector<api::TechnicianJobResource> m_jobs;
    bool m_loaded = false;
    bool m_busy = false;
    std::string m_error;
    std::int64_t m_open = 0;  // the job whose panel is open (0: none)
    std::string m_key;        // its completion's Idempotency-Key
    std::vector<MaterialLine> m_materials;
    std::string m_note;
    bool m_failing = false;  // the "Gagal" form is open
    std::string m_reason;
    std::string m_form_error;
    int m_photo_pick = 0;
    bool m_signing = false;
    widgets::SignatureStrokes m_signature;
};

}  // namespace kimonet
