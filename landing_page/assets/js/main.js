// The landing page's behaviour: packages and network status from the billing API, the
// registration form with the server's field messages shown inline, and the public bill check.
// Plain DOM, no libraries, no third-party requests. Settings come from config.js.
(function () {
  'use strict';

  var config = window.KIMONET_LANDING || {};
  var apiBase = String(config.apiBase || '').replace(/\/+$/, '');
  var REQUEST_TIMEOUT_MS = 8000;
  var STATUS_REFRESH_MS = 60000;
  var MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
  var REGISTER_FIELDS = ['name', 'phone', 'email', 'address', 'package_id', 'latitude', 'longitude'];
  var FIELD_IDS = { name: 'reg-name', phone: 'reg-phone', email: 'reg-email', address: 'reg-address', package_id: 'reg-package',
                    latitude: 'reg-latitude', longitude: 'reg-longitude' };

  function $(id) { return document.getElementById(id); }

  // Builds an element; `children` are nodes or strings (always inserted as text, never as HTML).
  function h(tag, attributes, children) {
    var element = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (name === 'className') element.className = attributes[name];
      else element.setAttribute(name, attributes[name]);
    });
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) return;
      element.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return element;
  }

  function rupiah(amount) { return 'Rp ' + Number(amount || 0).toLocaleString('id-ID'); }

  function indonesianDate(text) {  // "2026-01-10" -> "10 Januari 2026"
    var parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text || '');
    return parts ? Number(parts[3]) + ' ' + MONTHS[Number(parts[2]) - 1] + ' ' + parts[1] : (text || '');
  }

  function indonesianPeriod(text) {  // "2026-01" -> "Januari 2026"
    var parts = /^(\d{4})-(\d{2})$/.exec(text || '');
    return parts ? MONTHS[Number(parts[2]) - 1] + ' ' + parts[1] : (text || '');
  }

  function localTime(text) {  // "2026-01-15 14:00" (server's local time) -> "15 Januari 2026 pukul 14.00"
    var parts = /^(\d{4}-\d{2}-\d{2}) (\d{2}):(\d{2})/.exec(text || '');
    return parts ? indonesianDate(parts[1]) + ' pukul ' + parts[2] + '.' + parts[3] : (text || '');
  }

  // fetch with a timeout; resolves to {status, body} (body null when it is not JSON), rejects on network failure.
  function request(method, path, payload) {
    var controller = window.AbortController ? new AbortController() : null;
    var timer = controller ? setTimeout(function () { controller.abort(); }, REQUEST_TIMEOUT_MS) : null;
    var options = { method: method, headers: { Accept: 'application/json' }, signal: controller ? controller.signal : undefined };
    if (payload !== undefined) {
      options.headers['Content-Type'] = 'application/json';
      options.body = JSON.stringify(payload);
    }
    return fetch(apiBase + path, options).then(function (response) {
      return response.text().then(function (text) {
        var body = null;
        try { body = text ? JSON.parse(text) : null; } catch (ignored) { body = null; }
        return { status: response.status, body: body };
      });
    }).finally(function () { if (timer) clearTimeout(timer); });
  }

  function errorMessage(reply, fallback) {
    return (reply.body && reply.body.error && reply.body.error.message) || fallback;
  }

  // ---- configuration: name, contact, links ----
  function applyConfig() {
    document.querySelectorAll('[data-config]').forEach(function (element) {
      var value = config[element.getAttribute('data-config')];
      if (value) element.textContent = value;
    });
    if (config.ispName) document.title = config.ispName + ' — Internet Fiber Rumah & Bisnis';
    var links = {
      whatsapp: config.whatsapp ? 'https://wa.me/' + String(config.whatsapp).replace(/\D/g, '') : null,
      email: config.email ? 'mailto:' + config.email : null,
      portal: apiBase + '/',
      billing: apiBase + '/billing'
    };
    document.querySelectorAll('[data-link]').forEach(function (element) {
      var target = links[element.getAttribute('data-link')];
      if (target) element.setAttribute('href', target);
    });
    $('year').textContent = String(new Date().getFullYear());
  }

  // ---- packages ----
  function choosePackage(id) {
    $('reg-package').value = String(id);
    $('daftar').scrollIntoView();
    $('reg-name').focus({ preventScroll: true });
  }

  function renderPackages(packages, offline) {
    var list = $('package-list');
    list.textContent = '';
    list.setAttribute('aria-busy', 'false');
    $('paket-offline').hidden = !offline;
    var select = $('reg-package');
    var chosen = select.value;
    while (select.options.length > 1) select.remove(1);
    var featured = packages.length > 2 ? 1 : -1;
    packages.forEach(function (item, index) {
      var button = h('button', { className: 'button ' + (index === featured ? 'button-primary' : 'button-secondary'), type: 'button',
                                 'aria-label': 'Pilih paket ' + item.name }, ['Pilih paket']);
      button.addEventListener('click', function () { choosePackage(item.id); });
      list.appendChild(h('article', { className: 'card package' + (index === featured ? ' package-featured' : ''), 'data-package-id': String(item.id) }, [
        index === featured ? h('span', { className: 'badge-popular' }, ['Terpopuler']) : null,
        h('h3', {}, [item.name]),
        h('p', { className: 'speed' }, [item.speed || '']),
        h('p', { className: 'price' }, [rupiah(item.price), h('small', {}, [' /bulan'])]),
        h('p', { className: 'description' }, [item.description || '']),
        button
      ]));
      select.appendChild(h('option', { value: String(item.id) }, [item.name + ' — ' + rupiah(item.price) + '/bulan']));
    });
    if (chosen) select.value = chosen;
  }

  function loadPackages() {
    request('GET', '/api/packages/public').then(function (reply) {
      if (reply.status !== 200 || !reply.body || !Array.isArray(reply.body.data) || reply.body.data.length === 0) throw new Error('packages');
      renderPackages(reply.body.data, false);
    }).catch(function () {
      renderPackages(config.fallbackPackages || [], true);
    });
  }

  // ---- network status ----
  var ROUTER_STATUS = { up: ['Normal', 'pill-up'], down: ['Gangguan', 'pill-down'], unknown: ['Belum diperiksa', 'pill-unknown'] };

  function renderNetworkStatus(status) {
    var box = $('network-status');
    box.textContent = '';
    var normal = status.overall === 'normal';
    box.appendChild(h('div', { className: 'status-summary ' + (normal ? 'normal' : 'gangguan'), id: 'network-summary' }, [
      h('span', { className: 'status-dot', 'aria-hidden': 'true' }),
      normal ? 'Semua jaringan beroperasi normal' : 'Sebagian jaringan sedang mengalami gangguan'
    ]));
    // Outages staff opened on a router, OLT, ODC, ODP or a drawn area: title and area, as the server gives them.
    if (status.outages && status.outages.length) {
      var outages = h('ul', { className: 'incident-list outage-list', 'aria-label': 'Gangguan yang sedang berlangsung' });
      status.outages.forEach(function (outage) {
        var meta = ['Area: ' + outage.area_name, 'Sejak: ' + localTime(outage.started_at_text)];
        meta.push(outage.expected_end_text ? 'Perkiraan pulih: ' + localTime(outage.expected_end_text) : 'Perkiraan pulih: sedang dipastikan');
        outages.appendChild(h('li', { className: 'card outage', 'data-outage-area': outage.area_name }, [
          h('p', {}, [h('strong', {}, [outage.title])]), h('p', { className: 'meta' }, [meta.join(' • ')])]));
      });
      box.appendChild(outages);
    }
    if (status.incidents && status.incidents.length) {
      var incidents = h('ul', { className: 'incident-list', 'aria-label': 'Pengumuman gangguan' });
      status.incidents.forEach(function (incident) {
        var meta = [];
        if (incident.router_name) meta.push('Area: ' + incident.router_name);
        meta.push(incident.expected_recovery_text ? 'Perkiraan pulih: ' + localTime(incident.expected_recovery_text) : 'Perkiraan pulih: sedang dipastikan');
        incidents.appendChild(h('li', { className: 'card incident' }, [h('p', {}, [h('strong', {}, [incident.message])]), h('p', { className: 'meta' }, [meta.join(' • ')])]));
      });
      box.appendChild(incidents);
    }
    var routers = h('ul', { className: 'router-list', 'aria-label': 'Status per area' });
    (status.routers || []).forEach(function (router) {
      var shown = ROUTER_STATUS[router.status] || ROUTER_STATUS.unknown;
      routers.appendChild(h('li', { className: 'router-item', 'data-router-status': router.status }, [
        h('span', {}, [router.name]),
        h('span', { className: 'pill ' + shown[1] }, [shown[0]])
      ]));
    });
    box.appendChild(routers);
    box.appendChild(h('p', { className: 'muted small' }, ['Diperbarui otomatis setiap menit. Ada kendala? Hubungi kami melalui WhatsApp.']));
  }

  function loadNetworkStatus() {
    request('GET', '/api/network-status').then(function (reply) {
      if (reply.status !== 200 || !reply.body || !reply.body.data) throw new Error('status');
      renderNetworkStatus(reply.body.data);
    }).catch(function () {
      var box = $('network-status');
      box.textContent = '';
      box.appendChild(h('p', { className: 'notice notice-warning' }, ['Status jaringan tidak dapat dimuat saat ini. Silakan coba beberapa saat lagi.']));
    });
  }

  // ---- registration ----
  // Name and WhatsApp number are always asked; email only when the operator wants it
  // (register_email_required). Until the server answers, and when it cannot, the field stays hidden.
  function loadRegistrationForm() {
    request('GET', '/api/register').then(function (reply) {
      var required = !!(reply.status === 200 && reply.body && reply.body.data && reply.body.data.email_required);
      $('reg-email-field').hidden = !required;
      $('reg-email').required = required;
    }).catch(function () {});
  }

  function clearFieldErrors() {
    REGISTER_FIELDS.forEach(function (field) {
      var input = $(FIELD_IDS[field]);
      var error = $(FIELD_IDS[field] + '-error');
      input.removeAttribute('aria-invalid');
      error.textContent = '';
      error.hidden = true;
    });
  }

  function showFieldErrors(fields) {
    var first = null;
    REGISTER_FIELDS.forEach(function (field) {
      if (!fields[field]) return;
      if (field === 'email') $('reg-email-field').hidden = false;  // the operator has just started asking for it
      var input = $(FIELD_IDS[field]);
      var error = $(FIELD_IDS[field] + '-error');
      error.textContent = fields[field].charAt(0).toUpperCase() + fields[field].slice(1) + '.';
      error.hidden = false;
      input.setAttribute('aria-invalid', 'true');
      if (!first) first = input;
    });
    return first;
  }

  function showFormMessage(kind, text) {
    var message = $('register-message');
    message.className = 'form-message ' + kind;
    message.textContent = text;
    message.hidden = false;
    message.focus();
  }

  function registrationPayload(form) {
    var payload = {};
    ['name', 'phone', 'address', 'website'].forEach(function (name) { payload[name] = form.elements[name].value; });
    if (!$('reg-email-field').hidden) payload.email = form.elements.email.value;
    var packageId = form.elements.package_id.value;
    payload.package_id = packageId ? Number(packageId) : 0;
    ['latitude', 'longitude'].forEach(function (name) {
      var value = form.elements[name].value.trim();
      if (value) payload[name] = value;
    });
    return payload;
  }

  function submitRegistration(event) {
    event.preventDefault();
    var form = event.target;
    var submit = $('register-submit');
    clearFieldErrors();
    $('register-message').hidden = true;
    submit.disabled = true;
    submit.textContent = 'Mengirim…';
    request('POST', '/api/register', registrationPayload(form)).then(function (reply) {
      if (reply.status === 201) {
        form.reset();
        // The registration number goes only to the WhatsApp number typed (its owner), never to the page.
        showFormMessage('ok', 'Terima kasih! Pendaftaran Anda sudah kami terima. ' +
                              'Nomor pendaftaran dikirim ke WhatsApp Anda dan tim kami akan segera menghubungi Anda.');
      } else if (reply.status === 422 || (reply.status === 409 && reply.body && reply.body.error && reply.body.error.fields)) {
        var first = showFieldErrors((reply.body && reply.body.error && reply.body.error.fields) || {});
        if (first) first.focus();
        else showFormMessage('error', errorMessage(reply, 'Periksa kembali isian formulir.'));
      } else if (reply.status === 429) {
        showFormMessage('error', 'Terlalu banyak pendaftaran dari jaringan Anda. Silakan coba lagi beberapa menit lagi.');
      } else {
        showFormMessage('error', errorMessage(reply, 'Pendaftaran belum dapat diproses. Silakan coba lagi.'));
      }
    }).catch(function () {
      showFormMessage('error', 'Tidak dapat terhubung ke server. Periksa koneksi Anda lalu coba lagi, atau hubungi kami melalui WhatsApp.');
    }).finally(function () {
      submit.disabled = false;
      submit.textContent = 'Kirim pendaftaran';
    });
  }

  function useMyLocation() {
    var button = $('use-location');
    if (!navigator.geolocation) { button.textContent = 'Lokasi tidak didukung peramban ini'; return; }
    button.disabled = true;
    navigator.geolocation.getCurrentPosition(function (position) {
      $('reg-latitude').value = position.coords.latitude.toFixed(6);
      $('reg-longitude').value = position.coords.longitude.toFixed(6);
      button.disabled = false;
      button.textContent = 'Lokasi terisi';
    }, function () {
      button.disabled = false;
      button.textContent = 'Lokasi tidak tersedia — isi manual';
    }, { timeout: 10000 });
  }

  // ---- bill check ----
  var INVOICE_STATUS = { pending: ['Belum dibayar', 'pill-pending'], partial: ['Dibayar sebagian', 'pill-pending'], paid: ['Lunas', 'pill-paid'] };

  function payLink(number) { return apiBase + '/billing/' + encodeURIComponent(number); }

  function renderBill(bill) {
    var result = $('check-result');
    result.textContent = '';
    var customer = bill.customer || {};
    var invoices = bill.invoices || [];
    var unpaid = invoices.filter(function (invoice) { return invoice.status !== 'paid' && invoice.outstanding > 0; });
    var total = unpaid.reduce(function (sum, invoice) { return sum + invoice.outstanding; }, 0);
    var card = h('div', { className: 'card bill', id: 'bill' }, [
      h('div', { className: 'bill-head' }, [h('h3', {}, [customer.nama_pelanggan || '']), h('span', { className: 'muted' }, ['No. layanan ' + (customer.nomor_layanan || '')])])
    ]);
    if (!invoices.length) card.appendChild(h('p', { className: 'notice notice-ok' }, ['Belum ada tagihan untuk nomor layanan ini.']));
    var list = h('ul', { className: 'invoice-list' });
    invoices.forEach(function (invoice) {
      var shown = INVOICE_STATUS[invoice.status] || INVOICE_STATUS.pending;
      var open = invoice.status !== 'paid' && invoice.outstanding > 0;
      list.appendChild(h('li', { className: 'invoice', 'data-invoice': invoice.invoice_no, 'data-status': invoice.status }, [
        h('div', { className: 'invoice-top' }, [h('span', { className: 'invoice-number' }, ['Periode ' + indonesianPeriod(invoice.periode)]),
                                                 h('span', { className: 'pill ' + shown[1] }, [shown[0]])]),
        h('span', { className: 'invoice-amount' }, [rupiah(open ? invoice.outstanding : invoice.bill)]),
        h('span', { className: 'meta' }, [invoice.invoice_no + ' • jatuh tempo ' + indonesianDate(invoice.due_date)]),
        open ? h('a', { className: 'button button-pay button-small', href: payLink(customer.nomor_layanan), 'aria-label': 'Bayar tagihan ' + indonesianPeriod(invoice.periode) }, ['Bayar']) : null
      ]));
    });
    if (invoices.length) card.appendChild(list);
    if (unpaid.length) {
      card.appendChild(h('div', { className: 'bill-total' }, [
        h('span', {}, ['Total belum dibayar: ' + rupiah(total)]),
        h('a', { className: 'button button-pay', href: payLink(customer.nomor_layanan) }, ['Bayar sekarang'])
      ]));
    } else if (invoices.length) {
      card.appendChild(h('p', { className: 'notice notice-ok' }, ['Semua tagihan sudah lunas. Terima kasih!']));
    }
    result.appendChild(card);
  }

  function showCheckError(text) {
    var error = $('check-error');
    error.textContent = text;
    error.hidden = false;
    $('check-number').setAttribute('aria-invalid', 'true');
  }

  function submitCheck(event) {
    event.preventDefault();
    var input = $('check-number');
    var number = input.value.trim().toUpperCase();
    var error = $('check-error');
    error.hidden = true;
    input.removeAttribute('aria-invalid');
    $('check-result').textContent = '';
    if (!number) { showCheckError('Masukkan nomor layanan Anda.'); input.focus(); return; }
    var submit = $('check-submit');
    submit.disabled = true;
    request('POST', '/billing/check', { customer_number: number }).then(function (reply) {
      if (reply.status === 200 && reply.body) renderBill(reply.body);
      else if (reply.status === 404) showCheckError('Nomor layanan ' + number + ' tidak ditemukan. Periksa kembali nomor pada tagihan Anda atau hubungi kami.');
      else if (reply.status === 429) showCheckError('Terlalu banyak percobaan. Silakan tunggu sebentar lalu coba lagi.');
      else showCheckError(errorMessage(reply, 'Tagihan belum dapat dicek. Silakan coba lagi.'));
    }).catch(function () {
      showCheckError('Tidak dapat terhubung ke server. Periksa koneksi Anda lalu coba lagi.');
    }).finally(function () { submit.disabled = false; });
  }

  // ---- trouble report: the same answer for any number; the customer hears back on their registered WhatsApp ----
  function submitTrouble(event) {
    event.preventDefault();
    var error = $('trouble-error'), message = $('trouble-message');
    error.hidden = true;
    message.hidden = true;
    var number = $('trouble-number').value.trim(), text = $('trouble-text').value.trim();
    if (!number || !text) {
      error.textContent = !number ? 'Masukkan nomor layanan Anda.' : 'Tuliskan keluhan Anda.';
      error.hidden = false;
      return;
    }
    var submit = $('trouble-submit');
    submit.disabled = true;
    request('POST', '/api/trouble-reports', { nomor_layanan: number, category: $('trouble-category').value, message: text }).then(function (reply) {
      if (reply.status === 202 && reply.body && reply.body.data) {
        message.textContent = reply.body.data.message;
        message.hidden = false;
        message.focus();
        $('trouble-text').value = '';
      } else if (reply.status === 429) {
        error.textContent = 'Terlalu banyak laporan. Silakan tunggu sebentar lalu coba lagi.';
        error.hidden = false;
      } else {
        error.textContent = errorMessage(reply, 'Laporan belum terkirim. Silakan coba lagi.');
        error.hidden = false;
      }
    }).catch(function () {
      error.textContent = 'Tidak dapat terhubung ke server. Periksa koneksi Anda lalu coba lagi.';
      error.hidden = false;
    }).finally(function () { submit.disabled = false; });
  }

  function start() {
    applyConfig();
    loadPackages();
    loadRegistrationForm();
    loadNetworkStatus();
    setInterval(loadNetworkStatus, STATUS_REFRESH_MS);
    $('register-form').addEventListener('submit', submitRegistration);
    $('use-location').addEventListener('click', useMyLocation);
    $('check-form').addEventListener('submit', submitCheck);
    $('trouble-form').addEventListener('submit', submitTrouble);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
