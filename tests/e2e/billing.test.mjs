// Billing issue, end to end in Chromium against the real server:
// 1. admin generates a period's invoices (dry-run preview, then confirm), opens one, records a
//    full payment and sees it paid; the PDF downloads with the session token;
// 2. payments screen: the receipt is listed; a second payment through the invoice picker;
// 3. customer detail lists the customer's invoices and payments;
// 4. the offline first-invoice preview in the create-customer form, also with /api blocked;
// 5. customer CUST001 sees package, this month's bill and invoices on the portal home;
// 6. phone layout (390x844, touch) of the invoices screen and the portal.
import assert from 'node:assert/strict';
import fs from 'node:fs';

import { DESKTOP, PHONE, launchBrowser, openApp } from './lib/browser.mjs';
import { PASSWORD, apiAs, createRunner, shot, signIn } from './lib/harness.mjs';
import { ARTIFACTS, startServer } from './lib/server.mjs';
import { click, fill, item, itemValue, items, waitUi } from './lib/ui.mjs';

const runner = createRunner();
const test = runner.test;
let server, browser;

// A period no invoice exists for yet: the month after the server's current one.
function nextPeriod() {
  const now = new Date(Date.now() + 7 * 3600 * 1000);  // WIB, the server's default offset
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  return `${next.getUTCFullYear()}-${String(next.getUTCMonth() + 1).padStart(2, '0')}`;
}
const rupiah = (amount) => `Rp ${amount.toLocaleString('de-DE')}`;  // "Rp 164.516"

// Invoice rows of the last frame (cells "invoices.<no>.number").
async function invoiceRows(page) {
  const all = await items(page);
  return all.filter((i) => i.kind === 'cell' && /^invoices\..+\.number$/.test(i.id) && i.visible).map((i) => {
    const number = i.value;
    const cell = (column) => (all.find((c) => c.id === `invoices.${number}.${column}`) || {}).value;
    return { number, period: cell('period'), total: cell('total'), status: cell('status') };
  });
}

async function lastDownload(page) {
  return waitUi(page, () => window.kimonetShell.lastDownload);
}

const period = nextPeriod();
let paidInvoice;  // {number, total}
let receipt;

