// The technician job rules both sides share (shared/field/technician_job.hpp) and the job's wire
// shape (shared/api/technician_job_dto.hpp): time windows, material lines, the links the phone
// opens, and to_json / from_json agreeing.
#include <boost/test/unit_test.hpp>

#include "api/technician_job_dto.hpp"
#include "field/technician_job.hpp"

using namespace kimonet;

BOOST_AUTO_TEST_SUITE(technician_job)

BOOST_AUTO_TEST_CASE(a_window_is_two_clock_times_start_before_end) {
    BOOST_TEST(field::parse_clock_time("08:30").value() == 510);
    BOOST_TEST(field::parse_clock_time("23:59").value() == 1439);
    for (const char* bad : {"24:00", "8:30", "08:60", "0830", "08:3a", "", "08:30 "}) BOOST_TEST(!field::parse_clock_time(bad), bad);
    BOOST_TEST(field::window_problems("08:00", "10:00").empty());
    BOOST_TEST(field::window_problems("10:00", "10:00").count("window_end") == 1u);
    BOOST_TEST(field::window_problems("x", "10:00").count("window_start") == 1u);
}

BOOST_AUTO_TEST_CASE(a_material_line_has_a_name_a_whole_quantity_and_a_short_unit) {
    BOOST_TEST(field::material_problems({"Kabel drop 1 core", 120, "m"}).empty());
    BOOST_TEST(field::material_problems({"", 1, ""}).count("item") == 1u);
    BOOST_TEST(field::material_problems({"Kabel\nx", 1, ""}).count("item") == 1u);
    BOOST_TEST(field::material_problems({"ONT", 0, ""}).count("quantity") == 1u);
    BOOST_TEST(field::material_problems({"ONT", 100001, ""}).count("quantity") == 1u);
    BOOST_TEST(field::material_problems({"ONT", 1, "kilometerss"}).count("unit") == 1u);
}

BOOST_AUTO_TEST_CASE(the_phone_navigates_to_coordinates_or_else_the_address_and_calls_the_number) {
    BOOST_TEST(field::navigation_url(-6.914744, 107.60981, "Jl. Melati 3") ==
               "https://www.google.com/maps/dir/?api=1&destination=-6.914744%2C107.609810");
    BOOST_TEST(field::navigation_url(std::nullopt, std::nullopt, "Jl. Melati 3, Bandung") ==
               "https://www.google.com/maps/search/?api=1&query=Jl.%20Melati%203%2C%20Bandung");
    BOOST_TEST(field::navigation_url(91.0, 10.0, "") == "");  // not a place on earth, and no address
    BOOST_TEST(field::tel_url("6281234567890") == "tel:+6281234567890");
    BOOST_TEST(field::tel_url("0812-3456") == "tel:+628123456");
    BOOST_TEST(field::tel_url("") == "");
}

BOOST_AUTO_TEST_CASE(every_kind_starts_with_a_checklist_and_names_round_trip) {
    for (auto kind : field::all_job_kinds()) {
        BOOST_TEST(!field::default_checklist(kind).empty());
        BOOST_TEST((field::parse_job_kind(field::to_string(kind)) == kind));
    }
    BOOST_TEST(!field::parse_job_kind("Installation"));
    BOOST_TEST((field::parse_job_status("cancelled") == field::JobStatus::Cancelled));
}

BOOST_AUTO_TEST_CASE(the_job_shape_reads_back_what_the_server_writes) {
    api::TechnicianJobResource job;
    job.id = 12;
    job.kind = "installation";
    job.status = "scheduled";
    job.customer_id = 7;
    job.customer_name = "Budi Santoso";
    job.service_number = "KMN-0007";
    job.customer_phone = "6281234567890";
    job.customer_address = "Jl. Melati 3";
    job.customer_status = "inactive";
    job.latitude = -6.9;
    job.longitude = 107.6;
    job.ticket_id = 3;
    job.scheduled_date = "2026-01-15";
    job.window_start = "13:00";
    job.window_end = "15:00";
    job.technician_id = 4;
    job.technician_name = "Demo technician";
    job.checklist = {{1, "Kabel drop terpasang", true, "technician", "2026-01-15 13:20"}, {2, "ONT menyala", false, "", ""}};
    job.materials = {{"Kabel drop", 120, "m"}};
    job.has_signature = true;
    BOOST_TEST((api::technician_job_from_json(api::to_json(job)) == job));
    api::TechnicianJobResource unassigned;
    BOOST_TEST((api::technician_job_from_json(api::to_json(unassigned)) == unassigned));
    BOOST_TEST(api::technician_job_from_json(api::Json::array()).id == 0);  // never throws on a wrong shape
}

BOOST_AUTO_TEST_SUITE_END()
