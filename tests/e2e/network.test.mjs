// Network control in Chromium against the real server and two simulated MikroTik routers
// (`kimonet-sim routeros --seed-demo`): an admin isolates a customer from the customer screen and
// restores them (the router's PPP secret is read back with node-routeros, an independent client),
// the isolir page shows an isolated customer's unpaid bill, and the Routers screen tests a
// connection, shows a router's exact error, reports injected drift and repairs it.
import assert from 'node:assert/strict';
import fs from 'node:fs';

import { DESKTOP, PHONE, launchBrowser, openApp } from './lib/browser.mjs';
import { PASSWORD, createRunner, openCustomer, shot, signIn } from './lib/harness.mjs';
import { onRouter, secretOnRouter, setSecretProfile } from './lib/routeros.mjs';
import { ARTIFACTS, startServer } from './lib/server.mjs';
import { startRouters } from './lib/simulators.mjs';
import { click, fill, item, itemValue, waitUi } from './lib/ui.mjs';


const runner = createRunner();
const test = runner.test;
let server, browser, simulator;

async function api(method, url, body, token) {
  const headers = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const reply = await fetch(`${server.url.replace(/\/$/, '')}${url}`, { method, headers, body: body ? JSON.stringify(body) : undefined });
  return { status: reply.status, json: await reply.json().catch(() => null) };
}

async function login(username) {
  const reply = await api('POST', '/api/auth/login', { username, password: PASSWORD });
  assert.equal(reply.status, 200, JSON.stringify(reply.json));
  return reply.json.token || reply.json.data.token;
}

async function packageProfile(token, customerId) {
  const customer = (await api('GET', `/api/customers/${customerId}`, null, token)).json.data;
  return (await api('GET', `/api/packages/${customer.package_id}`, null, token)).json.data.mikrotik_profile;
}

// Active customers of Router Pusat: the server's first scheduler round may already have isolated
// overdue demo customers (auto-isolir catches up on start), so the test picks who is active now.
async function activeOnRouterPusat(token, count) {
  const list = (await api('GET', '/api/customers?status=active&router_id=1&sort=id&per_page=50', null, token)).json.data;
  const rows = list.filter((customer) => customer.pppoe_username);
  assert.ok(rows.length >= count, JSON.stringify(list));
  return rows.slice(0, count);
}

