#include "views/view_vouchers.hpp"

#include <algorithm>
#include <cstdlib>

#include "api_client.hpp"
#include "app.hpp"
#include "core/money.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "platform/display.hpp"
#include "views/admin_widgets.hpp"
#include "widgets/download_button.hpp"
#include "widgets/form_widgets.hpp"
#include "widgets/list_widgets.hpp"
#include "widgets/theme.hpp"

namespace kimonet {
namespace {

using i18n::tr;
using platform::display;

template <typename T, typename Reader>
std::vector<T> rows_of(const ApiResponse& response, Reader reader) {
    std::vector<T> out;
    for (const auto& row : api::list_rows(response.body)) out.push_back(reader(row));
    return out;
}

std::string new_sale_key() {
    // Unique enough per browser: time and a counter; the server scopes keys to the signed-in user.
    static int counter = 0;
    return "sale-" + std::to_string(static_cast<long long>(ImGui::GetTime() * 1000)) + "-" + std::to_string(++counter) + "-" +
           std::to_string(std::rand());
}

}  // namespace

void ViewVouchers::enter(App& app) {
    if (app.user().can("routers.read")) app.catalog().reload_routers();
    if (app.user().can("vouchers.create") && app.user().can("packages.read")) app.catalog().reload_packages();
    m_sale_key = new_sale_key();
    reload();
}

void ViewVouchers::reload() {
    api_client().get("/api/hotspot-profiles", [this](const ApiResponse& response) {
        if (!response.ok()) return;
        m_profiles = rows_of<HotspotProfile>(response, api::hotspot_profile_of);
        m_profiles_loaded = true;
    });
    api_client().get("/api/voucher-batches", [this](const ApiResponse& response) {
        if (response.ok()) m_batches = rows_of<VoucherBatch>(response, api::voucher_batch_of);
    });
    api_client().get("/api/resellers", [this](const ApiResponse& response) {
        if (response.ok()) m_resellers = rows_of<Reseller>(response, api::reseller_of);
    });
}

void ViewVouchers::make_batch() {
    m_errors.clear();
    m_busy = true;
    api::Json body{{"count", std::atoll(m_count.c_str())}, {"mode", m_mode == 0 ? "voucher" : "userpass"}};
    if (m_profile < static_cast<int>(m_profiles.size())) body["profile_id"] = m_profiles[static_cast<std::size_t>(m_profile)].id;
    body["router_id"] = m_router_id;
    api_client().post("/api/voucher-batches", body, [this](const ApiResponse& response) {
        if (!response.ok()) {
            m_busy = false;
            m_errors = response.fields;
            return;
        }
        m_progress = api::voucher_batch_of(api::response_data(response.body));
        m_pushing = m_progress.id;
        // The push answers when every voucher is on the router; meanwhile the batch's pushed_count grows.
        api_client().post("/api/voucher-batches/" + std::to_string(m_pushing) + "/push", api::Json::object(), [this](const ApiResponse& pushed) {
            m_busy = false;
            m_pushing = 0;
            if (pushed.ok()) m_progress.pushed_count = static_cast<int>(json_int(api::response_data(pushed.body), "pushed"));
            reload();
        });
    });
}

void ViewVouchers::poll_progress() {
    if (m_pushing == 0 || ImGui::GetTime() < m_next_poll) return;
    m_next_poll = ImGui::GetTime() + 0.5;
    api_client().get("/api/voucher-batches/" + std::to_string(m_pushing), [this](const ApiResponse& response) {
        if (response.ok() && m_pushing != 0) m_progress = api::voucher_batch_of(api::response_data(response.body));
    });
}

void ViewVouchers::draw_make_form(App& app) {
    if (!app.user().can("vouchers.create")) return;
    if (!widgets::begin_card("vouchers.make")) {
        widgets::end_card();
        return;
    }
    widgets::title("vouchers.make.title", tr("vouchers.make"));
    if (m_profiles_loaded && m_profiles.empty()) {
        // Nothing to choose from: say so and offer the profile form instead of an empty drop-down.
        widgets::muted("vouchers.make.no_profiles", tr("vouchers.no_profiles"));
        if (widgets::button("vouchers.make.new_profile", tr("vouchers.new_profile"), widgets::ButtonStyle::Primary)) open_profile_form(app, nullptr);
        widgets::end_card();
        return;
    }
    std::vector<std::string> routers, profiles;
    for (const auto& router : app.catalog().routers) routers.push_back(router.name);
    for (const auto& profile : m_profiles) profiles.push_back(profile.name + " · " + format_rupiah(profile.price));
    m_router = std::min(m_router, std::max(0, static_cast<int>(routers.size()) - 1));
    m_router_id = routers.empty() ? 0 : app.catalog().routers[static_cast<std::size_t>(m_router)].id;
    widgets::select_field("vouchers.make.router", tr("vouchers.router"), routers, m_router, field_error(m_errors, "router_id"));
    widgets::select_field("vouchers.make.profile", tr("vouchers.profile"), profiles, m_profile, field_error(m_errors, "profile_id"));
    widgets::text_field("vouchers.make.count", tr("vouchers.count"), m_count, field_error(m_errors, "count"), ImGuiInputTextFlags_CharsDecimal);
    std::vector<std::string> modes = {tr("vouchers.mode.voucher"), tr("vouchers.mode.userpass")};
    widgets::select_field("vouchers.make.mode", tr("vouchers.mode"), modes, m_mode);
    if (widgets::button("vouchers.make.submit", tr("vouchers.make_submit"), widgets::ButtonStyle::Primary, 0.f, m_busy)) make_batch();
    if (m_progress.id != 0) {
        const float fraction = m_progress.count > 0 ? static_cast<float>(m_progress.pushed_count) / static_cast<float>(m_progress.count) : 0.f;
        ImGui::ProgressBar(fraction, ImVec2(-FLT_MIN, 0));
        widgets::text("text", "vouchers.make.progress",
                      std::to_string(m_progress.pushed_count) + " / " + std::to_string(m_progress.count) + " " + tr("vouchers.on_router"));
    }
    widgets::end_card();
}

void ViewVouchers::draw_batches(App& app) {
    draw_make_form(app);
    if (m_batches.empty()) widgets::muted("vouchers.batches.empty", tr("vouchers.batches_empty"));
    for (const auto& batch : m_batches) {
        const std::string id = "vouchers.batch." + std::to_string(batch.id);
        ImGui::PushID(static_cast<int>(batch.id));
        if (widgets::begin_card(id.c_str())) {
            widgets::text("cell", id + ".name", "#" + std::to_string(batch.id) + " · " + batch.profile_name + " · " + batch.router_name);
            widgets::text("cell", id + ".progress",
                          std::to_string(batch.pushed_count) + " / " + std::to_string(batch.count) + " " + tr("vouchers.on_router") + " · " +
                              tr(("vouchers.status." + batch.status).c_str()) + " · " + std::to_string(batch.sold_count) + " " + tr("vouchers.sold"));
            if (!batch.last_error.empty()) widgets::text("error", id + ".error", batch.last_error, widgets::colors::kDanger);
            const std::string base = "/api/voucher-batches/" + std::to_string(batch.id) + "/pdf?layout=";
            widgets::download_button(id + ".a4", tr("vouchers.print_a4"), base + "a4", "voucher-" + std::to_string(batch.id) + "-a4.pdf");
            ImGui::SameLine();
            widgets::download_button(id + ".58mm", tr("vouchers.print_58mm"), base + "58mm", "voucher-" + std::to_string(batch.id) + "-58mm.pdf");
        }
        widgets::end_card();
        ImGui::PopID();
    }
}

void ViewVouchers::sell() {
    if (m_sale_reseller >= static_cast<int>(m_resellers.size())) return;
    std::vector<const VoucherBatch*> pushed;
    for (const auto& batch : m_batches)
        if (batch.status == "pushed") pushed.push_back(&batch);
    if (m_sale_batch >= static_cast<int>(pushed.size())) return;
    m_busy = true;
    api::Json body{{"reseller_id", m_resellers[static_cast<std::size_t>(m_sale_reseller)].id},
                   {"batch_id", pushed[static_cast<std::size_t>(m_sale_batch)]->id},
                   {"count", std::atoll(m_sale_count.c_str())},
                   {"idempotency_key", m_sale_key}};
    api_client().post("/api/voucher-sales", body, [this](const ApiResponse& response) {
        m_busy = false;
        if (!response.ok()) return;  // the toast says why (balance, vouchers left)
        const api::Json& sale = api::response_data(response.body);
        m_sale_message = std::string(tr("vouchers.sold_toast")) + " " + format_rupiah(json_int(sale, "net_amount"));
        m_sale_key = new_sale_key();  // the next sale is a new one
        reload();
    });
}

void ViewVouchers::draw_resellers(App& app) {
    const bool can_sell = app.user().can("vouchers.sell");
    for (const auto& reseller : m_resellers) {
        const std::string id = "vouchers.reseller." + std::to_string(reseller.id);
        widgets::text("cell", id + ".name", reseller.name);
        ImGui::SameLine();
        widgets::text("cell", id + ".balance", format_rupiah(reseller.balance));
    }
    if (m_resellers.empty()) widgets::muted("vouchers.resellers.empty", tr("vouchers.resellers_empty"));
    if (!can_sell || m_resellers.empty()) return;
    if (!widgets::begin_card("vouchers.sale")) {
        widgets::end_card();
        return;
    }
    std::vector<std::string> resellers, batches;
    for (const auto& reseller : m_resellers) resellers.push_back(reseller.name);
    for (const auto& batch : m_batches)
        if (batch.status == "pushed") batches.push_back("#" + std::to_string(batch.id) + " " + batch.profile_name);
    widgets::select_field("vouchers.sale.reseller", tr("vouchers.reseller"), resellers, m_sale_reseller);
    widgets::text_field("vouchers.sale.top_up", tr("vouchers.top_up_amount"), m_top_up, {}, ImGuiInputTextFlags_CharsDecimal);
    if (widgets::button("vouchers.sale.top_up_submit", tr("vouchers.top_up"), widgets::ButtonStyle::Secondary, 0.f, m_busy)) {
        m_busy = true;
        const std::int64_t reseller_id = m_resellers[static_cast<std::size_t>(m_sale_reseller)].id;
        const std::int64_t amount = std::atoll(m_top_up.c_str());
        const std::string intent = std::to_string(reseller_id) + ":" + std::to_string(amount);
        if (m_top_up_key.empty() || m_top_up_key_for != intent) {
            m_top_up_key = new_sale_key();
            m_top_up_key_for = intent;
        }
        api_client().post("/api/resellers/" + std::to_string(reseller_id) + "/top-up",
                          api::Json{{"amount", amount}, {"idempotency_key", m_top_up_key}}, [this](const ApiResponse& response) {
                              m_busy = false;
                              if (response.ok()) {
                                  m_top_up.clear();
                                  m_top_up_key.clear();  // the next top-up is a new one
                              }
                              reload();
                          });
    }
    widgets::select_field("vouchers.sale.batch", tr("vouchers.batch"), batches, m_sale_batch);
    widgets::text_field("vouchers.sale.count", tr("vouchers.count"), m_sale_count, {}, ImGuiInputTextFlags_CharsDecimal);
    if (widgets::button("vouchers.sale.submit", tr("vouchers.sell"), widgets::ButtonStyle::Primary, 0.f, m_busy || batches.empty())) sell();
    if (!m_sale_message.empty()) widgets::banner("vouchers.sale.done", m_sale_message, false);
    widgets::end_card();
}

void ViewVouchers::load_report() {
    std::string query = "/api/voucher-sales/report?from=" + api::url_encode(m_from) + "&to=" + api::url_encode(m_to);
    api_client().get(query, [this](const ApiResponse& response) {
        if (!response.ok()) return;
        m_report = rows_of<ResellerSalesDay>(response, api::reseller_sales_day_of);
        m_from = json_string(response.body, "from", m_from);
        m_to = json_string(response.body, "to", m_to);
    });
}

void ViewVouchers::draw_report() {
    widgets::text_field("vouchers.report.from", tr("vouchers.from"), m_from, {}, 0, "YYYY-MM-DD");
    widgets::text_field("vouchers.report.to", tr("vouchers.to"), m_to, {}, 0, "YYYY-MM-DD");
    if (widgets::button("vouchers.report.show", tr("vouchers.show"), widgets::ButtonStyle::Primary)) load_report();
    ImGui::SameLine();
    widgets::download_button("vouchers.report.csv", tr("vouchers.download_csv"),
                             "/api/voucher-sales/report?format=csv&from=" + api::url_encode(m_from) + "&to=" + api::url_encode(m_to),
                             "penjualan-voucher.csv");
    if (widgets::begin_table("vouchers.report.table", {{tr("vouchers.date"), 1.f}, {tr("vouchers.reseller"), 2.f}, {tr("vouchers.count"), 1.f},
                                                       {tr("vouchers.net"), 1.5f}},
                             ImGuiTableFlags_RowBg)) {
        for (std::size_t index = 0; index < m_report.size(); ++index) {
            const auto& day = m_report[index];
            const std::string id = "vouchers.report." + std::to_string(index);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            widgets::text("cell", id + ".date", day.sale_date);
            ImGui::TableNextColumn();
            widgets::text("cell", id + ".reseller", day.reseller_name);
            ImGui::TableNextColumn();
            widgets::text("cell", id + ".vouchers", std::to_string(day.vouchers));
            ImGui::TableNextColumn();
            widgets::text("cell", id + ".net", format_rupiah(day.net));
        }
        ImGui::EndTable();
    }
}

void ViewVouchers::draw(App& app) {
    poll_progress();
    // Profiles last, so the tabs' ids (vouchers.tab.N) stay as they were.
    std::vector<std::string> tabs = {tr("vouchers.tab.batches"), tr("vouchers.tab.resellers"), tr("vouchers.tab.report"),
                                     tr("vouchers.tab.profiles")};
    if (tab_row("vouchers.tab", tabs, m_tab) && m_tab == 2) load_report();
    if (m_tab == 0) draw_batches(app);
    else if (m_tab == 1) draw_resellers(app);
    else if (m_tab == 2) draw_report();
    else draw_profiles(app);
    m_profile_form.draw(app);
}

}  // namespace kimonet
