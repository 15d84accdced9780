#include "views/view_package_form.hpp"

#include <algorithm>

#include "api/dto.hpp"
#include "api_client.hpp"
#include "core/validation_messages.hpp"
#include "app.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "platform/display.hpp"
#include "views/form_modal.hpp"
#include "widgets/form_widgets.hpp"

namespace kimonet {
namespace {

using i18n::tr;
using platform::display;

constexpr const char* kPopup = "package_form";

// Whole kbps only; empty or non-numeric comes back as nullopt.
std::optional<std::int64_t> parse_kbps(const std::string& text) {
    if (text.empty() || text.size() > 12 || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    return std::stoll(text);
}

}  // namespace

void ViewPackageForm::open(std::function<void(const Package&)> saved) {
    m_saved = std::move(saved);
    m_name = m_base.name;
    m_download = m_base.download_kbps > 0 ? std::to_string(m_base.download_kbps) : "";
    m_upload = m_base.upload_kbps > 0 ? std::to_string(m_base.upload_kbps) : "";
    m_price = m_editing ? format_thousands(m_base.price) : "";
    m_profile = m_base.mikrotik_profile;
    m_active = m_base.active;
    m_server_errors.clear();
    m_banner.clear();
    m_submitted = false;
    m_busy = false;
    m_open_requested = true;
}

void ViewPackageForm::open_create(std::function<void(const Package&)> saved) {
    m_editing = false;
    m_base = Package{};
    open(std::move(saved));
}

void ViewPackageForm::open_edit(const Package& package, std::function<void(const Package&)> saved) {
    m_editing = true;
    m_base = package;
    open(std::move(saved));
}

api::Json ViewPackageForm::request_json(FieldErrors& local_errors) const {
    api::Json json{{"name", m_name}, {"mikrotik_profile", m_profile}, {"active", m_active}};
    const auto download = parse_kbps(m_download), upload = parse_kbps(m_upload);
    json["download_kbps"] = download.value_or(0);
    json["upload_kbps"] = upload.value_or(0);
    if (!download && !m_download.empty()) local_errors["download_kbps"] = tr("field.not_a_number");
    if (!upload && !m_upload.empty()) local_errors["upload_kbps"] = tr("field.not_a_number");
    // The price field accepts what people type: "150000", "150.000", "Rp 150.000".
    const auto price = parse_rupiah(m_price);
    json["price"] = price ? *price : Money{0};
    if (!price) local_errors["price"] = m_price.empty() ? i18n::translate_message(messages::kRequired) : tr("field.not_a_number");
    return json;
}

FieldErrors ViewPackageForm::validate() const {
    FieldErrors errors;
    const api::Json json = request_json(errors);
    if (auto validated = api::package_from_json(json, m_base); !validated)
        for (const auto& [field, message] : validated.error().fields) errors.emplace(field, message);
    return errors;
}

std::string ViewPackageForm::field_error(const FieldErrors& live, const char* field, bool has_value) const {
    if (auto server = m_server_errors.find(field); server != m_server_errors.end()) return i18n::translate_message(server->second);
    auto local = live.find(field);
    if (local == live.end() || !(m_submitted || has_value)) return {};
    return i18n::translate_message(local->second);
}

void ViewPackageForm::submit() {
    m_submitted = true;
    if (!validate().empty()) {
        m_banner = "form.fix_errors";
        return;
    }
    FieldErrors ignored;
    const api::Json body = request_json(ignored);
    m_busy = true;
    m_banner.clear();
    auto done = [this](const ApiResponse& response) {
        m_busy = false;
        if (response.ok()) {
            const api::Json& data = response.body.contains("data") ? response.body["data"] : response.body;
            Package stored = m_base;
            stored.id = json_int(data, "id", m_base.id);
            if (auto parsed = api::package_from_json(data, stored)) stored = std::move(parsed).value();
            m_close_requested = true;
            if (m_saved) m_saved(stored);
            return;
        }
        m_server_errors = response.fields;
        m_banner = response.error_code == "validation_failed" ? "form.fix_errors" : "error." + response.error_code;
        m_banner_detail = response.error_message;
    };
    if (m_editing) api_client().put("/api/packages/" + std::to_string(m_base.id), body, done);
    else api_client().post("/api/packages", body, done);
}

void ViewPackageForm::draw(App&) {
    if (m_open_requested) {
        ImGui::OpenPopup(kPopup);
        m_open_requested = false;
        m_close_requested = false;
    }
    const std::string title = m_editing ? tr("package_form.edit_title") : tr("package_form.create_title");
    if (!begin_form_modal(kPopup, "package_form.title", title, display().px(560))) return;
    if (m_close_requested) {
        m_close_requested = false;
        ImGui::CloseCurrentPopup();
    }
    const FieldErrors live = validate();
    const std::string banner = m_banner.starts_with("error.") ? i18n::api_error_text(m_banner.substr(6), m_banner_detail)
                                                              : (m_banner.empty() ? "" : tr(m_banner));
    auto edited = [this](const char* field) { m_server_errors.erase(field); };
    if (begin_form_body("package_form.body", banner)) {
        if (widgets::text_field("package_form.name", tr("field.package_name"), m_name, field_error(live, "name", !m_name.empty())))
            edited("name");
        if (widgets::text_field("package_form.download_kbps", tr("field.download_kbps"), m_download,
                                field_error(live, "download_kbps", !m_download.empty()), ImGuiInputTextFlags_CharsDecimal,
                                "10000"))
            edited("download_kbps");
        if (widgets::text_field("package_form.upload_kbps", tr("field.upload_kbps"), m_upload,
                                field_error(live, "upload_kbps", !m_upload.empty()), ImGuiInputTextFlags_CharsDecimal, "5000"))
            edited("upload_kbps");
        if (widgets::text_field("package_form.price", tr("field.price"), m_price, field_error(live, "price", !m_price.empty()), 0,
                                "Rp 150.000"))
            edited("price");
        if (widgets::text_field("package_form.mikrotik_profile", tr("field.mikrotik_profile"), m_profile,
                                field_error(live, "mikrotik_profile", !m_profile.empty())))
            edited("mikrotik_profile");
        widgets::checkbox("package_form.active", tr("field.active"), m_active);
    }
    end_form_body();
    switch (draw_form_footer("package_form", banner, m_busy)) {
    case FormAction::Save: submit(); break;
    case FormAction::Cancel: ImGui::CloseCurrentPopup(); break;
    case FormAction::None: break;
    }
    end_form_modal();
}

}  // namespace kimonet
