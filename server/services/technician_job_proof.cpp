#include "services/technician_job_proof.hpp"

#include "core/technician_job_messages.hpp"
#include "core/validation_messages.hpp"

namespace kimonet::services {

namespace {

Result<store::TechnicianJobRow> proof_job_in_scope(app::Context& context, std::int64_t id, const JobScope& scope) {
    auto found = TRY(store::find_technician_job(context.db, id));
    if (!found) return make_error(ErrorCode::NotFound, messages::kJobNotFound);
    if (scope.technician_id && found->technician_id != scope.technician_id) return make_error(ErrorCode::Forbidden, messages::kJobNotYours);
    return std::move(*found);
}

}  // namespace

Result<api::TechnicianJobResource> add_technician_job_proof(app::Context& context, const std::filesystem::path& directory, std::int64_t id,
                                                            std::string_view purpose, std::string_view bytes, const JobScope& scope) {
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        const auto job = TRY(proof_job_in_scope(context, id, scope));
        if (job.status != "scheduled") return make_error(ErrorCode::Conflict, messages::kJobClosed);
        const auto attachment = TRY(add_attachment(context, directory, AttachmentOwner{"job", id}, purpose, bytes));
        if (!TRY(store::set_technician_job_proof(context.db, id, purpose == "signature", attachment.id, context.now)))
            return make_error(ErrorCode::Conflict, messages::kJobClosed);
        return {};
    }));
    return get_technician_job(context, id, scope);
}

Result<AttachmentFile> technician_job_proof(app::Context& context, const std::filesystem::path& directory, std::int64_t id,
                                            std::string_view purpose, const JobScope& scope) {
    const auto job = TRY(proof_job_in_scope(context, id, scope));
    const auto attachment = purpose == "signature" ? job.signature_attachment_id : job.photo_attachment_id;
    if (!attachment) return make_error(ErrorCode::NotFound, messages::kNotFound);
    return read_attachment(context.db, directory, AttachmentOwner{"job", id}, *attachment);
}

}  // namespace kimonet::services
