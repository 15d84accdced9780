// The deterministic stand-in for the libFuzzer target (tests/fuzz/fuzz_routeros_decoder.cpp):
// thousands of random and mutated inputs with a fixed seed, chopped at random points.
#include <boost/test/unit_test.hpp>
#include <random>

#include "network/routeros_codec.hpp"

using namespace kimonet::routeros;

namespace {

Sentence random_sentence(std::mt19937& random) {
    static const std::uint32_t kSizes[] = {0, 1, 0x7F, 0x80, 0x3FFF, 0x4000};
    Sentence sentence;
    const int words = 1 + static_cast<int>(random() % 6);
    for (int index = 0; index < words; ++index) {
        std::uint32_t size = random() % 4 == 0 ? kSizes[random() % 6] : random() % 40;
        if (size == 0) size = 1;  // a zero-length word would end the sentence early
        std::string word(size, '\0');
        for (auto& c : word) c = static_cast<char>(random() & 0xFF);
        sentence.push_back(std::move(word));
    }
    return sentence;
}

// Feeds `wire` in random chunks; returns every sentence or the error seen.
std::pair<std::vector<Sentence>, bool> decode_chunked(const std::string& wire, std::mt19937& random) {
    SentenceDecoder decoder;
    std::vector<Sentence> out;
    std::size_t position = 0;
    while (position < wire.size()) {
        const std::size_t chunk = std::min<std::size_t>(wire.size() - position, 1 + random() % 300);
        decoder.feed(std::string_view(wire).substr(position, chunk));
        position += chunk;
        while (true) {
            auto next = decoder.next();
            if (!next) return {out, false};
            if (!*next) break;
            out.push_back(std::move(**next));
        }
    }
    return {out, true};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(routeros_decoder_robustness)

BOOST_AUTO_TEST_CASE(valid_random_sentences_round_trip_in_random_chunks) {
    std::mt19937 random(20260115);
    for (int round = 0; round < 1500; ++round) {
        std::vector<Sentence> sentences;
        std::string wire;
        const int count = 1 + static_cast<int>(random() % 4);
        for (int index = 0; index < count; ++index) {
            sentences.push_back(random_sentence(random));
            wire += encode_sentence(sentences.back());
        }
        auto [decoded, ok] = decode_chunked(wire, random);
        BOOST_TEST_REQUIRE(ok);
        BOOST_TEST_REQUIRE((decoded == sentences), "round " << round);
    }
}

BOOST_AUTO_TEST_CASE(mutated_and_random_bytes_never_crash_and_fail_only_cleanly) {
    std::mt19937 random(42);
    int failures = 0, decoded_sentences = 0;
    for (int round = 0; round < 4000; ++round) {
        std::string wire;
        if (round % 2 == 0) {
            wire = encode_sentence(random_sentence(random)) + encode_sentence(random_sentence(random));
            const int mutations = 1 + static_cast<int>(random() % 4);
            for (int index = 0; index < mutations && !wire.empty(); ++index)
                wire[random() % wire.size()] = static_cast<char>(random() & 0xFF);
        } else {
            wire.resize(random() % 200);
            for (auto& c : wire) c = static_cast<char>(random() & 0xFF);
        }
        auto [decoded, ok] = decode_chunked(wire, random);
        failures += ok ? 0 : 1;
        decoded_sentences += static_cast<int>(decoded.size());
        for (const auto& sentence : decoded) {
            BOOST_TEST(!sentence.empty());
            (void)parse_reply(sentence);  // must not crash on any sentence
        }
    }
    // Both outcomes must actually occur, or the generator is not exercising the decoder.
    BOOST_TEST(failures > 0);
    BOOST_TEST(decoded_sentences > 0);
}

BOOST_AUTO_TEST_SUITE_END()
