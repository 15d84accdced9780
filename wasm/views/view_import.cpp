#include "views/view_import.hpp"

#include <algorithm>
#include <utility>

#include "api_client.hpp"
#include "app.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "platform/browser_glue.hpp"
#include "platform/display.hpp"
#include "views/form_modal.hpp"
#include "widgets/dialog_keys.hpp"
#include "widgets/form_widgets.hpp"
#include "widgets/list_widgets.hpp"
#include "widgets/theme.hpp"

namespace kimonet {
namespace {

using i18n::tr;
using platform::display;

constexpr const char* kImportPopup = "customer_import";

const char* content_type(const std::string& file_name) {
    auto ends_with = [&](std::string_view suffix) {
        if (file_name.size() < suffix.size()) return false;
        std::string tail = file_name.substr(file_name.size() - suffix.size());
        std::transform(tail.begin(), tail.end(), tail.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        return tail == suffix;
    };
    if (ends_with(".csv")) return "text/csv";
    if (ends_with(".xlsx")) return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    return "application/octet-stream";
}

// "Nama", "Telepon", … for an import field; "— diabaikan" for a column nobody reads.
std::string field_label(const std::string& field) {
    return field.empty() ? std::string(tr("import.ignored")) : std::string(tr("import.field." + field));
}

}  // namespace

void ViewImport::open(std::function<void(std::int64_t)> imported) {
    m_imported = std::move(imported);
    m_pick = 0;
    m_file_name.clear();
    m_bytes.clear();
    m_busy = false;
    m_checked = false;
    m_committed = false;
    m_outcome = {};
    m_error.clear();
    m_open_requested = true;
}

void ViewImport::close() {
    m_open_requested = false;
    m_close_requested = m_visible;
}

void ViewImport::pick() { m_pick = platform::pick_file(".xlsx,.csv,text/csv"); }

void ViewImport::take_picked_file() {
    if (m_pick == 0) return;
    const auto state = platform::picked_file_state(m_pick);
    if (state == platform::PickState::Waiting) return;
    const int handle = std::exchange(m_pick, 0);
    if (state == platform::PickState::Failed) return;  // cancelled: keep what was there
    platform::PickedFile file = platform::take_picked_file(handle);
    m_file_name = std::move(file.name);
    m_bytes = std::move(file.bytes);
    m_committed = false;
    send(true);  // every new file is checked before anything can be imported
}

void ViewImport::send(bool dry_run) {
    m_busy = true;
    m_error.clear();
    if (dry_run) m_checked = false;  // the previous file's outcome goes away while this one is checked
    const std::string path = std::string("/api/imports/customers") + (dry_run ? "?dry_run=true" : "");
    api_client().post_bytes(path, m_bytes, content_type(m_file_name), [this, dry_run](const ApiResponse& response) {
        m_busy = false;
        const bool has_outcome = response.body.is_object() && response.body.contains("data") && response.body["data"].is_object();
        if (!has_outcome) {
            // A file-level problem (not a spreadsheet, a required column missing) or a refusal.
            m_checked = false;
            m_outcome = {};
            std::string messages;
            for (const auto& [field, message] : response.fields) messages += (messages.empty() ? "" : "\n") + i18n::translate_message(message);
            m_error = messages.empty() ? i18n::api_error_text(response.error_code, response.error_message) : messages;
            return;
        }
        const api::Json& data = response.body["data"];
        Outcome outcome;
        outcome.format = json_string(data, "format");
        outcome.encoding = json_string(data, "encoding");
        outcome.rows = json_int(data, "rows");
        outcome.valid = json_int(data, "valid");
        outcome.invalid = json_int(data, "invalid");
        outcome.imported = json_int(data, "imported");
        if (auto columns = data.find("columns"); columns != data.end() && columns->is_array())
            for (const auto& column : *columns) outcome.columns.push_back({json_string(column, "header"), json_string(column, "field")});
        if (auto errors = data.find("errors"); errors != data.end() && errors->is_array())
            for (const auto& error : *errors) {
                auto fields = error.find("fields");
                if (fields == error.end() || !fields->is_object()) continue;
                for (const auto& [field, message] : fields->items())
                    if (message.is_string())
                        outcome.errors.push_back({json_int(error, "row"), field, i18n::translate_message(message.get<std::string>())});
            }
        if (auto preview = data.find("preview"); preview != data.end() && preview->is_array())
            for (const auto& customer : *preview)
                outcome.preview.push_back({json_string(customer, "service_number"), json_string(customer, "name"),
                                           json_string(customer, "phone"), json_int(customer, "package_id")});
        m_outcome = std::move(outcome);
        m_checked = true;
        // A commit refused with row errors (the data changed since the preview) shows them like a preview.
        m_committed = !dry_run && response.ok();
        if (m_committed && m_imported) m_imported(m_outcome.imported);
    });
}

void ViewImport::draw_file_row() {
    const bool compact = display().compact();
    const char* label = m_file_name.empty() ? tr("import.pick") : tr("import.pick_other");
    if (widgets::button("import.pick", label, m_file_name.empty() ? widgets::ButtonStyle::Primary : widgets::ButtonStyle::Secondary,
                        compact ? ImGui::GetContentRegionAvail().x : 0.f, m_busy))
        pick();
    if (!compact) ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    if (m_busy) widgets::muted("import.status", m_checked ? tr("import.importing") : tr("import.checking"));
    else if (m_file_name.empty()) widgets::muted("import.file", tr("import.no_file"));
    else widgets::text("text", "import.file", m_file_name);
}

void ViewImport::draw_mapping() {
    ImGui::PushFont(display().fonts().strong);
    widgets::text("title", "import.mapping.title", tr("import.mapping"));
    ImGui::PopFont();
    ImGui::PushTextWrapPos(0.f);
    widgets::muted("import.mapping.hint", tr("import.mapping_hint"));
    ImGui::PopTextWrapPos();
    const ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_PadOuterX;
    if (!ImGui::BeginTable("import.mapping", 2, flags)) return;
    ImGui::TableSetupColumn(tr("import.col.header"));
    ImGui::TableSetupColumn(tr("import.col.field"));
    widgets::strong_headers_row();
    for (std::size_t index = 0; index < m_outcome.columns.size(); ++index) {
        const Column& column = m_outcome.columns[index];
        const std::string id = "import.mapping." + std::to_string(index);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        widgets::text("cell", id + ".header", column.header);
        ImGui::TableNextColumn();
        widgets::text("cell", id + ".field", field_label(column.field), column.field.empty() ? widgets::colors::kMuted : 0);
    }
    ImGui::EndTable();
}

void ViewImport::draw_errors() {
    ImGui::PushFont(display().fonts().strong);
    widgets::text("title", "import.errors.title", tr("import.errors"), widgets::colors::kDanger);
    ImGui::PopFont();
    const ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_PadOuterX |
                                  ImGuiTableFlags_ScrollY;
    const float row_height = ImGui::GetTextLineHeight() + ImGui::GetStyle().CellPadding.y * 2;
    const int visible = std::min<int>(static_cast<int>(m_outcome.errors.size()), 8);
    if (!ImGui::BeginTable("import.errors", 3, flags, ImVec2(0, row_height * float(visible + 1) + display().px(4)))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr("import.col.row"), ImGuiTableColumnFlags_WidthStretch, 0.5f);
    ImGui::TableSetupColumn(tr("import.col.column"), ImGuiTableColumnFlags_WidthStretch, 1.f);
    ImGui::TableSetupColumn(tr("import.col.message"), ImGuiTableColumnFlags_WidthStretch, 2.5f);
    widgets::strong_headers_row();
    ImGuiListClipper clipper;  // a file may bring a thousand problems
    clipper.Begin(static_cast<int>(m_outcome.errors.size()));
    while (clipper.Step())
        for (int index = clipper.DisplayStart; index < clipper.DisplayEnd; ++index) {
            const RowError& error = m_outcome.errors[static_cast<std::size_t>(index)];
            const std::string id = "import.error." + std::to_string(error.row) + "." + error.field;
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            widgets::text("cell", id + ".row", std::to_string(error.row));
            ImGui::TableNextColumn();
            widgets::text("cell", id + ".column", field_label(error.field));
            ImGui::TableNextColumn();
            widgets::text("cell", id, error.message, widgets::colors::kDanger);
        }
    ImGui::EndTable();
}

void ViewImport::draw_preview(App& app) {
    ImGui::PushFont(display().fonts().strong);
    widgets::text("title", "import.preview.title", tr("import.preview"));
    ImGui::PopFont();
    const bool compact = display().compact();
    const ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_PadOuterX;
    if (!ImGui::BeginTable("import.preview", compact ? 2 : 4, flags)) return;
    ImGui::TableSetupColumn(tr("import.field.service_number"));
    ImGui::TableSetupColumn(tr("import.field.name"), ImGuiTableColumnFlags_WidthStretch, 1.6f);
    if (!compact) {
        ImGui::TableSetupColumn(tr("import.field.phone"));
        ImGui::TableSetupColumn(tr("import.field.package"));
    }
    widgets::strong_headers_row();
    for (std::size_t index = 0; index < m_outcome.preview.size(); ++index) {
        const PreviewRow& row = m_outcome.preview[index];
        const std::string id = "import.preview." + std::to_string(index);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        widgets::text("cell", id + ".service_number", row.service_number);
        ImGui::TableNextColumn();
        widgets::text("cell", id + ".name", row.name);
        if (compact) continue;
        ImGui::TableNextColumn();
        widgets::text("cell", id + ".phone", row.phone);
        ImGui::TableNextColumn();
        std::string package = "#" + std::to_string(row.package_id);
        for (const Package& known : app.catalog().packages)
            if (known.id == row.package_id) package = known.name;
        widgets::text("cell", id + ".package", package);
    }
    ImGui::EndTable();
}

void ViewImport::draw_outcome(App& app) {
    if (m_committed) {
        widgets::banner("import.done", i18n::tr_format("import.done", {{"count", std::to_string(m_outcome.imported)}}), false);
        return;
    }
    ImGui::PushTextWrapPos(0.f);
    widgets::text("text", "import.summary",
                  i18n::tr_format("import.summary", {{"rows", std::to_string(m_outcome.rows)},
                                                     {"valid", std::to_string(m_outcome.valid)},
                                                     {"invalid", std::to_string(m_outcome.invalid)}}),
                  m_outcome.invalid > 0 ? widgets::colors::kDanger : widgets::colors::kSuccess);
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, display().px(6)));
    draw_mapping();
    if (!m_outcome.errors.empty()) {
        ImGui::Dummy(ImVec2(0, display().px(6)));
        draw_errors();
    }
    if (!m_outcome.preview.empty()) {
        ImGui::Dummy(ImVec2(0, display().px(6)));
        draw_preview(app);
    }
}

