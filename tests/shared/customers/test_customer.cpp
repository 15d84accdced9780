#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "core/validation_messages.hpp"
#include "customers/customer.hpp"

using namespace kimonet;
namespace data = boost::unit_test::data;

namespace {

struct PhoneCase {
    const char* input;
    const char* expected;  // "" = rejected
};
std::ostream& operator<<(std::ostream& out, const PhoneCase& c) { return out << '"' << c.input << '"'; }

// A customer that passes validation; each test changes one field.
Customer valid_customer() {
    Customer customer;
    customer.service_number = "CUST001";
    customer.name = "Budi Santoso";
    customer.phone = "081234567890";
    customer.email = "budi@example.id";
    customer.address = "Jl. Merdeka No. 1, Bandung";
    customer.package_id = 1;
    customer.router_id = 1;
    customer.pppoe_username = "budi.santoso";
    customer.join_date = Date{2026, 1, 15};
    customer.due_day = 10;
    return customer;
}

FieldErrors fields_of(const Result<Customer>& result) { return result ? FieldErrors{} : result.error().fields; }

}  // namespace

BOOST_AUTO_TEST_SUITE(customer)

static const PhoneCase kPhones[] = {
    {"081234567890", "6281234567890"},
    {"6281234567890", "6281234567890"},
    {"+6281234567890", "6281234567890"},
    {"+62 812-3456-7890", "6281234567890"},
    {"0812 3456 7890", "6281234567890"},
    {"0812-3456-7890", "6281234567890"},
    {"(0812) 3456.7890", "6281234567890"},
    {"81234567890", "6281234567890"},
    {"081234567", "6281234567"},            // shortest accepted: 10 digits
    {"08123456789012", "628123456789012"},  // longest accepted: 15 digits
    {"0812abc67890", ""},                   // letters
    {"0812345678x", ""},
    {"08123456", ""},             // too short
    {"0812", ""},
    {"081234567890123", ""},      // too long (16 digits)
    {"0812345678901234567", ""},
    {"0221234567", ""},           // Bandung landline, not a mobile number
    {"+1 555 123 4567", ""},      // not Indonesian
    {"", ""},
    {"   ", ""},
    {"0812/3456/7890", ""},
};

BOOST_DATA_TEST_CASE(normalises_indonesian_mobile_numbers, data::make(kPhones), c) {
    BOOST_TEST(normalize_phone(c.input) == c.expected);
}

static const char* const kValidServiceNumbers[] = {"CUST001", "ABC", "A1-B2", "RT05-123", "12345678901234567890"};
static const char* const kInvalidServiceNumbers[] = {"",      "AB",      "cust001", "-CUST1", "CUST1-",
                                                     "CUST 1", "CUST_001", "CUST.001", "123456789012345678901", "CUST'1"};

BOOST_DATA_TEST_CASE(accepts_service_numbers, data::make(kValidServiceNumbers), text) {
    BOOST_TEST(is_valid_service_number(text));
}

BOOST_DATA_TEST_CASE(rejects_malformed_service_numbers, data::make(kInvalidServiceNumbers), text) {
    BOOST_TEST(!is_valid_service_number(text));
}

BOOST_AUTO_TEST_CASE(formats_service_numbers_with_at_least_three_digits) {
    BOOST_TEST(format_service_number("CUST", 7) == "CUST007");
    BOOST_TEST(format_service_number("CUST", 51) == "CUST051");
    BOOST_TEST(format_service_number("CUST", 1234) == "CUST1234");
    BOOST_TEST(format_service_number("RT-", 100) == "RT-100");
}

BOOST_AUTO_TEST_CASE(validation_normalises_every_field) {
    Customer input = valid_customer();
    input.service_number = "  cust009 ";
    input.name = "  Budi Santoso  ";
    input.phone = "+62 812-3456-7890";
    input.email = " Budi@Example.ID ";
    auto result = validate_customer(input);
    BOOST_TEST_REQUIRE(result.ok());
    BOOST_TEST(result->service_number == "CUST009");
    BOOST_TEST(result->name == "Budi Santoso");
    BOOST_TEST(result->phone == "6281234567890");
    BOOST_TEST(result->email == "budi@example.id");
}

BOOST_AUTO_TEST_CASE(rejected_phone_is_reported_on_the_phone_field) {
    Customer input = valid_customer();
    input.phone = "0812abc";
    BOOST_TEST(fields_of(validate_customer(input)) == (FieldErrors{{"phone", messages::kPhone}}));
    input.phone = "";
    BOOST_TEST(fields_of(validate_customer(input)) == (FieldErrors{{"phone", messages::kRequired}}));
}

