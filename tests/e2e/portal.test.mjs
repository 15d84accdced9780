// Customer portal, end to end in Chromium against the real server and the real gateway simulator
// (`kimonet-sim gateways`): a customer signs in with their nomor layanan, sees the bill, filters
// their invoices, pays an open one online (Flip, BNI virtual account: the simulator pays after a
// short pending period and calls the server back), watches the screen turn paid by itself
// (polling /billing/status), copies the VA number, and downloads the PDF (checked for %PDF).
// The same flow again at 390x844 with touch taps. Then on a phone (issue 18): a customer's login
// makes no failing request and shows no error toast; QRIS shows a QR image whose drawn modules are
// the server's (libqrencode's, for the qr_string: test_server portal_payments checks that); the
// portal reopened shows the same pending QR, and the server made no second charge.
import assert from 'node:assert/strict';
import fs from 'node:fs';

import { DESKTOP, PHONE, launchBrowser, openApp } from './lib/browser.mjs';
import { PASSWORD, createRunner, shot, signIn } from './lib/harness.mjs';
import { ARTIFACTS, startServer } from './lib/server.mjs';
import { startGateways } from './lib/simulators.mjs';
import { click, item, itemValue, items, waitUi } from './lib/ui.mjs';

const runner = createRunner();
const test = runner.test;
let server, browser, simulator;

async function api(method, url, body, token) {
  const headers = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const reply = await fetch(url, { method, headers, body: body ? JSON.stringify(body) : undefined });
  return { status: reply.status, json: await reply.json() };
}

async function tokenOf(base, username) {
  const login = await api('POST', `${base}/api/auth/login`, { username, password: PASSWORD });
  assert.equal(login.status, 200, JSON.stringify(login.json));
  return login.json.token || (login.json.data && login.json.data.token);
}

// The newest open invoice of `number` (as the customer sees it).
async function openInvoiceOf(base, number) {
  const token = await tokenOf(base, number);
  const mine = await api('GET', `${base}/api/portal/invoices?per_page=100`, null, token);
  assert.equal(mine.status, 200, JSON.stringify(mine.json));
  const open = mine.json.data.filter((invoice) => invoice.status === 'unpaid' || invoice.status === 'partial');
  assert.ok(open.length > 0, `${number} has an open invoice`);
  return { token, invoice: open[0], all: mine.json.data };
}

// Opens a screen from the sidebar (desktop) or the phone menu.
async function openScreen(page, id, tap) {
  if (tap) await click(page, 'shell.menu', { tap });
  await click(page, id, { tap });
}

async function payFlow(page, base, number, { tap, prefix }) {
  const { token, invoice, all } = await openInvoiceOf(base, number);
  await signIn(page, number, PASSWORD, { tap });
  // The home screen shows the bill.
  await item(page, 'home.bill.total', 30000);
  await shot(page, `${prefix}-home`);

  // Invoices: all of them, then only the unpaid ones.
  await openScreen(page, 'nav.my_invoices', tap);
  await item(page, `portal_invoices.${invoice.invoice_no}.status`);
  const listed = await waitUi(page, (items, count) => {
    const rows = items.filter((i) => /^portal_invoices\.[^.]+\.status$/.test(i.id));
    return rows.length === count ? rows.map((i) => i.id) : null;
  }, all.length);
  assert.equal(listed.length, all.length, 'every invoice is listed');
  await click(page, 'portal_invoices.status', { tap });
  await click(page, 'portal_invoices.status.option.1', { tap });
  const unpaid = all.filter((i) => i.status === 'unpaid').map((i) => `portal_invoices.${i.invoice_no}.status`).sort();
  const shown = await waitUi(page, (items, wanted) => {
    const rows = items.filter((i) => /^portal_invoices\.[^.]+\.status$/.test(i.id)).map((i) => i.id).sort();
    return JSON.stringify(rows) === JSON.stringify(wanted) ? rows : null;
  }, unpaid);
  assert.deepEqual(shown, unpaid, 'the status filter shows only unpaid invoices');
  await shot(page, `${prefix}-invoices`);

  // Pay online: Flip, BNI virtual account.
  await click(page, `portal_invoices.${invoice.invoice_no}.pay`, { tap });
  await waitUi(page, (items, id) => items.find((i) => i.id === id && i.visible), `portal_pay.invoice.${invoice.invoice_no}`);
  await click(page, 'portal_pay.method.bni_va', { tap });
  await click(page, 'portal_pay.submit', { tap });
  const code = await waitUi(page, (items) => items.find((i) => i.id === 'portal_pay.code' && i.value));
  assert.match(code.value, /^12345679\d+$/, 'the BNI VA number from the simulator is shown');
  // Waiting — or already paid: on the slow 3x phone the simulator's BNI payment (~3 s) can land first.
  await waitUi(page, (all) => all.find((i) => (i.id === 'portal_pay.waiting' || i.id === 'portal_pay.paid') && i.visible));
  await shot(page, `${prefix}-pay-waiting`);
  await click(page, 'portal_pay.code.copy', { tap });
  await waitUi(page, (items) => items.find((i) => i.id === 'portal_pay.code.copy' && i.label.startsWith('Disalin')), null, 30000);
  const copied = await page.waitForFunction(() => window.kimonetShell && window.kimonetShell.clipboardText, null, { timeout: 30000 });
  assert.equal(await copied.jsonValue(), code.value, 'the copy button puts the VA number on the clipboard');

  // The simulator pays after a few seconds and calls back; the screen polls and turns paid by itself.
  await item(page, 'portal_pay.paid', 45000);
  await shot(page, `${prefix}-pay-paid`);
  const after = await api('GET', `${base}/api/portal/invoices/${invoice.id}`, null, token);
  assert.equal(after.json.data.status, 'paid', 'the server has the invoice paid');
  // Right after paying: the public bill page says LUNAS for it, and the portal's home (when it is
  // this month's bill) says Lunas with no isolation warning for it.
  const page_html = await (await fetch(`${base}/billing/${number}`)).text();
  const card = page_html.slice(page_html.indexOf(`<b>${invoice.invoice_no}</b>`));
  assert.match(card.slice(0, card.indexOf('</div>')), /LUNAS/, 'the bill page shows the invoice paid');
  if (!tap) {
    await openScreen(page, 'nav.home', tap);
    const period = await item(page, 'home.bill.period');
    if (period.value.includes(invoice.invoice_no)) {
      await itemValue(page, 'home.bill.status', 'Lunas');
      await item(page, 'home.bill.paid');
    }
  }

  // The PDF of the paid invoice.
  await openScreen(page, 'nav.my_invoices', tap);
  await click(page, 'portal_invoices.status', { tap });
  await click(page, 'portal_invoices.status.option.0', { tap });
  await waitUi(page, (items, id) => items.find((i) => i.id === id && i.value === 'Lunas'), `portal_invoices.${invoice.invoice_no}.status`);
  const downloading = page.waitForEvent('download');
  await click(page, `portal_invoices.${invoice.invoice_no}.pdf`, { tap });
  const download = await downloading;
  assert.equal(download.suggestedFilename(), `${invoice.invoice_no}.pdf`);
  const bytes = fs.readFileSync(await download.path());
  assert.equal(bytes.subarray(0, 4).toString('latin1'), '%PDF', 'the download is a PDF');
  assert.ok(bytes.length > 1000, `the PDF has content (${bytes.length} bytes)`);
}

