// Payments issue, end to end in Chromium on a phone (390x844, touch) against the real server and
// the real gateway simulator (`kimonet-sim gateways`): a customer opens the public bill page,
// checks their bill without logging in, pays with a BNI virtual account through Flip (the
// simulator's sandbox pays BNI after a short pending period and calls the server back), and the
// page turns the invoice "LUNAS" by itself. Then staff: a payment whose callback the simulator
// drops is applied by reconciliation, and the payments screen's "Transaksi online" tab shows the
// attempt paid and the reconciliation finding; "Jalankan rekonsiliasi sekarang" runs it again.
// Issue 18: a payment voided from its invoice with a reason (the invoice unpaid again, the customer
// told on WhatsApp); the invoice's address survives a reload and opens signed in in a new tab; on the
// finance phone the customer screen's WhatsApp button opens wa.me/62… and its text takes a long press.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { DESKTOP, PHONE, launchBrowser, openApp } from './lib/browser.mjs';
import { PASSWORD, createRunner, shot, signIn } from './lib/harness.mjs';
import { click, fill, item, itemValue, items, waitUi } from './lib/ui.mjs';
import { ARTIFACTS, BIN_DIR, startServer } from './lib/server.mjs';
import { startGateways } from './lib/simulators.mjs';

const runner = createRunner();
const test = runner.test;
let server, browser, simulator, staffPage;

