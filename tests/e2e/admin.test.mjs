// Administration screens, end to end in Chromium against the real server:
// 1. message templates: edit, live preview rendered offline by shared/messaging (asserted against
//    the server's own render), an unknown placeholder refused before saving, save, reset;
// 2. (a finance user's missing users screen is tests/views/test_navigation.cpp, the server's 403
//    tests/server/http/test_users_roles.cpp)
// 3. the users & roles matrix saves a permission change (checked through the API); removing the
//    superadmin's roles.update shows the server's refusal;
// 4. settings: grouped by task (Perusahaan … Keamanan); a secret saved shows "Tersimpan" and the API
//    never returns it; a bad value shows the server's 422 message under its field; a schedule preset
//    saves its cron; a logo uploaded through the file chooser shows on the screen and the bill page;
// 5. users, activity log, jobs, notification log (detail, resend, broadcast with confirmation),
//    WhatsApp status and test message — every screen shot into the artifacts.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { DESKTOP, PHONE, launchBrowser, openApp } from './lib/browser.mjs';
import { PASSWORD, createRunner, shot, signIn } from './lib/harness.mjs';
import { ARTIFACTS, startServer } from './lib/server.mjs';
import { startWhatsapp } from './lib/simulators.mjs';
import { click, fill, item, itemValue, waitUi } from './lib/ui.mjs';

const runner = createRunner();
const test = runner.test;
let server, browser, base, whatsapp;

async function api(method, url, body, token) {
  const headers = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const reply = await fetch(`${base}${url}`, { method, headers, body: body ? JSON.stringify(body) : undefined });
  return { status: reply.status, json: await reply.json() };
}

async function tokenOf(username) {
  const login = await api('POST', '/api/auth/login', { username, password: PASSWORD });
  assert.equal(login.status, 200, JSON.stringify(login.json));
  return login.json.token || (login.json.data && login.json.data.token);
}

async function signedIn(username, options = DESKTOP) {
  const page = await openApp(browser, server.url, options);
  await signIn(page, username, PASSWORD, { tap: !!options.hasTouch });
  // Desktop: the sidebar entries; phone: the menu button of the header.
  await waitUi(page, (items) => items.find((i) => (i.kind === 'nav' || i.id === 'shell.menu') && i.visible), null, 30000);
  return page;
}

// The settings form scrolls in its own region: wheel over a field inside it until `id` shows
// (each step waits for a later frame, never a fixed time).
async function revealSetting(page, id) {
  for (let attempt = 0; attempt < 20; attempt++) {
    const all = await page.evaluate(() => window.__ui().items);
    const target = all.find((i) => i.id === id);
    if (target && target.visible) return target;
    const inside = all.filter((i) => i.visible && /^settings\.[a-z_]+/.test(i.id) && !/^settings\.(tab|save|notice|error|group)/.test(i.id));
    if (!target || !inside.length) return item(page, id);
    const box = await page.locator('#canvas').boundingBox();
    const anchor = inside[Math.floor(inside.length / 2)].rect;
    await page.mouse.move(box.x + anchor.x + Math.min(anchor.w / 2, 40), box.y + anchor.y + anchor.h / 2);
    const frame = await page.evaluate(() => window.__ui().frame);
    await page.mouse.wheel(0, target.rect.y > anchor.y ? 240 : -240);
    await waitUi(page, (items, after) => window.__ui().frame > after + 1, frame);
  }
  return item(page, id);
}

const idsOf = async (page) => (await page.evaluate(() => window.__ui())).items.map((i) => i.id);

