#include "api/tax_dto.hpp"

namespace kimonet::api {

Json to_json(const CoretaxSummary& summary) {
    return Json{{"period", summary.period},
                {"pending", summary.pending},
                {"exported", summary.exported},
                {"files", summary.files},
                {"seller_ready", summary.seller_ready}};
}

CoretaxSummary coretax_summary_from_json(const Json& json) {
    CoretaxSummary summary;
    if (!json.is_object()) return summary;
    summary.period = json_string(json, "period");
    summary.pending = json_int(json, "pending");
    summary.exported = json_int(json, "exported");
    summary.files = json_int(json, "files");
    summary.seller_ready = json_bool(json, "seller_ready", false);
    return summary;
}

}  // namespace kimonet::api
