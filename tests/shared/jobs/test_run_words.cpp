#include <boost/test/unit_test.hpp>

#include "jobs/run_words.hpp"

using namespace kimonet::jobs;
using kimonet::api::Json;

BOOST_AUTO_TEST_SUITE(run_words)

BOOST_AUTO_TEST_CASE(each_job_says_what_it_did) {
    BOOST_TEST(describe_job_run("invoice_generation", "ok", Json{{"period", "2026-02"}, {"created", 312}, {"skipped", 0}, {"total_amount", 0}}) ==
               "Penagihan bulanan: 312 tagihan dibuat (periode 2026-02)");
    BOOST_TEST(describe_job_run("invoice_generation", "ok", Json{{"created", 2}, {"skipped", 1}, {"total_amount", 300000}}) ==
               "Penagihan bulanan: 2 tagihan dibuat, 1 sudah ada, total Rp 300.000");
    BOOST_TEST(describe_job_run("invoice_generation", "ok",
                                Json{{"period", "2026-02"}, {"run_id", 5}, {"prepared", true}, {"drafts", 312}, {"total_amount", 300000}}) ==
               "Penagihan bulanan: 312 tagihan disiapkan, menunggu persetujuan, total Rp 300.000 (periode 2026-02)");
    BOOST_TEST(describe_job_run("auto_isolir", "ok", Json{{"candidates", 4}, {"skipped", ""}}) == "Isolir otomatis: 4 pelanggan diisolir");
    BOOST_TEST(describe_job_run("auto_isolir", "ok", Json{{"skipped", "hari Minggu"}}) == "Isolir otomatis: dilewati, hari Minggu");
    BOOST_TEST(describe_job_run("dunning", "ok", Json{{"done", 5}, {"failed", 1}, {"skipped", 0}, {"waiting", 0}}) ==
               "Pengingat dan denda: 5 tindakan dijalankan, 1 gagal");
    BOOST_TEST(describe_job_run("network_retry", "ok", Json{{"due", 0}, {"applied", 0}}) == "Ulang perintah router: tidak ada perintah tertunda");
    BOOST_TEST(describe_job_run("payment_reconcile", "ok", Json{{"checked", 3}, {"applied", 1}, {"expired", 2}}) ==
               "Cocokkan pembayaran online: 1 pembayaran diterapkan, 2 kedaluwarsa");
    BOOST_TEST(describe_job_run("dunning", "failed", Json{{"error", "database terkunci"}}) == "Pengingat dan denda: gagal (database terkunci)");
    BOOST_TEST(describe_job_run("report_totals", "ok", Json{{"rows_read", 1840}, {"rows_written", 12}}) ==
               "Rangkum total laporan: 1840 catatan dirangkum menjadi 12 baris");
    BOOST_TEST(describe_job_run("report_totals", "ok", Json{{"rows_read", 0}, {"rows_written", 0}}) ==
               "Rangkum total laporan: sudah ringkas, tidak ada yang dirangkum");
}

BOOST_AUTO_TEST_CASE(an_unknown_job_falls_back_to_words_not_json) {
    const std::string text = describe_job_run("backup", "ok", Json{{"files", 3}, {"target", "s3"}, {"nested", {{"a", 1}}}});
    BOOST_TEST(text == "backup: files: 3, nested: 1 isian, target: s3");
    BOOST_TEST(text.find('{') == std::string::npos);
    BOOST_TEST(describe_job_run("backup", "ok", Json()) == "backup: selesai");
}

BOOST_AUTO_TEST_CASE(activity_rows_read_as_sentences) {
    BOOST_TEST(describe_activity("settings.update", "settings", 0, Json::object(), Json{{"company_name", "X"}, {"bank_accounts", "Y"}}) ==
               "Pengaturan diubah: bank_accounts, company_name");
    BOOST_TEST(describe_activity("customer.create", "customer", 7, Json(), Json{{"name", "Budi Santoso"}}) == "Pelanggan ditambahkan: Budi Santoso");
    BOOST_TEST(describe_activity("payment.create", "payment", 9, Json(), Json{{"amount", 150000}}) == "Pembayaran dicatat Rp 150.000 (payment #9)");
    BOOST_TEST(describe_activity("something.new", "thing", 3, Json(), Json()) == "something.new (thing #3)");
}

BOOST_AUTO_TEST_SUITE_END()
