#include "views/view_customers.hpp"

#include <algorithm>
#include <cstdlib>
#include <iterator>

#include "addresses.hpp"
#include "api/dto.hpp"
#include "core/money.hpp"
#include "api_client.hpp"
#include "app.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "platform/display.hpp"
#include "ui_registry.hpp"
#include "views/connection_methods.hpp"
#include "views/status_badge.hpp"
#include "widgets/dialog_keys.hpp"
#include "widgets/form_widgets.hpp"
#include "widgets/list_widgets.hpp"
#include "widgets/theme.hpp"
#include "customers/typed_lookup.hpp"

namespace kimonet {
namespace {

using i18n::tr;
using platform::display;

constexpr int kPageSize = 100;   // rows per request
constexpr int kKeptPages = 30;   // pages kept around the viewport (3,000 rows)
constexpr int kMaxInFlight = 2;
constexpr double kSearchDebounceSeconds = 0.3;
constexpr CustomerStatus kCustomersStatuses[] = {CustomerStatus::Active, CustomerStatus::Isolated, CustomerStatus::Inactive,
                                        CustomerStatus::Terminated};
enum Column { kNumber, kName, kPhone, kPackage, kStatus, kJoined, kActions, kColumnCount };

std::string cell_id(const Customer& customer, const char* column) {
    return "customers." + customer.service_number + "." + column;
}

// The last drawn cell opens the customer's detail when clicked (hand cursor on hover); in the page
// it is a link to the customer's address, so it also opens in a new tab.
bool opens_detail(const Customer& customer) {
    ui_registry::set_href(customer_address(customer.id));
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    return ImGui::IsItemClicked();
}

}  // namespace

void ViewCustomers::enter(App&) {
    m_notice.clear();
    reload();
}

std::string ViewCustomers::list_path(int page) const {
    std::string path = "/api/customers?page=" + std::to_string(page) + "&per_page=" + std::to_string(kPageSize) +
                       "&sort=" + url_encode(m_sort);
    if (!m_search.empty()) path += "&q=" + url_encode(m_search);
    if (m_status_filter > 0) path += "&status=" + std::string(to_string(kCustomersStatuses[m_status_filter - 1]));
    if (m_package_filter > 0 && m_package_filter <= static_cast<int>(m_package_filter_ids.size()))
        path += "&package_id=" + std::to_string(m_package_filter_ids[m_package_filter - 1]);
    return path;
}

// A new query (search, filter, sort, a save): forget every page and start from the top.
void ViewCustomers::reload() {
    ++m_request_serial;
    m_pages.clear();
    m_pending.clear();
    m_loading = true;
    request_page(1);
}

void ViewCustomers::request_page(int page) {
    if (m_pending.contains(page) || m_pages.contains(page)) return;
    m_pending.insert(page);
    const int serial = m_request_serial;
    api_client().get(list_path(page), [this, serial, page](const ApiResponse& response) {
        if (serial != m_request_serial) return;  // a newer query superseded this one
        m_pending.erase(page);
        m_loading = false;
        m_loaded = true;
        if (!response.ok()) {
            m_error = i18n::api_error_text(response.error_code, response.error_message);
            return;
        }
        auto parsed = api::customers_from_list(response.body);
        if (!parsed) {
            m_error = i18n::api_error_text("bad_response", parsed.error().message());
            return;
        }
        m_error.clear();
        m_from_cache = response.from_cache;
        m_pages[page] = std::move(parsed).value();
        m_total = static_cast<int>(json_int(response.body, "total", static_cast<std::int64_t>(m_pages[page].size())));
        // Keep a window of pages around what is on screen; the rest can be fetched again.
        const int centre = m_first_visible / kPageSize + 1;
        while (static_cast<int>(m_pages.size()) > kKeptPages) {
            auto first = m_pages.begin(), last = std::prev(m_pages.end());
            m_pages.erase(std::abs(first->first - centre) > std::abs(last->first - centre) ? first : last);
        }
    });
}

const Customer* ViewCustomers::row(int index) {
    const int page = index / kPageSize + 1;
    if (auto found = m_pages.find(page); found != m_pages.end()) {
        const std::size_t offset = static_cast<std::size_t>(index % kPageSize);
        return offset < found->second.size() ? &found->second[offset] : nullptr;
    }
    if (static_cast<int>(m_pending.size()) < kMaxInFlight) request_page(page);
    return nullptr;
}

void ViewCustomers::saved(const Customer& customer) {
    m_notice = i18n::tr_format("customers.saved", {{"number", customer.service_number}});
    reload();
}

void ViewCustomers::draw_toolbar(App& app) {
    const bool compact = display().compact();
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float full = ImGui::GetContentRegionAvail().x;

    std::vector<std::string> statuses{tr("customers.status_all")};
    for (CustomerStatus status : kCustomersStatuses) statuses.push_back(i18n::status_label(status));
    std::vector<std::string> packages{tr("customers.package_all")};
    m_package_filter_ids.clear();
    for (const Package& package : app.catalog().packages) {
        packages.push_back(package.name);
        m_package_filter_ids.push_back(package.id);
    }

    const float search_width = compact ? full : std::min(display().px(340), full * 0.35f);
    const float select_width = compact ? (full - spacing) * 0.5f : display().px(170);
    if (m_focus_search) {
        ImGui::SetKeyboardFocusHere();
        m_focus_search = false;
    }
    if (widgets::text_field("customers.search", "", m_search, {}, 0, tr("customers.search_hint"), search_width))
        m_search_changed_at = ImGui::GetTime();
    if (!compact) ImGui::SameLine();
    if (widgets::select_field("customers.status_filter", "", statuses, m_status_filter, {}, select_width,
                              tr("customers.col.status"))) {
        reload();
    }
    ImGui::SameLine();
    if (widgets::select_field("customers.package_filter", "", packages, m_package_filter, {},
                              compact ? select_width : display().px(200), tr("customers.col.package"))) {
        reload();
    }
    if (app.user().can("customers.create")) {
        const char* label = tr("customers.add");
        const float width = compact ? full : ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2;
        if (!compact) ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - width);
        if (widgets::button("customers.add", label, widgets::ButtonStyle::Primary, compact ? full : 0.f))
            m_form.open_create(app, [this](const Customer& customer) { saved(customer); });
    }
}

