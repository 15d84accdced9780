// Landing page issue, end to end in Chromium (desktop 1280x800 and phone 390x844) against the real
// server (`kimonet serve --landing landing_page`), two RouterOS simulators (`kimonet-sim routeros`,
// one per demo router) and the payment gateway simulator (`kimonet-sim gateways`):
// packages come from the API, registration shows the server's field errors inline and stores
// exactly one lead for good input, the honeypot and the per-IP rate limit refuse bots, Cek Tagihan
// shows CUST001's invoices and a payment through the simulator turns one "Lunas", the network
// status shows a router that went down, and the page served from another origin works through
// CORS while an origin that is not on the allowlist is refused by the browser.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { DESKTOP, PHONE, launchBrowser, openApp } from './lib/browser.mjs';
import { PASSWORD, createRunner, shot, signIn } from './lib/harness.mjs';
import { ARTIFACTS, BIN_DIR, startServer } from './lib/server.mjs';
import { click, item, waitUi } from './lib/ui.mjs';

const LANDING_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../landing_page');
const runner = createRunner();
const test = runner.test;
const children = [];
const staticServers = [];
let server, browser;

// Starts `kimonet-sim <args>` and resolves with the first match of `pattern` in its output.
async function startSimulator(args, pattern) {
  const child = spawn(path.join(BIN_DIR, 'kimonet-sim'), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  const match = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`kimonet-sim ${args[0]} did not start:\n${output}`)), 15000);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const found = output.match(pattern);
      if (found) { clearTimeout(timer); resolve(found); }
    });
    child.stderr.on('data', (chunk) => { output += chunk; });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`kimonet-sim ${args[0]} exited (${code}):\n${output}`)); });
  });
  return { child, match, stop: () => new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', resolve);
    child.kill('SIGTERM');
  }) };
}

// A second origin: a tiny static server for landing_page/ whose config.js points at `apiBase`.
async function startStaticSite(apiBase) {
  const types = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'application/javascript', '.svg': 'image/svg+xml' };
  const site = http.createServer((request, response) => {
    const url = new URL(request.url, 'http://x');
    const relative = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1));
    if (relative.includes('..')) { response.writeHead(400).end(); return; }
    if (relative === 'config.js') {
      const original = fs.readFileSync(path.join(LANDING_DIR, 'config.js'), 'utf8');
      response.writeHead(200, { 'Content-Type': types['.js'] });
      response.end(original.replace(/apiBase: ""/, `apiBase: ${JSON.stringify(apiBase)}`));
      return;
    }
    fs.readFile(path.join(LANDING_DIR, relative), (error, data) => {
      if (error) { response.writeHead(404).end(); return; }
      response.writeHead(200, { 'Content-Type': types[path.extname(relative)] || 'application/octet-stream' });
      response.end(data);
    });
  });
  await new Promise((resolve) => site.listen(0, '127.0.0.1', resolve));
  staticServers.push(site);
  return `http://127.0.0.1:${site.address().port}`;
}

async function waitForStatus(leadId, status) {
  await until(async () => (await api('GET', `${serverBase}/api/leads/${leadId}`, null, adminToken)).json.data.status === status,
              `lead ${leadId} to become ${status}`);
}
let serverBase, adminToken;

async function api(method, url, body, token) {
  const headers = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const reply = await fetch(url, { method, headers, body: body ? JSON.stringify(body) : undefined });
  return { status: reply.status, json: await reply.json() };
}

// Polls `probe` (an async condition) until it holds; for state the server changes on its own.
async function until(probe, what, timeoutMs = 20000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await probe()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

// A page that records console errors, page errors and every host it contacted.
async function openLanding(options, url) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  page.problems = [];
  page.hosts = new Set();
  page.on('pageerror', (error) => page.problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => { if (message.type() === 'error') page.problems.push(message.text()); });
  page.on('request', (request) => page.hosts.add(new URL(request.url()).host));
  await page.goto(url);
  return page;
}

const GOOD = { name: 'Rina Wulandari', email: 'rina@example.id', address: 'Jl. Cempaka No. 12, RT 03/RW 04, Cimahi' };

async function fillRegistration(page, { name, phone, email, address, packageId }) {
  await page.fill('#reg-name', name);
  await page.fill('#reg-phone', phone);
  if (email !== undefined) {
    // The field appears once GET /api/register says the operator wants an email.
    await page.waitForSelector('#reg-email-field:not([hidden])');
    await page.fill('#reg-email', email);
  }
  await page.fill('#reg-address', address);
  await page.selectOption('#reg-package', packageId === '' ? '' : String(packageId));
}