// The QR drawn on the canvas, read back from a screenshot: each module's centre pixel, dark or
// light, as rows of '0'/'1' (the image is the modules with a 4-module quiet zone).
async function drawnQr(page, id, size) {
  const box = await page.locator('#canvas').boundingBox();
  let image = await item(page, id);
  // The whole image on screen (item() settles for part of it): wheel until it is.
  for (let attempt = 0; attempt < 10 && (image.rect.y < 0 || image.rect.y + image.rect.h > box.height); attempt++) {
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, image.rect.y < 0 ? image.rect.y - 24 : image.rect.y + image.rect.h - box.height + 24);
    const frame = await page.evaluate(() => window.__ui().frame);
    image = await waitUi(page, (all, [wanted, after]) => window.__ui().frame > after + 1 && all.find((i) => i.id === wanted), [id, frame]);
  }
  const png = await page.screenshot({ clip: { x: box.x + image.rect.x, y: box.y + image.rect.y, width: image.rect.w, height: image.rect.h } });
  return page.evaluate(async ([data, modules]) => {
    const picture = new Image();
    picture.src = `data:image/png;base64,${data}`;
    await picture.decode();
    const canvas = document.createElement('canvas');
    canvas.width = picture.naturalWidth;
    canvas.height = picture.naturalHeight;
    const context = canvas.getContext('2d');
    context.drawImage(picture, 0, 0);
    const cell = canvas.width / (modules + 8);
    const rows = [];
    for (let y = 0; y < modules; y++) {
      let row = '';
      for (let x = 0; x < modules; x++) {
        const [r, g, b] = context.getImageData(Math.floor((x + 4.5) * cell), Math.floor((y + 4.5) * cell), 1, 1).data;
        row += r * 0.3 + g * 0.59 + b * 0.11 < 128 ? '1' : '0';
      }
      rows.push(row);
    }
    return rows;
  }, [png.toString('base64'), size]);
}

async function pendingCharges(base, admin, invoiceId) {
  const list = await api('GET', `${base}/api/payments/transactions?status=pending&per_page=100`, null, admin);
  assert.equal(list.status, 200, JSON.stringify(list.json));
  return list.json.data.filter((t) => t.invoice_id === invoiceId);
}

