#pragma once
// "Mutasi bank" (issue 20): import a bank's statement export (BCA, Mandiri, BRI, BNI; CSV or .xlsx)
// and handle what it could not pay by itself. The import answers with what it did (lines added,
// paid, waiting, seen before) or with the rows it could not read; the list below shows the lines
// waiting for review (reason and suggested invoice), paid or ignored. A waiting line is paid to the
// suggested invoice or to an invoice number typed in, or ignored with a note. Importing and handling
// need payments.create; the list needs payments.read (the screen's own permission).
#include <cstdint>
#include <string>
#include <vector>

#include "api/bank_statement_dto.hpp"
#include "view.hpp"
#include "views/paged_list.hpp"

namespace kimonet {

class App;

class ViewBankStatements final : public View {
public:
    void enter(App& app) override;
    void draw(App& app) override;

private:
    void reload();
    void take_picked_file();
    void import(std::string bytes, const std::string& file_name);
    void match(std::int64_t line_id, const std::string& invoice_no, const std::string& confirm = {});
    void ignore(std::int64_t line_id);
    void draw_import(bool can_handle);
    void draw_line(const api::BankStatementLineResource& line, bool can_handle, bool compact);

    int m_status = 0;  // index into kStatuses (review, paid, ignored)
    PagedList m_list{"/api/bank-statements/lines", 25};
    std::vector<api::BankStatementLineResource> m_lines;
    int m_pick = 0;
    bool m_busy = false;
    std::string m_notice;
    std::string m_error;
    std::vector<std::string> m_row_errors;  // "Baris 12: tanggal mutasi tidak terbaca"
    std::int64_t m_editing = 0;             // the line whose invoice number is being typed
    std::string m_invoice_no;
    std::string m_pending_confirm;  // "partial" / "overpayment": the server asked to confirm m_editing's amount
};

}  // namespace kimonet
