// The forced password change, end to end in Chromium against the real server:
// 1. superadmin creates a staff user through the API with a password; that token may only reach
//    /api/me, logout and the change (everything else 403 password_change_required);
// 2. the user signs in in the browser and gets the "Ganti kata sandi" step instead of the app; a weak
//    password shows the server's libpwquality message under the field; a good one continues into the
//    app; after logging out the new password signs straight in (and the old one no longer does);
// 3. a reload during the step brings it back and asks for the current password too;
// 4. "Keluar" on the step returns to the login form and ends that session.
import assert from 'node:assert/strict';
import fs from 'node:fs';

import { DESKTOP, launchBrowser, openApp } from './lib/browser.mjs';
import { PASSWORD, createRunner, shot, signIn } from './lib/harness.mjs';
import { ARTIFACTS, startServer } from './lib/server.mjs';
import { click, fill, item, items, waitUi } from './lib/ui.mjs';

const runner = createRunner();
const test = runner.test;
let server, browser, base;

async function api(method, url, body, token) {
  const headers = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const reply = await fetch(`${base}${url}`, { method, headers, body: body ? JSON.stringify(body) : undefined });
  return { status: reply.status, json: await reply.json() };
}

const signedInScreen = (page) => waitUi(page, (all) => all.find((i) => i.kind === 'nav' && i.visible), null, 30000);
const has = async (page, id) => (await items(page)).some((i) => i.id === id);

async function createUser(superadminToken, username, password) {
  const created = await api('POST', '/api/users', { username, full_name: `Staf ${username}`, password, role: 'finance' }, superadminToken);
  assert.equal(created.status, 201, JSON.stringify(created.json));
}

try {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  server = await startServer({ timeoutMs: 120000 });
  base = server.url.replace(/\/$/, '');
  browser = await launchBrowser();
  const superadmin = await api('POST', '/api/auth/login', { username: 'superadmin', password: PASSWORD });
  assert.ok(superadmin.json.token, JSON.stringify(superadmin.json));
  const adminToken = superadmin.json.token;
  const initial = 'Lampu-Jalan-42q';
  const chosen = 'Tiang-Listrik-81x';

  await test('a new user must change the password: weak refused with the server message, a good one opens the app', async () => {
    await createUser(adminToken, 'kasir7', initial);
    // The server's side of it: the login says so, and the token opens nothing but the change.
    const login = await api('POST', '/api/auth/login', { username: 'kasir7', password: initial });
    assert.equal(login.json.password_change_required, true);
    assert.equal(login.json.user.password_change_required, true);
    const blocked = await api('GET', '/api/auth/sessions', null, login.json.token);
    assert.equal(blocked.status, 403);
    assert.equal(blocked.json.error.code, 'password_change_required');

    const page = await openApp(browser, server.url, DESKTOP);
    await signIn(page, 'kasir7', initial);
    await item(page, 'login.new_password');
    await item(page, 'login.repeat_password');
    await item(page, 'login.password_change.hint');
    assert.equal(await has(page, 'login.current_password'), false, 'the password just typed is the current one');
    assert.equal((await items(page)).some((i) => i.kind === 'nav'), false, 'no app behind the step');
    await shot(page, 'password-change-step');

    await fill(page, 'login.new_password', 'password', { masked: true });
    await fill(page, 'login.repeat_password', 'password', { masked: true });
    await click(page, 'login.password_change.save');
    const error = await item(page, 'login.new_password.error');
    assert.match(error.value, /terlalu mudah ditebak/);
    await shot(page, 'password-change-weak');

    await fill(page, 'login.new_password', chosen, { masked: true });
    await fill(page, 'login.repeat_password', 'Tiang-Listrik-81y', { masked: true });
    await click(page, 'login.password_change.save');
    await item(page, 'login.repeat_password.error');

    await fill(page, 'login.repeat_password', chosen, { masked: true });
    await click(page, 'login.password_change.save');
    await signedInScreen(page);
    assert.equal(await has(page, 'login.new_password'), false);
    await item(page, 'shell.logout');
    await shot(page, 'password-change-done');

    await click(page, 'shell.logout');
    await signIn(page, 'kasir7', chosen);
    await signedInScreen(page);
    assert.equal(await has(page, 'login.new_password'), false, 'straight in with the new password');
    await shot(page, 'password-change-next-login');
    const old = await api('POST', '/api/auth/login', { username: 'kasir7', password: initial });
    assert.equal(old.status, 401);
    const fresh = await api('POST', '/api/auth/login', { username: 'kasir7', password: chosen });
    assert.equal(fresh.json.password_change_required, false);
    await page.context().close();
  });

  await test('a reload during the step asks for the current password too', async () => {
    await createUser(adminToken, 'kasir8', initial);
    const page = await openApp(browser, server.url, DESKTOP);
    await signIn(page, 'kasir8', initial);
    await item(page, 'login.new_password');
    await page.reload();
    await item(page, 'login.current_password', 30000);
    await shot(page, 'password-change-after-reload');
    await fill(page, 'login.current_password', 'Salah-Sekali-77z', { masked: true });
    await fill(page, 'login.new_password', chosen, { masked: true });
    await fill(page, 'login.repeat_password', chosen, { masked: true });
    await click(page, 'login.password_change.save');
    await item(page, 'login.current_password.error');
    await fill(page, 'login.current_password', initial, { masked: true });
    await click(page, 'login.password_change.save');
    await signedInScreen(page);
    await page.context().close();
  });

  await test('Keluar on the step logs out', async () => {
    await createUser(adminToken, 'kasir9', initial);
    const page = await openApp(browser, server.url, DESKTOP);
    await signIn(page, 'kasir9', initial);
    await item(page, 'login.new_password');
    await click(page, 'login.password_change.logout');
    await item(page, 'login.username');
    assert.equal(await has(page, 'login.new_password'), false);
    // The step's session is gone: a reload shows the login form, not the step.
    await page.reload();
    await item(page, 'login.username', 30000);
    assert.equal(await has(page, 'login.current_password'), false);
    await page.context().close();
  });
} catch (error) {
  runner.fail('setup', error);
} finally {
  if (browser) await browser.close();
  if (server) await server.stop();
}
process.exit(runner.finish('password_change'));
