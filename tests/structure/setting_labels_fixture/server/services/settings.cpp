// Planted for tests/structure/setting_labels.cmake: one setting with its label and help, one
// with a label only, one with neither.
const SettingDefinition kDefinitions[] = {
        {"labelled_setting", "1", false, "Has both"},
        {"planted_without_help", "", false, "Has a label only"},
        {"planted_without_either", kDefault.data(), true,
         "Has neither"},
};
