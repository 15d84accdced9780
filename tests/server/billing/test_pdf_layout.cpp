// What a customer with a long name and address sees on the invoice and the receipt: every word on
// the paper, inside its column, nothing printed over anything else, the stamp beside the items.
#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <fstream>

#include "billing_test_support.hpp"
#include "pdf_word_boxes.hpp"

using namespace kimonet;
using namespace kimonet::testing;
using Json = api::Json;

namespace {

const std::string kName = "Raden Ajeng Siti Nurhaliza Kartikasari Wulandari Puspitasari Dewi Anggraeni Sekarwangi Ayu";
const std::string kAddress =
    "Jalan Raya Pembangunan Gang Melati Nomor 17 RT 004 RW 011 Kelurahan Sukamaju Baru Kecamatan Cibinong Kabupaten "
    "Bogor Provinsi Jawa Barat 16911 di belakang Masjid Al Ikhlas dekat warung Bu Endang pagar";
const std::string kDescription =
    "Pemasangan ulang jaringan fiber optik dari tiang distribusi ke rumah pelanggan termasuk kabel drop 150 meter, "
    "konektor, ONT pengganti, dan penataan kabel di dalam rumah";

struct LongCustomer {
    TestServer server;
    TempDir dir;
    std::string admin = server.login("superadmin");

