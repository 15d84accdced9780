#include "views/view_hotspot_profile_form.hpp"

#include <algorithm>
#include <optional>

#include "api/voucher_dto.hpp"
#include "api_client.hpp"
#include "app.hpp"
#include "core/money.hpp"
#include "core/validation_messages.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "platform/display.hpp"
#include "widgets/field_kind.hpp"
#include "widgets/form_widgets.hpp"

namespace kimonet {
namespace {

using i18n::tr;
using platform::display;

constexpr const char* kHotspotProfileFormPopup = "hotspot_profile_form";
constexpr std::int64_t kMegabyte = 1'000'000;  // RouterOS limit-bytes-total counts bytes; MB as people read them

// Whole numbers only; empty is 0, anything else not a number is nullopt.
std::optional<std::int64_t> parse_whole(const std::string& text) {
    if (text.empty()) return 0;
    if (text.size() > 12 || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) return std::nullopt;
    return std::stoll(text);
}

std::string shown(std::int64_t value) { return value > 0 ? std::to_string(value) : ""; }

}  // namespace

void ViewHotspotProfileForm::open(std::function<void(const HotspotProfile&)> saved) {
    m_saved = std::move(saved);
    m_name = m_base.name;
    m_rate_limit = m_base.rate_limit;
    m_minutes = shown(m_base.time_limit_seconds / 60);
    m_quota_mb = shown(m_base.quota_bytes / kMegabyte);
    m_validity = shown(m_base.validity_days);
    m_shared = std::to_string(m_base.shared_users);
    m_price = m_form.editing ? format_thousands(m_base.price) : "";
    m_package = -1;  // chosen from m_base.package_id on the first draw, when the catalogue is known
    m_keep_package = false;
    m_form.request_open();
}

void ViewHotspotProfileForm::open_create(std::function<void(const HotspotProfile&)> saved) {
    m_form.editing = false;
    m_base = HotspotProfile{};
    open(std::move(saved));
}

void ViewHotspotProfileForm::open_edit(const HotspotProfile& profile, std::function<void(const HotspotProfile&)> saved) {
    m_form.editing = true;
    m_base = profile;
    open(std::move(saved));
}

api::Json ViewHotspotProfileForm::request_json(FieldErrors& local_errors) const {
    api::Json json{{"name", m_name}, {"rate_limit", m_rate_limit}};
    if (m_package > 0 && m_package <= static_cast<int>(m_package_ids.size()))
        json["package_id"] = m_package_ids[static_cast<std::size_t>(m_package - 1)];
    else if (!m_keep_package)
        json["package_id"] = nullptr;  // else unnamed: the server keeps the link it has
    const auto whole = [&](const char* field, const std::string& text, std::int64_t scale) {
        const auto value = parse_whole(text);
        if (!value) local_errors[field] = tr("field.not_a_number");
        json[field] = value.value_or(0) * scale;
    };
    whole("time_limit_seconds", m_minutes, 60);
    whole("quota_bytes", m_quota_mb, kMegabyte);
    whole("validity_days", m_validity, 1);
    whole("shared_users", m_shared, 1);
    const auto price = parse_rupiah(m_price);
    json["price"] = price ? *price : Money{0};
    if (!price) local_errors["price"] = m_price.empty() ? i18n::translate_message(messages::kRequired) : tr("field.not_a_number");
    return json;
}

FieldErrors ViewHotspotProfileForm::validate() const {
    FieldErrors errors;
    const api::Json json = request_json(errors);
    if (auto validated = api::hotspot_profile_from_json(json, m_base); !validated)
        for (const auto& [field, message] : validated.error().fields) errors.emplace(field, message);
    return errors;
}

void ViewHotspotProfileForm::submit() {
    if (!m_form.accept_submit(validate())) return;
    FieldErrors ignored;
    const api::Json body = request_json(ignored);
    auto done = [this](const ApiResponse& response) {
        if (!response.ok()) return m_form.refused(response);
        const HotspotProfile stored = api::hotspot_profile_of(api::response_data(response.body));
        m_form.saved();
        if (m_saved) m_saved(stored);
    };
    if (m_form.editing) api_client().put("/api/hotspot-profiles/" + std::to_string(m_base.id), body, done);
    else api_client().post("/api/hotspot-profiles", body, done);
}

void ViewHotspotProfileForm::draw(App& app) {
    const std::string title = m_form.editing ? tr("vouchers.profile_form.edit") : tr("vouchers.profile_form.create");
    if (!m_form.begin(kHotspotProfileFormPopup, "vouchers.profile_form.title", title, display().px(560))) return;
    std::vector<std::string> packages = {tr("vouchers.profile_form.no_package")};
    m_package_ids.clear();
    for (const auto& package : app.catalog().packages) {
        packages.push_back(package.name);
        m_package_ids.push_back(package.id);
    }
    if (m_package < 0) {
        const auto found = std::find(m_package_ids.begin(), m_package_ids.end(), m_base.package_id.value_or(0));
        m_package = found == m_package_ids.end() ? 0 : static_cast<int>(found - m_package_ids.begin()) + 1;
        m_keep_package = m_base.package_id.has_value() && m_package == 0;
    }
    const FieldErrors live = validate();
    const std::string banner = m_form.banner_text();
    auto edited = [this](const char* field) { m_form.server_errors.erase(field); };
    auto error = [&](const char* field, const std::string& value) { return m_form.field_error(live, field, !value.empty()); };
    if (begin_form_body("vouchers.profile_form.body", banner)) {
        if (widgets::text_field("vouchers.profile_form.name", tr("vouchers.profile_name"), m_name, error("name", m_name), 0, "jam-1"))
            edited("name");
        if (widgets::select_field("vouchers.profile_form.package", tr("vouchers.profile_package"), packages, m_package,
                                  m_form.field_error(live, "package_id", m_package > 0))) {
            edited("package_id");
            m_keep_package = false;
        }
        if (widgets::text_field("vouchers.profile_form.rate_limit", tr("vouchers.profile_rate_limit"), m_rate_limit,
                                error("rate_limit", m_rate_limit), 0, "2M/2M"))
            edited("rate_limit");
        if (widgets::text_field("vouchers.profile_form.time_limit", tr("vouchers.profile_time_limit"), m_minutes,
                                error("time_limit_seconds", m_minutes), ImGuiInputTextFlags_CharsDecimal, "60"))
            edited("time_limit_seconds");
        if (widgets::text_field("vouchers.profile_form.quota", tr("vouchers.profile_quota"), m_quota_mb, error("quota_bytes", m_quota_mb),
                                ImGuiInputTextFlags_CharsDecimal, "1000"))
            edited("quota_bytes");
        if (widgets::text_field("vouchers.profile_form.validity", tr("vouchers.profile_validity"), m_validity,
                                error("validity_days", m_validity), ImGuiInputTextFlags_CharsDecimal, "1"))
            edited("validity_days");
        if (widgets::text_field("vouchers.profile_form.shared_users", tr("vouchers.profile_shared_users"), m_shared,
                                error("shared_users", m_shared), ImGuiInputTextFlags_CharsDecimal))
            edited("shared_users");
        widgets::mark_field("vouchers.profile_form.price", widgets::FieldKind::Amount);
        if (widgets::text_field("vouchers.profile_form.price", tr("vouchers.profile_price"), m_price, error("price", m_price), 0, "Rp 5.000"))
            edited("price");
    }
    end_form_body();
    if (m_form.end("vouchers.profile_form", banner)) submit();
}

}  // namespace kimonet
