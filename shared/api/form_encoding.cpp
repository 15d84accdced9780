#include "api/form_encoding.hpp"

#include "api/json_fields.hpp"

namespace kimonet::api {

std::string form_encode(const std::vector<std::pair<std::string, std::string>>& fields) {
    std::string out;
    for (const auto& [name, value] : fields) {
        if (!out.empty()) out.push_back('&');
        out += url_encode(name) + "=" + url_encode(value);
    }
    return out;
}

}  // namespace kimonet::api
