// The technician's phone screen (Tugas teknisi) at 390 px and the dispatcher's schedule (Jadwal
// teknisi), headless (issue 21): today's jobs with finger-sized buttons inside the phone, navigate
// and call links, the checklist ticked on the server, the completion's Idempotency-Key kept across
// a retry, the photo and the finger-drawn signature sent as images, and the dispatcher's new job.
// The answers are the JSON the server's own serialisers write (api::to_json).
#include <boost/test/unit_test.hpp>

#include "api/technician_job_dto.hpp"
#include "headless_platform.hpp"
#include "view_harness.hpp"

using kimonet::testing::ViewHarness;
using kimonet::api::Json;
namespace api = kimonet::api;

namespace {

api::TechnicianJobResource installation() {
    api::TechnicianJobResource job;
    job.id = 12;
    job.kind = "installation";
    job.status = "scheduled";
    job.customer_id = 7;
    job.customer_name = "Budi Santoso";
    job.service_number = "KMN-0007";
    job.customer_phone = "6281234567890";
    job.customer_address = "Jl. Melati 3, Bandung";
    job.customer_status = "inactive";
    job.latitude = -6.914744;
    job.longitude = 107.60981;
    job.scheduled_date = "2026-01-15";
    job.window_start = "09:00";
    job.window_end = "11:00";
    job.technician_id = 4;
    job.technician_name = "technician";
    job.checklist = {{1, "Kabel drop terpasang dan dirapikan", false, "", ""}, {2, "ONT/router terpasang dan menyala", false, "", ""}};
    return job;
}

api::TechnicianJobResource repair() {
    api::TechnicianJobResource job = installation();
    job.id = 13;
    job.kind = "repair";
    job.customer_name = "Siti Aminah";
    job.customer_phone = "081298765432";
    job.customer_address = "Jl. Mawar 9";
    job.latitude.reset();
    job.longitude.reset();
    job.window_start = "13:00";
    job.window_end = "15:00";
    return job;
}

Json envelope(const api::TechnicianJobResource& job) { return {{"success", true}, {"data", api::to_json(job)}}; }

// A technician (jobs.work and the technician's other defaults) on a phone, on Tugas teknisi.
void open_as_technician(ViewHarness& harness) {
    kimonet::testing::set_canvas_width(390.f);
    harness.api().answer("GET", "/api/technician-jobs/mine",
                         {{"success", true}, {"data", Json::array({api::to_json(installation()), api::to_json(repair())})}, {"total", 2}});
    harness.sign_in_staff({"jobs.work", "customers.read", "customers.update", "network.read"}, "technician");
    harness.settle();
}


std::vector<std::string> sent_bodies(ViewHarness& harness, const std::string& method, const std::string& path) {
    std::vector<std::string> out;
    for (const auto& sent : harness.api().sent())
        if (sent.method == method && sent.path == path) out.push_back(sent.body);
    return out;
}

// Every visible button and checkbox lies inside the 390 px phone, and the screen's own are at least
// 44 CSS px tall (Apple's and Google's minimum touch target is 44-48 px).
void finger_sized_inside_the_phone(ViewHarness& harness) {
    int checked = 0;
    for (const auto& widget : harness.widgets()) {
        const std::string kind = widget.value("kind", "");
        if ((kind != "button" && kind != "checkbox") || !widget.value("visible", false)) continue;
        const float x = widget["rect"]["x"].get<float>(), w = widget["rect"]["w"].get<float>(), h = widget["rect"]["h"].get<float>();
        BOOST_TEST((x >= -0.5f && x + w <= 390.5f), widget.value("id", "") << " at " << x << ".." << x + w);
        if (!widget.value("id", "").starts_with("field.")) continue;  // the shell's header is the shell's
        BOOST_TEST(h >= 44.f, widget.value("id", "") << " is " << h << " px tall");
        ++checked;
    }
    BOOST_TEST(checked > 4);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(field_jobs)

BOOST_AUTO_TEST_CASE(todays_jobs_fit_a_thumb_and_navigate_and_call_from_the_card) {
    ViewHarness harness("field");
    open_as_technician(harness);
    BOOST_TEST(kimonet::testing::written_route() == "field");
    BOOST_TEST(harness.value("field.job.12.customer") == "Budi Santoso");
    BOOST_TEST(harness.value("field.job.12.when") == "09:00–11:00 · Pemasangan");
    BOOST_TEST(harness.value("field.job.13.when") == "13:00–15:00 · Perbaikan");
    BOOST_TEST(harness.api().count("GET", "/api/technician-jobs?") == 0, "a technician does not ask for every job");
    finger_sized_inside_the_phone(harness);

    harness.click("field.job.12.navigate");
    harness.click("field.job.12.call");
    harness.click("field.job.13.navigate");
    harness.click("field.job.13.call");
    const auto opened = kimonet::testing::opened_urls();
    BOOST_TEST_REQUIRE(opened.size() == 4u);
    BOOST_TEST(opened[0] == "https://www.google.com/maps/dir/?api=1&destination=-6.914744%2C107.609810");
    BOOST_TEST(opened[1] == "tel:+6281234567890");
    BOOST_TEST(opened[2] == "https://www.google.com/maps/search/?api=1&query=Jl.%20Mawar%209");
    BOOST_TEST(opened[3] == "tel:+6281298765432");
}

// The open job is in the address: a technician who reloads at the customer's door (or whose phone
// dropped the tab) is back in that job's checklist; Back closes it; a job that is not theirs today
// opens nothing.
BOOST_AUTO_TEST_CASE(the_open_job_has_an_address_that_survives_a_reload_and_back) {
    {
        ViewHarness harness("field");
        open_as_technician(harness);
        harness.click("field.job.13.open");
        harness.settle();
        BOOST_TEST(kimonet::testing::written_route() == "field/13");
        BOOST_TEST(harness.find("field.close").has_value());
        kimonet::testing::change_route("field");  // Back
        harness.settle();
        BOOST_TEST(!harness.find("field.close").has_value(), "Back closed the job");
        BOOST_TEST(harness.find("field.job.13.open").has_value());
    }
    {
        ViewHarness harness("field/13");  // the reloaded tab
        open_as_technician(harness);
        BOOST_TEST(kimonet::testing::written_route() == "field/13");
        BOOST_TEST(harness.find("field.close").has_value(), "job 13 is open again");
        BOOST_TEST(harness.find("field.job.12.open").has_value(), "and only that one");
        harness.click("field.close");
        harness.settle();
        BOOST_TEST(kimonet::testing::written_route() == "field");
    }
    {
        ViewHarness harness("field/99");
        open_as_technician(harness);
        BOOST_TEST(!harness.find("field.close").has_value(), "another technician's job opens nothing");
        BOOST_TEST(kimonet::testing::written_route() == "field");
    }
}

BOOST_AUTO_TEST_CASE(the_checklist_is_ticked_on_the_server_and_a_retried_completion_keeps_its_key) {
    ViewHarness harness("field");
    open_as_technician(harness);
    harness.click("field.job.12.open");
    harness.settle();
    finger_sized_inside_the_phone(harness);
    auto ticked = installation();
    ticked.checklist[0].done = true;
    ticked.checklist[0].done_by = "technician";
    ticked.checklist[0].done_at = "2026-01-15 09:20";
    harness.api().answer("POST", "/api/technician-jobs/12/checklist/1", envelope(ticked));
    harness.click("field.check.1");
    harness.settle();
    BOOST_TEST(sent_bodies(harness, "POST", "/api/technician-jobs/12/checklist/1") == std::vector<std::string>{R"({"done":true})"});
    BOOST_TEST(harness.value("field.check.1") == "true");
    BOOST_TEST(harness.value("field.check.1.by") == "technician · 2026-01-15 09:20");

    harness.click("field.material.add");
    harness.settle();
    harness.click("field.material.0.item");
    harness.type("Kabel drop");
    harness.click("field.material.0.quantity");
    harness.select_all();
    harness.type("120");
    harness.click("field.material.0.unit");
    harness.type("m");
    harness.settle();
    // The first answer is lost to a bad signal: the server's 503; the technician taps again.
    harness.api().answer_error("POST", "/api/technician-jobs/12/complete", 503, "unavailable", "Layanan sedang sibuk");
    harness.click("field.done");
    harness.settle();
    BOOST_TEST(!harness.value("field.form_error").empty());
    auto done = ticked;
    done.status = "done";
    harness.api().answer("POST", "/api/technician-jobs/12/complete", envelope(done));
    harness.click("field.done");
    harness.settle();
    const auto sent = sent_bodies(harness, "POST", "/api/technician-jobs/12/complete");
    BOOST_TEST_REQUIRE(sent.size() == 2u);
    const Json first = Json::parse(sent[0]), second = Json::parse(sent[1]);
    BOOST_TEST(first["result"] == "done");
    BOOST_TEST(first["materials"] == Json::parse(R"([{"item":"Kabel drop","quantity":120,"unit":"m"}])"));
    BOOST_TEST(!first["idempotency_key"].get<std::string>().empty());
    BOOST_TEST(second["idempotency_key"] == first["idempotency_key"], "the retry is the same completion");
    BOOST_TEST(harness.values("toast.ok").size() == 1u);
    BOOST_TEST(harness.value("field.job.12.status") == "Selesai");
}

BOOST_AUTO_TEST_CASE(a_failed_job_needs_a_reason) {
    ViewHarness harness("field");
    open_as_technician(harness);
    harness.click("field.job.13.open");
    harness.settle();
    harness.click("field.fail");
    harness.settle();
    BOOST_TEST(harness.find("field.fail.send")->value("disabled", false), "no reason yet");
    harness.click("field.reason");
    harness.type("Tiang belum ada");
    auto failed = repair();
    failed.status = "failed";
    failed.failure_reason = "Tiang belum ada";
    harness.api().answer("POST", "/api/technician-jobs/13/complete", envelope(failed));
    harness.settle();
    harness.click("field.fail.send");
    harness.settle();
    const auto sent = sent_bodies(harness, "POST", "/api/technician-jobs/13/complete");
    BOOST_TEST_REQUIRE(sent.size() == 1u);
    BOOST_TEST(Json::parse(sent[0])["result"] == "failed");
    BOOST_TEST(Json::parse(sent[0])["failure_reason"] == "Tiang belum ada");
}

BOOST_AUTO_TEST_CASE(the_photo_and_the_finger_drawn_signature_are_sent_as_images) {
    ViewHarness harness("field");
    open_as_technician(harness);
    harness.click("field.job.12.open");
    harness.settle();
    const std::string jpeg("\xFF\xD8\xFF\xE0photo-bytes", 15);
    kimonet::testing::pick_next_file(jpeg);
    auto with_photo = installation();
    with_photo.has_photo = true;
    harness.api().answer("POST", "/api/technician-jobs/12/photo", envelope(with_photo));
    harness.click("field.photo");
    harness.settle();
    BOOST_TEST(sent_bodies(harness, "POST", "/api/technician-jobs/12/photo") == std::vector<std::string>{jpeg});
    BOOST_TEST(harness.value("field.photo.state") == "Foto tersimpan.");

    harness.click("field.sign");
    harness.settle();
    BOOST_TEST(harness.find("field.signature.save")->value("disabled", false), "nothing drawn yet");
    const auto pad = harness.find("field.signature");
    BOOST_TEST_REQUIRE(pad.has_value());
    BOOST_TEST((*pad)["rect"]["w"].get<float>() > 300.f);  // the full width of the phone's card
    harness.click("field.signature");  // a finger's tap: a dot
    harness.settle();
    BOOST_TEST(harness.value("field.signature") == "1");
    auto signed_job = with_photo;
    signed_job.has_signature = true;
    harness.api().answer("POST", "/api/technician-jobs/12/signature", envelope(signed_job));
    harness.click("field.signature.save");
    harness.settle();
    const auto images = sent_bodies(harness, "POST", "/api/technician-jobs/12/signature");
    BOOST_TEST_REQUIRE(images.size() == 1u);
    BOOST_TEST(images[0].substr(0, 8) == std::string("\x89PNG\r\n\x1a\n", 8));
    BOOST_TEST(images[0].substr(12, 4) == "IHDR");
    BOOST_TEST(harness.value("field.signature.state") == "Tanda tangan tersimpan.");
    finger_sized_inside_the_phone(harness);
}

BOOST_AUTO_TEST_CASE(the_dispatcher_creates_a_job_for_a_service_number_and_sees_field_errors) {
    ViewHarness harness("dispatch");
    harness.api().answer("GET", "/api/technician-jobs", {{"success", true}, {"data", Json::array({api::to_json(installation())})}, {"total", 1}});
    harness.api().answer("GET", "/api/technician-jobs/technicians",
                         {{"success", true}, {"data", Json::array({api::to_json(api::TechnicianResource{4, "technician", "Demo technician"})})}});
    harness.sign_in_staff({"jobs.dispatch", "jobs.work", "customers.read"}, "admin");
    harness.settle();
    BOOST_TEST(harness.value("dispatch.job.12.when") == "2026-01-15 09:00–11:00");
    BOOST_TEST(harness.value("dispatch.job.12.technician") == "technician");
    harness.click("dispatch.create");
    harness.settle();
    harness.click("dispatch.service_number");
    harness.type("KMN-0009");
    harness.click("dispatch.date");
    harness.type("2026-01-16");
    harness.api().answer_error("POST", "/api/technician-jobs", 422, "validation_failed", "data tidak valid",
                               {{"window_end", "jam selesai harus setelah jam mulai"}});
    harness.settle();
    harness.click("dispatch.save");
    harness.settle();
    const auto sent = sent_bodies(harness, "POST", "/api/technician-jobs");
    BOOST_TEST_REQUIRE(sent.size() == 1u);
    const Json body = Json::parse(sent[0]);
    BOOST_TEST(body["kind"] == "installation");
    BOOST_TEST(body["service_number"] == "KMN-0009");
    BOOST_TEST(body["scheduled_date"] == "2026-01-16");
    BOOST_TEST(body["window_start"] == "09:00");
    BOOST_TEST(body["technician_id"].is_null());
    BOOST_TEST(harness.find("dispatch.form.title").has_value(), "the form stays open with the error");
}

BOOST_AUTO_TEST_CASE(the_customer_sees_the_scheduled_installation_time_in_the_portal) {
    ViewHarness harness;
    kimonet::testing::set_canvas_width(390.f);
    harness.api().answer("GET", "/api/portal/jobs",
                         {{"success", true},
                          {"data", Json::array({{{"id", 12}, {"kind", "installation"}, {"scheduled_date", "2026-01-16"}, {"window_start", "13:00"},
                                                 {"window_end", "15:00"}}})}});
    harness.sign_in_customer(7);
    harness.settle();
    BOOST_TEST(harness.value("home.visit") == "Kunjungan teknisi (Pemasangan): 16 Januari 2026, 13:00–15:00");
}

BOOST_AUTO_TEST_SUITE_END()
