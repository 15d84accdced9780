// libFuzzer target for the RouterOS sentence decoder: arbitrary bytes, fed in two chunks,
// must either decode or fail cleanly; anything decoded must re-encode to the same bytes.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "network/routeros_codec.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace kimonet::routeros;
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const std::size_t split = size == 0 ? 0 : data[0] % (size + 1);
    SentenceDecoder decoder;
    std::string reencoded;
    decoder.feed(input.substr(0, split));
    bool failed = false;
    const auto drain = [&] {
        while (!failed) {
            auto next = decoder.next();
            if (!next) { failed = true; return; }
            if (!*next) return;
            (void)parse_reply(**next);
            reencoded += encode_sentence(**next);
        }
    };
    drain();
    decoder.feed(input.substr(split));
    drain();
    // Canonical encodings re-encode identically, so a decoded prefix must be a prefix of a
    // canonical re-encoding of itself; check the round trip on what we produced.
    if (!failed && !reencoded.empty()) {
        SentenceDecoder again;
        again.feed(reencoded);
        std::string twice;
        while (true) {
            auto next = again.next();
            if (!next || !*next) break;
            twice += encode_sentence(**next);
        }
        if (twice != reencoded) std::abort();
    }
    return 0;
}
