#pragma once
// "Impor pelanggan" (customers.create): pick an .xlsx or .csv file, see the columns the server
// recognised, a dry-run preview with every row's problems (row, column, message), then import all
// rows in one go — the button stays disabled while any row has a problem (the server imports all
// or nothing). The column mapping is the server's automatic detection from the header row; the
// API takes no edited mapping, so it is shown read-only with a hint to rename headers instead.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace kimonet {

class App;

class ViewImport {
public:
    // `imported` runs with the number of customers saved after a successful import.
    void open(std::function<void(std::int64_t)> imported);
    void draw(App& app);
    // Open or opening (its address #/reports/import); close() shuts it on the next frame (back).
    bool is_open() const { return m_open_requested || (m_visible && !m_close_requested); }
    void close();

private:
    struct Column {
        std::string header;
        std::string field;  // "" = ignored
    };
    struct RowError {
        std::int64_t row = 0;
        std::string field, message;
    };
    struct PreviewRow {
        std::string service_number, name, phone;
        std::int64_t package_id = 0;
    };
    struct Outcome {
        std::string format, encoding;
        std::vector<Column> columns;
        std::int64_t rows = 0, valid = 0, invalid = 0, imported = 0;
        std::vector<RowError> errors;
        std::vector<PreviewRow> preview;
    };

    void pick();
    void take_picked_file();
    void send(bool dry_run);
    void draw_file_row();
    void draw_outcome(App& app);
    void draw_mapping();
    void draw_errors();
    void draw_preview(App& app);
    void draw_footer();

    bool m_open_requested = false;
    bool m_visible = false;          // drawn last frame and not closed since
    bool m_close_requested = false;  // the address moved away: close it next frame
    int m_pick = 0;  // the file chooser's handle while it is open
    std::string m_file_name;
    std::string m_bytes;
    bool m_busy = false;
    bool m_checked = false;   // m_outcome is the dry run of m_bytes
    bool m_committed = false;  // m_outcome is the import that saved the customers
    Outcome m_outcome;
    std::string m_error;  // a file-level problem (not a spreadsheet, required column missing…)
    std::function<void(std::int64_t)> m_imported;
};

}  // namespace kimonet
