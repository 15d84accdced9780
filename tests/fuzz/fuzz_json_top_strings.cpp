// libFuzzer target for the public bill check's body readers (shared/api/json_top_strings.hpp), which
// anyone can send anything: wherever api::plain_string_of reads a value without the parser (the
// check's own shape, {"customer_number":"…"}), top_level_strings must read the same verdict and
// values (issue 23), so that the route's shortcut answers exactly what the full reading answers.
// The same inputs also go through top_level_strings alone, which must answer or refuse cleanly.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api/json_top_strings.hpp"
#include "api/public_shapes.hpp"
#include "fuzz_must.hpp"

using namespace kimonet;
using kimonet::fuzz::must;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const std::vector<std::string_view> keys{api::kBillCheckCustomerNumberKey, api::kPublicServiceNumberKey};
    const auto read = api::top_level_strings(input, keys);
    if (const auto plain = api::plain_string_of(input, keys[0])) {
        must(read.ok());
        must((*read)[0] == std::optional<std::string>(std::string(*plain)));
        must(!(*read)[1].has_value());
    }
    return 0;
}