try {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  server = await startServer({ args: ['--landing', LANDING_DIR] });
  const base = server.url.replace(/\/$/, '');
  const landing = `${base}/landing/`;
  const admin = (await api('POST', `${base}/api/auth/login`, { username: 'admin', password: PASSWORD })).json.token;
  assert.ok(admin, 'admin login');
  serverBase = base;
  adminToken = admin;
  const routers = [];
  for (let index = 0; index < 2; index++) {
    const simulator = await startSimulator(['routeros', '--port', '0', '--seed-demo'], /listening on (\d+)/);
    routers.push(simulator);
    const moved = await api('PUT', `${base}/api/routers/${index + 1}`, { port: Number(simulator.match[1]), password: 'billing-demo' }, admin);
    assert.equal(moved.status, 200, JSON.stringify(moved.json));
  }
  const gateways = await startSimulator(['gateways', '--port', '0', '--callback-base', base, '--retry-delay-ms', '500'],
                                        /listening on (http:\/\/127\.0\.0\.1:\d+)\//);
  const otherOrigin = await startStaticSite(base);
  const refusedOrigin = await startStaticSite(base);
  const configured = await api('PUT', `${base}/api/settings`, {
    cors_allowed_origins: otherOrigin, router_probe_seconds: '1', register_rate_per_minute: '100', register_email_required: '1',
    flip_enabled: '1', flip_base_url: `${gateways.match[1]}/flip`, flip_secret_key: 'sim-flip-secret', flip_validation_token: 'sim-flip-token',
    payment_callback_base_url: base,
  }, admin);
  assert.equal(configured.status, 200, JSON.stringify(configured.json));
  // A price the static fallback list does not have proves the cards come from the API.
  assert.equal((await api('PUT', `${base}/api/packages/1`, { price: 155000 }, admin)).status, 200);
  const leadCount = async () => (await api('GET', `${base}/api/leads?per_page=500`, null, admin)).json.total;
  browser = await launchBrowser();

  for (const [label, options] of [['desktop', DESKTOP], ['phone', PHONE]]) {
    await test(`${label}: packages render from the API with prices, and the page fits the screen`, async () => {
      const page = await openLanding(options, landing);
      await page.waitForSelector('[data-package-id="1"]');
      const cards = await page.$$eval('.package', (nodes) => nodes.map((node) => node.querySelector('h3').textContent));
      assert.deepEqual(cards, ['Home 10 Mbps', 'Home 20 Mbps', 'Home 30 Mbps', 'Bisnis 50 Mbps']);
      assert.match(await page.textContent('[data-package-id="1"] .price'), /Rp 155\.000/);
      assert.equal(await page.isVisible('#paket-offline'), false);
      assert.equal(await page.locator('#reg-package option').count(), 5);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= options.viewport.width, `page is ${width}px wide on a ${options.viewport.width}px screen`);
      await page.waitForSelector('#network-summary');
      // Page weight before images: the document, CSS, JS and the API answers, uncompressed.
      const weight = await page.evaluate(() => [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
        .filter((entry) => !/\.(svg|png|jpe?g|webp|ico)(\?|$)/.test(entry.name)).reduce((sum, entry) => sum + entry.decodedBodySize, 0));
      assert.ok(weight > 20 * 1024 && weight <= 200 * 1024, `page weight ${weight} bytes`);
      console.log(`     page weight before images: ${(weight / 1024).toFixed(1)} KB`);
      await shot(page, `landing-${label}`);
      await page.screenshot({ path: path.join(ARTIFACTS, `landing-${label}-full.png`), fullPage: true });
      assert.deepEqual([...page.hosts], [new URL(base).host], 'no third-party requests');
      assert.deepEqual(page.problems, []);
      await page.context().close();
    });

    await test(`${label}: registration with bad input shows the server's field errors inline and stores nothing`, async () => {
      const before = await leadCount();
      const page = await openLanding(options, `${landing}#daftar`);
      await page.waitForSelector('[data-package-id="1"]');
      await fillRegistration(page, { name: '', phone: '12345', email: 'bukan-email', address: '', packageId: '' });
      await page.click('#register-submit');
      await page.waitForSelector('#reg-phone-error:not([hidden])');
      assert.equal(await page.textContent('#reg-name-error'), 'Wajib diisi.');
      assert.equal(await page.textContent('#reg-phone-error'), 'Nomor telepon tidak valid (contoh 081234567890).');
      assert.equal(await page.textContent('#reg-email-error'), 'Alamat email tidak valid.');
      assert.equal(await page.textContent('#reg-address-error'), 'Alamat pemasangan wajib diisi.');
      assert.equal(await page.textContent('#reg-package-error'), 'Pilih paket internet.');
      assert.equal(await page.getAttribute('#reg-phone', 'aria-invalid'), 'true');
      // Focus moves to the first wrong field so keyboard and screen reader users land on it.
      assert.equal(await page.evaluate(() => document.activeElement.id), 'reg-name');
      await page.locator('#register-form').screenshot({ path: path.join(ARTIFACTS, `landing-register-errors-${label}.png`) });
      assert.equal(await leadCount(), before);
      await page.context().close();
    });

    await test(`${label}: good input creates exactly one lead and confirms it`, async () => {
      const phone = label === 'desktop' ? '081377700001' : '081377700002';
      const before = await leadCount();
      const page = await openLanding(options, `${landing}#daftar`);
      await page.waitForSelector('[data-package-id="2"]');
      await page.click('[data-package-id="2"] button');
      assert.equal(await page.inputValue('#reg-package'), '2');
      await fillRegistration(page, { ...GOOD, phone, packageId: 2 });
      await page.fill('#reg-latitude', '-6.8722');
      await page.fill('#reg-longitude', '107.5425');
      await page.click('#register-submit');
      await page.waitForSelector('#register-message.ok');
      assert.match(await page.textContent('#register-message'), /Nomor pendaftaran dikirim ke WhatsApp Anda/);
      assert.equal(await leadCount(), before + 1);
      const leads = (await api('GET', `${base}/api/leads?per_page=500`, null, admin)).json.data.filter((lead) => lead.phone === `62${phone.slice(1)}`);
      assert.equal(leads.length, 1);
      assert.equal(leads[0].package_name, 'Home 20 Mbps');
      assert.equal(leads[0].email, GOOD.email);
      const queued = (await api('GET', `${base}/api/notifications?per_page=100`, null, admin)).json.data
        .filter((message) => message.phone === `62${phone.slice(1)}` && message.template === 'registration_received');
      assert.equal(queued.length, 1, 'one WhatsApp confirmation queued');
      await page.locator('#daftar').screenshot({ path: path.join(ARTIFACTS, `landing-register-ok-${label}.png`) });
      assert.deepEqual(page.problems, []);
      await page.context().close();
    });

    await test(`${label}: Cek Tagihan for CUST001 shows the invoices with pay links; unknown numbers get a clear message`, async () => {
      const page = await openLanding(options, `${landing}#cek-tagihan`);
      await page.fill('#check-number', 'TIDAKADA99');
      await page.click('#check-submit');
      await page.waitForSelector('#check-error:not([hidden])');
      assert.match(await page.textContent('#check-error'), /tidak ditemukan/);
      await page.fill('#check-number', 'cust001');
      await page.click('#check-submit');
      await page.waitForSelector('#bill .invoice');
      assert.equal(await page.isVisible('#check-error'), false);
      const bill = (await api('POST', `${base}/billing/check`, { customer_number: 'CUST001' })).json;
      const shown = await page.$$eval('#bill .invoice', (nodes) => nodes.map((node) => node.getAttribute('data-invoice')));
      assert.deepEqual(shown, bill.invoices.map((invoice) => invoice.invoice_no));
      assert.ok(bill.invoices.some((invoice) => invoice.status !== 'paid'), 'CUST001 has an unpaid invoice in the demo data');
      const payLinks = await page.$$eval('#bill a.button-pay', (links) => links.map((link) => link.getAttribute('href')));
      assert.ok(payLinks.length >= 1);
      for (const link of payLinks) assert.equal(link, '/billing/CUST001');
      await page.locator('#cek-tagihan').screenshot({ path: path.join(ARTIFACTS, `landing-bill-${label}.png`) });
      assert.deepEqual(page.problems.filter((problem) => !problem.includes('404')), []);
      await page.context().close();
    });
  }

  await test('honeypot: a bot filling the hidden field is refused and nothing is stored', async () => {
    const before = await leadCount();
    const page = await openLanding(DESKTOP, `${landing}#daftar`);
    await page.waitForSelector('[data-package-id="1"]');
    await fillRegistration(page, { ...GOOD, phone: '081377700009', packageId: 1 });
    // Bots fill every input they find; people never see this one.
    const trap = await page.locator('#reg-website').boundingBox();
    assert.ok(trap.x + trap.width <= 0, `the hidden field is off-screen (${JSON.stringify(trap)})`);
    await page.evaluate(() => { document.getElementById('reg-website').value = 'http://spam.example'; });
    await page.click('#register-submit');
    await page.waitForSelector('#register-message.error');
    assert.match(await page.textContent('#register-message'), /ditolak/);
    assert.equal(await leadCount(), before);
    await page.context().close();
  });

  await test('rate limit: registrations beyond the per-IP limit get a clear 429 message and store nothing', async () => {
    assert.equal((await api('PUT', `${base}/api/settings`, { register_rate_per_minute: '1' }, admin)).status, 200);
    const page = await openLanding(PHONE, `${landing}#daftar`);
    await page.waitForSelector('[data-package-id="1"]');
    // The bucket holds at most one token now: of two quick submissions the second is refused.
    await fillRegistration(page, { ...GOOD, phone: '081377700010', packageId: 1 });
    await page.click('#register-submit');
    await page.waitForSelector('#register-message:not([hidden])');
    const before = await leadCount();
    await fillRegistration(page, { ...GOOD, phone: '081377700011', packageId: 1 });
    await page.click('#register-submit');
    await page.waitForFunction(() => {
      const message = document.getElementById('register-message');
      return !message.hidden && /Terlalu banyak pendaftaran/.test(message.textContent);
    });
    assert.equal(await leadCount(), before);
    await page.locator('#register-message').screenshot({ path: path.join(ARTIFACTS, 'landing-rate-limited-phone.png') });
    assert.equal((await api('PUT', `${base}/api/settings`, { register_rate_per_minute: '100' }, admin)).status, 200);
    await page.context().close();
  });

  await test('phone: without the email setting (the default) a name and a WhatsApp number register; no email field', async () => {
    assert.equal((await api('PUT', `${base}/api/settings`, { register_email_required: '0' }, admin)).status, 200);
    const page = await openLanding(PHONE, `${landing}#daftar`);
    await page.waitForSelector('[data-package-id="1"]');
    await page.waitForFunction(() => document.getElementById('reg-email').required === false);
    assert.equal(await page.isVisible('#reg-email'), false);
    await fillRegistration(page, { ...GOOD, email: undefined, phone: '+62 813-7770-0030', packageId: 1 });
    await page.tap('#register-submit');
    await page.waitForSelector('#register-message.ok');
    const lead = (await api('GET', `${base}/api/leads?per_page=500`, null, admin)).json.data.find((row) => row.phone === '6281377700030');
    assert.equal(lead.email, '');
    await page.locator('#daftar').screenshot({ path: path.join(ARTIFACTS, 'landing-register-no-email-phone.png') });
    assert.deepEqual(page.problems, []);
    assert.equal((await api('PUT', `${base}/api/settings`, { register_email_required: '1' }, admin)).status, 200);
    await page.context().close();
  });

  await test('phone: the isolir page lists the open invoices without sideways scrolling at 390 px', async () => {
    const customer = (await api('GET', `${base}/api/customers?q=CUST001`, null, admin)).json.data.find((row) => row.service_number === 'CUST001');
    const page = await openLanding(PHONE, `${base}/isolir?u=${encodeURIComponent(customer.pppoe_username)}`);
    assert.match(await page.textContent('main'), /CUST001/);
    const rows = await page.locator('tbody tr').count();
    assert.ok(rows >= 1, 'CUST001 has open invoices');
    const width = await page.evaluate(() => document.scrollingElement.scrollWidth);
    assert.ok(width <= 390, `the isolir page is ${width}px wide on a 390px screen`);
    // Each cell still says what it is, and the pay button is a full-width tap target.
    assert.equal(await page.getAttribute('tbody tr:first-child td:nth-child(4)', 'data-label'), 'Sisa');
    const button = await page.locator('tbody tr:first-child a.pay').boundingBox();
    assert.ok(button.width >= 250 && button.height >= 44, JSON.stringify(button));
    await page.screenshot({ path: path.join(ARTIFACTS, 'isolir-phone.png'), fullPage: true });
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  // A cheap Android phone (360 px, touch): on every public page each control is a 44 px tap target
  // (WCAG 2.5.5; links inside a sentence excepted), every input's text is at least 16 px (smaller
  // makes the browser zoom in on focus), zoom is not disabled, no control is cut at the screen's edge
  // and nothing needs sideways scrolling.
  await test('phone 360 px: every public page has 44 px tap targets, 16 px inputs, nothing cut, and zooms', async () => {
    const customer = (await api('GET', `${base}/api/customers?q=CUST001`, null, admin)).json.data.find((row) => row.service_number === 'CUST001');
    const phone = { ...PHONE, viewport: { width: 360, height: 740 } };
    for (const url of [landing, `${base}/billing/CUST001`, `${base}/billing`, `${base}/billing/TIDAKADA`, `${base}/isolir`,
                       `${base}/isolir?u=${encodeURIComponent(customer.pppoe_username)}`]) {
      const page = await openLanding(phone, url);
      if (url === landing) await page.waitForSelector('[data-package-id="1"]');
      const found = await page.evaluate(() => {
        const visible = (element) => { const box = element.getBoundingClientRect(); return box.width > 0 && box.height > 0; };
        const inSentence = (element) => element.tagName === 'A' && getComputedStyle(element).display === 'inline' &&
          !element.closest('nav') && (element.parentElement.textContent.trim() !== element.textContent.trim());
        const small = [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary')]
          .filter((element) => visible(element) && !element.closest('[aria-hidden="true"]') && !inSentence(element))
          .map((element) => ({ element, box: element.getBoundingClientRect() }))
          .filter(({ box }) => box.height < 44 || box.width < 44)
          .map(({ element, box }) => `${element.tagName} "${(element.textContent || element.name).trim().slice(0, 30)}" ${Math.round(box.width)}x${Math.round(box.height)}`);
        const tinyInputs = [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
          .filter((element) => visible(element) && parseFloat(getComputedStyle(element).fontSize) < 16).map((element) => element.name);
        // Off the screen's edge (a header menu cut at "Cek Tagih"); the skip link waits off-screen on purpose.
        const cut = [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary')]
          .filter((element) => visible(element) && !element.classList.contains('skip-link') && !element.closest('.hp-field'))
          .filter((element) => {
            const box = element.getBoundingClientRect();
            let left = 0, right = window.innerWidth;
            for (let parent = element.parentElement; parent; parent = parent.parentElement) {
              if (getComputedStyle(parent).overflowX === 'visible') continue;  // a scrolling menu clips at its own edge
              const edge = parent.getBoundingClientRect();
              left = Math.max(left, edge.left);
              right = Math.min(right, edge.right);
            }
            return box.left < left - 0.5 || box.right > right + 0.5;
          })
          .map((element) => (element.textContent || element.name).trim().slice(0, 30));
        return { small, tinyInputs, cut, viewport: document.querySelector('meta[name=viewport]')?.content || '', width: document.scrollingElement.scrollWidth };
      });
      assert.deepEqual(found.small, [], `${url}: tap targets under 44 px`);
      assert.deepEqual(found.tinyInputs, [], `${url}: inputs under 16 px`);
      assert.deepEqual(found.cut, [], `${url}: controls cut at the screen's edge`);
      assert.match(found.viewport, /width=device-width/, url);
      assert.doesNotMatch(found.viewport, /user-scalable\s*=\s*no|maximum-scale\s*=\s*1(\.0)?\b/, url);
      assert.ok(found.width <= 360, `${url} is ${found.width}px wide on a 360px screen`);
      await page.context().close();
    }
  });

  // What stays on screen while reading: a header that sticks must leave the page readable on a phone
  // (at most 15 % of a 740 px screen), and a menu link must land on its section with the heading in
  // sight, not under the header (desktop and phone).
  await test('header: a phone keeps its screen for the page, and each menu link shows its heading', async () => {
    for (const [label, options] of [['desktop', DESKTOP], ['phone', { ...PHONE, viewport: { width: 360, height: 740 } }]]) {
      const page = await openLanding(options, landing);
      await page.waitForSelector('[data-package-id="1"]');
      await page.waitForSelector('#network-summary');  // the status section has its height
      await page.emulateMedia({ reducedMotion: 'reduce' });  // jumps, not smooth scrolls: where a link lands, at once
      await page.evaluate(() => window.scrollTo({ top: 1200, behavior: 'instant' }));
      const covered = await page.evaluate(() => [...document.querySelectorAll('body *')]
        .filter((element) => ['sticky', 'fixed'].includes(getComputedStyle(element).position))
        .map((element) => element.getBoundingClientRect())
        .filter((box) => box.bottom > 0 && box.top < window.innerHeight && box.width > 0)
        .reduce((sum, box) => sum + Math.min(box.bottom, window.innerHeight) - Math.max(box.top, 0), 0));
      const viewport = page.viewportSize();
      if (label === 'phone') assert.ok(covered <= viewport.height * 0.15, `${label}: sticky parts cover ${covered}px of ${viewport.height}px`);
      for (const target of ['paket', 'status', 'daftar', 'cek-tagihan']) {
        await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
        await page.waitForFunction(() => window.scrollY === 0);
        await page.click(`.nav-links a[href="#${target}"]`);
        await page.waitForFunction((id) => location.hash === `#${id}`, target);
        const hidden = await page.evaluate((id) => {
          const heading = document.getElementById(id).querySelector('h1, h2, h3');
          const box = heading.getBoundingClientRect();
          const header = document.querySelector('.site-header').getBoundingClientRect();
          const sticks = ['sticky', 'fixed'].includes(getComputedStyle(document.querySelector('.site-header')).position);
          const top = sticks ? Math.max(0, header.bottom) : 0;
          return box.top < top - 0.5 || box.bottom > window.innerHeight ? `${heading.textContent.trim()} at ${Math.round(box.top)}px, header to ${Math.round(top)}px` : '';
        }, target);
        assert.equal(hidden, '', `${label}: #${target}'s heading is hidden`);
      }
      await page.context().close();
    }
  });

  // Without JavaScript (an old phone, a data saver) the landing page's Cek Tagihan still works: the
  // form is a plain GET to the bill page.
  await test('phone without JavaScript: Cek Tagihan on the landing page opens the bill page', async () => {
    const context = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${landing}#cek-tagihan`);
    await page.fill('#check-number', 'cust001');
    await Promise.all([page.waitForURL(/\/billing\?nomor_layanan=cust001$/), page.tap('#check-submit')]);
    assert.match(await page.textContent('main'), /CUST001/);
    assert.match(await page.textContent('main'), /INV-/);
    await context.close();
  });

  await test('phone: Lapor Gangguan opens one ticket for a known number and answers an unknown one the same way', async () => {
    const page = await openLanding(PHONE, `${landing}#lapor-gangguan`);
    const send = async (number) => {
      await page.fill('#trouble-number', number);
      await page.selectOption('#trouble-category', 'slow');
      await page.fill('#trouble-text', 'Internet lambat sejak pagi');
      await page.click('#trouble-submit');
      await page.waitForSelector('#trouble-message:not([hidden])');
      const text = await page.textContent('#trouble-message');
      await page.evaluate(() => { document.getElementById('trouble-message').hidden = true; });
      return text;
    };
    const known = await send('cust007');
    assert.match(known, /Laporan diterima/);
    assert.equal(await send('TIDAKADA99'), known);
    const tickets = (await api('GET', `${base}/api/tickets?per_page=100`, null, admin)).json.data.filter((ticket) => ticket.service_number === 'CUST007');
    assert.equal(tickets.length, 1);
    assert.equal(tickets[0].channel, 'landing');
    assert.equal(tickets[0].category, 'slow');
    const width = await page.evaluate(() => document.scrollingElement.scrollWidth);
    assert.ok(width <= 390, `the landing page is ${width}px wide on a 390px screen`);
    await page.locator('#lapor-gangguan').screenshot({ path: path.join(ARTIFACTS, 'landing-trouble-phone.png') });
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  await test('phone: a customer address (cust001.<billing domain>) opens the bill page, and QRIS is a QR that scans', async () => {
    // *.localhost reaches this machine in Chromium without DNS: the wildcard record of a real domain.
    assert.equal((await api('PUT', `${base}/api/settings`, { billing_base_domain: 'localhost' }, admin)).status, 200);
    const address = `http://cust001.localhost:${new URL(base).port}/`;
    const page = await openLanding(PHONE, address);
    assert.match(await page.textContent('h1'), /Cek Tagihan/);
    assert.match(await page.textContent('main'), /CUST001/);
    const answer = page.waitForResponse((response) => response.url().endsWith('/billing/pay'));
    await page.locator('button', { hasText: 'Bayar dengan QRIS' }).first().tap();
    const { qr_string: qrString } = await (await answer).json();
    const image = path.join(ARTIFACTS, 'bill-qris-phone.png');
    await page.locator('svg.qr').first().screenshot({ path: image });
    const scanned = spawnSync('zbarimg', ['--raw', '-q', image], { encoding: 'utf8' });
    assert.equal(scanned.status, 0, `zbarimg (zbar-tools): ${scanned.stderr}`);
    assert.equal(scanned.stdout.trim(), qrString);
    assert.equal(await page.isVisible('text=nomor VA'), false);
    const width = await page.evaluate(() => document.scrollingElement.scrollWidth);
    assert.ok(width <= 390, `the bill page is ${width}px wide on a 390px screen`);
    await page.screenshot({ path: path.join(ARTIFACTS, 'bill-customer-address-phone.png'), fullPage: true });
    assert.deepEqual(page.problems, []);
    assert.equal((await api('PUT', `${base}/api/settings`, { billing_base_domain: '' }, admin)).status, 200);
    await page.context().close();
  });

  await test('phone: pay from Cek Tagihan through the gateway simulator, and the invoice shows Lunas', async () => {
    const unpaidNow = async () => (await api('POST', `${base}/billing/check`, { customer_number: 'CUST001' })).json.invoices
      .filter((invoice) => invoice.status !== 'paid').map((invoice) => invoice.invoice_no);
    const unpaidBefore = await unpaidNow();
    assert.ok(unpaidBefore.length >= 1);
    const page = await openLanding(PHONE, `${landing}#cek-tagihan`);
    await page.fill('#check-number', 'CUST001');
    await page.tap('#check-submit');
    await page.waitForSelector('#bill .invoice[data-status="pending"], #bill .invoice[data-status="partial"]');
    await page.tap('#bill .bill-total a.button-pay');
    await page.waitForURL(`${base}/billing/CUST001`);
    // An earlier case left a payment waiting on this bill: its other methods are folded under a
    // summary, which the customer opens to choose BNI.
    const folded = page.locator('summary', { hasText: 'Pilih metode pembayaran lain' });
    if (await folded.count() > 0) await folded.first().tap();
    await page.locator('button:visible', { hasText: 'Bayar dengan BNI Virtual Account' }).first().tap();
    await page.waitForSelector('.code');
    // The simulator pays BNI after a few seconds and calls the server back; the bill page polls.
    await page.waitForSelector('text=LUNAS', { timeout: 30000 });
    const stillUnpaid = await unpaidNow();
    const paid = unpaidBefore.filter((number) => !stillUnpaid.includes(number));
    assert.equal(paid.length, 1, `newly paid: ${paid}`);
    const invoiceNo = paid[0];
    await page.goto(`${landing}#cek-tagihan`);
    await page.fill('#check-number', 'CUST001');
    await page.tap('#check-submit');
    await page.waitForSelector(`#bill .invoice[data-invoice="${invoiceNo}"][data-status="paid"]`);
    assert.match(await page.textContent(`#bill .invoice[data-invoice="${invoiceNo}"]`), /Lunas/);
    await page.locator('#cek-tagihan').screenshot({ path: path.join(ARTIFACTS, 'landing-bill-paid-phone.png') });
    await page.context().close();
  });

  await test('network status reflects a simulated router going down, and incidents an admin posts', async () => {
    const statusOf = async (name) => (await api('GET', `${base}/api/network-status`)).json.data.routers.find((router) => router.name === name).status;
    await until(async () => (await statusOf('Router Cabang')) === 'up' && (await statusOf('Router Pusat')) === 'up', 'both routers probed up');
    const page = await openLanding(DESKTOP, `${landing}#status`);
    await page.waitForSelector('#network-summary.normal');
    await routers[1].stop();  // Router Cabang's process is gone: connections are refused
    await until(async () => (await statusOf('Router Cabang')) === 'down', 'the probe to notice Router Cabang is down');
    const incident = await api('POST', `${base}/api/incidents`,
                               { message: 'Perbaikan kabel optik di area Cabang', router_id: 2, expected_recovery_at: '2030-01-15 14:00' }, admin);
    assert.equal(incident.status, 201, JSON.stringify(incident.json));
    // An outage staff opened (docs/outages.md): its title and area, and nothing about who is affected.
    const outage = await api('POST', `${base}/api/outages`,
                             { title: 'Kabel fiber putus', target_kind: 'router', target_id: 2, area_name: 'Perumahan Griya Asri' }, admin);
    assert.equal(outage.status, 201, JSON.stringify(outage.json));
    await page.reload();
    await page.waitForSelector('#network-summary.gangguan');
    const rows = await page.$$eval('.router-item', (items) => items.map((item) => [item.firstChild.textContent, item.getAttribute('data-router-status'), item.lastChild.textContent]));
    assert.deepEqual(rows, [['Router Cabang', 'down', 'Gangguan'], ['Router Pusat', 'up', 'Normal']]);
    assert.match(await page.textContent('.incident'), /Perbaikan kabel optik di area Cabang/);
    assert.match(await page.textContent('.incident'), /15 Januari 2030 pukul 14\.00/);
    assert.match(await page.textContent('.outage[data-outage-area="Perumahan Griya Asri"]'), /Kabel fiber putus.*Area: Perumahan Griya Asri/s);
    await page.locator('#status').screenshot({ path: path.join(ARTIFACTS, 'landing-network-down-desktop.png') });
    await page.context().close();
  });

  await test('served from another origin, the page works through CORS; an origin not on the allowlist is refused', async () => {
    const before = await leadCount();
    const page = await openLanding(DESKTOP, `${otherOrigin}/`);
    await page.waitForSelector('[data-package-id="1"]');
    assert.match(await page.textContent('[data-package-id="1"] .price'), /Rp 155\.000/);
    assert.equal(await page.isVisible('#paket-offline'), false);
    await page.waitForSelector('#network-summary');
    await fillRegistration(page, { ...GOOD, phone: '081377700020', packageId: 3 });
    await page.click('#register-submit');
    await page.waitForSelector('#register-message.ok');
    assert.equal(await leadCount(), before + 1);
    const expected = (await api('POST', `${base}/billing/check`, { customer_number: 'CUST002' })).json;
    await page.fill('#check-number', 'CUST002');
    await page.click('#check-submit');
    await page.waitForSelector('#bill');
    assert.equal(await page.textContent('#bill h3'), expected.customer.nama_pelanggan);
    const links = await page.$$eval('#bill a.button-pay', (nodes) => nodes.map((node) => node.getAttribute('href')));
    assert.equal(links.length > 0, expected.invoices.some((invoice) => invoice.status !== 'paid'));
    for (const link of links) assert.equal(link, `${base}/billing/CUST002`);
    assert.equal(await page.getAttribute('a[data-link="portal"] >> nth=0', 'href'), `${base}/`);
    assert.deepEqual([...page.hosts].sort(), [new URL(base).host, new URL(otherOrigin).host].sort());
    assert.deepEqual(page.problems, []);
    await page.context().close();

    const refused = await openLanding(DESKTOP, `${refusedOrigin}/`);
    // The browser refuses the API's answers: the static list stands in, and nothing can be registered.
    await refused.waitForSelector('#paket-offline:not([hidden])');
    // Nor can it learn whether an email is wanted: the field stays hidden.
    assert.equal(await refused.isVisible('#reg-email'), false);
    await fillRegistration(refused, { ...GOOD, email: undefined, phone: '081377700021', packageId: 1 });
    await refused.click('#register-submit');
    await refused.waitForSelector('#register-message.error');
    assert.match(await refused.textContent('#register-message'), /Tidak dapat terhubung/);
    assert.ok(refused.problems.some((problem) => /CORS/i.test(problem)), refused.problems.join('\n'));
    await shot(refused, 'landing-refused-origin-desktop');
    assert.equal(await leadCount(), before + 1);
    await refused.context().close();
  });

  await test('browser app: staff see the sign-ups and convert one into a customer, or reject one', async () => {
    const leads = (await api('GET', `${base}/api/leads?status=new&per_page=500`, null, admin)).json.data;
    assert.ok(leads.length >= 2, 'the registrations above are waiting');
    const [first, second] = leads;
    const page = await openApp(browser, `${base}/`, DESKTOP);
    await signIn(page, 'admin', PASSWORD);
    await click(page, 'nav.leads');
    await item(page, `leads.${first.id}.convert`);
    await shot(page, 'landing-leads-admin-desktop');
    await click(page, `leads.${first.id}.convert`);
    await item(page, `leads.${first.id}.open`);
    const converted = (await api('GET', `${base}/api/leads/${first.id}`, null, admin)).json.data;
    assert.equal(converted.status, 'converted');
    const customer = (await api('GET', `${base}/api/customers/${converted.customer_id}`, null, admin)).json.data;
    assert.equal(customer.name, first.name);
    assert.equal(customer.phone, first.phone);
    assert.equal(customer.package_id, first.package_id);
    await click(page, `leads.${second.id}.reject`);
    await click(page, 'leads_reject.confirm');
    await waitForStatus(second.id, 'rejected');
    // The "Baru" list no longer shows it.
    await waitUi(page, (items, id) => !items.some((i) => i.id === `leads.${id}.reject`) && items.some((i) => i.id.startsWith('leads.')), second.id);
    assert.deepEqual(page.kimonetLogs.filter((line) => !/404|409/.test(line)), []);
    await page.context().close();
  });
} catch (error) {
  runner.fail('setup', error);
} finally {
  if (browser) await browser.close();
  for (const site of staticServers) site.close();
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  if (server) await server.stop();
}
process.exit(runner.finish('landing'));
