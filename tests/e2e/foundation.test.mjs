// Foundation issue, end to end: the ImGui/wasm app in Debian's Chromium against the real server.
// 1. a wrong password shows an error; 2. admin searches a customer, edits the phone, sees the
// normalised number in the table and through the API; 3. a customer sees the customer home;
// plus the phone layout (390x844 @3x, touch). Screenshots go to build/e2e-artifacts/.
import assert from 'node:assert/strict';
import fs from 'node:fs';

import { DESKTOP, DESKTOP_HIDPI, PHONE, launchBrowser, openApp } from './lib/browser.mjs';
import { PASSWORD, createRunner, shot, signIn } from './lib/harness.mjs';
import { ARTIFACTS, startServer } from './lib/server.mjs';
import { click, fill, item, itemValue, items, waitUi } from './lib/ui.mjs';

const runner = createRunner();
const test = runner.test;
let server, browser;

// Visible customer rows of the last frame: [{number, name, phone}].
async function customerRows(page) {
  const all = await items(page);
  return all.filter((i) => i.kind === 'cell' && i.id.endsWith('.name') && i.id.startsWith('customers.') && i.visible)
    .map((i) => {
      const number = i.id.split('.')[1];
      return { number, name: i.value, phone: (all.find((p) => p.id === `customers.${number}.phone`) || {}).value };
    });
}

