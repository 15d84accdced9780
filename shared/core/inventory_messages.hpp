#pragma once
// The messages of the FTTH inventory and the map (issue 21: OLT, PON port, ODC, ODP, customers on ODP
// ports, coordinates, the inventory CSV import, the tile server), a part of the message catalogue of
// its own: core/message_catalogue.cpp reads this table with the others. X(name, Indonesian, English).
#include "core/validation_messages.hpp"

namespace kimonet::messages {

// clang-format off
#define KIMONET_INVENTORY_MESSAGES(X) \
    X(kOltNotFound, "OLT tidak ditemukan", "OLT not found") \
    X(kPonPortNotFound, "port PON tidak ditemukan", "PON port not found") \
    X(kOdcNotFound, "ODC tidak ditemukan", "ODC not found") \
    X(kOdpNotFound, "ODP tidak ditemukan", "ODP not found") \
    X(kInventoryNameTaken, "nama sudah dipakai", "the name is already in use") \
    X(kPonLabelTaken, "label port PON sudah ada di OLT ini", "this OLT already has a PON port with this label") \
    X(kInventoryNameLength, "nama 1–80 karakter", "a name of 1–80 characters") \
    X(kPonLabelLength, "label 1–40 karakter", "a label of 1–40 characters") \
    X(kSiteLength, "paling banyak 120 karakter", "at most 120 characters") \
    X(kLatitudeRange, "lintang harus angka antara -90 dan 90", "latitude must be a number between -90 and 90") \
    X(kLongitudeRange, "bujur harus angka antara -180 dan 180", "longitude must be a number between -180 and 180") \
    X(kLocationBothOrNeither, "isi lintang dan bujur, atau kosongkan keduanya", "give both latitude and longitude, or neither") \
    X(kOdpPortCountRange, "jumlah port ODP 1–128", "ODP port count 1–128") \
    X(kOdpPortCountBelowUsed, "jumlah port lebih kecil dari port yang terpakai", "the port count is below a port in use") \
    X(kOdpPortOutOfRange, "nomor port di luar jumlah port ODP", "the port number is outside the ODP's ports") \
    X(kOdpPortTaken, "port ODP sudah dipakai pelanggan lain", "the ODP port is taken by another customer") \
    X(kCustomerAlreadyPlaced, "pelanggan sudah terpasang di port ODP lain", "the customer is already on another ODP port") \
    X(kCustomerNotPlaced, "pelanggan belum terpasang di port ODP", "the customer is not on an ODP port") \
    X(kOdpHasCustomers, "ODP masih dipakai pelanggan; pindahkan pelanggan dulu", "customers are still on the ODP; move them first") \
    X(kInventoryHasChildren, "masih ada perangkat di bawahnya; hapus itu dulu", "there is still equipment below it; delete that first") \
    X(kRouterNotFoundField, "router tidak dikenal", "unknown router") \
    X(kInventoryLevelChoice, "olt, pon_port, odc, odp atau router", "olt, pon_port, odc, odp or router") \
    X(kInventoryTypeChoice, "type: olt, pon, odc atau odp", "type: olt, pon, odc or odp") \
    X(kInventoryParentUnknown, "induk tidak dikenal (di database maupun di baris sebelumnya)", "unknown parent (neither in the database nor in an earlier row)") \
    X(kInventoryDuplicateInFile, "nama ganda di berkas, baris", "duplicate name in the file, row") \
    X(kTileUrlTemplate, "URL https dengan {z}, {x} dan {y}, atau kosong", "an https URL with {z}, {x} and {y}, or empty") \
    X(kTileAttributionLength, "paling banyak 200 karakter", "at most 200 characters")
// clang-format on

#define KIMONET_INVENTORY_MESSAGE_CONSTANT(name, indonesian, english) inline constexpr const char* name = indonesian;
KIMONET_INVENTORY_MESSAGES(KIMONET_INVENTORY_MESSAGE_CONSTANT)
#undef KIMONET_INVENTORY_MESSAGE_CONSTANT

}  // namespace kimonet::messages
