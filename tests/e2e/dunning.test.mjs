// Dunning in Chromium against the real server (real clock, so dates are relative to today):
// 1. an invoice due in 5 days: the customer detail shows the dunning timeline and isolation date;
// 2. the Penagihan screen lists the default schedule's steps and previews a run (dry run);
// 3. the customer's portal home says "Layanan Anda akan diisolir pada …".
import assert from 'node:assert/strict';
import fs from 'node:fs';

import { DESKTOP, launchBrowser, openApp } from './lib/browser.mjs';
import { PASSWORD, apiAs, createRunner, shot, signIn } from './lib/harness.mjs';
import { ARTIFACTS, startServer } from './lib/server.mjs';
import { click, item, itemValue, waitUi } from './lib/ui.mjs';

const runner = createRunner();
const test = runner.test;
let server, browser;

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
// Today in WIB plus `days`, as {iso, text}.
function wibDate(days) {
  const date = new Date(Date.now() + 7 * 3600 * 1000 + days * 86400 * 1000);
  const iso = date.toISOString().slice(0, 10);
  return { iso, text: `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}` };
}

const due = wibDate(5);
const isolation = wibDate(12);  // H+7 of the default schedule

try {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  server = await startServer();
  browser = await launchBrowser();

  await test('customer detail shows the dunning timeline with the isolation date', async () => {
    const page = await openApp(browser, server.url, DESKTOP);
    await signIn(page, 'admin', PASSWORD);
    await item(page, 'nav.dunning');
    // The demo's own bills for this month may already be overdue (the real clock): settle them
    // first, so the new invoice is the one the schedule counts from.
    const open = await apiAs(page, 'admin', 'GET', '/api/invoices?customer_id=2&per_page=100');
    for (const invoice of open.data.filter((i) => i.status === 'unpaid' || i.status === 'partial')) {
      const paid = await apiAs(page, 'admin', 'POST', '/api/payments',
        { invoice_id: invoice.id, amount: invoice.total - invoice.paid_amount, method: 'cash' });
      assert.equal(paid.success, true, JSON.stringify(paid));
    }
    const created = await apiAs(page, 'admin', 'POST', '/api/invoices',
      { customer_id: 2, due_date: due.iso, lines: [{ description: 'Langganan internet', quantity: 1, unit_price: 200000 }] });
    assert.equal(created.success, true, JSON.stringify(created));
    await page.goto(`${server.url}#/customers/2`);
    await waitUi(page, (all, text) => all.some((i) => i.id === 'dunning.customer.isolation' && i.value.includes(text)), isolation.text);
    await shot(page, 'dunning-customer-detail');
  });

  await test('the Penagihan screen shows the schedule and previews a run', async () => {
    const page = await openApp(browser, server.url, DESKTOP);
    await signIn(page, 'admin', PASSWORD);
    await click(page, 'nav.dunning');
    await itemValue(page, 'header.title', 'Penagihan bertahap');
    await waitUi(page, (all) => all.some((i) => /^dunning\.step\.\d+\.label$/.test(i.id) && i.value === 'H+7'));
    await click(page, 'dunning.preview');
    await item(page, 'dunning.report.summary');
    // The server's own dry run (a preview changes nothing, so asking again gives the same report):
    // the screen must show exactly its counts and its rows.
    const preview = await apiAs(page, 'admin', 'POST', '/api/dunning/run', { dry_run: true });
    assert.equal(preview.success, true, JSON.stringify(preview));
    const report = preview.data;
    assert.equal(report.dry_run, true);
    // At least the H-7 reminder of customer 2's invoice due in 5 days (the first test).
    assert.ok(report.actions.some((action) => action.customer_id === 2), JSON.stringify(report.actions));
    await itemValue(page, 'dunning.report.summary',
      `Pratinjau ${report.date}: ${report.done} langkah akan dijalankan, ${report.skipped} dilewati, ${report.waiting} menunggu jam isolir.`);
    const cells = await waitUi(page, (all, count) => {
      const found = all.filter((i) => /^dunning\.report\.\d+\.(customer|invoice|amount)$/.test(i.id));
      return found.length === count * 3 && Object.fromEntries(found.map((i) => [i.id, i.value]));
    }, report.actions.length);
    report.actions.forEach((action, row) => {
      assert.equal(cells[`dunning.report.${row}.customer`], `${action.service_number} · ${action.customer_name}`);
      assert.equal(cells[`dunning.report.${row}.invoice`], action.invoice_no);
      assert.equal(cells[`dunning.report.${row}.amount`], `Rp ${action.amount.toLocaleString('de-DE')}`);
    });
    await shot(page, 'dunning-screen');
  });

  await test('the portal home announces the isolation date', async () => {
    const page = await openApp(browser, server.url, DESKTOP);
    await signIn(page, 'CUST002', PASSWORD);
    await waitUi(page, (all, text) => all.some((i) => i.id === 'home.bill.isolation' && i.value === `Layanan Anda akan diisolir pada ${text}`),
                 isolation.text);
    await shot(page, 'dunning-portal-home');
  });
} catch (error) {
  runner.fail('setup', error);
} finally {
  await browser?.close();
  await server?.stop();
}
process.exit(runner.finish('dunning'));
