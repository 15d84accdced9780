#include "pdf/pdf_document.hpp"

#include <filesystem>

namespace kimonet::pdf {

namespace {

constexpr const char* kRegularFonts[] = {"/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
                                         "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"};
constexpr const char* kBoldFonts[] = {"/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
                                      "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"};

void on_error(HPDF_STATUS error, HPDF_STATUS detail, void* user) {
    auto* status = static_cast<std::string*>(user);
    if (status->empty()) status->assign("libharu error " + std::to_string(error) + "/" + std::to_string(detail));
}

template <std::size_t N>
const char* first_existing(const char* const (&paths)[N]) {
    for (const char* path : paths)
        if (std::filesystem::exists(path)) return path;
    return nullptr;
}

}  // namespace

Result<std::unique_ptr<PdfDocument>> PdfDocument::create(const std::string& title) {
    const char* regular_path = first_existing(kRegularFonts);
    const char* bold_path = first_existing(kBoldFonts);
    if (!regular_path || !bold_path) return make_error(ErrorCode::Internal, messages::kNoPdfFont);
    std::unique_ptr<PdfDocument> document(new PdfDocument());
    document->m_pdf = HPDF_New(on_error, &document->m_failure);  // the failure string lives as long as the document
    if (!document->m_pdf) return make_error(ErrorCode::Internal, messages::kCannotCreatePdf);
    HPDF_Doc pdf = document->m_pdf;
    HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
    HPDF_UseUTFEncodings(pdf);
    HPDF_SetCurrentEncoder(pdf, "UTF-8");
    const char* regular_name = HPDF_LoadTTFontFromFile(pdf, regular_path, HPDF_TRUE);
    const char* bold_name = HPDF_LoadTTFontFromFile(pdf, bold_path, HPDF_TRUE);
    if (!regular_name || !bold_name) return make_error(ErrorCode::Internal, messages::with_detail(messages::kCannotLoadPdfFont, document->m_failure));
    document->m_regular = HPDF_GetFont(pdf, regular_name, "UTF-8");
    document->m_bold = HPDF_GetFont(pdf, bold_name, "UTF-8");
    HPDF_SetInfoAttr(pdf, HPDF_INFO_TITLE, title.c_str());
    HPDF_SetInfoAttr(pdf, HPDF_INFO_CREATOR, "Kimonet Billing");
    return document;
}

PdfDocument::~PdfDocument() {
    if (m_pdf) HPDF_Free(m_pdf);
}

Result<std::string> PdfDocument::bytes() {
    if (HPDF_SaveToStream(m_pdf) != HPDF_OK || !m_failure.empty()) return make_error(ErrorCode::Internal, messages::with_detail(messages::kPdfRenderingFailed, m_failure));
    std::string out(HPDF_GetStreamSize(m_pdf), '\0');
    HPDF_UINT32 size = static_cast<HPDF_UINT32>(out.size());
    HPDF_ResetStream(m_pdf);
    HPDF_ReadFromStream(m_pdf, reinterpret_cast<HPDF_BYTE*>(out.data()), &size);
    out.resize(size);
    return out;
}

}  // namespace kimonet::pdf
