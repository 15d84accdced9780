#pragma once
// Which Meta WhatsApp Cloud API message template carries each of our message kinds (issue 22,
// docs/integrations/whatsapp-meta.md). Meta delivers a business-initiated message outside the
// 24-hour customer service window only as an approved template, so every kind we send on our
// own (invoices, reminders, receipts, isolir notices…) maps to a template:
// - its name is "kimonet_<kind>" unless the whatsapp_meta_templates setting names another
//   ("invoice_new=tagihan_baru_v2"), or "-" there sends the kind as free text;
// - its body parameters {{1}}…{{n}} are the placeholders of our default text of that kind, in
//   the order they first appear there, so the template submitted to Meta can be our text with
//   {{n}} in place of each placeholder.
// Bot replies (kinds starting "bot_") answer a message the customer just sent, inside the window,
// so they go as free text. Pure: the settings screen checks the setting with the same rules.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kimonet::messaging {

struct MetaTemplate {
    std::string name;                     // "kimonet_invoice_new"
    std::vector<std::string> parameters;  // our placeholder names, in {{1}}…{{n}} order
};

// The template for `kind` under the whatsapp_meta_templates setting `overrides`; none when the
// kind goes as free text (a bot reply, an unknown kind, or "-" in the setting).
std::optional<MetaTemplate> meta_template_for(std::string_view kind, std::string_view overrides);

// Why a whatsapp_meta_templates value is unacceptable (empty when fine): comma-separated
// kind=name pairs, kind a known template kind, name [a-z0-9_]{1,512} or "-".
std::optional<std::string> meta_templates_problem(std::string_view overrides);

// A value as Meta accepts a text parameter: no line breaks or tabs and never more than four
// spaces in a row (Meta refuses such parameters), at most 1024 characters.
std::string meta_parameter_text(std::string_view value);

}  // namespace kimonet::messaging
