// Planted for tests/structure/setting_labels.cmake.
const Entry entries[] = {
        {"setting.labelled_setting", "Berlabel", "Labelled"},
        {"setting_help.labelled_setting", "Ada bantuan.", "Has help."},
        {"setting.planted_without_help", "Tanpa bantuan", "Without help"},
};
