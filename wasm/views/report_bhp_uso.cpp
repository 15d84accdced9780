#include "views/report_bhp_uso.hpp"

#include "api_client.hpp"
#include "app.hpp"
#include "core/money.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "payments/typed_amount.hpp"
#include "platform/display.hpp"
#include "views/report_widgets.hpp"
#include "widgets/form_widgets.hpp"
#include "widgets/stat_cards.hpp"
#include "widgets/theme.hpp"

namespace kimonet {
namespace {

using i18n::tr;
using platform::display;

constexpr const char* kPers[] = {"month", "quarter", "year"};
constexpr const char* kKinds[] = {"bad_debt", "interconnection", "non_telecom"};

// "0,50%" from basis points; "0,50%*" when the rates changed within the line.
std::string rate_label(std::int64_t basis_points, bool varies) {
    return format_basis_points(basis_points) + (varies ? "*" : "");
}

// "0,5", "0.5", "1,25", "1,25%" → basis points (50, 125); nullopt for anything else or above 100%.
std::optional<std::int64_t> basis_points_of(std::string text) {
    while (!text.empty() && (text.back() == '%' || text.back() == ' ')) text.pop_back();
    std::int64_t whole = 0, fraction = 0;
    int fraction_digits = -1;
    for (const char c : text) {
        if ((c == ',' || c == '.') && fraction_digits < 0) {
            fraction_digits = 0;
        } else if (c >= '0' && c <= '9') {
            if (fraction_digits < 0) {
                whole = whole * 10 + (c - '0');
                if (whole > 100) return std::nullopt;
            } else if (++fraction_digits <= 2) {
                fraction = fraction * 10 + (c - '0');
            } else {
                return std::nullopt;  // finer than a basis point
            }
        } else {
            return std::nullopt;
        }
    }
    if (text.empty() || fraction_digits == 0) return std::nullopt;
    if (fraction_digits == 1) fraction *= 10;
    const std::int64_t basis_points = whole * 100 + fraction;
    return basis_points <= 10'000 ? std::optional<std::int64_t>(basis_points) : std::nullopt;
}

// "2025-Q4" → "Triwulan IV 2025" / "Q4 2025"; "2025" → "2025"; a month → its name.
std::string line_label(const reports::BhpUsoLine& line) {
    static const char* const kRoman[] = {"I", "II", "III", "IV"};
    if (line.key.size() == 7 && line.key[5] == 'Q' && line.key[6] >= '1' && line.key[6] <= '4')
        return i18n::tr_format("reports.bhp.quarter",
                               {{"roman", kRoman[line.key[6] - '1']}, {"number", std::string(1, line.key[6])}, {"year", line.key.substr(0, 4)}});
    if (line.key.size() == 4) return line.key;
    return report_period_label(line.key);
}

// Fields side by side on a wide screen (each a column of `count`), one under another on a phone.
// Call before each field with its index; end_field_row() after the last.
float field_column(int index, int count) {
    if (display().compact()) return -FLT_MIN;
    if (index > 0) {
        ImGui::EndGroup();
        ImGui::SameLine();
    }
    ImGui::BeginGroup();
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    return (ImGui::GetContentRegionAvail().x - spacing * static_cast<float>(count - 1 - index)) / static_cast<float>(count - index);
}

void end_field_row() {
    if (!display().compact()) ImGui::EndGroup();
}

std::string field_error(const FieldErrors& errors, const char* field) {
    const auto found = errors.find(field);
    return found == errors.end() ? std::string() : i18n::translate_message(found->second);
}

}  // namespace

const char* BhpUsoPanel::per() const { return kPers[m_per]; }

bool BhpUsoPanel::take_changed() {
    const bool changed = m_changed;
    m_changed = false;
    return changed;
}

bool BhpUsoPanel::draw_grouping() {
    const std::vector<std::string> options = {tr("reports.bhp.per.month"), tr("reports.bhp.per.quarter"), tr("reports.bhp.per.year")};
    ImGui::AlignTextToFramePadding();
    widgets::muted("reports.bhp.per.label", tr("reports.bhp.per"));
    ImGui::SameLine();
    return widgets::select_field("reports.bhp.per", "", options, m_per, {}, display().px(display().compact() ? 140 : 160),
                                 tr("reports.bhp.per"));
}

void BhpUsoPanel::draw(App& app, const reports::BhpUsoReport& report) {
    const reports::BhpUsoLine& total = report.total;
    widgets::stat_cards(
        "reports",
        {{"bhp_gross", tr("reports.bhp.gross"), format_rupiah(total.gross),
          i18n::tr_format("reports.bhp.gross_note", {{"count", format_thousands(total.invoices)},
                                                      {"tax", format_rupiah(total.tax)},
                                                      {"credited", format_rupiah(total.credited)},
                                                      {"vouchers", format_rupiah(total.voucher_sales)}}),
          widgets::colors::kAccent},
         {"bhp_base", tr("reports.bhp.base"), format_rupiah(total.base),
          i18n::tr_format("reports.bhp.base_note", {{"amount", format_rupiah(total.deductions)}}), widgets::colors::kMuted},
         {"bhp_bhp", tr("reports.bhp.bhp"), format_rupiah(total.bhp), rate_label(total.bhp_bp, total.rates_vary), widgets::colors::kWarning},
         {"bhp_uso", tr("reports.bhp.uso"), format_rupiah(total.uso), rate_label(total.uso_bp, total.rates_vary), widgets::colors::kWarning}},
        display().compact() ? 2 : 4);
    if (begin_report_card("reports.bhp.periods.card", tr("reports.bhp.periods"))) {
        ImGui::PushTextWrapPos(0.f);
        widgets::muted("reports.bhp.basis", tr("reports.bhp.basis_note"));
        ImGui::PopTextWrapPos();
        const std::vector<ReportColumn> columns = {
            {"period", tr("reports.col.period"), false},
            {"billed", tr("reports.bhp.col.billed"), true, false},
            {"tax", tr("reports.bhp.col.tax"), true, false},
            {"credited", tr("reports.bhp.col.credited"), true, false},
            {"vouchers", tr("reports.bhp.col.vouchers"), true, false},
            {"gross", tr("reports.bhp.col.gross"), true, false},
            {"deductions", tr("reports.bhp.col.deductions"), true, false},
            {"base", tr("reports.bhp.col.base")},
            {"bhp", tr("reports.bhp.bhp")},
            {"uso", tr("reports.bhp.uso")},
        };
        std::vector<ReportRow> rows;
        bool varies = false;
        for (const reports::BhpUsoLine& line : report.periods) {
            varies |= line.rates_vary;
            rows.push_back({line.key,
                            {line_label(line), format_rupiah(line.billed), format_rupiah(line.tax), format_rupiah(line.credited),
                             format_rupiah(line.voucher_sales),
                             format_rupiah(line.gross),
                             format_rupiah(line.deductions), format_rupiah(line.base),
                             format_rupiah(line.bhp) + (line.rates_vary ? "*" : ""), format_rupiah(line.uso) + (line.rates_vary ? "*" : "")}});
        }
        rows.push_back({"total",
                        {tr("reports.total"), format_rupiah(total.billed), format_rupiah(total.tax), format_rupiah(total.credited),
                         format_rupiah(total.voucher_sales),
                         format_rupiah(total.gross),
                         format_rupiah(total.deductions), format_rupiah(total.base), format_rupiah(total.bhp), format_rupiah(total.uso)},
                        true});
        report_table("reports.bhp.period", columns, rows);
        if (varies) widgets::muted("reports.bhp.varies", tr("reports.bhp.varies"));
    }
    widgets::end_card();
    draw_deductions(app, report);
    draw_rates(app, report);
}

void BhpUsoPanel::draw_deductions(App& app, const reports::BhpUsoReport& report) {
    if (!begin_report_card("reports.bhp.deductions.card", tr("reports.bhp.deductions"))) {
        widgets::end_card();
        return;
    }
    ImGui::PushTextWrapPos(0.f);
    widgets::muted("reports.bhp.deductions.hint", tr("reports.bhp.deductions_hint"));
    ImGui::PopTextWrapPos();
    const bool can_edit = app.user().can("reports.regulatory");
    if (report.deductions.empty()) widgets::muted("reports.bhp.deductions.empty", tr("reports.bhp.deductions_empty"));
    for (const reports::RevenueDeduction& deduction : report.deductions) {
        const std::string row = "reports.bhp.deduction." + std::to_string(deduction.id);
        ImGui::PushID(row.c_str());
        ImGui::AlignTextToFramePadding();
        widgets::text("text", row + ".summary",
                      report_period_label(to_string(deduction.period)) + " · " + tr(std::string("reports.bhp.kind.") + deduction.kind) +
                          " · " + format_rupiah(deduction.amount));
        if (can_edit) {
            ImGui::SameLine();
            if (widgets::button((row + ".remove").c_str(), tr("reports.bhp.remove"), widgets::ButtonStyle::Link, 0.f, m_saving)) {
                m_saving = true;
                api_client().remove("/api/reports/bhp-uso/deductions/" + std::to_string(deduction.id), [this, &app](const ApiResponse& response) {
                    m_saving = false;
                    if (!response.ok()) return app.toast_error(i18n::api_error_text(response.error_code, response.error_message));
                    m_changed = true;
                    app.toast_ok(tr("reports.bhp.removed"));
                });
            }
        }
        ImGui::PushTextWrapPos(0.f);
        widgets::muted((row + ".reason").c_str(), deduction.reason);
        ImGui::PopTextWrapPos();
        ImGui::PopID();
    }
    if (can_edit) draw_deduction_form(app, report);
    widgets::end_card();
}

void BhpUsoPanel::draw_deduction_form(App& app, const reports::BhpUsoReport& report) {
    ImGui::Dummy(ImVec2(0, display().px(6)));
    ImGui::PushFont(display().fonts().strong);
    widgets::text("title", "reports.bhp.form.title", tr("reports.bhp.add_deduction"));
    ImGui::PopFont();
    std::vector<std::string> months;
    for (const Period& month : reports::months_in(report.range)) months.push_back(i18n::format_period(month));
    if (months.empty()) return;
    if (m_month >= static_cast<int>(months.size())) m_month = static_cast<int>(months.size()) - 1;
    std::vector<std::string> kinds;
    for (const char* kind : kKinds) kinds.push_back(tr(std::string("reports.bhp.kind.") + kind));
    widgets::select_field("reports.bhp.form.period", tr("reports.bhp.form.period"), months, m_month, field_error(m_errors, "period"),
                          field_column(0, 4));
    widgets::select_field("reports.bhp.form.kind", tr("reports.bhp.form.kind"), kinds, m_kind, field_error(m_errors, "kind"),
                          field_column(1, 4));
    widgets::text_field("reports.bhp.form.amount", tr("reports.bhp.form.amount"), m_amount, field_error(m_errors, "amount"),
                        ImGuiInputTextFlags_None, "1.250.000", field_column(2, 4));
    widgets::text_field("reports.bhp.form.reason", tr("reports.bhp.form.reason"), m_reason, field_error(m_errors, "reason"),
                        ImGuiInputTextFlags_None, nullptr, field_column(3, 4));
    end_field_row();
    const bool compact = display().compact();
    if (!widgets::button("reports.bhp.form.save", tr("reports.bhp.form.save"), widgets::ButtonStyle::Primary,
                         compact ? ImGui::GetContentRegionAvail().x : 0.f, m_saving))
        return;
    m_errors.clear();
    auto amount = payments::parse_typed_amount(m_amount);
    if (!amount) {
        m_errors["amount"] = amount.error().fields.count("amount") ? amount.error().fields.at("amount") : amount.error().message();
        return;
    }
    const Period month = reports::months_in(report.range)[static_cast<std::size_t>(m_month)];
    const api::Json body = {{"period", to_string(month)}, {"kind", kKinds[m_kind]}, {"amount", *amount}, {"reason", m_reason}};
    m_saving = true;
    api_client().post("/api/reports/bhp-uso/deductions", body, [this, &app](const ApiResponse& response) {
        m_saving = false;
        if (!response.ok()) {
            m_errors = response.fields;
            if (m_errors.empty()) app.toast_error(i18n::api_error_text(response.error_code, response.error_message));
            return;
        }
        m_amount.clear();
        m_reason.clear();
        m_changed = true;
        app.toast_ok(tr("reports.bhp.saved"));
    });
}

void BhpUsoPanel::draw_rates(App& app, const reports::BhpUsoReport& report) {
    if (!begin_report_card("reports.bhp.rates.card", tr("reports.bhp.rates"))) {
        widgets::end_card();
        return;
    }
    const std::vector<ReportColumn> columns = {{"from", tr("reports.bhp.col.from"), false},
                                               {"bhp", tr("reports.bhp.bhp")},
                                               {"uso", tr("reports.bhp.uso")},
                                               {"note", tr("reports.bhp.col.note"), false, false}};
    std::vector<ReportRow> rows;
    for (const reports::RegulatoryRate& rate : report.rates)
        rows.push_back({to_string(rate.effective_from),
                        {i18n::format_date(rate.effective_from), format_basis_points(rate.bhp_bp), format_basis_points(rate.uso_bp), rate.note}});
    report_table("reports.bhp.rate", columns, rows);
    if (app.user().can("reports.regulatory")) {
        ImGui::Dummy(ImVec2(0, display().px(6)));
        ImGui::PushTextWrapPos(0.f);
        widgets::muted("reports.bhp.rate.hint", tr("reports.bhp.rate_hint"));
        ImGui::PopTextWrapPos();
        widgets::text_field("reports.bhp.rate.month", tr("reports.bhp.rate.month"), m_rate_month, field_error(m_rate_errors, "effective_from"),
                            ImGuiInputTextFlags_None, "2026-07", field_column(0, 4));
        widgets::text_field("reports.bhp.rate.bhp", tr("reports.bhp.rate.bhp"), m_rate_bhp, field_error(m_rate_errors, "bhp_bp"),
                            ImGuiInputTextFlags_None, nullptr, field_column(1, 4));
        widgets::text_field("reports.bhp.rate.uso", tr("reports.bhp.rate.uso"), m_rate_uso, field_error(m_rate_errors, "uso_bp"),
                            ImGuiInputTextFlags_None, nullptr, field_column(2, 4));
        widgets::text_field("reports.bhp.rate.note", tr("reports.bhp.rate.note"), m_rate_note, field_error(m_rate_errors, "note"),
                            ImGuiInputTextFlags_None, nullptr, field_column(3, 4));
        end_field_row();
        if (widgets::button("reports.bhp.rate.save", tr("reports.bhp.rate.save"), widgets::ButtonStyle::Secondary,
                            display().compact() ? ImGui::GetContentRegionAvail().x : 0.f, m_saving)) {
            m_rate_errors.clear();
            const auto month = parse_period(m_rate_month);
            const auto bhp = basis_points_of(m_rate_bhp), uso = basis_points_of(m_rate_uso);
            if (!month) m_rate_errors["effective_from"] = tr("reports.bhp.rate.month_error");
            if (!bhp) m_rate_errors["bhp_bp"] = tr("reports.bhp.rate.percent_error");
            if (!uso) m_rate_errors["uso_bp"] = tr("reports.bhp.rate.percent_error");
            if (m_rate_errors.empty()) {
                const api::Json body = {{"effective_from", to_string(first_day(*month))}, {"bhp_bp", *bhp}, {"uso_bp", *uso}, {"note", m_rate_note}};
                m_saving = true;
                api_client().post("/api/reports/bhp-uso/rates", body, [this, &app](const ApiResponse& response) {
                    m_saving = false;
                    if (!response.ok()) {
                        m_rate_errors = response.fields;
                        if (m_rate_errors.empty()) app.toast_error(i18n::api_error_text(response.error_code, response.error_message));
                        return;
                    }
                    m_rate_month.clear();
                    m_rate_note.clear();
                    m_changed = true;
                    app.toast_ok(tr("reports.bhp.saved"));
                });
            }
        }
    }
    widgets::end_card();
}

}  // namespace kimonet
