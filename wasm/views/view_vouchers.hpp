#pragma once
// Voucher hotspot (issue 19): make a batch and watch its push to the router (pushed of count, read
// from the batch while the push runs), the list of batches with their A4 and 58 mm sheets, the
// resellers with their balance (top-up, sell vouchers with an idempotency key per form), and the
// sales report by reseller and day (CSV download), and the hotspot profiles (list; create and edit
// for vouchers.create) that batches are made from.
#include <cstdint>
#include <string>
#include <vector>

#include "api/voucher_dto.hpp"
#include "views/view_hotspot_profile_form.hpp"
#include "view.hpp"

namespace kimonet {

class App;

class ViewVouchers final : public View {
public:
    void enter(App& app) override;
    void draw(App& app) override;

private:
    void reload();
    void draw_batches(App& app);
    void draw_make_form(App& app);
    void draw_resellers(App& app);
    void draw_report();
    void draw_profiles(App& app);  // view_voucher_profiles.cpp
    void open_profile_form(App& app, const HotspotProfile* profile);
    void make_batch();
    void poll_progress();
    void sell();
    void load_report();

    int m_tab = 0;  // 0 batches, 1 resellers, 2 sales report, 3 profiles
    std::vector<HotspotProfile> m_profiles;
    bool m_profiles_loaded = false;
    ViewHotspotProfileForm m_profile_form;
    std::string m_profile_notice;
    std::vector<VoucherBatch> m_batches;
    std::vector<Reseller> m_resellers;
    std::vector<ResellerSalesDay> m_report;
    bool m_busy = false;

    // Make a batch.
    int m_router = 0, m_profile = 0, m_mode = 0;
    std::int64_t m_router_id = 0;
    std::string m_count = "100";
    FieldErrors m_errors;
    std::int64_t m_pushing = 0;  // the batch being pushed (0: none)
    double m_next_poll = 0;
    VoucherBatch m_progress;

    // Resellers.
    int m_sale_reseller = 0, m_sale_batch = 0;
    std::string m_sale_count = "10", m_top_up;
    std::string m_sale_key;  // one key per filled-in sale: a double click sells once
    // One key per top-up (reseller and amount): pressed again after no answer, the server credits once.
    std::string m_top_up_key, m_top_up_key_for;
    std::string m_sale_message;

    std::string m_from, m_to;
};

}  // namespace kimonet
