#pragma once
// Messages of outages that pause billing (issue 21, docs/outages.md), in their own part of the
// catalogue; core/message_catalogue.cpp reads this part too (English toggle, uniqueness check).
// X(name, Indonesian, English).
namespace kimonet::messages {

// clang-format off
#define KIMONET_OUTAGE_MESSAGES(X) \
    X(kOutageNotFound, "gangguan jaringan tidak ditemukan", "outage not found") \
    X(kOutageAlreadyEnded, "gangguan ini sudah selesai", "this outage has already ended") \
    X(kOutageTargetKind, "pilih router, olt, pon_port, odc, odp atau area", "choose router, olt, pon_port, odc, odp or area") \
    X(kOutageTargetMissing, "perangkat jaringan tidak ditemukan", "network element not found") \
    X(kOutageAreaShape, "area: circle:lat,lon,radius_meter atau polygon:lat,lon;lat,lon;lat,lon (3-100 titik)", "area: circle:lat,lon,radius_metres or polygon:lat,lon;lat,lon;lat,lon (3-100 points)") \
    X(kOutageStartRange, "waktu mulai paling lama 48 jam yang lalu dan tidak di masa depan", "start at most 48 hours ago and not in the future") \
    X(kOutageEndRange, "waktu selesai antara waktu mulai dan sekarang", "end between the start and now") \
    X(kOutageExpectedEnd, "perkiraan selesai setelah waktu mulai", "expected end after the start") \
    X(kOutageCreditRule, "off, prorata atau fixed", "off, prorata or fixed") \
    X(kOutageCreditHours, "jam 0-720", "hours 0-720") \
    X(kOutageCreditAmount, "nominal 0-10.000.000", "amount 0-10,000,000") \
    X(kOutageTextNoLinks, "tanpa tautan atau format WhatsApp (* _ ~): teks ini dikirim ke pelanggan", "no links or WhatsApp formatting (* _ ~): this text is sent to customers")
// clang-format on

#define KIMONET_OUTAGE_MESSAGE_CONSTANT(name, indonesian, english) inline constexpr const char* name = indonesian;
KIMONET_OUTAGE_MESSAGES(KIMONET_OUTAGE_MESSAGE_CONSTANT)
#undef KIMONET_OUTAGE_MESSAGE_CONSTANT

}  // namespace kimonet::messages
