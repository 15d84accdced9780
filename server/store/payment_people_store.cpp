#include "store/payment_people_store.hpp"

namespace kimonet::store {

Result<PaymentPeople> payment_people(Database& db, std::int64_t payment_id) {
    auto statement = TRY(db.prepare("SELECT p.recorded_by_type, COALESCE(r.full_name, ''), COALESCE(v.full_name, '') FROM payments p "
                                    "LEFT JOIN users r ON p.recorded_by_type = 'user' AND r.id = p.recorded_by_id "
                                    "LEFT JOIN users v ON v.id = p.voided_by_id WHERE p.id = ?"));
    statement.bind(1, payment_id);
    PaymentPeople people;
    if (TRY(statement.step())) people = {statement.column_text(0) == "user", statement.column_text(1), statement.column_text(2)};
    return people;
}

}  // namespace kimonet::store
