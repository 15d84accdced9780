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
#include "widgets/field_kind.hpp"
#include "widgets/form_widgets.hpp"

namespace kimonet {
namespace {

using i18n::tr;
using platform::display;

constexpr const char* kPackageFormPopup = "package_form";

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
    m_price = m_form.editing ? format_thousands(m_base.price) : "";
    m_profile = m_base.mikrotik_profile;
    m_active = m_base.active;
    m_form.request_open();
}

void ViewPackageForm::open_create(std::function<void(const Package&)> saved) {
    m_form.editing = false;
    m_base = Package{};
    open(std::move(saved));
}

void ViewPackageForm::open_edit(const Package& package, std::function<void(const Package&)> saved) {
    m_form.editing = true;
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

void ViewPackageForm::submit() {
    if (!m_form.accept_submit(validate())) return;
    FieldErrors ignored;
    const api::Json body = request_json(ignored);
    auto done = [this](const ApiResponse& response) {
        if (!response.ok()) return m_form.refused(response);
        const api::Json& data = response.body.contains("data") ? response.body["data"] : response.body;
        Package stored = m_base;
        stored.id = json_int(data, "id", m_base.id);
        if (auto parsed = api::package_from_json(data, stored)) stored = std::move(parsed).value();
        m_form.saved();
        if (m_saved) m_saved(stored);
    };
    if (m_form.editing) api_client().put("/api/packages/" + std::to_string(m_base.id), body, done);
    else api_client().post("/api/packages", body, done);
}

void ViewPackageForm::draw(App&) {
    const std::string title = m_form.editing ? tr("package_form.edit_title") : tr("package_form.create_title");
    if (!m_form.begin(kPackageFormPopup, "package_form.title", title, display().px(560))) return;
    const FieldErrors live = validate();
    const std::string banner = m_form.banner_text();
    auto edited = [this](const char* field) { m_form.server_errors.erase(field); };
    auto field_error = [&](const char* field, bool has_value) { return m_form.field_error(live, field, has_value); };
    if (begin_form_body("package_form.body", banner)) {
        if (widgets::text_field("package_form.name", tr("field.package_name"), m_name, field_error("name", !m_name.empty())))
            edited("name");
        if (widgets::text_field("package_form.download_kbps", tr("field.download_kbps"), m_download,
                                field_error("download_kbps", !m_download.empty()), ImGuiInputTextFlags_CharsDecimal,
                                "10000"))
            edited("download_kbps");
        if (widgets::text_field("package_form.upload_kbps", tr("field.upload_kbps"), m_upload,
                                field_error("upload_kbps", !m_upload.empty()), ImGuiInputTextFlags_CharsDecimal, "5000"))
            edited("upload_kbps");
        widgets::mark_field("package_form.price", widgets::FieldKind::Amount);
        if (widgets::text_field("package_form.price", tr("field.price"), m_price, field_error("price", !m_price.empty()), 0,
                                "Rp 150.000"))
            edited("price");
        if (widgets::text_field("package_form.mikrotik_profile", tr("field.mikrotik_profile"), m_profile,
                                field_error("mikrotik_profile", !m_profile.empty())))
            edited("mikrotik_profile");
        widgets::checkbox("package_form.active", tr("field.active"), m_active);
    }
    end_form_body();
    if (m_form.end("package_form", banner)) submit();
}

}  // namespace kimonet