// Signs in through the API from inside the page (same origin) and reads one customer.
async function customerViaApi(page, serviceNumber) {
  return page.evaluate(async ([number, password]) => {
    const login = await fetch('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password }) }).then((r) => r.json());
    const list = await fetch(`/api/customers?q=${encodeURIComponent(number)}`,
      { headers: { Authorization: `Bearer ${login.token}` } }).then((r) => r.json());
    return list.data.find((c) => c.service_number === number);
  }, [serviceNumber, PASSWORD]);
}

try {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  server = await startServer();
  browser = await launchBrowser();
  console.log(`server ${server.url}`);

  await test('wrong password shows an error', async () => {
    const page = await openApp(browser, server.url, DESKTOP_HIDPI);
    await shot(page, 'login');
    await signIn(page, 'admin', 'not-the-password');
    const error = await waitUi(page, (all) => all.find((i) => i.id === 'login.error' && i.kind === 'error'));
    assert.match(error.value, /salah/i, 'the Indonesian wrong-password message');
    await shot(page, 'login-wrong-password');
    // The 401 of the login request itself is the only console error the browser may log.
    assert.deepEqual(page.kimonetLogs.filter((l) => !l.includes('401')), []);
    await page.context().close();
  });

  await test('admin finds a customer, edits the phone, sees it normalised in the table and the API', async () => {
    const page = await openApp(browser, server.url, DESKTOP);
    await signIn(page, 'admin', PASSWORD);
    await waitUi(page, (all) => all.filter((i) => i.kind === 'cell' && i.id.endsWith('.name')).length >= 10);
    await waitUi(page, (all) => all.some((i) => i.id.endsWith('.package') && i.value !== '—'));
    await shot(page, 'customers');

    // The mouse wheel scrolls the table down (emscripten's GLFW hands over raw DOM deltas).
    const firstBefore = (await customerRows(page)).find((row) => row.number);
    const table = (await items(page)).find((i) => i.id === `customers.${firstBefore.number}.name`);
    const box = await page.locator('#canvas').boundingBox();
    await page.mouse.move(box.x + table.rect.x + 5, box.y + table.rect.y + 5);
    await page.mouse.wheel(0, 400);
    await waitUi(page, (all, number) => {
      const cell = all.find((i) => i.id === `customers.${number}.name`);
      return !cell || !cell.visible;
    }, firstBefore.number);
    await page.mouse.wheel(0, -2000);
    await waitUi(page, (all, number) => all.some((i) => i.id === `customers.${number}.name` && i.visible), firstBefore.number);

    const target = (await customerRows(page))[2];
    await fill(page, 'customers.search', target.name);
    await waitUi(page, (all, name) => {
      const names = all.filter((i) => i.kind === 'cell' && i.id.endsWith('.name')).map((i) => i.value);
      return names.length > 0 && names.every((n) => n.toLowerCase().includes(name.toLowerCase())) && names;
    }, target.name);
    const found = (await customerRows(page)).find((row) => row.number === target.number);
    assert.ok(found, `search for "${target.name}" lists ${target.number}`);

    await click(page, `customers.${target.number}.edit`);
    await itemValue(page, 'customer_form.name', target.name);
    await fill(page, 'customer_form.phone', 'abc');
    await waitUi(page, (all) => all.find((i) => i.id === 'customer_form.phone.error'));  // live validation from shared/
    await shot(page, 'customer-form-invalid-phone');
    await fill(page, 'customer_form.phone', '0812-7777-1234');
    await waitUi(page, (all) => !all.some((i) => i.id === 'customer_form.phone.error'));
    await click(page, 'customer_form.save');
    await itemValue(page, `customers.${target.number}.phone`, '0812-7777-1234');  // shown as Indonesians write it
    await item(page, 'customers.notice');
    await shot(page, 'customers-after-edit');

    const stored = await customerViaApi(page, target.number);
    assert.equal(stored.phone, '6281277771234', 'the server stored the normalised phone');

    await click(page, 'lang.en');
    await itemValue(page, 'header.title', 'Customers');
    await click(page, 'lang.id');
    await itemValue(page, 'header.title', 'Pelanggan');
    await page.context().close();
  });

  await test('a customer login shows the customer home', async () => {
    const page = await openApp(browser, server.url, DESKTOP);
    await signIn(page, 'CUST001', PASSWORD);
    await itemValue(page, 'home.service_number', 'CUST001');
    const greeting = await item(page, 'home.greeting');
    assert.match(greeting.value, /^Halo, .+/);
    const all = await items(page);
    assert.ok(!all.some((i) => i.id === 'nav.customers'), 'customers see no staff navigation');
    await waitUi(page, (list) => list.find((i) => i.id === 'home.package' && i.value !== 'Memuat…'));
    await shot(page, 'customer-home');
    await page.context().close();
  });

  await test('phone layout: one column and finger-sized controls (390x844 @3x, touch)', async () => {
    const page = await openApp(browser, server.url, PHONE);
    const username = await item(page, 'login.username', 30000);
    assert.ok(username.hit.w >= 300, `username field spans the phone (${username.hit.w}px)`);
    assert.ok(username.hit.h >= 44, `username field is at least 44px high (${username.hit.h}px)`);
    await shot(page, 'phone-login');
    await signIn(page, 'admin', PASSWORD, { tap: true });
    await waitUi(page, (all) => all.filter((i) => i.kind === 'cell' && i.id.endsWith('.name') && i.visible).length >= 3);
    await waitUi(page, (all) => all.some((i) => i.id.endsWith('.package') && i.value !== '—'));
    const all = await items(page);
    const names = all.filter((i) => i.kind === 'cell' && i.id.endsWith('.name') && i.visible);
    assert.ok(new Set(names.map((n) => Math.round(n.rect.x))).size === 1, 'customer cards form one column');
    const edit = all.find((i) => i.id.endsWith('.edit') && i.visible);
    assert.ok(edit.hit.h >= 44, `row actions are at least 44px high (${edit.hit.h}px)`);
    const search = all.find((i) => i.id === 'customers.search');
    assert.ok(search.hit.w >= 340, `search spans the width (${search.hit.w}px)`);
    await shot(page, 'phone-customers');
    await page.context().close();
  });
} catch (error) {
  runner.fail('setup', error);
} finally {
  if (browser) await browser.close();
  if (server) await server.stop();
}

process.exit(runner.finish('foundation.test'));