void ViewImport::draw_footer() {
    ImGui::Dummy(ImVec2(0, display().px(4)));
    const ImGuiStyle& style = ImGui::GetStyle();
    const bool compact = display().compact();
    const std::string commit = m_busy && m_checked ? std::string(tr("import.importing"))
                                                   : i18n::tr_format("import.commit", {{"count", std::to_string(m_outcome.valid)}});
    const char* close = m_committed ? tr("common.close") : tr("common.cancel");
    const float close_width = ImGui::CalcTextSize(close).x + style.FramePadding.x * 2;
    const float commit_width = std::max(ImGui::CalcTextSize(commit.c_str()).x + style.FramePadding.x * 2, display().px(160));
    const float half = (ImGui::GetContentRegionAvail().x - style.ItemSpacing.x) * 0.5f;
    if (m_committed) {
        if (widgets::button("import.close", close, widgets::ButtonStyle::Primary, ImGui::GetContentRegionAvail().x))
            ImGui::CloseCurrentPopup();
        return;
    }
    if (!compact) ImGui::SetCursorPosX(ImGui::GetWindowContentRegionMax().x - close_width - commit_width - style.ItemSpacing.x);
    if (widgets::button("import.close", close, widgets::ButtonStyle::Secondary, compact ? half : 0.f)) ImGui::CloseCurrentPopup();
    ImGui::SameLine();
    const bool ready = m_checked && !m_busy && m_outcome.invalid == 0 && m_outcome.valid > 0;
    if (widgets::button("import.commit", commit.c_str(), widgets::ButtonStyle::Primary, compact ? half : commit_width, !ready)) send(false);
}

void ViewImport::draw(App& app) {
    take_picked_file();
    if (m_open_requested) {
        ImGui::OpenPopup(kImportPopup);
        m_open_requested = false;
    }
    m_visible = begin_form_modal(kImportPopup, "import.title", tr("import.title"), display().px(780));
    if (!m_visible) {
        m_close_requested = false;
        return;
    }
    if (std::exchange(m_close_requested, false)) {
        m_visible = false;
        ImGui::CloseCurrentPopup();
        end_form_modal();
        return;
    }
    ImGui::PushTextWrapPos(0.f);
    widgets::muted("import.hint", tr("import.hint"));
    ImGui::PopTextWrapPos();
    draw_file_row();
    if (begin_form_body("import.body", m_error)) {
        if (m_checked) draw_outcome(app);
    }
    end_form_body();
    if (!m_error.empty()) widgets::banner("import.error", m_error, true);
    draw_footer();
    if (widgets::dialog_escape()) ImGui::CloseCurrentPopup();  // as Cancel (or Close) does
    end_form_modal();
}

}  // namespace kimonet