try {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  server = await startServer({ timeoutMs: 120000 });
  const base = server.url.replace(/\/$/, '');
  simulator = await startGateways(base);
  const admin = await tokenOf(base, 'admin');
  const configured = await api('PUT', `${base}/api/settings`, {
    flip_enabled: '1', flip_base_url: `${simulator.url}/flip`, flip_secret_key: 'sim-flip-secret', flip_validation_token: 'sim-flip-token',
    payment_callback_base_url: base,
  }, admin);
  assert.equal(configured.status, 200, JSON.stringify(configured.json));
  // Two customers with an open invoice: one for the desktop flow, one for the phone.
  const open = await api('GET', `${base}/api/invoices?status=unpaid&per_page=200`, null, admin);
  const numbers = [...new Set(open.json.data.map((invoice) => invoice.service_number).filter(Boolean))].sort();
  assert.ok(numbers.length >= 3, `three customers with unpaid invoices (${numbers.join(',')})`);
  browser = await launchBrowser();

  await test('portal: a customer signs in with their nomor layanan, filters invoices, pays by BNI VA, sees it paid, downloads the PDF', async () => {
    const page = await openApp(browser, server.url, DESKTOP);
    await payFlow(page, base, numbers[0], { tap: false, prefix: 'portal-desktop' });
    assert.deepEqual(page.kimonetLogs.filter((l) => !/Failed to load resource/.test(l)), []);
    await page.context().close();
  });

  await test('portal on a phone (390x844, touch): the same flow with taps', async () => {
    const page = await openApp(browser, server.url, PHONE);
    await payFlow(page, base, numbers[1], { tap: true, prefix: 'portal-phone' });
    assert.deepEqual(page.kimonetLogs.filter((l) => !/Failed to load resource/.test(l)), []);
    await page.context().close();
  });

  await test('portal on a phone: login without errors, QRIS as a QR image, the pending payment remembered on return', async () => {
    const { token, invoice } = await openInvoiceOf(base, numbers[2]);
    // A phone's layout and touch at 1 device pixel per CSS pixel: software GL draws a ninth of
    // the pixels of the 3x flow above (the QR's modules are still 7+ pixels wide).
    const page = await openApp(browser, server.url, { ...PHONE, deviceScaleFactor: 1 });
    const failed = [];
    page.on('response', (reply) => { if (reply.status() >= 400) failed.push(`${reply.status()} ${reply.url()}`); });
    await signIn(page, numbers[2], PASSWORD, { tap: true });
    await item(page, 'home.bill.total', 30000);
    await item(page, 'home.service_number');
    assert.deepEqual(failed, [], 'the portal asks only for what a customer may read');
    assert.deepEqual((await items(page)).filter((i) => i.id === 'toast.error').map((i) => i.label), [], 'no error toast');

    await openScreen(page, 'nav.pay', true);
    await click(page, `portal_pay.invoice.${invoice.invoice_no}`, { tap: true });
    const methods = await waitUi(page, (all) => {
      const rows = all.filter((i) => i.id.startsWith('portal_pay.method.'));
      return rows.length ? rows.map((i) => i.label) : null;
    });
    assert.ok(methods.every((label) => !/flip|midtrans|duitku/i.test(label)), `no gateway names: ${methods}`);
    assert.equal(new Set(methods).size, methods.length, 'each method once');
    await click(page, 'portal_pay.method.qris', { tap: true });
    await click(page, 'portal_pay.submit', { tap: true });
    const image = await item(page, 'portal_pay.qr.image', 30000);
    assert.equal(image.kind, 'qr');
    assert.ok(image.rect.w >= 200 && Math.abs(image.rect.w - image.rect.h) < 1, `a square QR a phone can scan (${image.rect.w}x${image.rect.h})`);
    const pending = await api('GET', `${base}/api/portal/payments/pending`, null, token);
    const payment = pending.json.data.find((p) => p.invoice_id === invoice.id && p.method === 'qris');
    assert.ok(payment && payment.qr && payment.qr_string, JSON.stringify(pending.json));
    assert.equal(image.value, String(payment.qr.size));
    assert.deepEqual(await drawnQr(page, 'portal_pay.qr.image', payment.qr.size), payment.qr.rows, 'the QR on screen is the QRIS string\'s modules');
    await shot(page, 'portal-phone-qris');
    const admin = await tokenOf(base, 'admin');
    const charges = await pendingCharges(base, admin, invoice.id);

    // Back later (the tab reloaded): the same QR with its expiry, not a new charge.
    await page.reload();
    // The address keeps the screen (#pay); else the portal opens at home.
    const landed = await waitUi(page, (all) => all.find((i) => i.id === 'home.bill.total' || i.id === 'portal_pay.hint'), null, 30000);
    if (landed.id === 'home.bill.total') await openScreen(page, 'nav.pay', true);
    await item(page, 'portal_pay.resumed', 30000);
    assert.deepEqual(await drawnQr(page, 'portal_pay.qr.image', payment.qr.size), payment.qr.rows);
    await item(page, 'portal_pay.expires');
    await shot(page, 'portal-phone-qris-resumed');
    assert.deepEqual((await pendingCharges(base, admin, invoice.id)).map((t) => t.order_id), charges.map((t) => t.order_id), 'no second charge');
    assert.deepEqual(failed, []);
    await page.context().close();
  });
} catch (error) {
  runner.fail('setup', error);
} finally {
  if (browser) await browser.close();
  if (simulator) simulator.stop();
  if (server) await server.stop();
}
process.exit(runner.finish('portal'));
