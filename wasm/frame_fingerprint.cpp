#include "frame_fingerprint.hpp"

#include <cstring>

#include "imgui.h"

namespace kimonet {
namespace {

// FNV-1a's offset basis; each 8-byte word is mixed in with a multiply and a rotate (not a
// cryptographic hash: it only has to tell consecutive frames apart).
constexpr std::uint64_t kFingerprintSeed = 0xcbf29ce484222325ull;
constexpr std::uint64_t kFingerprintPrime = 0x100000001b3ull;

std::uint64_t mix_word(std::uint64_t state, std::uint64_t word) {
    state ^= word;
    state *= kFingerprintPrime;
    return (state << 29) | (state >> 35);
}

std::uint64_t mix_bytes(std::uint64_t state, const void* data, std::size_t size) {
    const auto* bytes = static_cast<const unsigned char*>(data);
    std::size_t offset = 0;
    for (; offset + 8 <= size; offset += 8) {
        std::uint64_t word = 0;
        std::memcpy(&word, bytes + offset, 8);
        state = mix_word(state, word);
    }
    std::uint64_t tail = 0;
    std::memcpy(&tail, bytes + offset, size - offset);
    return mix_word(mix_word(state, tail), size);
}

}  // namespace

std::uint64_t frame_fingerprint(const ImDrawData& data) {
    std::uint64_t state = kFingerprintSeed;
    const float frame[4] = {data.DisplayPos.x, data.DisplayPos.y, data.DisplaySize.x, data.DisplaySize.y};
    state = mix_bytes(state, frame, sizeof frame);
    for (int list_index = 0; list_index < data.CmdListsCount; ++list_index) {
        const ImDrawList& list = *data.CmdLists[list_index];
        state = mix_bytes(state, list.VtxBuffer.Data, static_cast<std::size_t>(list.VtxBuffer.Size) * sizeof(ImDrawVert));
        state = mix_bytes(state, list.IdxBuffer.Data, static_cast<std::size_t>(list.IdxBuffer.Size) * sizeof(ImDrawIdx));
        for (const ImDrawCmd& command : list.CmdBuffer) {
            const float clip[4] = {command.ClipRect.x, command.ClipRect.y, command.ClipRect.z, command.ClipRect.w};
            state = mix_bytes(state, clip, sizeof clip);
            const std::uint64_t fields[4] = {reinterpret_cast<std::uintptr_t>(command.TextureId), command.VtxOffset,
                                             command.IdxOffset, command.ElemCount};
            state = mix_bytes(state, fields, sizeof fields);
            // A user callback draws something ImGui cannot describe: never treat it as unchanged.
            static std::uint64_t g_fingerprint_callbacks = 0;
            if (command.UserCallback != nullptr) state = mix_word(state, ++g_fingerprint_callbacks);
        }
    }
    return state;
}

}  // namespace kimonet
