#pragma once
// Tagih tunai: the collector's phone screen (issue 20). Their day at the top (collected, still to
// remit, a "Setor" form), then their route: the open invoices of the customers in their areas, by
// area, each with "Terima tunai" (the amount, prefilled with what is owed; a different amount
// asks to be confirmed). A payment's Idempotency-Key is made when its form opens and kept until
// the server answers, so a retry on a bad signal never pays twice; the receipt goes out by WhatsApp.
#include <cstdint>
#include <string>

#include "api/cash_dto.hpp"
#include "view.hpp"

namespace kimonet {

class App;

class ViewCollect final : public View {
public:
    void enter(App& app) override;
    void draw(App& app) override;

private:
    void reload();
    void draw_day(App& app);
    void draw_stop(App& app, const api::CashStop& stop);
    void collect(App& app, const api::CashStop& stop);
    void remit(App& app);

    api::CashRoute m_route;
    api::CashDay m_day;
    bool m_loaded = false;
    bool m_busy = false;
    std::string m_error;
    std::int64_t m_paying = 0;  // the invoice whose cash form is open (0: none)
    std::string m_amount;
    std::string m_amount_error;
    bool m_confirm_difference = false;
    std::string m_key;  // the open form's Idempotency-Key
    bool m_remitting = false;
    std::string m_remit_amount;
    std::string m_remit_note;
    std::string m_remit_error;
    std::string m_remit_key;
};

}  // namespace kimonet