    LongCustomer() {
        BOOST_TEST_REQUIRE(kName.size() == 90u);
        BOOST_TEST_REQUIRE(kAddress.size() == 200u);
        auto saved = server.put("/api/customers/2", Json{{"name", kName}, {"address", kAddress}}.dump(), admin);
        BOOST_TEST_REQUIRE(saved.status == 200, saved.body);
    }
    std::int64_t invoice() {
        const Json body = {{"customer_id", 2},
                           {"lines", {{{"description", kDescription}, {"quantity", 1}, {"unit_price", 250000}},
                                      {{"description", "Langganan internet"}, {"quantity", 1}, {"unit_price", 150000}}}}};
        auto reply = server.post("/api/invoices", body.dump(), admin);
        BOOST_TEST_REQUIRE(reply.status == 201, reply.body);
        return reply.json()["data"]["id"];
    }
    PdfWords words(const std::string& url, const std::string& name) {
        auto reply = server.get(url, admin);
        BOOST_TEST_REQUIRE(reply.status == 200, reply.body.substr(0, 300));
        if (const char* keep = std::getenv("KIMONET_KEEP_PDF")) std::ofstream(std::string(keep) + "-" + name, std::ios::binary) << reply.body;
        return pdf_words(dir.file(name), reply.body);
    }
};

WordBox first(const PdfWords& pdf, const std::string& text) {
    const auto found = pdf.matching(text);
    BOOST_TEST_REQUIRE(found.size() >= 1u, text);
    return found.front();
}

// The stamp's letters: large pieces of its label (poppler cuts rotated text into fragments such as
// "B", "ELUM"); the status fact says BELUM LUNAS small.
bool is_stamp(const WordBox& word) {
    return word.height() > 20 && (std::string("BELUM LUNAS").find(word.text) != std::string::npos ||
                                  std::string("DIBATALKAN").find(word.text) != std::string::npos);
}

void check_on_paper_and_apart(const PdfWords& pdf, double margin) {
    for (const auto& word : pdf.words) {
        BOOST_TEST(word.left >= margin - 1, word.text << " starts at " << word.left);
        BOOST_TEST(word.right <= pdf.page_width - margin + 1, word.text << " ends at " << word.right);
        BOOST_TEST(word.top >= 0);
        BOOST_TEST(word.bottom <= pdf.page_height, word.text);
    }
    for (std::size_t i = 0; i < pdf.words.size(); ++i)
        for (std::size_t j = i + 1; j < pdf.words.size(); ++j) {
            const WordBox &a = pdf.words[i], &b = pdf.words[j];
            if (is_stamp(a) && is_stamp(b)) continue;
            BOOST_TEST(!a.overlaps(b), a.text << " is printed over " << b.text);
        }
}

// Words on page 1 between two heights and within [left, right).
std::vector<WordBox> region(const PdfWords& pdf, double top, double bottom, double left, double right) {
    std::vector<WordBox> out;
    for (const auto& word : pdf.words)
        if (word.page == 1 && word.top >= top && word.top < bottom && word.left >= left && word.left < right) out.push_back(word);
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(pdf_layout)

BOOST_AUTO_TEST_CASE(a_long_name_address_and_description_wrap_inside_their_columns_of_the_invoice) {
    LongCustomer customer;
    const PdfWords pdf = customer.words("/api/invoices/" + std::to_string(customer.invoice()) + "/pdf", "invoice.pdf");
    check_on_paper_and_apart(pdf, 48);

    const WordBox billed_to = first(pdf, "DITAGIHKAN");
    const WordBox facts = first(pdf, "Tanggal");
    const WordBox table_head = first(pdf, "Deskripsi");
    const WordBox quantity_head = first(pdf, "Qty");
    const WordBox subtotal = first(pdf, "Subtotal");

    // The header (company, TAGIHAN, number) ends above the customer block and the facts beside it.
    for (const auto& word : pdf.words)
        if (word.page == 1 && word.top < billed_to.top - 4) BOOST_TEST(word.bottom <= billed_to.top, word.text);

    // Name and address: whole, left of the invoice facts, above the lines table.
    const auto customer_block = region(pdf, billed_to.top, table_head.top, 0, facts.left);
    for (const auto& word : customer_block) BOOST_TEST(word.right <= facts.left - 4, word.text << " runs into the facts column");
    const std::string customer_text = pdf.joined(customer_block);
    BOOST_TEST(customer_text.find(kName) != std::string::npos, customer_text);
    BOOST_TEST(customer_text.find(kAddress) != std::string::npos, customer_text);

    // The long description: whole, left of the Qty column.
    const auto descriptions = region(pdf, table_head.bottom, subtotal.top, table_head.left - 1, quantity_head.left);
    for (const auto& word : descriptions) BOOST_TEST(word.right <= quantity_head.left - 4, word.text << " runs into Qty");
    const std::string description_text = pdf.joined(descriptions);
    BOOST_TEST(description_text.find(kDescription) != std::string::npos, description_text);

    // The BELUM LUNAS stamp: below every line item and clear of every word by its border.
    std::vector<WordBox> stamp;
    for (const auto& word : pdf.words)
        if (is_stamp(word)) stamp.push_back(word);
    BOOST_TEST_REQUIRE(!stamp.empty());
    WordBox border = stamp.front();
    for (const auto& word : stamp) {
        border.left = std::min(border.left, word.left), border.right = std::max(border.right, word.right);
        border.top = std::min(border.top, word.top), border.bottom = std::max(border.bottom, word.bottom);
    }
    border.left -= 16, border.right += 16, border.top -= 16, border.bottom += 16;  // the outlined frame around the letters
    double items_bottom = 0;
    for (const auto& word : region(pdf, table_head.bottom, subtotal.top, 0, pdf.page_width)) items_bottom = std::max(items_bottom, word.bottom);
    BOOST_TEST(border.top >= items_bottom, "the stamp reaches up to " << border.top << ", the items end at " << items_bottom);
    for (const auto& word : pdf.words)
        if (!is_stamp(word)) BOOST_TEST(!word.overlaps(border), word.text << " is under the stamp");
}

BOOST_AUTO_TEST_CASE(a_voided_invoice_wraps_a_long_reason_below_its_stamp) {
    LongCustomer customer;
    const std::string id = std::to_string(customer.invoice());
    const std::string reason = "Pelanggan pindah ke luar kota, lihat tiket https://helpdesk.kimonet.example/tiket/"
                               "2026-01-15-pindah-alamat-pelanggan-raden-ajeng-siti-nurhaliza-kartikasari-dan-keluarga-di-bogor-jawa-barat untuk rinciannya";
    auto voided = customer.server.post("/api/invoices/" + id + "/void", Json{{"reason", reason}}.dump(), customer.admin);
    BOOST_TEST_REQUIRE(voided.status == 200, voided.body);
    const PdfWords pdf = customer.words("/api/invoices/" + id + "/pdf", "voided.pdf");
    check_on_paper_and_apart(pdf, 48);  // the unbroken link is cut between characters, not run off the page
    BOOST_TEST(pdf.matching("rinciannya").size() == 1u);
    std::vector<WordBox> stamp;
    for (const auto& word : pdf.words)
        if (is_stamp(word)) stamp.push_back(word);
    BOOST_TEST_REQUIRE(!stamp.empty());
    for (const auto& word : pdf.matching("Alasan"))
        for (const auto& letter : stamp) BOOST_TEST(word.top >= letter.bottom + 8, "the reason starts under the stamp");
}

BOOST_AUTO_TEST_CASE(thirty_long_lines_continue_on_new_pages_and_none_is_left_out) {
    LongCustomer customer;
    Json lines = Json::array();
    for (int line = 0; line < 30; ++line) lines.push_back({{"description", kDescription}, {"quantity", 1}, {"unit_price", 10000}});
    auto reply = customer.server.post("/api/invoices", Json{{"customer_id", 2}, {"lines", lines}}.dump(), customer.admin);
    BOOST_TEST_REQUIRE(reply.status == 201, reply.body);
    const PdfWords pdf = customer.words("/api/invoices/" + std::to_string(reply.json()["data"]["id"].get<std::int64_t>()) + "/pdf", "long.pdf");
    check_on_paper_and_apart(pdf, 48);
    BOOST_TEST(pdf.words.back().page >= 3);
    BOOST_TEST(pdf.matching("distribusi").size() == 30u);  // every line's description, once each
    BOOST_TEST(pdf.matching("30").size() >= 1u);
    BOOST_TEST(pdf.matching("300.000").size() >= 2u);  // subtotal and total, after the last line
}

BOOST_AUTO_TEST_CASE(a_long_name_wraps_inside_the_receipt) {
    LongCustomer customer;
    const std::int64_t invoice = customer.invoice();
    const std::string finance = customer.server.login("finance");
    auto paid = customer.server.post("/api/payments", Json{{"invoice_id", invoice}, {"amount", 400000}, {"method", "cash"}}.dump(), finance);
    BOOST_TEST_REQUIRE(paid.status == 201, paid.body);
    const PdfWords pdf = customer.words("/api/payments/" + std::to_string(paid.json()["data"]["id"].get<std::int64_t>()) + "/pdf", "receipt.pdf");
    check_on_paper_and_apart(pdf, 40);

    const WordBox received_from = first(pdf, "Diterima");
    const WordBox for_invoice = first(pdf, "Untuk");
    const WordBox receipt_no = first(pdf, "KUITANSI");
    BOOST_TEST(received_from.top >= receipt_no.bottom);
    const auto value = region(pdf, received_from.top - 1, for_invoice.top, received_from.right + 1, pdf.page_width);
    const std::string value_text = pdf.joined(value);
    BOOST_TEST(value_text.find(kName) != std::string::npos, value_text);
}

BOOST_AUTO_TEST_SUITE_END()
