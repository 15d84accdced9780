#pragma once
// A libharu document as every Kimonet PDF starts it: compressed, UTF-8, with the regular and bold
// TrueType fonts (Noto Sans, else DejaVu Sans), libharu's errors collected instead of aborting,
// and the finished file's bytes at the end.
#include <hpdf.h>

#include <memory>
#include <string>

#include "core/result.hpp"

namespace kimonet::pdf {

class PdfDocument {
public:
    // Fails when no font is installed (fonts-noto-core) or libharu cannot start.
    static Result<std::unique_ptr<PdfDocument>> create(const std::string& title);
    ~PdfDocument();
    PdfDocument(const PdfDocument&) = delete;
    PdfDocument& operator=(const PdfDocument&) = delete;

    HPDF_Doc handle() const { return m_pdf; }
    HPDF_Font regular() const { return m_regular; }
    HPDF_Font bold() const { return m_bold; }
    // Forgets an error the caller chose to survive (an unreadable logo is drawn without).
    void clear_failure() { m_failure.clear(); }
    // The saved file, or the first error libharu reported while it was drawn.
    Result<std::string> bytes();

private:
    PdfDocument() = default;
    HPDF_Doc m_pdf = nullptr;
    HPDF_Font m_regular = nullptr;
    HPDF_Font m_bold = nullptr;
    std::string m_failure;
};

}  // namespace kimonet::pdf
