#pragma once
// Builds .xlsx files by hand (libzip): exactly the XML a test needs — shared strings, inline
// strings, formulas with and without cached values — independent of our export writer.
#include <zip.h>

#include <boost/test/unit_test.hpp>
#include <map>
#include <string>

namespace kimonet::testing {

inline std::string zip_bytes(const std::map<std::string, std::string>& entries) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(nullptr, 0, 0, &error);
    zip_source_keep(source);
    zip_t* archive = zip_open_from_source(source, ZIP_TRUNCATE, &error);
    BOOST_TEST_REQUIRE(archive != nullptr);
    for (const auto& [name, content] : entries) {
        zip_source_t* file = zip_source_buffer(archive, content.data(), content.size(), 0);
        BOOST_TEST_REQUIRE(zip_file_add(archive, name.c_str(), file, ZIP_FL_OVERWRITE) >= 0);
    }
    BOOST_TEST_REQUIRE(zip_close(archive) == 0);
    BOOST_TEST_REQUIRE(zip_source_open(source) == 0);
    zip_source_seek(source, 0, SEEK_END);
    const auto size = zip_source_tell(source);
    zip_source_seek(source, 0, SEEK_SET);
    std::string bytes(static_cast<std::size_t>(size), '\0');
    zip_source_read(source, bytes.data(), static_cast<zip_uint64_t>(size));
    zip_source_close(source);
    zip_source_free(source);
    return bytes;
}

// A one-sheet workbook; `rows_xml` is the content of <sheetData>, `shared` the <si> items.
inline std::string xlsx_bytes(const std::string& rows_xml, const std::string& shared = {}) {
    std::map<std::string, std::string> entries = {
        {"[Content_Types].xml",
         R"(<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>)"},
        {"xl/workbook.xml",
         R"(<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId7"/></sheets></workbook>)"},
        {"xl/_rels/workbook.xml.rels",
         R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/data.xml"/></Relationships>)"},
        {"xl/worksheets/data.xml",
         R"(<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)" +
             rows_xml + "</sheetData></worksheet>"},
    };
    if (!shared.empty())
        entries["xl/sharedStrings.xml"] =
            R"(<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)" + shared + "</sst>";
    return zip_bytes(entries);
}

}  // namespace kimonet::testing
