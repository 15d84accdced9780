#pragma once
// The full names of the staff behind a payment, for what its customer reads (the kuitansi): the
// payments table keeps each person's login name, half of a staff sign-in.
#include <cstdint>
#include <string>

#include "store/database.hpp"

namespace kimonet::store {

struct PaymentPeople {
    bool recorded_by_staff = false;  // false: a system recorded it (a gateway's callback, an import)
    std::string recorder_full_name;  // "" when a system recorded it, or the user has none
    std::string voider_full_name;    // "" when not voided, or the user has none
};
Result<PaymentPeople> payment_people(Database& db, std::int64_t payment_id);

}  // namespace kimonet::store
