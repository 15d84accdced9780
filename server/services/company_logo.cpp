#include "services/company_logo.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iterator>

#include "services/activity_log.hpp"
#include "services/settings.hpp"
#include "store/settings_store.hpp"

namespace kimonet::services {
namespace {

constexpr std::string_view kStoredKey = "company_logo_image";  // not a definition: never listed by GET /api/settings

std::uint32_t big_endian32(std::string_view bytes, std::size_t at) {
    return (static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at])) << 24) |
           (static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 1])) << 16) |
           (static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 2])) << 8) |
           static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 3]));
}

std::uint32_t big_endian16(std::string_view bytes, std::size_t at) {
    return (static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at])) << 8) | static_cast<unsigned char>(bytes[at + 1]);
}

// Markup a browser would act on, anywhere in the file (case-insensitive).
bool carries_markup(std::string_view bytes) {
    static constexpr std::string_view kMarkers[] = {"<script", "<svg", "<html", "<?php", "<!doctype", "<iframe", "<?xml", "javascript:", "<body"};
    std::string lower(bytes.size(), '\0');
    std::transform(bytes.begin(), bytes.end(), lower.begin(), [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
    for (auto marker : kMarkers)
        if (lower.find(marker) != std::string::npos) return true;
    return false;
}

// PNG: signature, IHDR first, every chunk in bounds with a four-letter type, IEND last with
// nothing after it.
std::optional<LogoImage> png_image(std::string_view bytes) {
    static constexpr std::string_view kSignature("\x89PNG\r\n\x1a\n", 8);
    if (bytes.substr(0, 8) != kSignature) return std::nullopt;
    std::size_t at = 8;
    LogoImage image{"image/png", 0, 0};
    bool first = true;
    while (at + 12 <= bytes.size()) {
        const std::uint32_t length = big_endian32(bytes, at);
        const std::string_view type = bytes.substr(at + 4, 4);
        if (!std::all_of(type.begin(), type.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); })) return std::nullopt;
        if (length > bytes.size() - at - 12) return std::nullopt;
        if (first) {
            if (type != "IHDR" || length != 13) return std::nullopt;
            image.width = static_cast<int>(std::min<std::uint32_t>(big_endian32(bytes, at + 8), 1u << 30));
            image.height = static_cast<int>(std::min<std::uint32_t>(big_endian32(bytes, at + 12), 1u << 30));
            first = false;
        }
        at += 12 + length;
        if (type == "IEND") return at == bytes.size() ? std::optional<LogoImage>(image) : std::nullopt;
    }
    return std::nullopt;
}

// JPEG: SOI, segments in bounds up to the scan, a frame header giving the size, EOI at the end.
std::optional<LogoImage> jpeg_image(std::string_view bytes) {
    if (bytes.size() < 4 || bytes.substr(0, 3) != std::string_view("\xff\xd8\xff", 3)) return std::nullopt;
    if (bytes.substr(bytes.size() - 2) != std::string_view("\xff\xd9", 2)) return std::nullopt;
    LogoImage image{"image/jpeg", 0, 0};
    std::size_t at = 2;
    while (at + 4 <= bytes.size()) {
        if (static_cast<unsigned char>(bytes[at]) != 0xff) return std::nullopt;
        const unsigned marker = static_cast<unsigned char>(bytes[at + 1]);
        if (marker == 0xff) {  // fill byte
            ++at;
            continue;
        }
        const std::uint32_t length = big_endian16(bytes, at + 2);
        if (length < 2 || at + 2 + length > bytes.size()) return std::nullopt;
        const bool frame = (marker >= 0xc0 && marker <= 0xcf) && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
        if (frame) {
            if (length < 7) return std::nullopt;
            image.height = static_cast<int>(big_endian16(bytes, at + 5));
            image.width = static_cast<int>(big_endian16(bytes, at + 7));
        }
        if (marker == 0xda) return image.width > 0 ? std::optional<LogoImage>(image) : std::nullopt;  // start of scan
        at += 2 + length;
    }
    return std::nullopt;
}

}  // namespace

LogoCheck inspect_logo(std::string_view bytes) {
    if (bytes.empty()) return {std::nullopt, "pilih file logo (PNG atau JPEG)"};
    if (bytes.size() > kMaxLogoBytes) return {std::nullopt, "logo paling besar " + std::to_string(kMaxLogoBytes >> 10) + " KB"};
    if (carries_markup(bytes)) return {std::nullopt, "logo berisi teks HTML/skrip, tidak diterima"};
    auto image = png_image(bytes);
    if (!image) image = jpeg_image(bytes);
    if (!image) return {std::nullopt, "logo harus gambar PNG atau JPEG yang utuh"};
    if (image->width < kMinLogoSide || image->height < kMinLogoSide || image->width > kMaxLogoSide || image->height > kMaxLogoSide)
        return {std::nullopt, "ukuran logo " + std::to_string(kMinLogoSide) + "-" + std::to_string(kMaxLogoSide) + " piksel per sisi"};
    return {image, {}};
}

Result<LogoImage> save_company_logo(app::Context& context, std::string_view bytes) {
    LogoCheck check = inspect_logo(bytes);
    if (!check.image) {
        FieldErrors fields;
        fields["logo"] = check.problem;
        return validation_error(std::move(fields));
    }
    const LogoImage image = *check.image;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        const auto previous = TRY(store::find_setting_value(context.db, kStoredKey));
        TRY_VOID(store::save_setting_value(context.db, kStoredKey, std::string(bytes), true, context.now));
        const api::Json before = previous && !previous->empty() ? api::Json{{"bytes", previous->size()}} : api::Json();
        return log_activity(context, "settings.logo", "settings", std::nullopt, before,
                            {{"content_type", image.content_type}, {"width", image.width}, {"height", image.height}, {"bytes", bytes.size()}});
    }));
    return image;
}

Result<void> remove_company_logo(app::Context& context) {
    return context.db.transaction([&]() -> Result<void> {
        const auto previous = TRY(store::find_setting_value(context.db, kStoredKey));
        TRY_VOID(store::save_setting_value(context.db, kStoredKey, std::string(), true, context.now));
        return log_activity(context, "settings.logo", "settings", std::nullopt,
                            previous && !previous->empty() ? api::Json{{"bytes", previous->size()}} : api::Json(), api::Json{{"bytes", 0}});
    });
}

Result<std::optional<CompanyLogo>> company_logo(store::Database& db) {
    if (auto uploaded = TRY(store::find_setting_value(db, kStoredKey)); uploaded && !uploaded->empty()) {
        if (auto check = inspect_logo(*uploaded); check.image) return std::optional<CompanyLogo>(CompanyLogo{std::move(*uploaded), *check.image});
    }
    const std::string path = TRY(get_setting(db, "company_logo"));
    if (path.empty()) return std::optional<CompanyLogo>();
    std::ifstream file(path, std::ios::binary);
    if (!file) return std::optional<CompanyLogo>();
    std::string bytes;
    bytes.assign(std::istreambuf_iterator<char>(file), {});
    if (auto check = inspect_logo(bytes); check.image) return std::optional<CompanyLogo>(CompanyLogo{std::move(bytes), *check.image});
    return std::optional<CompanyLogo>();
}

}  // namespace kimonet::services