void ViewCustomers::draw_row_actions(App& app, const Customer& customer) {
    const float width = display().compact() ? (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f : 0.f;
    bool any = false;
    if (app.user().can("customers.update")) {
        any = true;
        if (widgets::button(cell_id(customer, "edit").c_str(), tr("common.edit"), widgets::ButtonStyle::Secondary, width))
            m_form.open_edit(app, customer, [this](const Customer& saved_customer) { saved(saved_customer); });
    }
    if (app.user().can("customers.delete") && customer.status != CustomerStatus::Inactive) {
        if (any) ImGui::SameLine();
        if (widgets::button(cell_id(customer, "deactivate").c_str(), tr("customers.deactivate"), widgets::ButtonStyle::Danger,
                            width)) {
            m_confirm_deactivate = customer;
            m_confirm_requested = true;
        }
    }
}

void ViewCustomers::draw_table(App& app) {
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersInnerH |
                                  ImGuiTableFlags_Sortable | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
    const float footer = ImGui::GetTextLineHeightWithSpacing() + display().px(8);
    if (!ImGui::BeginTable("customers.table", kColumnCount, flags, ImVec2(0, -footer))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr("customers.col.number"), ImGuiTableColumnFlags_DefaultSort, 1.25f, kNumber);
    ImGui::TableSetupColumn(tr("customers.col.name"), 0, 1.8f, kName);
    ImGui::TableSetupColumn(tr("customers.col.phone"), ImGuiTableColumnFlags_NoSort, 1.3f, kPhone);
    ImGui::TableSetupColumn(tr("customers.col.package"), ImGuiTableColumnFlags_NoSort, 1.3f, kPackage);
    ImGui::TableSetupColumn(tr("customers.col.status"), ImGuiTableColumnFlags_NoSort, 0.9f, kStatus);
    ImGui::TableSetupColumn(tr("customers.col.join_date"), 0, 1.2f, kJoined);
    ImGui::TableSetupColumn(tr("customers.col.actions"), ImGuiTableColumnFlags_NoSort, 2.0f, kActions);
    widgets::strong_headers_row();

    if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty) {
        std::string sort = m_sort;
        if (specs->SpecsCount > 0) {
            const ImGuiTableColumnSortSpecs& spec = specs->Specs[0];
            const char* field = spec.ColumnUserID == kName ? "name" : spec.ColumnUserID == kJoined ? "join_date" : "service_number";
            sort = std::string(spec.SortDirection == ImGuiSortDirection_Descending ? "-" : "") + field;
        }
        specs->SpecsDirty = false;
        if (sort != m_sort) {
            m_sort = sort;
            reload();
        }
    }

    std::int64_t opened = 0;
    // Only the rows in view are drawn; rows of pages still on their way show a placeholder.
    ImGuiListClipper clipper;
    clipper.Begin(m_total, ImGui::GetFrameHeight() + ImGui::GetStyle().CellPadding.y * 2);
    draw_visible_rows(clipper, [&](int index) {
        const Customer* found = row(index);
        ImGui::TableNextRow(0, ImGui::GetFrameHeight());
        if (!found) {
            ImGui::TableSetColumnIndex(kNumber);
            ImGui::AlignTextToFramePadding();
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(widgets::colors::kMuted), "…");
            return;
        }
        const Customer& customer = *found;
        ImGui::PushID(customer.service_number.c_str());
        ImGui::TableSetColumnIndex(kNumber);
        ImGui::AlignTextToFramePadding();
        widgets::text("cell", cell_id(customer, "number"), customer.service_number, widgets::colors::kAccent);
        if (opens_detail(customer)) opened = customer.id;
        ImGui::TableSetColumnIndex(kName);
        ImGui::AlignTextToFramePadding();
        widgets::text("cell", cell_id(customer, "name"), customer.name);
        if (opens_detail(customer)) opened = customer.id;
        ImGui::TableSetColumnIndex(kPhone);
        ImGui::AlignTextToFramePadding();
        widgets::text("cell", cell_id(customer, "phone"), customers::format_phone(customer.phone));
        ImGui::TableSetColumnIndex(kPackage);
        ImGui::AlignTextToFramePadding();
        widgets::text("cell", cell_id(customer, "package"), app.catalog().package_name(customer.package_id));
        ImGui::SameLine();
        widgets::text("cell", cell_id(customer, "method"), tr(connection_method_choice(customer.connection_method).label_key),
                      widgets::colors::kMuted);
        ImGui::TableSetColumnIndex(kStatus);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + ImGui::GetStyle().FramePadding.y * 0.5f);
        status_badge(cell_id(customer, "status"), customer.status);
        ImGui::TableSetColumnIndex(kJoined);
        ImGui::AlignTextToFramePadding();
        widgets::text("cell", cell_id(customer, "join_date"), i18n::format_date(customer.join_date));
        ImGui::TableSetColumnIndex(kActions);
        draw_row_actions(app, customer);
        ImGui::PopID();
    });
    clipper.End();
    ImGui::EndTable();
    // The table's outer rect (its scrollbar runs down the right edge): a test or benchmark drags it.
    ui_registry::record("table", "customers.table", "", std::to_string(m_total));
    if (opened) app.open_customer(opened);
}

