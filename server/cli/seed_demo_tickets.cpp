// The demo year's trouble tickets (issue 18 asks for them in `kimonet seed-demo`): reports from
// every channel over the last two weeks, most closed by the technician with a cause, one assigned
// and in progress, one waiting past its response target, so the Tickets screen's filters and its
// breach highlighting show something on the first run. Deterministic for a given Clock.
#include "cli/seed_demo.hpp"
#include "services/tickets.hpp"
#include "store/ticket_store.hpp"

namespace kimonet::cli {
namespace {

struct DemoTicket {
    std::int64_t customer_id;
    const char* channel;
    const char* category;
    const char* message;
    int hours_ago;       // opened this long before the Clock
    int assigned_after;  // hours after opening; < 0: not assigned
    int closed_after;    // hours after opening; < 0: still open
    const char* cause;
};

constexpr DemoTicket kDemoTickets[] = {
    {3, "whatsapp", "no_connection", "Gangguan, internet mati sejak subuh, lampu LOS merah", 300, 1, 5, "fiber_cut"},
    {11, "portal", "slow", "Kecepatan turun setiap malam jam 8 sampai jam 11", 250, 3, 30, "configuration"},
    {18, "staff", "device", "Pelanggan telepon: router mati total, adaptor panas", 170, 2, 20, "device_fault"},
    {25, "landing", "intermittent", "Internet putus-putus sejak hujan kemarin", 96, 2, 9, "power"},
    {32, "whatsapp", "billing", "Sudah bayar tapi masih diisolir", 30, 1, 2, "billing"},
    {40, "portal", "no_connection", "Internet mati, sudah restart modem", 6, 1, -1, ""},
    {47, "whatsapp", "slow", "lemot sekali buat video call", 5, -1, -1, ""},
};

}  // namespace

Result<std::int64_t> demo_technician_id(app::Context& context) {
    for (const auto& assignee : TRY(store::ticket_assignees(context.db)))
        if (assignee.username == "technician") return assignee.id;
    return std::int64_t{0};
}

Result<std::int64_t> seed_demo_tickets(app::Context& context) {
    const std::int64_t technician = TRY(demo_technician_id(context));
    std::int64_t made = 0;
    for (const auto& demo : kDemoTickets) {
        app::Context at = context;
        at.now = context.now - std::int64_t{demo.hours_ago} * 3600;
        services::TicketOpenRequest request;
        request.customer_id = demo.customer_id;
        request.channel = demo.channel;
        request.category = demo.category;
        request.message = demo.message;
        request.notify = false;
        const auto opened = services::open_ticket(at, request);
        if (!opened) {
            if (opened.error().code == ErrorCode::NotFound) continue;  // a database without that demo customer
            return opened.error();
        }
        ++made;
        if (demo.assigned_after >= 0 && technician > 0) {
            at.now += std::int64_t{demo.assigned_after} * 3600;
            TRY_VOID(store::assign_ticket_to(context.db, opened->ticket_id, technician, at.now));
        }
        if (demo.closed_after >= 0) {
            const std::int64_t closed_at = context.now - std::int64_t{demo.hours_ago} * 3600 + std::int64_t{demo.closed_after} * 3600;
            TRY_VOID(store::close_ticket_row(context.db, opened->ticket_id, demo.cause, "demo", closed_at));
        } else if (demo.assigned_after >= 0) {
            TRY_VOID(store::set_ticket_status(context.db, opened->ticket_id, "in_progress", at.now));
        }
    }
    return made;
}

}  // namespace kimonet::cli
