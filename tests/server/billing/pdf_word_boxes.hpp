#pragma once
// Word boxes of a PDF as `pdftotext -bbox` (poppler-utils) finds them: what a reader sees where,
// in points from the page's top-left corner, so layout tests can ask "is it inside, does it overlap".
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

namespace kimonet::testing {

struct WordBox {
    int page = 0;
    double left = 0, top = 0, right = 0, bottom = 0;
    std::string text;
    double height() const { return bottom - top; }
    bool overlaps(const WordBox& other, double slack = 0.5) const {
        return page == other.page && left < other.right - slack && other.left < right - slack && top < other.bottom - slack &&
               other.top < bottom - slack;
    }
};

struct PdfWords {
    double page_width = 0, page_height = 0;
    std::vector<WordBox> words;

    // The chosen words' text in reading order (page, line, x), one space apart.
    std::string joined(const std::vector<WordBox>& chosen) const {
        std::vector<WordBox> sorted = chosen;
        std::sort(sorted.begin(), sorted.end(), [](const WordBox& a, const WordBox& b) {
            if (a.page != b.page) return a.page < b.page;
            if (std::abs(a.top - b.top) > 2) return a.top < b.top;
            return a.left < b.left;
        });
        std::string out;
        for (const auto& word : sorted) out += (out.empty() ? "" : " ") + word.text;
        return out;
    }
    std::vector<WordBox> matching(const std::string& text) const {
        std::vector<WordBox> found;
        for (const auto& word : words)
            if (word.text == text) found.push_back(word);
        return found;
    }
};

inline PdfWords pdf_words(const std::string& path, const std::string& pdf) {
    std::ofstream(path, std::ios::binary) << pdf;
    std::string html;
    FILE* pipe = popen(("pdftotext -bbox " + path + " - 2>/dev/null").c_str(), "r");
    BOOST_TEST_REQUIRE(pipe != nullptr);
    char buffer[4096];
    std::size_t read = 0;
    while ((read = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) html.append(buffer, read);
    BOOST_TEST_REQUIRE(pclose(pipe) == 0);
    PdfWords result;
    static const std::regex page_tag(R"re(<page width="([0-9.]+)" height="([0-9.]+)">)re");
    static const std::regex word_tag(R"re(<word xMin="([0-9.-]+)" yMin="([0-9.-]+)" xMax="([0-9.-]+)" yMax="([0-9.-]+)">([^<]*)</word>)re");
    int page = 0;
    for (std::sregex_iterator it(html.begin(), html.end(), page_tag), end; it != end; ++it) {
        result.page_width = std::stod((*it)[1]);
        result.page_height = std::stod((*it)[2]);
        const std::size_t page_start = static_cast<std::size_t>(it->position());
        const std::size_t page_end = html.find("</page>", page_start);
        const std::string body = html.substr(page_start, page_end - page_start);
        ++page;
        for (std::sregex_iterator w(body.begin(), body.end(), word_tag); w != std::sregex_iterator(); ++w)
            result.words.push_back(WordBox{page, std::stod((*w)[1]), std::stod((*w)[2]), std::stod((*w)[3]), std::stod((*w)[4]), (*w)[5]});
    }
    return result;
}

inline std::vector<std::string> words_of(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = std::min(text.find(' ', start), text.size());
        if (end > start) out.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

}  // namespace kimonet::testing
