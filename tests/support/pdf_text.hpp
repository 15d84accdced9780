#pragma once
// The text of a PDF as pdftotext (poppler-utils) extracts it, with -layout: what a person reads on
// the page, for the tests of every PDF the server renders (invoice, receipt, credit note, reports).
#include <cstdio>
#include <fstream>
#include <string>

#include "support/test_server_support.hpp"

namespace kimonet::testing {

inline std::string pdf_text(const TempDir& dir, const std::string& pdf) {
    const std::string path = dir.file("document.pdf");
    std::ofstream(path, std::ios::binary) << pdf;
    std::string text;
    FILE* pipe = popen(("pdftotext -layout " + path + " - 2>/dev/null").c_str(), "r");
    BOOST_TEST_REQUIRE(pipe != nullptr);
    char buffer[4096];
    std::size_t read = 0;
    while ((read = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) text.append(buffer, read);
    BOOST_TEST_REQUIRE(pclose(pipe) == 0, text);
    return text;
}

}  // namespace kimonet::testing
