#pragma once
// The fixed <script> and <style> blocks of the pages the server renders (bill page, isolir page,
// promise page), and the Content-Security-Policy that allows exactly these blocks by their SHA-256
// and nothing else inline: markup slipped past the escaping cannot run script or restyle a page.
// A block is never built from data (no company name, no number in it): its hash is the page's
// contract. Data goes in attributes and text the scripts read (data-invoice, data-copy, …); event
// handlers are bound by the script, never written as on…= attributes (a hash does not allow those).
#include <string>

namespace kimonet::http {

extern const char* const kBillPageStyle;
extern const char* const kBillPageScript;
extern const char* const kIsolirPageStyle;
extern const char* const kNoticePageStyle;  // the small answer pages (promise made or refused)

// "default-src 'self'; script-src 'sha256-…'; style-src 'sha256-…' …; img-src 'self' data:; …",
// computed once.
const std::string& rendered_page_policy();

}  // namespace kimonet::http
