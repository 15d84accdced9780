#include "api/bhp_uso_dto.hpp"

#include "api/json_objects.hpp"

namespace kimonet::api {

namespace {

reports::BhpUsoLine line_from_json(const Json& line) {
    reports::BhpUsoLine out;
    out.key = json_string(line, "key");
    out.from = json_period(line, "from");
    out.to = json_period(line, "to");
    out.invoices = json_int(line, "invoices");
    out.billed = json_int(line, "billed");
    out.tax = json_int(line, "tax");
    out.credited = json_int(line, "credited");
    out.vouchers = json_int(line, "vouchers");
    out.voucher_sales = json_int(line, "voucher_sales");
    out.gross = json_int(line, "gross");
    out.deductions = json_int(line, "deductions");
    out.base = json_int(line, "base");
    out.bhp_bp = json_int(line, "bhp_bp");
    out.uso_bp = json_int(line, "uso_bp");
    out.rates_vary = json_bool(line, "rates_vary", false);
    out.bhp = json_int(line, "bhp");
    out.uso = json_int(line, "uso");
    return out;
}

}  // namespace

Json to_json(const reports::BhpUsoLine& line) {
    return {{"key", line.key},       {"from", to_string(line.from)}, {"to", to_string(line.to)},
            {"invoices", line.invoices}, {"billed", line.billed},    {"tax", line.tax},
            {"credited", line.credited}, {"vouchers", line.vouchers}, {"voucher_sales", line.voucher_sales}, {"gross", line.gross},   {"deductions", line.deductions}, {"base", line.base},
            {"bhp_bp", line.bhp_bp}, {"uso_bp", line.uso_bp},         {"rates_vary", line.rates_vary},
            {"bhp", line.bhp},       {"uso", line.uso},               {"due", line.bhp + line.uso}};
}

Json to_json(const reports::RevenueDeduction& deduction) {
    return {{"id", deduction.id}, {"period", to_string(deduction.period)}, {"kind", deduction.kind},
            {"amount", deduction.amount}, {"reason", deduction.reason}};
}

Json to_json(const reports::RegulatoryRate& rate) {
    return {{"id", rate.id}, {"effective_from", to_string(rate.effective_from)}, {"bhp_bp", rate.bhp_bp}, {"uso_bp", rate.uso_bp},
            {"note", rate.note}};
}

Json to_json(const reports::BhpUsoReport& report) {
    Json months = Json::array(), periods = Json::array(), deductions = Json::array(), rates = Json::array();
    for (const auto& line : report.months) months.push_back(to_json(line));
    for (const auto& line : report.periods) periods.push_back(to_json(line));
    for (const auto& deduction : report.deductions) deductions.push_back(to_json(deduction));
    for (const auto& rate : report.rates) rates.push_back(to_json(rate));
    return {{"range", {{"from", to_string(report.range.from)}, {"to", to_string(report.range.to)}}},
            {"per", reports::grouping_name(report.grouping)},
            {"basis", "invoices"},
            {"periods", periods},
            {"months", months},
            {"total", to_json(report.total)},
            {"deductions", deductions},
            {"rates", rates}};
}

reports::BhpUsoReport bhp_uso_report_from_json(const Json& data) {
    reports::BhpUsoReport out;
    const Json& range = json_object(data, "range");
    out.range = {json_period(range, "from"), json_period(range, "to")};
    auto grouping = reports::parse_grouping(json_string(data, "per"));
    out.grouping = grouping ? *grouping : reports::Grouping::Quarter;
    json_each_object(data, "periods", [&](const Json& line) { out.periods.push_back(line_from_json(line)); });
    json_each_object(data, "months", [&](const Json& line) { out.months.push_back(line_from_json(line)); });
    out.total = line_from_json(json_object(data, "total"));
    json_each_object(data, "deductions", [&](const Json& row) {
        out.deductions.push_back({json_int(row, "id"), json_period(row, "period"), json_string(row, "kind"), json_int(row, "amount"),
                                  json_string(row, "reason")});
    });
    json_each_object(data, "rates", [&](const Json& row) {
        auto date = parse_date(json_string(row, "effective_from"));
        out.rates.push_back({json_int(row, "id"), date ? *date : Date{}, json_int(row, "bhp_bp"), json_int(row, "uso_bp"),
                             json_string(row, "note")});
    });
    return out;
}

}  // namespace kimonet::api
