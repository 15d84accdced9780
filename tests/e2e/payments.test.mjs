// Payments issue, end to end in Chromium on a phone (390x844, touch) against the real server and
// the real gateway simulator (`kimonet-sim gateways`): a customer opens the public bill page,
// checks their bill without logging in, pays with a BNI virtual account through Flip (the
// simulator's sandbox pays BNI after a short pending period and calls the server back), and the
// page turns the invoice "LUNAS" by itself.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { PHONE, launchBrowser } from './lib/browser.mjs';
import { PASSWORD, createRunner, shot } from './lib/harness.mjs';
import { ARTIFACTS, BIN_DIR, startServer } from './lib/server.mjs';

const runner = createRunner();
const test = runner.test;
let server, browser, simulator;

async function startGateways(callbackBase) {
  const child = spawn(path.join(BIN_DIR, 'kimonet-sim'), ['gateways', '--port', '0', '--callback-base', callbackBase, '--retry-delay-ms', '500'],
                      { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`gateway simulator did not start:\n${output}`)), 15000);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = output.match(/listening on (http:\/\/127\.0\.0\.1:\d+)\//);
      if (match) { clearTimeout(timer); resolve(match[1]); }
    });
    child.stderr.on('data', (chunk) => { output += chunk; });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`gateway simulator exited (${code}):\n${output}`)); });
  });
  return { url, stop: () => { if (child.exitCode === null) child.kill('SIGTERM'); } };
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
} catch (error) {
  runner.fail('setup', error);
} finally {
  if (browser) await browser.close();
  if (simulator) simulator.stop();
  if (server) await server.stop();
}
process.exit(runner.finish('payments'));