try {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  server = await startServer({ timeoutMs: 120000 });
  base = server.url.replace(/\/$/, '');
  browser = await launchBrowser();

  await test('templates: edit reminder, offline preview equals the server render, unknown placeholder refused, save, reset', async () => {
    const page = await signedIn('admin');
    await click(page, 'nav.templates');
    await click(page, 'templates.item.reminder');
    await itemValue(page, 'templates.editor.title', 'Pengingat pembayaran');
    const body = 'Halo {nama_pelanggan}, tagihan {invoice_no} sebesar {total} jatuh tempo {due_date}.';
    await click(page, 'templates.clear');
    await itemValue(page, 'templates.body', '');
    await click(page, 'templates.body');
    await page.keyboard.type(body);
    await itemValue(page, 'templates.body', body);
    const expected = 'Halo Budi Santoso, tagihan INV-202601-0001 sebesar Rp 166.500 jatuh tempo 10 Januari 2026.';
    const preview = await itemValue(page, 'templates.preview', expected);
    assert.equal(preview.value, expected);
    const admin = await tokenOf('admin');
    const server = await api('POST', '/api/message-templates/preview', { key: 'reminder', body }, admin);
    assert.equal(server.json.data.text, preview.value, 'the browser renders exactly what the server renders');
    await shot(page, 'admin-templates');

    // An unknown placeholder: shown under the text, Save disabled, and the server refuses it too.
    await page.keyboard.type(' {kode_rahasia}');
    const problem = await item(page, 'templates.body.error');
    assert.match(problem.value, /\{kode_rahasia\}/);
    await waitUi(page, (items) => items.find((i) => i.id === 'templates.save' && i.disabled));
    await shot(page, 'admin-templates-unknown');
    const refused = await api('PUT', '/api/message-templates/reminder', { body: `${body} {kode_rahasia}` }, admin);
    assert.equal(refused.status, 422);

    await click(page, 'templates.clear');
    await itemValue(page, 'templates.body', '');
    await click(page, 'templates.body');
    await page.keyboard.type(body);
    await itemValue(page, 'templates.body', body);
    await click(page, 'templates.save');
    await item(page, 'templates.notice');
    const saved = await api('GET', '/api/message-templates/reminder', null, admin);
    assert.equal(saved.json.data.body, body);
    assert.equal(saved.json.data.customized, true);

    await click(page, 'templates.reset');
    await itemValue(page, 'templates.notice', 'Template dikembalikan ke bawaan.');
    const reset = await api('GET', '/api/message-templates/reminder', null, admin);
    assert.equal(reset.json.data.body, reset.json.data.default_body);
    assert.notEqual(reset.json.data.body, body);
    await page.context().close();
  });

  await test('users & roles: the matrix saves a permission change; superadmin keeps roles.update (server refusal shown)', async () => {
    const page = await signedIn('superadmin');
    await click(page, 'nav.users');
    await item(page, 'users.admin.username');
    await shot(page, 'admin-users');
    await click(page, 'users.add');
    await fill(page, 'user_form.username', 'kasir2');
    await fill(page, 'user_form.full_name', 'Kasir Dua');
    await fill(page, 'user_form.password', 'Tiang-Listrik-81', { masked: true });
    await shot(page, 'admin-user-form');
    await click(page, 'user_form.save');
    await item(page, 'users.kasir2.username');
    const token = await tokenOf('superadmin');
    const users = await api('GET', '/api/users', null, token);
    assert.ok(users.json.data.some((u) => u.username === 'kasir2' && u.full_name === 'Kasir Dua'), 'the user was created');

    await click(page, 'users.tabs.1');
    const before = await api('GET', '/api/roles', null, token);
    assert.ok(!before.json.data.find((r) => r.name === 'finance').permissions.includes('customers.delete'));
    await itemValue(page, 'roles.finance.customers.delete', 'false');
    await click(page, 'roles.finance.customers.delete');
    await itemValue(page, 'roles.finance.customers.delete', 'true*');
    await shot(page, 'admin-roles-matrix');
    await click(page, 'roles.finance.save');
    await item(page, 'users.notice');
    await itemValue(page, 'roles.finance.customers.delete', 'true');
    const after = await api('GET', '/api/roles', null, token);
    const finance = after.json.data.find((r) => r.name === 'finance');
    assert.ok(finance.permissions.includes('customers.delete'), 'finance now has customers.delete');
    assert.equal(finance.permissions.length, before.json.data.find((r) => r.name === 'finance').permissions.length + 1);

    // roles.update sits below the fold of the matrix: scroll it into view with the wheel.
    const matrix = await item(page, 'roles.superadmin.customers.read');
    const box = await page.locator('#canvas').boundingBox();
    await page.mouse.move(box.x + matrix.hit.x, box.y + matrix.hit.y);
    await page.mouse.wheel(0, 600);
    await click(page, 'roles.superadmin.roles.update');
    await click(page, 'roles.superadmin.save');
    const error = await item(page, 'roles.superadmin.error');
    assert.match(error.value, /roles\.update/);
    await shot(page, 'admin-roles-refused');
    const still = await api('GET', '/api/roles', null, token);
    assert.ok(still.json.data.find((r) => r.name === 'superadmin').permissions.includes('roles.update'));
    await page.context().close();
  });

  await test('settings: a saved secret shows "Tersimpan" and is never returned; a bad value shows the 422 message inline', async () => {
    const page = await signedIn('admin');
    // The sidebar may not show every entry at 800 px: the address bar reaches every screen.
    await page.evaluate(() => { window.location.hash = '#/settings'; });
    await item(page, 'settings.company_name');
    const tabs = await waitUi(page, (items) => {
      const labels = items.filter((i) => /^settings\.tab\.\d$/.test(i.id)).map((i) => i.label);
      return labels.length === 7 ? labels : null;
    });
    assert.deepEqual(tabs, ['Perusahaan', 'Penagihan', 'Pembayaran', 'WhatsApp', 'Jaringan', 'Keamanan', 'Lainnya']);
    await shot(page, 'admin-settings-company');
    await click(page, 'settings.tab.3');
    await itemValue(page, 'settings.whatsapp_api_key.state', 'Belum diisi');
    const secret = 'rahasia-uji-98765';
    await fill(page, 'settings.whatsapp_api_key', secret, { masked: true });
    await click(page, 'settings.save');
    await itemValue(page, 'settings.whatsapp_api_key.state', 'Tersimpan');
    await itemValue(page, 'settings.whatsapp_api_key', '');
    await shot(page, 'admin-settings-whatsapp');
    const token = await tokenOf('admin');
    const settings = await api('GET', '/api/settings', null, token);
    assert.deepEqual(settings.json.data.whatsapp_api_key, { set: true });
    assert.ok(!JSON.stringify(settings.json).includes(secret), 'the secret never comes back from the API');
    const definition = settings.json.definitions.find((d) => d.key === 'whatsapp_api_key');
    assert.equal(definition.secret, true);

    await click(page, 'settings.tab.1');
    await revealSetting(page, 'settings.tax_rate');
    await fill(page, 'settings.tax_rate', 'banyak');
    await click(page, 'settings.save');
    const problem = await revealSetting(page, 'settings.tax_rate.error');
    assert.ok(problem.value.length > 0);
    await shot(page, 'admin-settings-422');
    const unchanged = await api('GET', '/api/settings', null, token);
    assert.equal(unchanged.json.data.tax_rate, settings.json.data.tax_rate, 'nothing changed');
    await revealSetting(page, 'settings.tax_rate');
    await fill(page, 'settings.tax_rate', '11');
    await click(page, 'settings.save');
    await itemValue(page, 'settings.notice', 'Pengaturan disimpan.');
    assert.equal((await api('GET', '/api/settings', null, token)).json.data.tax_rate, '11');
    for (const tab of [2, 4, 5]) {
      await click(page, `settings.tab.${tab}`);
      await shot(page, `admin-settings-tab${tab}`);
    }
    await page.context().close();
  });

  await test('settings: a schedule preset saves its cron; a logo uploaded shows on the screen and the public bill page', async () => {
    const page = await signedIn('admin');
    await page.evaluate(() => { window.location.hash = '#/settings'; });
    await click(page, 'settings.tab.1');
    await itemValue(page, 'settings.invoice_schedule.summary', 'setiap tanggal 1 jam 00:01');
    await click(page, 'settings.invoice_schedule.day');
    await click(page, 'settings.invoice_schedule.day.option.4');
    await fill(page, 'settings.invoice_schedule.time', '02:30');
    await itemValue(page, 'settings.invoice_schedule.summary', 'setiap tanggal 5 jam 02:30');
    await shot(page, 'admin-settings-schedule-preset');
    await click(page, 'settings.save');
    await itemValue(page, 'settings.notice', 'Pengaturan disimpan.');
    const token = await tokenOf('admin');
    assert.equal((await api('GET', '/api/settings', null, token)).json.data.invoice_schedule, '30 2 5 * *');

    await click(page, 'settings.tab.0');
    await itemValue(page, 'settings.logo.state', 'Belum ada logo yang diunggah.');
    const logo = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '../../assets/logo.png'));
    const chooser = page.waitForEvent('filechooser');
    await click(page, 'settings.logo.upload');
    await (await chooser).setFiles({ name: 'logo.png', mimeType: 'image/png', buffer: logo });
    await itemValue(page, 'settings.logo.state', 'Logo tersimpan: image/png, 256×256 piksel');
    await shot(page, 'admin-settings-logo');
    const bill = await (await fetch(`${base}/billing`)).text();
    assert.match(bill, /<img class="logo" src="\/api\/logo"/);
    const served = Buffer.from(await (await fetch(`${base}/api/logo`)).arrayBuffer());
    assert.ok(served.equals(logo), 'the public logo is the uploaded file');
    await page.context().close();
  });

  await test('WhatsApp test message, notification log detail with attempts, resend, broadcast with confirmation; activity and jobs', async () => {
    whatsapp = await startWhatsapp();
    const configured = await api('PUT', '/api/settings', { whatsapp_driver: 'mpwa', whatsapp_api_url: whatsapp.url,
      whatsapp_sender: '6281200000000', whatsapp_api_key: 'sim-api-key' }, await tokenOf('admin'));
    assert.equal(configured.status, 200, JSON.stringify(configured.json));
    const page = await signedIn('admin');
    await click(page, 'nav.whatsapp');
    await itemValue(page, 'whatsapp.state', 'Terhubung');
    await fill(page, 'whatsapp.test.phone', '081234567890');
    await fill(page, 'whatsapp.test.message', 'Tes dari Kimonet');
    await click(page, 'whatsapp.test.send');
    const queued = await item(page, 'whatsapp.test.notice');
    const id = queued.value.match(/#(\d+)/)[1];
    await shot(page, 'admin-whatsapp');

    await click(page, 'nav.notifications');
    await click(page, `notifications.${id}.customer`);
    await itemValue(page, 'notification.message', 'Tes dari Kimonet');
    await shot(page, 'admin-notification-detail');
    await click(page, 'notification.resend');
    await item(page, 'notification.notice');
    await click(page, 'notification.close');
    // The detail is a modal: until it has gone, the list under it is drawn but takes no clicks.
    await waitUi(page, (items) => !items.some((i) => i.id === 'notification.close'));

    await click(page, 'notifications.broadcast');
    await click(page, 'broadcast.segment');
    await click(page, 'broadcast.segment.option.1');
    await fill(page, 'broadcast.message', 'Pemeliharaan jaringan malam ini pukul 01:00.');
    await click(page, 'broadcast.send');
    await item(page, 'broadcast.confirm_text');
    await shot(page, 'admin-broadcast-confirm');
    await click(page, 'broadcast.confirm');
    const done = await item(page, 'notifications.notice');
    const [, queuedCount, matched] = done.value.match(/(\d+) pesan diantrekan \((\d+) pelanggan/);
    assert.ok(Number(queuedCount) > 0 && Number(queuedCount) <= Number(matched), done.value);
    const token = await tokenOf('admin');
    const log = await api('GET', '/api/notifications?per_page=200', null, token);
    assert.equal(log.json.data.filter((n) => n.template === 'broadcast').length, Number(queuedCount));
    await shot(page, 'admin-notifications');

    await page.evaluate(() => { window.location.hash = '#/activity'; });
    await fill(page, 'activity.actor', 'admin');
    await click(page, 'activity.apply');
    const row = await waitUi(page, (items) => items.find((i) => /^activity\.\d+\.action$/.test(i.id) && i.value === 'Pesan siaran dikirim'));
    assert.ok(row);
    await shot(page, 'admin-activity');

    await page.evaluate(() => { window.location.hash = '#/jobs'; });
    await item(page, 'jobs.schedule.title');
    await shot(page, 'admin-jobs');
    await page.context().close();
  });

  await test('phone (390x844): templates and settings screens in one column', async () => {
    const page = await signedIn('admin', PHONE);
    await click(page, 'shell.menu', { tap: true });
    await click(page, 'nav.templates', { tap: true });
    await item(page, 'templates.preview');
    await shot(page, 'admin-templates-phone');
    await click(page, 'shell.menu', { tap: true });
    await click(page, 'nav.settings', { tap: true });
    await item(page, 'settings.company_name');
    await shot(page, 'admin-settings-phone');
    await page.context().close();
  });
} catch (error) {
  runner.fail('setup', error);
} finally {
  if (browser) await browser.close();
  if (whatsapp) whatsapp.stop();
  if (server) await server.stop();
}
process.exit(runner.finish('admin'));
