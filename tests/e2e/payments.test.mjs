// Payments issue, end to end in Chromium on a phone (390x844, touch) against the real server and
// the real gateway simulator (`kimonet-sim gateways`): a customer opens the public bill page,
// checks their bill without logging in, pays with a BNI virtual account through Flip (the
// simulator's sandbox pays BNI after a short pending period and calls the server back), and the
// page turns the invoice "LUNAS" by itself. Then staff: a payment whose callback the simulator
// drops is applied by reconciliation, and the payments screen's "Transaksi online" tab shows the
// attempt paid and the reconciliation finding; "Jalankan rekonsiliasi sekarang" runs it again.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { DESKTOP, PHONE, launchBrowser, openApp } from './lib/browser.mjs';
import { PASSWORD, createRunner, shot, signIn } from './lib/harness.mjs';
import { click, item, itemValue, waitUi } from './lib/ui.mjs';
import { ARTIFACTS, BIN_DIR, startServer } from './lib/server.mjs';
import { startGateways } from './lib/simulators.mjs';

const runner = createRunner();
const test = runner.test;
let server, browser, simulator;

async function api(method, url, body, token) {
  const headers = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const reply = await fetch(url, { method, headers, body: body ? JSON.stringify(body) : undefined });
  return { status: reply.status, json: await reply.json() };
}

try {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  server = await startServer();
  const base = server.url.replace(/\/$/, '');
  simulator = await startGateways(base);
  const login = await api('POST', `${base}/api/auth/login`, { username: 'admin', password: PASSWORD });
  assert.equal(login.status, 200, JSON.stringify(login.json));
  const token = login.json.token || (login.json.data && login.json.data.token);
  const configured = await api('PUT', `${base}/api/settings`, {
    flip_enabled: '1', flip_base_url: `${simulator.url}/flip`, flip_secret_key: 'sim-flip-secret', flip_validation_token: 'sim-flip-token',
    payment_callback_base_url: base,
  }, token);
  assert.equal(configured.status, 200, JSON.stringify(configured.json));
  browser = await launchBrowser();

  await test('a customer checks the bill on a phone, pays by BNI VA through Flip and sees it paid', async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${base}/billing`);
    await page.fill('input[name="nomor_layanan"]', 'CUST001');
    await page.tap('button[type="submit"]');
    await page.waitForSelector('text=Sisa:');
    await shot(page, 'payments-bill-phone');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `page is ${width}px wide on a 390px phone`);
    await page.locator('button', { hasText: 'Bayar dengan BNI Virtual Account' }).first().tap();
    const code = await page.waitForSelector('.code');
    assert.match(await code.textContent(), /^12345679\d+$/);
    await shot(page, 'payments-va-phone');
    // The simulator pays BNI after ~3 s and calls back; the page polls and reloads.
    await page.waitForSelector('text=LUNAS', { timeout: 30000 });
    await shot(page, 'payments-paid-phone');
    assert.deepEqual(errors, []);
    await context.close();
  });

  await test('a lost callback is applied by reconciliation and shows on the staff payments screen', async () => {
    // The simulator drops the next payment's callback: only reconciliation can learn of it.
    const dropped = await api('POST', `${simulator.url}/_sim/mode`, { drop_callbacks: 1 });
    assert.equal(dropped.status, 200);
    const bill = await api('POST', `${base}/billing/check`, { customer_number: 'CUST002' });
    assert.equal(bill.status, 200, JSON.stringify(bill.json));
    const invoice = bill.json.invoices.find((row) => row.status !== 'paid');
    const created = await api('POST', `${base}/billing/pay`, { invoice_id: invoice.invoice_id, gateway: 'flip', method: 'bri_va' });
    assert.equal(created.status, 201, JSON.stringify(created.json));
    const orderId = created.json.order_id;
    const paid = await api('POST', `${simulator.url}/_sim/pay/${encodeURIComponent(created.json.transaction_id)}`);
    assert.equal(paid.status, 200, JSON.stringify(paid.json));
    const pending = await api('GET', `${base}/api/payments/transactions?status=pending`, null, token);
    assert.ok(pending.json.data.some((row) => row.order_id === orderId), 'still pending here: the callback was dropped');

    // The scheduled job's CLI twin, told to look at attempts of any age.
    const reconciled = spawnSync(path.join(BIN_DIR, 'kimonet'), ['payment', 'reconcile', '--older-than', '0', '--db', server.db], { encoding: 'utf8' });
    assert.equal(reconciled.status, 0, reconciled.stderr + reconciled.stdout);
    const listed = await api('GET', `${base}/api/payments/transactions?status=paid`, null, token);
    assert.ok(listed.json.data.some((row) => row.order_id === orderId && row.service_number === 'CUST002'), JSON.stringify(listed.json));

    const page = await openApp(browser, server.url, DESKTOP);
    await signIn(page, 'admin', PASSWORD);
    await click(page, 'nav.payments');
    await click(page, 'payments.tabs.1');
    await itemValue(page, `gateway_tx.${orderId}.status`, 'Lunas');
    await itemValue(page, `gateway_tx.${orderId}.invoice`, invoice.invoice_no);
    const finding = await waitUi(page, (all, order) => {
      const row = all.find((i) => /^reconciliation\.\d+\.order$/.test(i.id) && i.value === order);
      return row && all.find((i) => i.id === row.id.replace(/\.order$/, '.kind'));
    }, orderId);
    assert.equal(finding.value, 'Diterapkan');
    await click(page, 'reconciliation.run');
    const notice = await item(page, 'reconciliation.notice');
    assert.match(notice.value, /^Rekonsiliasi selesai: \d+ dicek, 0 diterapkan/);
    await shot(page, 'payments-gateway-transactions');
    await page.context().close();

    // A role that may read payments but not create them sees the list without the button (finance
    // loses payments.create for this), here on a phone.
    const superadmin = await api('POST', `${base}/api/auth/login`, { username: 'superadmin', password: PASSWORD });
    const roles = await api('GET', `${base}/api/roles`, null, superadmin.json.token);
    const finance = roles.json.data.find((role) => role.name === 'finance');
    const reduced = await api('PUT', `${base}/api/roles/${finance.id}/permissions`,
      { permissions: finance.permissions.filter((p) => p !== 'payments.create') }, superadmin.json.token);
    assert.equal(reduced.status, 200, JSON.stringify(reduced.json));
    const phone = await openApp(browser, server.url, PHONE);
    await signIn(phone, 'finance', PASSWORD, { tap: true });
    await click(phone, 'shell.menu', { tap: true });  // phones: the navigation sits behind the menu button
    await click(phone, 'nav.payments', { tap: true });
    await click(phone, 'payments.tabs.1', { tap: true });
    await itemValue(phone, `gateway_tx.${orderId}.status`, 'Lunas');
    const visible = await waitUi(phone, (all) => all.some((i) => i.id.startsWith('gateway_tx.')) && all.map((i) => i.id));
    assert.ok(!visible.includes('reconciliation.run'), 'no reconcile button without payments.create');
    await shot(phone, 'payments-gateway-transactions-phone');
    await phone.context().close();
  });
} catch (error) {
  runner.fail('setup', error);
} finally {
  if (browser) await browser.close();
  if (simulator) simulator.stop();
  if (server) await server.stop();
}
process.exit(runner.finish('payments'));
