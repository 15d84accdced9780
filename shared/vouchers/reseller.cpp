#include "vouchers/reseller.hpp"

#include "core/text.hpp"
#include "core/validation_messages.hpp"
#include "core/voucher_messages.hpp"

namespace kimonet {

Result<Reseller> validate_reseller(Reseller reseller) {
    FieldErrors fields;
    reseller.name = trim_copy(reseller.name);
    reseller.phone = trim_copy(reseller.phone);
    if (reseller.name.empty()) fields["name"] = messages::kRequired;
    else if (utf8_length(reseller.name) > 100 || !is_valid_utf8(reseller.name)) fields["name"] = messages::kTooLong100;
    if (reseller.phone.size() > 20) fields["phone"] = messages::kPhone;
    if (reseller.commission_type != "percent" && reseller.commission_type != "fixed") fields["commission_type"] = messages::kResellerCommissionType;
    const std::int64_t most = reseller.commission_type == "percent" ? 10'000 : kMaxMoney;
    if (reseller.commission_value < 0 || reseller.commission_value > most) fields["commission_value"] = messages::kResellerCommissionValue;
    if (!fields.empty()) return validation_error(std::move(fields));
    return reseller;
}

Result<SaleAmounts> sale_amounts(const Reseller& reseller, std::int64_t count, Money unit_price) {
    SaleAmounts amounts;
    amounts.gross = TRY(checked_multiply(unit_price, count));
    if (reseller.commission_type == "percent") {
        // Basis points of the gross, rounded down (the ISP keeps the fraction of a rupiah).
        const Money whole = amounts.gross / 10'000, rest = amounts.gross % 10'000;
        amounts.commission = TRY(checked_add(TRY(checked_multiply(whole, reseller.commission_value)), rest * reseller.commission_value / 10'000));
    } else {
        amounts.commission = TRY(checked_multiply(reseller.commission_value, count));
    }
    if (amounts.commission > amounts.gross) amounts.commission = amounts.gross;
    amounts.net = amounts.gross - amounts.commission;
    return amounts;
}

}  // namespace kimonet
