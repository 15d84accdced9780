// Staff two-factor sign-in, end to end in Chromium against the real server:
// 1. admin opens Keamanan akun, gives the password, gets a QR code (drawn from the server's module
//    matrix) and the key as text; the test reads the key off the screen, computes the TOTP code
//    itself (RFC 6238, HMAC-SHA1 in node), confirms, and sees the ten recovery codes once;
// 2. logs out; the password alone now leads to the code step; a code signs in;
// 3. logs out; "use a recovery code" signs in with one of the codes, which is then spent (checked
//    through the API: nine left, and the same code refused);
// 4. the finance role made to demand two-factor: a finance user sees only Keamanan akun (with the
//    reason) until enrolled, then the rest of the app.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';

import { DESKTOP, launchBrowser, openApp } from './lib/browser.mjs';
import { PASSWORD, createRunner, shot, signIn } from './lib/harness.mjs';
import { ARTIFACTS, startServer } from './lib/server.mjs';
import { click, fill, item, items, itemValue, waitUi } from './lib/ui.mjs';

const runner = createRunner();
const test = runner.test;
let server, browser, base;

function base32Decode(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0, value = 0;
  const out = [];
  for (const character of text.replace(/[\s=]/g, '').toUpperCase()) {
    const index = alphabet.indexOf(character);
    assert.ok(index >= 0, `not base32: ${character}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) { out.push((value >>> (bits - 8)) & 0xff); bits -= 8; }
  }
  return Buffer.from(out);
}

// RFC 6238: HOTP (RFC 4226) of the 30-second step, six digits.
function totp(key, unixSeconds) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(unixSeconds / 30)));
  const digest = crypto.createHmac('sha1', key).update(counter).digest();
  const offset = digest[digest.length - 1] & 0x0f;
  const binary = (digest.readUInt32BE(offset) & 0x7fffffff) % 1000000;
  return String(binary).padStart(6, '0');
}

async function api(method, url, body, token) {
  const headers = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const reply = await fetch(`${base}${url}`, { method, headers, body: body ? JSON.stringify(body) : undefined });
  return { status: reply.status, json: await reply.json() };
}

const signedInScreen = (page) => waitUi(page, (all) => all.find((i) => i.kind === 'nav' && i.visible), null, 30000);

try {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  server = await startServer({ timeoutMs: 120000 });
  base = server.url.replace(/\/$/, '');
  browser = await launchBrowser();
  const page = await openApp(browser, server.url, DESKTOP);
  let key = null;
  let recoveryCodes = [];
  let confirmedAt = 0;

  await test('enrol: password, QR code and key on screen, confirm with a computed code, ten recovery codes', async () => {
    await signIn(page, 'admin', PASSWORD);
    await signedInScreen(page);
    await click(page, 'nav.security');
    await itemValue(page, 'security.state', 'Belum aktif');
    await fill(page, 'security.password', PASSWORD, { masked: true });
    await click(page, 'security.enroll');
    const qr = await item(page, 'security.qr');
    const size = Number(qr.value);
    assert.ok(size >= 21 && (size - 17) % 4 === 0, `QR side ${size}`);
    assert.ok(qr.rect.w >= 200 && Math.abs(qr.rect.w - qr.rect.h) < 1, `QR drawn ${qr.rect.w}x${qr.rect.h}`);
    const secret = (await item(page, 'security.secret')).value;
    assert.match(secret, /^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
    key = base32Decode(secret);
    assert.equal(key.length, 20);
    await shot(page, 'two-factor-enrol-qr');

    confirmedAt = Date.now() / 1000;
    await fill(page, 'security.code', totp(key, confirmedAt));
    await click(page, 'security.confirm');
    await item(page, 'security.recovery.9');
    recoveryCodes = (await items(page)).filter((i) => /^security\.recovery\.\d+$/.test(i.id)).map((i) => i.value);
    assert.equal(recoveryCodes.length, 10);
    for (const code of recoveryCodes) assert.match(code, /^[a-z2-9]{5}-[a-z2-9]{5}$/);
    assert.equal(new Set(recoveryCodes).size, 10);
    await item(page, 'security.recovery.copy_codes');
    await shot(page, 'two-factor-recovery-codes');
    await click(page, 'security.recovery.done');
    await itemValue(page, 'security.state', 'Aktif');
    await item(page, 'security.disable');
    await shot(page, 'two-factor-enabled');
  });

  await test('log out; the password alone asks for the code; a code signs in', async () => {
    await click(page, 'shell.logout');
    // The password still has to be right, and alone it gives no token.
    const login = await api('POST', '/api/auth/login', { username: 'admin', password: PASSWORD });
    assert.equal(login.json.two_factor_required, true);
    assert.equal(login.json.token, undefined);

    await signIn(page, 'admin', PASSWORD);
    await item(page, 'login.code');
    await shot(page, 'two-factor-login-code');
    // The code of the step after the confirming one: inside the ±1 window, and not a replay.
    await fill(page, 'login.code', totp(key, confirmedAt + 30));
    await click(page, 'login.verify');
    await signedInScreen(page);
    await item(page, 'shell.logout');
  });

  await test('log out; a recovery code signs in once', async () => {
    await click(page, 'shell.logout');
    await signIn(page, 'admin', PASSWORD);
    await item(page, 'login.code');
    await click(page, 'login.use_recovery');
    await fill(page, 'login.recovery_code', recoveryCodes[0]);
    await shot(page, 'two-factor-login-recovery');
    await click(page, 'login.verify');
    await signedInScreen(page);
    await click(page, 'nav.security');
    await itemValue(page, 'security.state', 'Aktif');
    await itemValue(page, 'security.recovery_left', '9 kode pemulihan tersisa');
    await shot(page, 'two-factor-after-recovery');

    // The spent code is refused (through the API, a fresh challenge).
    const login = await api('POST', '/api/auth/login', { username: 'admin', password: PASSWORD });
    const reuse = await api('POST', '/api/auth/login/two-factor', { challenge: login.json.challenge, recovery_code: recoveryCodes[0] });
    assert.equal(reuse.status, 422);
    assert.equal(reuse.json.error.code, 'validation_failed');
  });

  await test('a role that demands two-factor: finance sees only Keamanan akun until enrolled', async () => {
    const superadmin = await api('POST', '/api/auth/login', { username: 'superadmin', password: PASSWORD });
    const roles = await api('GET', '/api/roles', null, superadmin.json.token);
    const finance = roles.json.data.find((role) => role.name === 'finance');
    const rule = await api('PUT', `/api/roles/${finance.id}/two-factor`, { required: true }, superadmin.json.token);
    assert.equal(rule.status, 200, JSON.stringify(rule.json));

    const financePage = await openApp(browser, server.url, DESKTOP);
    await signIn(financePage, 'finance', PASSWORD);
    await item(financePage, 'security.required');
    await item(financePage, 'security.password');
    const nav = (await items(financePage)).filter((i) => i.kind === 'nav').map((i) => i.id);
    assert.deepEqual(nav, ['nav.security']);
    await shot(financePage, 'two-factor-required-by-role');

    await fill(financePage, 'security.password', PASSWORD, { masked: true });
    await click(financePage, 'security.enroll');
    const secret = (await item(financePage, 'security.secret')).value;
    await fill(financePage, 'security.code', totp(base32Decode(secret), Date.now() / 1000));
    await click(financePage, 'security.confirm');
    await item(financePage, 'security.recovery.0');
    // Enrolled: the rest of the app opens.
    await click(financePage, 'nav.payments');
    await waitUi(financePage, (all) => all.some((i) => i.kind === 'nav' && i.id === 'nav.payments' && i.value === 'current'));
    await financePage.context().close();
  });
} catch (error) {
  runner.fail('setup', error);
} finally {
  if (browser) await browser.close();
  if (server) await server.stop();
}
process.exit(runner.finish('two_factor'));
