#pragma once
// Settings whose value is one of a fixed set (issue 18, "settings people can read"): the values each
// admits, in the order the settings screen offers them. The server refuses any other value
// (services/settings.cpp); the browser draws each such setting as a choice with Indonesian labels
// (i18n key "setting_choice.<key>.<value>", help "setting_choice_help.<key>.<value>"), or as a
// switch when the values are "0" and "1", and never shows a raw value.
#include <span>
#include <string_view>
#include <vector>

namespace kimonet::api {

struct SettingChoices {
    std::string_view key;
    std::vector<std::string_view> values;
    bool is_switch() const { return values.size() == 2 && values[0] == "0" && values[1] == "1"; }
};

// Every enum-valued setting.
std::span<const SettingChoices> setting_choices();
// The choices of `key`, or null when it takes free text.
const SettingChoices* find_setting_choices(std::string_view key);

}  // namespace kimonet::api