static const char* const kValidEmails[] = {"", "budi@example.id", "a.b+c@sub.example.co.id", "x@a.bc"};
static const char* const kInvalidEmails[] = {"budi",           "@example.id",   "budi@",        "budi@example",
                                             "budi@@example.id", "bu di@example.id", "budi@example.", "budi@.id",
                                             "<budi>@example.id", "budi@example.id;x"};

BOOST_DATA_TEST_CASE(accepts_empty_or_well_formed_email, data::make(kValidEmails), email) {
    Customer input = valid_customer();
    input.email = email;
    BOOST_TEST(validate_customer(input).ok());
}

BOOST_DATA_TEST_CASE(rejects_malformed_email, data::make(kInvalidEmails), email) {
    Customer input = valid_customer();
    input.email = email;
    BOOST_TEST(fields_of(validate_customer(input)) == (FieldErrors{{"email", messages::kEmail}}));
}

static const int kValidDueDays[] = {1, 10, 28, 31};
static const int kInvalidDueDays[] = {0, 32, -1, 100};

BOOST_DATA_TEST_CASE(accepts_due_day_within_a_month, data::make(kValidDueDays), day) {
    Customer input = valid_customer();
    input.due_day = day;
    auto result = validate_customer(input);
    BOOST_TEST_REQUIRE(result.ok());
    BOOST_TEST(*result->due_day == day);
}

BOOST_DATA_TEST_CASE(rejects_due_day_outside_1_to_31, data::make(kInvalidDueDays), day) {
    Customer input = valid_customer();
    input.due_day = day;
    BOOST_TEST(fields_of(validate_customer(input)) == (FieldErrors{{"due_day", messages::kDueDay}}));
}

BOOST_AUTO_TEST_CASE(missing_due_day_means_the_global_default) {
    Customer input = valid_customer();
    input.due_day.reset();
    BOOST_TEST(validate_customer(input).ok());
}

struct DateCase {
    Date date;
    bool valid;
};
std::ostream& operator<<(std::ostream& out, const DateCase& c) {
    return out << c.date.year << "-" << c.date.month << "-" << c.date.day;
}
static const DateCase kJoinDates[] = {
    {{2026, 1, 15}, true}, {{2024, 2, 29}, true}, {{2026, 12, 31}, true}, {{2026, 2, 29}, false},
    {{2026, 4, 31}, false}, {{2026, 13, 1}, false}, {{2026, 0, 10}, false}, {{2026, 1, 0}, false},
};

BOOST_DATA_TEST_CASE(join_date_must_be_a_real_calendar_day, data::make(kJoinDates), c) {
    Customer input = valid_customer();
    input.join_date = c.date;
    const auto result = validate_customer(input);
    BOOST_TEST(result.ok() == c.valid);
    if (!c.valid) BOOST_TEST(fields_of(result) == (FieldErrors{{"join_date", messages::kDate}}));
}

BOOST_AUTO_TEST_CASE(reports_every_bad_field_at_once) {
    Customer input;
    input.service_number = "x";
    input.phone = "abc";
    input.email = "nope";
    input.pppoe_username = "bad name!";
    input.router_id = -3;
    input.join_date = Date{2026, 2, 30};
    input.due_day = 0;
    const auto fields = fields_of(validate_customer(input));
    for (const char* field : {"service_number", "name", "phone", "email", "package_id", "router_id", "pppoe_username", "join_date", "due_day"})
        BOOST_TEST(fields.contains(field), field);
    BOOST_TEST(fields.size() == 9u);
}

BOOST_AUTO_TEST_CASE(name_and_address_have_length_limits_in_characters) {
    Customer input = valid_customer();
    std::string name;
    for (int i = 0; i < 100; ++i) name += "é";  // 100 characters, 200 bytes
    input.name = name;
    BOOST_TEST(validate_customer(input).ok());
    input.name = name + "x";
    BOOST_TEST(fields_of(validate_customer(input)) == (FieldErrors{{"name", messages::kTooLong100}}));
    input = valid_customer();
    input.address = std::string(501, 'a');
    BOOST_TEST(fields_of(validate_customer(input)) == (FieldErrors{{"address", messages::kTooLong500}}));
}

BOOST_AUTO_TEST_CASE(status_names_round_trip) {
    for (auto status : {CustomerStatus::Active, CustomerStatus::Isolated, CustomerStatus::Inactive, CustomerStatus::Terminated})
        BOOST_TEST((parse_customer_status(to_string(status)) == status));
    BOOST_TEST(!parse_customer_status("ACTIVE").has_value());
    BOOST_TEST(!parse_customer_status("isolir").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
