#include "widgets/text_wrap.hpp"

#include <vector>

namespace kimonet::widgets {
namespace {

// The spaces a paragraph may break at: every space, except the one after "Rp".
std::vector<std::string_view> unbreakable_runs(std::string_view paragraph) {
    std::vector<std::string_view> runs;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= paragraph.size(); ++i) {
        if (i < paragraph.size() && paragraph[i] != ' ') continue;
        const std::string_view word = paragraph.substr(start, i - start);
        const bool currency = word == "Rp" || word.ends_with("(Rp");
        if (i < paragraph.size() && currency) continue;  // keep "Rp" with what follows
        runs.push_back(word);
        start = i + 1;
    }
    return runs;
}

// A run wider than the line: as many bytes per line as fit (UTF-8 sequences kept whole).
void cut_long_run(std::string_view run, float width, const MeasureText& measure, std::string& out) {
    std::size_t start = 0;
    while (start < run.size()) {
        std::size_t end = start, fitting = start;
        while (end < run.size()) {
            std::size_t next = end + 1;
            while (next < run.size() && (static_cast<unsigned char>(run[next]) & 0xC0) == 0x80) ++next;
            if (measure(run.substr(start, next - start)) > width && fitting > start) break;
            fitting = end = next;
        }
        if (start > 0) out += '\n';
        out.append(run.substr(start, fitting - start));
        start = fitting;
    }
}

void wrap_paragraph(std::string_view paragraph, float width, const MeasureText& measure, std::string& out) {
    std::string line;
    for (const std::string_view run : unbreakable_runs(paragraph)) {
        const std::string candidate = line.empty() ? std::string(run) : line + ' ' + std::string(run);
        if (measure(candidate) <= width) {
            line = candidate;
            continue;
        }
        if (!line.empty()) {
            out += line;
            out += '\n';
            line.clear();
        }
        if (measure(run) <= width) {
            line = std::string(run);
            continue;
        }
        std::string pieces;  // the run alone is wider than the line
        cut_long_run(run, width, measure, pieces);
        const std::size_t last = pieces.rfind('\n');
        if (last != std::string::npos) out.append(pieces, 0, last + 1);
        line = last == std::string::npos ? pieces : pieces.substr(last + 1);
    }
    out += line;
}

}  // namespace

std::string wrap_text(std::string_view text, float width, const MeasureText& measure) {
    if (width <= 0.f || measure(text) <= width) return std::string(text);
    std::string out;
    std::size_t start = 0;
    while (true) {
        const std::size_t end = text.find('\n', start);
        wrap_paragraph(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start), width, measure, out);
        if (end == std::string_view::npos) break;
        out += '\n';
        start = end + 1;
    }
    return out;
}

}  // namespace kimonet::widgets
