#pragma once
// The credit part of a customer's detail screen (issue 20): the customer's credit notes and refunds
// (from /api/customers/{id}/history), and the "Kembalikan dana" dialog that pays credit back — the
// amount (at most the balance, prefilled with it), cash or bank transfer with its reference, and a
// reason — offered to refunds.create while the balance is above zero. Esc closes the dialog as
// Cancel does (form_modal).
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "api/json_fields.hpp"
#include "billing/credit_note.hpp"
#include "views/form_modal.hpp"

namespace kimonet {

class App;

class CustomerCreditPanel {
public:
    // The history answer's "credit_notes", "refunds" and "credit_balance".
    void read_history(std::int64_t customer_id, const api::Json& history);
    // Whether to offer "Kembalikan dana": refunds.create and a balance above zero.
    bool offered(App& app) const;
    // Opens the dialog, the amount prefilled with the balance; `changed` runs after a refund.
    void open(std::function<void()> changed);
    // The customer's credit notes and refunds, newest first; nothing when there are none.
    void draw_lists();
    // The dialog; call once per frame.
    void draw_dialog(App& app);
    bool dialog_open() const { return m_form.is_open(); }

private:
    void submit();

    std::int64_t m_customer_id = 0;
    Money m_balance = 0;
    std::vector<billing::CreditNote> m_credit_notes;
    std::vector<billing::Refund> m_refunds;
    FormModalState m_form;
    std::string m_amount;
    int m_method = 0;  // 0 cash, 1 bank transfer
    std::string m_reference;
    std::string m_reason;
    std::string m_key;
    std::string m_key_for;
    std::function<void()> m_changed;
};

}  // namespace kimonet
