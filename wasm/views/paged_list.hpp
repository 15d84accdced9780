#pragma once
// The paged list every list screen loads: GET <path>?page=N&per_page=M[&filters] → the "data"
// array and "total" of the server's list envelope, its error as text, and the pager under it.
// A newer load supersedes an older one still in flight (its answer is dropped).
#include <functional>
#include <string>

#include "api/json_fields.hpp"
#include "api_client.hpp"

namespace kimonet {

class PagedList {
public:
    PagedList(std::string path, int per_page) : m_path(std::move(path)), m_per_page(per_page) {}

    // Fetches the current page; `filters` is appended to the query ("&status=paid"). `on_loaded`
    // runs after rows/total are set (screens that read the rows into their own records).
    void load(const std::string& filters = {}, std::function<void(const ApiResponse&)> on_loaded = nullptr);
    // The pager ("<prefix>.previous/.summary/.next"); true when the page changed (then load again).
    bool pager(const std::string& prefix);

    const api::Json& rows() const { return m_rows; }
    api::Json& rows() { return m_rows; }  // a row updated in place from an action's answer
    // Back to page 1 (a filter changed); the caller loads.
    void first_page() { m_page = 1; }
    int page() const { return m_page; }
    int total() const { return m_total; }
    int per_page() const { return m_per_page; }
    bool loaded() const { return m_loaded; }    // an answer (rows or error) has arrived
    bool loading() const { return m_loading; }  // a request is in flight
    const std::string& error() const { return m_error; }
    void set_error(std::string error) { m_error = std::move(error); }

private:
    std::string m_path;
    int m_per_page;
    int m_page = 1;
    int m_total = 0;
    int m_serial = 0;
    bool m_loaded = false;
    bool m_loading = false;
    api::Json m_rows = api::Json::array();
    std::string m_error;
};

}  // namespace kimonet
