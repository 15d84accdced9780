// UI text of the dialogs' and tabs' addresses (issue 18, keyboard and addresses): key, Indonesian
// (default), English. A part of the catalogue of its own (i18n.hpp), like i18n_catalogue_print.cpp.
#include "i18n.hpp"

namespace kimonet::i18n {

std::initializer_list<Entry> keys_catalogue() {
    static const std::initializer_list<Entry> entries = {
        // #/packages/99/edit for a package that is not there: the screen stays, without the form.
        {"route.missing", "Alamat {route} tidak ditemukan: datanya tidak ada.", "Address {route} not found: there is no such record."},
    };
    return entries;
}

}  // namespace kimonet::i18n