void ViewCustomers::draw_visible_rows(ImGuiListClipper& clipper, const std::function<void(int index)>& draw_row) {
    bool first_range = true;
    while (clipper.Step()) {
        if (first_range && clipper.DisplayEnd > clipper.DisplayStart) {
            m_first_visible = clipper.DisplayStart;
            first_range = false;
        }
        m_last_visible = clipper.DisplayEnd;
        for (int index = clipper.DisplayStart; index < clipper.DisplayEnd; ++index) draw_row(index);
    }
}

void ViewCustomers::draw_cards(App& app) {
    const float footer = ImGui::GetTextLineHeightWithSpacing() + display().px(8);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, widgets::colors::kBackground);
    ImGui::BeginChild("customers.cards", ImVec2(0, -footer), false);
    ImGui::PopStyleColor();
    // A finger drags the cards (ImGui 1.86 scrolls only with a wheel).
    if (ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows | ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) &&
        ImGui::IsMouseDragging(ImGuiMouseButton_Left))
        ImGui::SetScrollY(ImGui::GetScrollY() - ImGui::GetIO().MouseDelta.y);
    std::int64_t opened = 0;
    ImGuiListClipper clipper;
    clipper.Begin(m_total);  // cards measure themselves: the first one gives the height
    draw_visible_rows(clipper, [&](int index) {
        const Customer* found = row(index);
        ImGui::PushID(index);
        if (widgets::begin_card("card")) {
            if (!found) {
                widgets::muted("customers.placeholder", "…");
                ImGui::Dummy(ImVec2(0, ImGui::GetFrameHeightWithSpacing() + ImGui::GetTextLineHeightWithSpacing() * 2));
            } else {
                const Customer& customer = *found;
                ImGui::PushFont(display().fonts().strong);
                widgets::text("cell", cell_id(customer, "name"), customer.name);
                if (opens_detail(customer)) opened = customer.id;
                ImGui::PopFont();
                ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - display().px(90));
                status_badge(cell_id(customer, "status"), customer.status);
                widgets::text("cell", cell_id(customer, "number"), customer.service_number, widgets::colors::kAccent);
                if (opens_detail(customer)) opened = customer.id;
                ImGui::SameLine();
                widgets::text("cell", cell_id(customer, "phone"), customers::format_phone(customer.phone), widgets::colors::kMuted);
                widgets::text("cell", cell_id(customer, "package"), app.catalog().package_name(customer.package_id),
                              widgets::colors::kMuted);
                ImGui::SameLine();
                widgets::text("cell", cell_id(customer, "method"), tr(connection_method_choice(customer.connection_method).label_key),
                              widgets::colors::kMuted);
                draw_row_actions(app, customer);
            }
        }
        widgets::end_card();
        ImGui::PopID();
    });
    clipper.End();
    ImGui::EndChild();
    if (opened) app.open_customer(opened);
}

