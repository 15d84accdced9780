#pragma once
// Messages about what a peer we connect to (payment gateway, WhatsApp provider, router, SMTP
// server) sent back beyond our bounds, in their own part of the catalogue like radius_messages.hpp;
// core/message_catalogue.cpp reads this part too (English toggle, uniqueness check).
// X(name, Indonesian, English).
namespace kimonet::messages {

// clang-format off
#define KIMONET_PEER_MESSAGES(X) \
    X(kPeerReplyTooLarge, "jawaban server tujuan melebihi batas (byte)", "the remote server's reply is over the limit (bytes)") \
    X(kRouterReplyTooLarge, "jawaban API router melebihi batas (byte)", "the router's API reply is over the limit (bytes)") \
    X(kRouterCallTooLong, "router tidak selesai menjawab dalam batas waktu total (ms)", "the router did not finish its reply within the total time limit (ms)") \
    X(kJsonTooDeep, "JSON bersarang terlalu dalam", "the JSON is nested too deeply")
// clang-format on

#define KIMONET_PEER_MESSAGE_CONSTANT(name, indonesian, english) inline constexpr const char* name = indonesian;
KIMONET_PEER_MESSAGES(KIMONET_PEER_MESSAGE_CONSTANT)
#undef KIMONET_PEER_MESSAGE_CONSTANT

}  // namespace kimonet::messages
