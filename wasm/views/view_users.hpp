#pragma once
// Pengguna & peran: staff users (create, edit name/role/password, deactivate) and the permission
// matrix (roles × permissions, saved per role). The server guards what may not change (e.g. the
// superadmin's roles.update) and its message is shown as it answers.
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "view.hpp"

namespace kimonet {

class App;

class ViewUsers final : public View {
public:
    void enter(App& app) override;
    void draw(App& app) override;
    // #/users (the users tab), #/users/roles, #/users/new, #/users/2/edit
    std::string route() const override;
    RouteOutcome open_subroute(App& app, const std::vector<std::string>& rest) override;

private:
    struct User {
        std::int64_t id = 0;
        std::string username, full_name, role;
        bool active = true;
    };
    struct Role {
        std::int64_t id = 0;
        std::string name, description;
        std::set<std::string> saved, edited;
    };
    void load_users();
    void load_roles();
    void draw_users(App& app);
    void draw_matrix(App& app);
    void draw_user_form();
    void open_form(const User* user);
    void open_pending_form(App& app);
    void save_user();
    void save_role(int index);
    void deactivate(std::int64_t id);

    int m_tab = 0;
    int m_matrix_role = 0;  // on a phone the matrix shows one role at a time: this one
    std::vector<User> m_users;
    std::vector<Role> m_roles;
    std::string m_error, m_notice;
    // User form.
    bool m_form_requested = false;
    bool m_form_visible = false;  // drawn last frame and not closed since
    std::int64_t m_pending_form = -1;  // an address's form (0 = new), opened once the lists asked on entering are here
    bool m_users_fresh = false, m_roles_fresh = false;
    std::int64_t m_form_id = 0;  // 0 = new
    std::string m_form_username, m_form_name, m_form_password;
    int m_form_role = 0;
    bool m_form_active = true;
    FieldErrors m_form_fields;
    std::string m_form_error;
    bool m_form_busy = false;
    std::int64_t m_confirm_deactivate = 0;
    // Matrix.
    std::vector<std::string> m_role_errors;
    bool m_role_busy = false;
};

}  // namespace kimonet