try {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  simulator = await startRouters(2);
  server = await startServer({ timeoutMs: 120000 });  // seeding hashes 54 passwords: slow on a loaded machine
  const superadmin = await login('superadmin');
  for (const [index, port] of simulator.ports.entries()) {
    const moved = await api('PUT', `/api/routers/${index + 1}`, { port, password: 'billing-demo' }, superadmin);
    assert.equal(moved.status, 200, JSON.stringify(moved.json));
  }
  const admin = await login('admin');
  browser = await launchBrowser();
  const routerPort = simulator.ports[0];  // Router Pusat: the demo customers with even numbers
  const [first, second, third] = await activeOnRouterPusat(admin, 3);

  await test('an admin isolates a customer from the customer screen and restores them', async () => {
    const page = await openApp(browser, server.url, DESKTOP);
    await signIn(page, 'admin', PASSWORD);
    await openCustomer(page, first.service_number);
    const profile = await packageProfile(admin, first.id);
    assert.equal((await secretOnRouter(routerPort, first.pppoe_username)).profile, profile);

    // No reason, no isolation; with one, a second step says what will happen before anything does.
    await click(page, 'customer_detail.isolate');
    await itemValue(page, 'customer_detail.isolate_reason.error', 'Isi alasan isolir dulu');
    await fill(page, 'customer_detail.isolate_reason', 'tunggakan dua bulan');
    await click(page, 'customer_detail.isolate');
    await item(page, 'customer_detail.isolate_question');
    assert.equal((await secretOnRouter(routerPort, first.pppoe_username)).profile, profile, 'nothing happens before the confirmation');
    await click(page, 'customer_detail.isolate_confirm');
    await item(page, 'customer_detail.network.notice');
    await item(page, 'customer_detail.restore');  // the customer reloaded as isolated
    await waitUi(page, (all) => all.find((i) => /^customer_detail\.isolation\.\d+\.reason$/.test(i.id) && i.value.startsWith('tunggakan dua bulan')));
    assert.equal((await secretOnRouter(routerPort, first.pppoe_username)).profile, 'ISOLIR');
    await shot(page, 'network-customer-isolated');

    await click(page, 'customer_detail.restore');
    await item(page, 'customer_detail.isolate');  // active again
    assert.equal((await secretOnRouter(routerPort, first.pppoe_username)).profile, profile);
    const log = await waitUi(page, (all) => {
      const actions = all.filter((i) => /^customer_detail\.isolation\.\d+\.action$/.test(i.id)).map((i) => i.value);
      return actions.length === 2 && actions;
    });
    assert.deepEqual(log, ['Pulihkan', 'Isolir']);
    await shot(page, 'network-customer-restored');
    assert.deepEqual(page.kimonetLogs, []);
    await page.context().close();
  });

  await test('finance staff (no network permissions) get no Isolir button on the customer screen', async () => {
    const page = await openApp(browser, server.url, DESKTOP);
    await signIn(page, 'finance', PASSWORD);
    await openCustomer(page, second.service_number);
    await item(page, 'customer_detail.invoices.title');
    const frame = await page.evaluate(() => window.__ui().items.map((i) => i.id));
    assert.ok(!frame.includes('customer_detail.isolate'), 'finance must not see the Isolir button');
    assert.ok(!frame.includes('customer_detail.network.title'), 'finance must not see the network card');
    await page.context().close();
  });

  await test('the isolir page shows an isolated customer their unpaid bill', async () => {
    const now = new Date(Date.now() + 7 * 3600 * 1000);
    const period = `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
    const generated = await api('POST', '/api/invoices/generate', { period }, admin);
    assert.equal(generated.status, 200, JSON.stringify(generated.json));
    const invoices = (await api('GET', `/api/invoices?customer_id=${second.id}`, null, admin)).json.data;
    const unpaid = invoices.find((invoice) => invoice.status === 'unpaid');
    assert.ok(unpaid, JSON.stringify(invoices));
    const isolated = await api('POST', `/api/customers/${second.id}/isolate`, { reason: 'e2e' }, admin);
    assert.equal(isolated.status, 200, JSON.stringify(isolated.json));
    assert.equal((await secretOnRouter(routerPort, second.pppoe_username)).profile, 'ISOLIR');

    const context = await browser.newContext(DESKTOP);
    const page = await context.newPage();
    await page.goto(`${server.url}isolir?u=${second.pppoe_username}`);
    await page.waitForSelector('h1');
    const text = await page.textContent('body');
    assert.match(text, /sedang diisolir/);
    assert.ok(text.includes(unpaid.invoice_no), `the page lists ${unpaid.invoice_no}`);
    const amount = `Rp ${unpaid.total.toLocaleString('de-DE')}`;  // nothing paid yet
    assert.ok(text.includes(amount), `the page shows ${amount}`);
    assert.match(text, /kembali normal secara otomatis/);
    await shot(page, 'network-isolir-page');
    await context.close();
  });

  await test('the Routers screen tests connections, shows a router error, reports drift and repairs it', async () => {
    // Router Cabang pointed at a port nobody listens on: its test must show the router error.
    const closed = await api('PUT', '/api/routers/2', { port: 1, password: 'billing-demo' }, superadmin);
    assert.equal(closed.status, 200, JSON.stringify(closed.json));
    const expected = await packageProfile(admin, third.id);
    const wrong = expected === 'BISNIS-50M' ? '10M' : 'BISNIS-50M';
    await setSecretProfile(routerPort, third.pppoe_username, wrong);

    const page = await openApp(browser, server.url, DESKTOP);
    await signIn(page, 'admin', PASSWORD);
    await click(page, 'nav.routers');
    await itemValue(page, 'routers.1.name', 'Router Pusat');
    await click(page, 'routers.1.test');
    const ok = await waitUi(page, (all) => all.find((i) => i.id === 'routers.1.test_result' && i.value.includes('7.16.2')));
    assert.match(ok.value, /CHR/);
    await click(page, 'routers.2.test');
    const failed = await waitUi(page, (all) => all.find((i) => i.id === 'routers.2.test_result'));
    assert.match(failed.value, /connection refused/i);

    await click(page, 'routers.drift.check');
    await waitUi(page, (all, id) => all.find((i) => i.id === id), `routers.drift.1.${third.pppoe_username}`);
    await shot(page, 'network-routers-drift');
    await click(page, 'routers.drift.repair');
    await item(page, 'routers.drift.notice');
    assert.equal((await secretOnRouter(routerPort, third.pppoe_username)).profile, expected);
    await waitUi(page, (all, id) => all.some((i) => i.id === 'routers.drift.summary') && !all.some((i) => i.id === id),
                 `routers.drift.1.${third.pppoe_username}`);

    await item(page, 'routers.snippets.0.copy');
    const commands = await item(page, 'routers.snippets.0.commands');
    assert.match(commands.value, /ppp profile add name=ISOLIR/);
    await shot(page, 'network-routers');
    await page.context().close();
  });

  await test('a technician makes a voucher batch on the Vouchers screen and the router holds it', async () => {
    const technician = await login('technician');
    const made = await api('POST', '/api/hotspot-profiles', { name: 'e2e-jam', time_limit_seconds: 3600, price: 3000 }, technician);
    assert.equal(made.status, 201, JSON.stringify(made.json));
    const page = await openApp(browser, server.url, DESKTOP);
    await signIn(page, 'technician', PASSWORD);
    await click(page, 'nav.vouchers');
    // Router Pusat: an earlier case pointed Router Cabang at a port nobody listens on.
    await click(page, 'vouchers.make.router');
    const pusat = await waitUi(page, (all) => all.find((i) => i.id.startsWith('vouchers.make.router.option.') &&
      (i.value === 'Router Pusat' || i.label === 'Router Pusat')));
    await click(page, pusat.id);
    await itemValue(page, 'vouchers.make.router', 'Router Pusat');
    await fill(page, 'vouchers.make.count', '5');
    await click(page, 'vouchers.make.submit');
    await waitUi(page, (all) => all.some((i) => i.id === 'vouchers.make.progress' && i.value.startsWith('5 / 5')));
    const [batch] = (await api('GET', '/api/voucher-batches', null, technician)).json.data;
    const users = await onRouter(simulator.ports[batch.router_id - 1], (routerApi) => routerApi.write('/ip/hotspot/user/print', ['?profile=e2e-jam']));
    assert.equal(users.length, 5);
    assert.ok(users.every((user) => user.password === user.name && user['limit-uptime'] === '1h'));
    await shot(page, 'vouchers');
    await page.context().close();
  });

  await test('a technician places a customer on an ODP port on a phone and sees the FTTH network on the map', async () => {
    // The network through the API (the CSV import), the customers' and router's coordinates.
    const csv = 'type,name,olt,pon,odc,port_count,latitude,longitude,router,site\n' +
      'olt,OLT-Pusat,,,,,-6.9147,107.6098,Router Pusat,POP Pusat\npon,0/1/1,OLT-Pusat,,,,,,,\n' +
      'odc,ODC-01,OLT-Pusat,0/1/1,,,-6.9160,107.6115,,\nodp,ODP-01-01,,,ODC-01,8,-6.9172,107.6131,,\n' +
      'odp,ODP-01-02,,,ODC-01,8,-6.9151,107.6138,,\n';
    const imported = await fetch(`${server.url.replace(/\/$/, '')}/api/imports/inventory`,
      { method: 'POST', headers: { Authorization: `Bearer ${admin}`, 'Content-Type': 'text/csv' }, body: csv });
    assert.equal(imported.status, 201, await imported.text());
    const tree = (await api('GET', '/api/inventory', null, admin)).json.data;
    const odp = tree.odps.find((row) => row.name === 'ODP-01-01');
    assert.equal((await api('PUT', '/api/inventory/routers/1/location', { latitude: -6.9142, longitude: 107.6085 }, admin)).status, 200);
    for (const [index, customer] of [first, second, third].entries()) {
      const at = { latitude: -6.9175 - index * 0.0004, longitude: 107.6125 + index * 0.0007 };
      assert.equal((await api('PUT', `/api/inventory/customers/${customer.id}/location`, at, admin)).status, 200);
      if (index < 2) assert.equal((await api('POST', `/api/inventory/odps/${odp.id}/ports`, { customer_id: customer.id, port_number: index + 1 }, admin)).status, 201);
    }

    // One page (one app load, one sign-in: the browser budget): the technician on a 390 px phone places
    // a customer on a free ODP port and sees the map; the same page at desktop width shows the map wide.
    const phone = await openApp(browser, server.url, PHONE);
    await signIn(phone, 'technician', PASSWORD);
    await item(phone, 'shell.menu');  // signed in
    await phone.goto(`${server.url.replace(/\/$/, '')}/#/inventory`);
    await itemValue(phone, `inventory.odp.${odp.id}`, 'ODP ODP-01-01 · bebas 6/8');
    await click(phone, `inventory.odp.${odp.id}.open`, { tap: true });
    await item(phone, 'inventory.ports.taken.2');
    await fill(phone, 'inventory.ports.service_number', third.service_number, { tap: true });
    await click(phone, 'inventory.ports.place', { tap: true });
    await itemValue(phone, `inventory.odp.${odp.id}`, 'ODP ODP-01-01 · bebas 5/8');
    await shot(phone, 'inventory-phone');
    const placed = (await api('GET', `/api/inventory/customers/${third.id}`, null, admin)).json.data;
    assert.equal(placed.port.port_number, 3);
    await phone.goto(`${server.url.replace(/\/$/, '')}/#/map`);
    await item(phone, `map.marker.customer.${third.id}`);
    await item(phone, 'map.marker.router.1');
    await shot(phone, 'map-phone');
    await phone.setViewportSize({ width: 1280, height: 800 });
    await waitUi(phone, (all) => all.some((i) => i.id === 'map.canvas' && i.rect.w > 900));
    await click(phone, `map.marker.customer.${first.id}`, { tap: true });
    await itemValue(phone, 'map.selected.detail', first.service_number);
    await shot(phone, 'map-desktop');
    assert.deepEqual(phone.kimonetLogs, []);
    await phone.context().close();
  });

} catch (error) {
  runner.fail('network e2e setup', error);
} finally {
  if (browser) await browser.close();
  if (server) await server.stop();
  if (simulator) simulator.stop();
}
process.exit(runner.finish('network'));
