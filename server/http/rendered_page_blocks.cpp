#include "http/rendered_page_blocks.hpp"

#include <sodium.h>

#include <initializer_list>

#include "security/base64.hpp"

namespace kimonet::http {

const char* const kBillPageStyle =
    "body{font-family:system-ui,sans-serif;margin:0;background:#f4f6f8;color:#1d2733}"
    "main{max-width:480px;margin:0 auto;padding:16px}h1{font-size:1.3em}"
    ".card{background:#fff;border-radius:10px;padding:14px;margin:12px 0;box-shadow:0 1px 3px #0002}"
    ".paid{color:#13795b;font-weight:bold}.due{color:#b3261e;font-weight:bold}"
    "button{display:block;width:100%;min-height:44px;padding:12px;margin:6px 0;border:0;border-radius:8px;background:#1565c0;color:#fff;font-size:1em}"
    "input{width:100%;padding:12px;font-size:1em;box-sizing:border-box;border:1px solid #bbb;border-radius:8px}"
    ".code{font-size:1.4em;font-family:monospace;letter-spacing:1px;word-break:break-all;background:#eef3fb;padding:8px;border-radius:6px}"
    "small{color:#5f6b7a}"
    "button.copy{margin-top:6px}details{margin-top:10px}summary{cursor:pointer;color:#1d4ed8;line-height:24px;padding:10px 0}"
    ".qr-box{background:#fff;padding:8px;text-align:center}svg.qr{width:100%;max-width:280px;height:auto;display:block;margin:0 auto}";

// Paying: JSON to /billing/pay, then poll /billing/status/{order} until the invoice is paid.
const char* const kBillPageScript =
    "function pay(f){var d={invoice_id:+f.dataset.invoice,gateway:f.dataset.g,method:f.dataset.m};"
    "var o=document.getElementById('pay-'+f.dataset.invoice);o.textContent='Memproses…';"
    "fetch('/billing/pay',{method:'POST',headers:{'Content-Type':'application/json'},body:JSON.stringify(d)})"
    ".then(function(r){return r.json()}).then(function(j){if(!j.success){o.textContent=(j.error&&j.error.message)||'Gagal';return}"
    "show(o,j,d.method);other(f);poll(j.order_id)}).catch(function(){o.textContent='Gagal menghubungi server'});return false}"
    // Once a payment is shown, its bill's other buttons fold away (a second payment is one tap
    // further, not the next thing on the screen), as the server folds them for a pending one.
    "function other(f){if(f.hidden||f.closest('details'))return;var t=document.createElement('button');t.type='button';"
    "t.textContent='Pilih metode pembayaran lain';t.onclick=function(){f.hidden=false;t.remove()};f.parentNode.insertBefore(t,f);f.hidden=true}"
    // The VA number is typed into a banking app: one tap copies it (the Clipboard API where the
    // page is a secure context, else the selection and execCommand).
    "function copyCode(b){var t=b.dataset.copy;function done(){b.textContent='Disalin \u2713'}"
    "function old(){var c=b.previousElementSibling,r=document.createRange();r.selectNodeContents(c);var s=getSelection();"
    "s.removeAllRanges();s.addRange(r);try{document.execCommand('copy')}catch(e){}done()}"
    "if(navigator.clipboard&&window.isSecureContext)navigator.clipboard.writeText(t).then(done,old);else old()}"
    // qr_svg is the server's own drawing of qr_string (only rectangles), so it is inserted as markup.
    "function show(o,j,m){o.innerHTML='';function line(l,v,c){if(!v)return;var p=document.createElement('p');p.textContent=l;"
    "var s=document.createElement('div');s.className=c||'';s.textContent=v;o.appendChild(p);o.appendChild(s)}"
    "if(j.qr_svg){var p=document.createElement('p');p.textContent='Pindai kode QRIS ini dengan aplikasi m-banking atau e-wallet:';o.appendChild(p);"
    "var q=document.createElement('div');q.className='qr-box';q.innerHTML=j.qr_svg;o.appendChild(q)}else line('QRIS:',j.qr_string,'code');"
    "if(j.payment_code&&j.payment_code!==j.qr_string){line(/_va$/.test(m||'')?'Nomor virtual account:':'Kode bayar:',j.payment_code,'code');"
    "var c=document.createElement('button');c.type='button';c.className='copy';c.dataset.copy=j.payment_code;c.textContent='Salin nomor';"
    "o.appendChild(c)}"
    "function para(c){var p=document.createElement('p');p.appendChild(c);o.appendChild(p)}"
    "if(j.payment_url){var a=document.createElement('a');a.href=j.payment_url;a.textContent='Buka halaman pembayaran';para(a)}"
    "if(j.expires_text||j.expires_at){var e=document.createElement('small');e.textContent='Berlaku sampai '+(j.expires_text||j.expires_at);para(e)}}"
    "function poll(id){setTimeout(function(){fetch('/billing/status/'+encodeURIComponent(id)).then(function(r){return r.json()})"
    ".then(function(j){if(j.invoice_status==='paid')location.reload();else poll(id)}).catch(function(){poll(id)})},4000)}"
    "document.querySelectorAll('[data-poll]').forEach(function(e){poll(e.dataset.poll)});"
    // The page's markup carries no handlers (the policy allows only this block): a pay button says
    // which gateway and method it is before its form is submitted; a copy button copies its number.
    "document.addEventListener('click',function(e){var b=e.target.closest&&e.target.closest('button');if(!b)return;"
    "if(b.dataset.gateway&&b.form){b.form.dataset.g=b.dataset.gateway;b.form.dataset.m=b.dataset.method}"
    "else if(b.classList.contains('copy')&&b.dataset.copy)copyCode(b)});"
    "document.addEventListener('submit',function(e){var f=e.target;if(f.dataset.invoice&&!pay(f))e.preventDefault()});";

const char* const kIsolirPageStyle =
    "body{font-family:system-ui,sans-serif;background:#f4f6f8;color:#1f2933;margin:0;padding:24px}"
    "main{max-width:560px;margin:0 auto;background:#fff;border-radius:12px;padding:24px;box-shadow:0 2px 8px rgba(0,0,0,.08)}"
    "h1{font-size:1.4rem;color:#b42318}table{width:100%;border-collapse:collapse;margin:16px 0}"
    "td,th{padding:8px;border-bottom:1px solid #e4e7eb;text-align:left}.amount{text-align:right}"
    "input{padding:10px;font-size:1rem;border:1px solid #bbb;border-radius:6px;width:100%;box-sizing:border-box}"
    "button{margin-top:8px;min-height:44px;padding:10px 16px;font-size:1rem;border:0;border-radius:6px;background:#1565c0;color:#fff}"
    // 44 px tap targets (WCAG 2.5.5), the pay link as well as the button.
    "a.pay{display:inline-flex;align-items:center;justify-content:center;min-height:44px;box-sizing:border-box;background:#0b7a53;color:#fff;padding:6px 12px;border-radius:6px;text-decoration:none}"
    ".note{background:#ecfdf3;padding:12px;border-radius:8px}main{overflow-wrap:anywhere}"
    // A phone (390 px) has no room for five columns: each invoice becomes a small card whose
    // cells carry their column name, and the page never scrolls sideways.
    "@media (max-width:520px){body{padding:12px}main{padding:16px}thead{position:absolute;left:-9999px}"
    "table,tbody,tr,td{display:block}tr{border:1px solid #e4e7eb;border-radius:8px;margin:0 0 10px;padding:4px 12px}"
    "td{display:flex;justify-content:space-between;gap:12px;border:0;padding:6px 0;text-align:right}"
    "td::before{content:attr(data-label);color:#52606d;text-align:left}td.action::before{content:none}"
    "a.pay{display:flex;width:100%;padding:10px}}";

const char* const kNoticePageStyle = "body{font-family:system-ui,sans-serif;margin:24px}";

namespace {

// "'sha256-<base64>'": how a policy names one inline block (CSP Level 2, the UTF-8 bytes between
// the tags).
std::string source_hash(std::string_view block) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(block.data()), block.size());
    return "'sha256-" + security::base64(std::string_view(reinterpret_cast<const char*>(digest), sizeof digest)) + "'";
}

std::string hashes(std::initializer_list<const char*> blocks) {
    std::string out;
    for (const char* block : blocks) out += " " + source_hash(block);
    return out;
}

}  // namespace

const std::string& rendered_page_policy() {
    // No 'self' for scripts: these pages load no script file, so an injected <script src> of any
    // URL of ours (a JSON answer, an upload) is refused too.
    static const std::string policy = "default-src 'self'; script-src" + hashes({kBillPageScript}) + "; style-src" +
                                      hashes({kBillPageStyle, kIsolirPageStyle, kNoticePageStyle}) +
                                      "; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    return policy;
}

}  // namespace kimonet::http
