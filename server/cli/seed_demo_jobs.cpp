// The demo technician's day (issue 21's field side): a technician who signs in on the first run
// finds work on the phone screen instead of "no jobs today" — the repair for the ticket they are
// working on and an installation this afternoon, a relocation tomorrow — and the dispatcher's day
// shows one visit still to assign. Made through the same service the dispatcher's screen uses.
#include "cli/seed_demo.hpp"
#include "services/technician_jobs.hpp"
#include "store/ticket_store.hpp"

namespace kimonet::cli {
namespace {

struct DemoJob {
    const char* kind;
    std::int64_t customer_id;
    int days_from_today;
    const char* window_start;
    const char* window_end;
    bool assigned;
    bool for_the_ticket;  // the repair answers the ticket the technician has in progress
    const char* notes;
};

constexpr DemoJob kDemoJobs[] = {
    {"repair", 40, 0, "09:00", "11:00", true, true, "Cek kabel drop dan ONT, LOS merah menurut pelanggan"},
    {"installation", 34, 0, "13:00", "15:00", true, false, "Pasang baru, ODP terdekat di ujung gang"},
    {"relocation", 22, 1, "10:00", "12:00", true, false, "Pindah ke rumah baru, dua rumah dari alamat lama"},
    {"dismantle", 17, 1, "14:00", "16:00", false, false, "Berhenti berlangganan, ambil ONT"},
};

}  // namespace

Result<std::int64_t> seed_demo_jobs(app::Context& context) {
    const std::int64_t technician = TRY(demo_technician_id(context));
    store::TicketFilter working;
    working.status = "in_progress";
    working.now = context.now;
    const auto in_progress = TRY(store::list_tickets(context.db, working));
    std::int64_t made = 0;
    for (const auto& demo : kDemoJobs) {
        api::Json body = {{"kind", demo.kind},
                          {"customer_id", demo.customer_id},
                          {"scheduled_date", to_string(add_days(context.today(), demo.days_from_today))},
                          {"window_start", demo.window_start},
                          {"window_end", demo.window_end},
                          {"notes", demo.notes}};
        if (demo.assigned && technician > 0) body["technician_id"] = technician;
        if (demo.for_the_ticket)
            for (const auto& ticket : in_progress.rows)
                if (ticket.customer_id == demo.customer_id) body["ticket_id"] = ticket.id;
        const auto created = services::create_technician_job(context, body);
        if (!created) {
            if (created.error().fields.contains("customer_id")) continue;  // a database without that demo customer
            return created.error();
        }
        ++made;
    }
    return made;
}

}  // namespace kimonet::cli