// Every error the page reports, a Content-Security-Policy violation first among them (Chromium
// logs "Refused to execute inline script…" / "Refused to apply inline style…" as console errors,
// whether or not the page runs JavaScript).
function watchPolicy(page) {
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  return errors;
}

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
    const errors = watchPolicy(page);
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
    // One tap copies the number; the other methods have folded away under a button.
    await page.locator('button.copy').first().tap();
    await page.waitForSelector('button.copy:has-text("Disalin")');
    assert.equal(await page.locator('button', { hasText: 'Bayar dengan BNI Virtual Account' }).first().isVisible(), false);
    await page.waitForSelector('button:has-text("Pilih metode pembayaran lain")');
    await shot(page, 'payments-va-phone');
    // The simulator pays BNI after ~3 s and calls back; the page polls and reloads.
    await page.waitForSelector('text=LUNAS', { timeout: 30000 });
    await shot(page, 'payments-paid-phone');
    assert.deepEqual(errors, []);
    await context.close();
  });

  // The page's Content-Security-Policy allows only its own script and style blocks (by hash): it
  // must still be styled and work with JavaScript (above) and without it (here), and the isolir
  // page too, with no violation reported.
  await test('without JavaScript the bill page checks, pays by form and shows the VA number; the pages keep their style', async () => {
    const context = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    const errors = watchPolicy(page);
    let number;  // a customer other than the two above with a bill to pay
    for (let n = 4; n <= 30 && !number; ++n) {
      const candidate = `CUST${String(n).padStart(3, '0')}`;
      const bill = await api('POST', `${base}/billing/check`, { customer_number: candidate });
      if (bill.status === 200 && bill.json.invoices.some((row) => row.status !== 'paid')) number = candidate;
    }
    assert.ok(number, 'a customer with an open bill');
    await page.goto(`${base}/billing`);
    await page.fill('input[name="nomor_layanan"]', number);
    await page.tap('button[type="submit"]');
    await page.waitForSelector('text=Sisa:');
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(244, 246, 248)', 'the page style applies');
    await page.locator('button', { hasText: 'Bayar dengan BNI Virtual Account' }).first().tap();
    await page.waitForURL(new RegExp(`/billing/${number}$`));
    const code = await page.waitForSelector('.code');
    assert.match(await code.textContent(), /^\d{8,}$/);
    await shot(page, 'payments-va-no-js-phone');
    await page.goto(`${base}/isolir`);
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('h1')).color), 'rgb(180, 35, 24)', 'the isolir style applies');
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
    staffPage = page;  // the void case goes on from here (signed in as admin)

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

    // Issue 18, on the same phone: a customer's screen offers WhatsApp as wa.me/62…, keeps every
    // button on screen, and a finger on its text is left to the browser's long-press selection.
    await phone.evaluate(() => { window.location.hash = '#/customers/3'; });
    await itemValue(phone, 'customer_detail.service_number', 'CUST003');
    await phone.evaluate(() => { window.kimonetOpenedUrls = []; });
    await click(phone, 'customer_detail.action.whatsapp', { tap: true });
    const opened = await phone.waitForFunction(() => window.kimonetOpenedUrls.length && window.kimonetOpenedUrls[0]);
    assert.match(await opened.jsonValue(), /^https:\/\/wa\.me\/62\d{8,13}$/);
    const buttons = (await items(phone)).filter((i) => i.kind === 'button');
    const outside = buttons.filter((i) => i.rect.x < 0 || i.rect.x + i.rect.w > 390.5).map((i) => i.id);
    assert.deepEqual(outside, []);
    await shot(phone, 'customer-quick-actions-phone');
    // A finger on the customer's name (a text node of the text layer) is not taken by the canvas:
    // the touch's default (the browser's long-press selection) is left alone, and the text is
    // selectable there.
    const name = await item(phone, 'customer_detail.name');
    const box = await phone.locator('#canvas').boundingBox();
    const x = box.x + name.rect.x + Math.min(20, name.rect.w / 2), y = box.y + name.rect.y + name.rect.h / 2;
    await phone.evaluate(() => {
      window.__touch = null;
      // After the page's own capturing listener (shell.js), on the same target.
      window.addEventListener('touchstart', (event) => {
        window.__touch = { prevented: event.defaultPrevented, text: event.target.textContent, className: event.target.className };
      }, { once: true, capture: true });
    });
    const cdp = await phone.context().newCDPSession(phone);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
    const touch = await (await phone.waitForFunction(() => window.__touch)).jsonValue();
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    assert.equal(touch.prevented, false, JSON.stringify(touch));
    assert.equal(touch.text, name.value);
    const style = await phone.evaluate(([px, py]) => {
      const node = document.elementFromPoint(px, py);
      const computed = window.getComputedStyle(node);
      return { select: computed.userSelect || computed.webkitUserSelect, touchAction: computed.touchAction };
    }, [x, y]);
    assert.equal(style.select, 'text');
    // And the text can be selected there (what the long press does), as text, not as pixels.
    const selected = await phone.evaluate(([px, py]) => {
      const node = document.elementFromPoint(px, py);
      const range = document.createRange();
      range.selectNodeContents(node);
      window.getSelection().removeAllRanges();
      window.getSelection().addRange(range);
      return window.getSelection().toString();
    }, [x, y]);
    assert.equal(selected, name.value);
    await phone.context().close();
  });

  await test('a payment voided from its invoice with a reason leaves the invoice unpaid; the address survives reload and a new tab', async () => {
    const open = await api('GET', `${base}/api/invoices?customer_id=3&status=unpaid`, null, token);
    const invoice = open.json.data[0];
    assert.ok(invoice, JSON.stringify(open.json));
    const paid = await api('POST', `${base}/api/payments`, { invoice_id: invoice.id, amount: invoice.total, method: 'cash' }, token);
    assert.equal(paid.status, 201, JSON.stringify(paid.json));
    // The invoice's address, in the admin's tab of the case before (or a new one signed in).
    let page = staffPage;
    if (!page) {
      page = await openApp(browser, server.url, DESKTOP);
      await signIn(page, 'admin', PASSWORD);
    }
    await page.evaluate((id) => { window.location.hash = `#/invoices/${id}`; }, invoice.id);
    await itemValue(page, 'invoice.status', 'Lunas');
    await click(page, 'invoice.payments.0.void');
    await page.waitForFunction((hash) => window.location.hash === hash, `#/invoices/${invoice.id}/payments/${paid.json.data.id}/void`);
    await fill(page, 'payment_void.reason', 'uang palsu');
    await click(page, 'invoice.panel.submit');
    await waitUi(page, (all) => all.some((i) => i.id === 'invoice.notice' && / dibatalkan\. /.test(i.value)));
    const unpaid = (all) => all.find((i) => i.id === 'invoice.status' && i.value !== 'Lunas');
    await waitUi(page, unpaid);
    const after = await api('GET', `${base}/api/invoices/${invoice.id}`, null, token);
    assert.equal(after.json.data.status, 'unpaid');
    const messages = await api('GET', `${base}/api/notifications?customer_id=3`, null, token);
    assert.ok(messages.json.data.some((row) => row.template === 'payment_void'), 'the customer is told on WhatsApp');
    await shot(page, 'payments-void-desktop');
    // Reload: still signed in, the same invoice open.
    await page.waitForFunction((hash) => window.location.hash === hash, `#/invoices/${invoice.id}`);
    await page.reload();
    await waitUi(page, unpaid, null, 30000);
    // A link opened in a new tab of the same browser: signed in, at the address, no login screen.
    const tab = await page.context().newPage();
    await tab.goto(`${server.url}#/invoices/${invoice.id}/pay`);
    await item(tab, 'invoice.panel.submit');
    const shown = await tab.evaluate(() => window.__ui().items.map((i) => i.id));
    assert.ok(!shown.includes('login.username'), 'the new tab did not ask to sign in');
    assert.ok(!tab.url().includes('token') && !(await tab.evaluate(() => document.cookie)).includes('token'));
    await page.context().close();
  });

} catch (error) {
  runner.fail('setup', error);
} finally {
  if (browser) await browser.close();
  if (simulator) simulator.stop();
  if (server) await server.stop();
}
process.exit(runner.finish('payments'));