try {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  server = await startServer();
  browser = await launchBrowser();
  console.log(`server ${server.url}, generating ${period}`);

  await test('admin generates invoices (dry run, then confirm), opens one, records a full payment, sees it paid', async () => {
    const page = await openApp(browser, server.url, DESKTOP);
    await signIn(page, 'admin', PASSWORD);
    await click(page, 'nav.invoices');
    await itemValue(page, 'header.title', 'Tagihan');
    await waitUi(page, (all) => all.filter((i) => /^invoices\..+\.number$/.test(i.id)).length >= 5);
    await shot(page, 'invoices');

    await click(page, 'invoices.generate');
    await fill(page, 'generate.period', period);
    await click(page, 'generate.dry_run');
    const created = await waitUi(page, (all) => all.find((i) => i.id === 'generate.created'));
    const skipped = await item(page, 'generate.skipped');
    const total = await item(page, 'generate.total');
    assert.ok(Number(created.value) > 0, `the dry run would create invoices (${created.value})`);
    assert.match(total.value, /^Rp [\d.]+$/);
    const before = await apiAs(page, 'admin', 'GET', `/api/invoices?period=${period}`);
    assert.equal(before.total, 0, 'a dry run creates nothing');
    await shot(page, 'invoices-generate-preview');

    await click(page, 'generate.confirm');
    await waitUi(page, (all) => all.find((i) => i.id === 'generate.summary.caption' && i.value.startsWith('Selesai')));
    await itemValue(page, 'generate.created', created.value);
    await itemValue(page, 'generate.skipped', skipped.value);
    await shot(page, 'invoices-generate-done');
    await click(page, 'generate.close');

    // The list now shows the generated period.
    await waitUi(page, (all, wanted) => {
      const periods = all.filter((i) => /^invoices\..+\.period$/.test(i.id)).map((i) => i.value);
      return periods.length > 0 && periods.every((p) => p === wanted);
    }, period);
    const stored = await apiAs(page, 'admin', 'GET', `/api/invoices?period=${period}`);
    assert.equal(stored.total, Number(created.value), 'as many invoices as the preview promised');
    const rerun = await apiAs(page, 'admin', 'POST', '/api/invoices/generate', { period, dry_run: true });
    assert.equal(rerun.created, 0, 'generating again would create nothing');

    const row = (await invoiceRows(page))[0];
    await click(page, `invoices.${row.number}.number`);
    await itemValue(page, 'invoice.title', `Tagihan ${row.number}`);
    await itemValue(page, 'invoice.status', 'Belum dibayar');
    await itemValue(page, 'invoice.total', row.total);
    await waitUi(page, (all) => all.find((i) => i.id === 'invoice.lines.0.description'));
    await shot(page, 'invoice-detail');

    await click(page, 'invoice.pdf');
    const download = await lastDownload(page);
    assert.ok(download.ok && download.size > 1000, `the PDF downloads (${JSON.stringify(download)})`);
    assert.equal(download.filename, `${row.number}.pdf`);

    await click(page, 'invoice.pay');
    const amount = await item(page, 'payment_form.amount');
    assert.equal(`Rp ${amount.value}`, row.total, 'the amount is prefilled with what is left to pay');
    await itemValue(page, 'payment_form.method', 'Tunai');
    await shot(page, 'invoice-payment-form');
    await click(page, 'invoice.panel.submit');
    const notice = await waitUi(page, (all) => all.find((i) => i.id === 'invoice.notice'));
    receipt = notice.value.match(/kuitansi (\S+)\.$/)[1];
    await itemValue(page, 'invoice.status', 'Lunas');
    await itemValue(page, 'invoice.outstanding', 'Rp 0');
    await waitUi(page, (all, number) => all.find((i) => i.id === 'invoice.payments.0.receipt' && i.value === number), receipt);
    await shot(page, 'invoice-paid');
    await click(page, 'invoice.close');
    await itemValue(page, `invoices.${row.number}.status`, 'Lunas');
    paidInvoice = row;

    const detail = await apiAs(page, 'admin', 'GET', `/api/invoices?period=${period}&status=paid`);
    assert.ok(detail.data.some((i) => i.invoice_no === row.number), 'the server has the invoice as paid');
    await page.context().close();
  });

  await test('payments screen lists the receipt; the picker records a payment for another invoice', async () => {
    assert.ok(receipt, 'needs the payment of the first test');
    const page = await openApp(browser, server.url, DESKTOP);
    await signIn(page, 'admin', PASSWORD);
    await click(page, 'nav.payments');
    await itemValue(page, `payments.${receipt}.invoice`, paidInvoice.number);
    await itemValue(page, `payments.${receipt}.amount`, paidInvoice.total);
    await itemValue(page, `payments.${receipt}.method`, 'Tunai');

    await click(page, 'payments.record');
    const open = await waitUi(page, (all) => {
      const rows = all.filter((i) => i.kind === 'button' && /^payment_picker\.INV-/.test(i.id) && i.visible);
      return rows.length > 0 && rows;
    });
    const target = open[0].id.slice('payment_picker.'.length);
    await fill(page, 'payment_picker.search', target);
    await waitUi(page, (all, wanted) => {
      const shown = all.filter((i) => i.kind === 'button' && /^payment_picker\.INV-/.test(i.id));
      return shown.length === 1 && shown[0].id === `payment_picker.${wanted}`;
    }, target);
    await shot(page, 'payment-picker');
    await click(page, `payment_picker.${target}`);
    await itemValue(page, 'invoice.title', `Tagihan ${target}`);
    await item(page, 'payment_form.amount');
    // The cashier types the amount at once: focus lands on it, not on the dialog's Close button,
    // which is drawn first while the invoice loads.
    await page.waitForFunction(() => document.activeElement && document.activeElement.dataset.key === 'payment_form.amount');
    await click(page, 'payment_form.method');
    await click(page, 'payment_form.method.option.1');
    await itemValue(page, 'payment_form.method', 'Transfer bank');
    await click(page, 'invoice.panel.submit');
    await waitUi(page, (all) => all.find((i) => i.id === 'invoice.notice' && i.value.includes('kuitansi')));
    await itemValue(page, 'invoice.status', 'Lunas');
    await click(page, 'invoice.close');
    await waitUi(page, (all, wanted) => all.find((i) => /^payments\..+\.invoice$/.test(i.id) && i.value === wanted), target);
    await shot(page, 'payments');
    await page.context().close();
  });

  await test('customer detail shows profile, invoices and payments', async () => {
    const page = await openApp(browser, server.url, DESKTOP);
    await signIn(page, 'admin', PASSWORD);
    await click(page, 'customers.CUST001.number');
    await itemValue(page, 'customer_detail.service_number', 'CUST001');
    await itemValue(page, 'customer_detail.package', 'Home 20 Mbps · Rp 200.000');
    const invoices = await waitUi(page, (all) => {
      const rows = all.filter((i) => /^customer_detail\.invoice\..+\.number$/.test(i.id));
      return rows.length >= 2 && rows.map((r) => r.value);
    });
    assert.ok(invoices.some((n) => n.startsWith(`INV-${period.replace('-', '')}`)), `the generated invoice is listed (${invoices})`);
    await click(page, `customer_detail.invoice.${invoices[0]}.number`);
    await itemValue(page, 'invoice.title', `Tagihan ${invoices[0]}`);
    await click(page, 'invoice.close');
    await shot(page, 'customer-detail');
    await click(page, 'customer_detail.back');
    await itemValue(page, 'header.title', 'Pelanggan');
    await page.context().close();
  });

  await test('offline invoice preview: prorated in the browser, still updating with /api blocked', async () => {
    const page = await openApp(browser, server.url, DESKTOP);
    await signIn(page, 'admin', PASSWORD);
    await click(page, 'customers.add');
    await item(page, 'invoice_preview.title');
    await click(page, 'customer_form.package');
    const option = await waitUi(page, (all) => all.find((i) => i.kind === 'option' && i.value.startsWith('Home 30 Mbps')));
    await click(page, option.id);
    await waitUi(page, (all) => all.find((i) => i.id === 'customer_form.package' && i.value.startsWith('Home 30 Mbps')));
    await fill(page, 'customer_form.join_date', '2026-01-15');
    // Rp 300.000 / 31 days x 17 days (15-31 January) = Rp 164.516.
    await itemValue(page, 'invoice_preview.total', 'Rp 164.516');
    await waitUi(page, (all) => all.find((i) => i.id === 'invoice_preview.line.0' && i.value.includes('17/31')));
    await itemValue(page, 'invoice_preview.number', 'preview');
    await shot(page, 'customer-form-preview');

    let blocked = 0;
    await page.route('**/api/**', (route) => { blocked += 1; return route.abort(); });
    const reachable = await page.evaluate(() => fetch('/api/packages').then(() => true, () => false));
    assert.equal(reachable, false, 'the API is unreachable now');
    await fill(page, 'customer_form.join_date', '2026-03-20');
    // 12 of 31 March days: 300000 x 12 / 31 = 116129.03 -> Rp 116.129.
    await itemValue(page, 'invoice_preview.total', rupiah(116129));
    await fill(page, 'customer_form.join_date', '2026-02-01');
    await itemValue(page, 'invoice_preview.total', 'Rp 300.000');
    await fill(page, 'customer_form.join_date', '2028-02-15');  // leap February: 15 of 29 days
    await itemValue(page, 'invoice_preview.total', rupiah(Math.round(300000 * 15 / 29)));
    assert.equal(blocked, 1, 'only the probe went to the network: the preview made no request');
    await shot(page, 'customer-form-preview-offline');
    await page.unroute('**/api/**');
    await page.context().close();
  });

  await test('the preview applies the tax setting (PPN 11% exclusive)', async () => {
    const page = await openApp(browser, server.url, DESKTOP);
    await signIn(page, 'admin', PASSWORD);
    // Signed in (the session is in sessionStorage) before the reload below, not merely submitted.
    await waitUi(page, (all) => all.some((i) => i.kind === 'nav' && i.visible), null, 30000);
    const updated = await apiAs(page, 'admin', 'PUT', '/api/settings', { tax_rate: '11', tax_mode: 'exclusive' });
    assert.equal(updated.success, true);
    await page.reload();  // the session survives a reload (sessionStorage); the app refetches the settings
    await click(page, 'customers.add');
    await item(page, 'invoice_preview.title');
    await click(page, 'customer_form.package');
    const option = await waitUi(page, (all) => all.find((i) => i.kind === 'option' && i.value.startsWith('Home 30 Mbps')));
    await click(page, option.id);
    await fill(page, 'customer_form.join_date', '2026-01-15');
    await itemValue(page, 'invoice_preview.subtotal', 'Rp 164.516');
    await itemValue(page, 'invoice_preview.tax', rupiah(Math.round(164516 * 0.11)));
    await itemValue(page, 'invoice_preview.total', rupiah(164516 + Math.round(164516 * 0.11)));
    await shot(page, 'customer-form-preview-tax');
    await apiAs(page, 'admin', 'PUT', '/api/settings', { tax_rate: '0' });
    await page.context().close();
  });

  await test('customer CUST001 sees package, this month\'s bill and invoices on the portal home', async () => {
    // A taller window keeps the profile cards on screen: wheel scrolling does not reach ImGui yet
    // (a foundation issue: wheel events reach the canvas but nothing scrolls), so the test does not depend on it.
    const page = await openApp(browser, server.url, { ...DESKTOP, viewport: { width: 1280, height: 960 } });
    await signIn(page, 'CUST001', PASSWORD);
    await itemValue(page, 'home.service_number', 'CUST001');
    await itemValue(page, 'home.package', 'Home 20 Mbps');
    await itemValue(page, 'home.speed', '20 Mbps / 10 Mbps');
    await itemValue(page, 'home.price', 'Rp 200.000');
    await itemValue(page, 'home.bill.total', 'Rp 200.000');
    await item(page, 'home.bill.status');
    const own = await apiAs(page, 'CUST001', 'GET', '/api/portal/invoices');
    assert.ok(own.total >= 1);
    for (const invoice of own.data) await item(page, `home.invoice.${invoice.invoice_no}.period`);
    const all = await items(page);
    assert.ok(!all.some((i) => i.id === 'nav.invoices'), 'customers see no staff navigation');
    await shot(page, 'portal-home');

    await click(page, `home.invoice.${own.data[0].invoice_no}.pdf`);
    const download = await lastDownload(page);
    assert.ok(download.ok && download.size > 1000, `the customer downloads their PDF (${JSON.stringify(download)})`);

    await fill(page, 'profile.email', 'rina.baru@example.id');
    await click(page, 'profile.save');
    await item(page, 'profile.notice');
    const me = await apiAs(page, 'CUST001', 'GET', '/api/portal/me');
    assert.equal(me.customer.email, 'rina.baru@example.id');

    await fill(page, 'password.current', 'wrong-password', { masked: true });
    await fill(page, 'password.new', 'another-secret', { masked: true });
    await fill(page, 'password.repeat', 'another-secret', { masked: true });
    await click(page, 'password.save');
    await item(page, 'password.current.error');
    await shot(page, 'portal-profile');
    await page.context().close();
  });

  await test('phone layout: invoices as cards, portal in one column (390x844 @3x, touch)', async () => {
    const page = await openApp(browser, server.url, PHONE);
    await signIn(page, 'admin', PASSWORD, { tap: true });
    await click(page, 'shell.menu', { tap: true });  // phones: the navigation sits behind the menu button
    await click(page, 'nav.invoices', { tap: true });
    const cards = await waitUi(page, (all) => {
      const numbers = all.filter((i) => /^invoices\..+\.number$/.test(i.id) && i.visible);
      return numbers.length >= 3 && numbers;
    });
    assert.equal(new Set(cards.map((c) => Math.round(c.rect.x))).size, 1, 'invoice cards form one column');
    const tabs = (await items(page)).filter((i) => i.kind === 'button' && i.id.startsWith('nav.'));
    assert.ok(tabs.every((t) => t.hit.h >= 44 && t.hit.x >= 0 && t.hit.x + t.hit.w <= 390), 'every tab fits the phone');
    await shot(page, 'phone-invoices');
    const open = (await items(page)).find((i) => /^invoices\..+\.open$/.test(i.id) && i.visible);
    assert.ok(open.hit.h >= 44, `card actions are finger-sized (${open.hit.h}px)`);
    await click(page, open.id, { tap: true });
    await item(page, 'invoice.title');
    await shot(page, 'phone-invoice-detail');
    await page.context().close();

    const portal = await openApp(browser, server.url, PHONE);
    await signIn(portal, 'CUST001', PASSWORD, { tap: true });
    await itemValue(portal, 'home.package', 'Home 20 Mbps');
    const bill = await item(portal, 'home.bill.total');
    const service = await item(portal, 'home.service_number');
    assert.ok(service.rect.y > bill.rect.y, 'cards stack in one column');
    await shot(portal, 'phone-portal');
    await portal.context().close();
  });
} catch (error) {
  runner.fail('setup', error);
} finally {
  if (browser) await browser.close();
  if (server) await server.stop();
}

process.exit(runner.finish('billing.test'));