// Under the list: "Baris 1–25 dari 100.000 pelanggan" (registry "customers.summary").
void ViewCustomers::draw_status_line() {
    ImGui::Dummy(ImVec2(0, display().px(2)));
    const std::string text =
        m_total == 0 ? std::string()
                     : i18n::tr_format("customers.summary", {{"from", format_thousands(std::min(m_first_visible + 1, m_total))},
                                                             {"to", format_thousands(std::min(m_last_visible, m_total))},
                                                             {"total", format_thousands(m_total)}});
    widgets::muted("customers.summary", text);
}

void ViewCustomers::draw_confirm_deactivate() {
    if (m_confirm_requested) {
        ImGui::OpenPopup("customers.confirm");
        m_confirm_requested = false;
    }
    ImGui::SetNextWindowSize(ImVec2(std::min(display().px(440), ImGui::GetMainViewport()->Size.x - display().px(24)), 0));
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(display().px(20), display().px(18)));
    const bool open = ImGui::BeginPopupModal("customers.confirm", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize);
    ImGui::PopStyleVar();
    if (!open) return;
    if (!m_confirm_deactivate) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    const Customer customer = *m_confirm_deactivate;
    ImGui::PushTextWrapPos(0.f);
    widgets::text("text", "customers.confirm.text",
                  i18n::tr_format("customers.confirm_deactivate", {{"name", customer.name}, {"number", customer.service_number}}));
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, display().px(6)));
    if (widgets::button("customers.confirm.yes", tr("common.confirm"), widgets::ButtonStyle::Primary)) {
        api_client().remove("/api/customers/" + std::to_string(customer.id), [this, customer](const ApiResponse& response) {
            if (response.ok()) m_notice = i18n::tr_format("customers.deactivated", {{"number", customer.service_number}});
            else m_error = i18n::api_error_text(response.error_code, response.error_message);
            reload();
        });
        m_confirm_deactivate.reset();
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (widgets::button("customers.confirm.no", tr("common.cancel")) || widgets::dialog_escape()) {
        m_confirm_deactivate.reset();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void ViewCustomers::draw(App& app) {
    if (m_search_changed_at > 0 && ImGui::GetTime() - m_search_changed_at >= kSearchDebounceSeconds) {
        m_search_changed_at = 0;
        reload();
    }
    draw_toolbar(app);
    if (!m_notice.empty()) widgets::banner("customers.notice", m_notice, false);
    if (!m_error.empty()) widgets::banner("customers.error", m_error, true);
    if (m_loaded && m_total == 0 && !m_loading) widgets::muted("customers.empty", tr("customers.empty"));
    else if (!m_loaded) widgets::muted("customers.loading", tr("common.loading"));
    if (display().compact()) draw_cards(app);
    else draw_table(app);
    draw_status_line();
    draw_confirm_deactivate();
    m_form.draw(app);
}

}  // namespace kimonet
