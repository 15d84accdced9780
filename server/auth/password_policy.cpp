#include "auth/password_policy.hpp"

#include <pwquality.h>

#include <algorithm>
#include <memory>
#include <mutex>

#include "core/validation_messages.hpp"

namespace kimonet::auth {

namespace {

struct SettingsDeleter {
    void operator()(pwquality_settings_t* settings) const { pwquality_free_settings(settings); }
};

// libpwquality's defaults, not /etc/security/pwquality.conf: the rule is the product's, the
// same on every host. Our length rule is 8; the dictionary, user-name and pattern checks stay on.
pwquality_settings_t* settings() {
    static std::unique_ptr<pwquality_settings_t, SettingsDeleter> instance([] {
        pwquality_settings_t* created = pwquality_default_settings();
        if (created) pwquality_set_int_value(created, PWQ_SETTING_MIN_LENGTH, 8);
        return created;
    }());
    return instance.get();
}

std::string message_for(int code) {
    switch (code) {
        case PWQ_ERROR_CRACKLIB_CHECK:
            return messages::kPasswordDictionary;
        case PWQ_ERROR_USER_CHECK:
        case PWQ_ERROR_GECOS_CHECK:
            return messages::kPasswordHasUsername;
        case PWQ_ERROR_MIN_LENGTH:
            return messages::kPassword;
        default:
            return messages::kPasswordSimple;
    }
}

}  // namespace

std::optional<std::string> password_problem(std::string_view password, std::string_view username) {
    if (password.size() < 8) return std::string(messages::kPassword);
    if (password.size() > 128) return std::string(messages::kPasswordTooLong);
    if (std::all_of(password.begin(), password.end(), [](unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }))
        return std::string(messages::kPasswordBlank);
    if (password.find('\0') != std::string_view::npos) return std::string(messages::kInvalid);
    // cracklib keeps static state between calls: one check at a time.
    static std::mutex mutex;
    std::lock_guard lock(mutex);
    pwquality_settings_t* checker = settings();
    if (!checker) return std::nullopt;  // out of memory at start-up: the length rules above still hold
    // libpwquality copies the user name into fixed buffers: an over-long one (a bad request that
    // also fails the username rule) crashed it; user names are at most 32 characters anyway.
    const std::string user(username.size() <= 64 ? username : std::string_view());
    // No auxiliary error: we map the code to our own message and nothing is allocated.
    const int score = pwquality_check(checker, std::string(password).c_str(), nullptr, user.empty() ? nullptr : user.c_str(), nullptr);
    if (score < 0) return message_for(score);
    return std::nullopt;
}

}  // namespace kimonet::auth
