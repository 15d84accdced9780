// The few things every browser test file shares: named test cases with a closing summary line
// ("N passed, M failed"), screenshots into the artifacts folder, and signing in through the UI.
import path from 'node:path';

import { closeContextsOpenedSince, contextsOpenNow } from './browser.mjs';
import { ARTIFACTS } from './server.mjs';
import { click, fill, item, itemValue, waitUi } from './ui.mjs';

export const PASSWORD = 'demo12345';

// Attempts of a case whose renderer crashes (see test() below).
const kCrashAttempts = 3;

export function createRunner() {
  const results = [];
  return {
    results,
    async test(name, body) {
      // KIMONET_E2E_ONLY=<regex>: run only the matching cases (while working on them).
      if (process.env.KIMONET_E2E_ONLY && !new RegExp(process.env.KIMONET_E2E_ONLY).test(name)) return;
      const started = Date.now();
      for (let attempt = 1; ; ++attempt) {
        const before = contextsOpenNow();
        try {
          await body();
          results.push({ name, ok: true });
          console.log(`ok   ${name} (${Date.now() - started} ms${attempt > 1 ? `, attempt ${attempt}` : ''})`);
          return;
        } catch (error) {
          // Chromium's renderer process dying ("Target crashed": software GL on a loaded machine)
          // is the browser's failure, not a verdict on the app: the pages the crashed attempt opened
          // are closed and the case runs again from a new page, at most twice more, and says so. A
          // third crash, or any other error, fails it.
          if (attempt < kCrashAttempts && /Target crashed/.test(String(error && error.message))) {
            console.log(`RETRY ${name}: the browser's renderer crashed\n${error.stack || error}`);
            await closeContextsOpenedSince(before);
            continue;
          }
          results.push({ name, ok: false });
          console.log(`FAIL ${name}\n${error.stack || error}`);
          return;
        }
      }
    },
    fail(name, error) {
      results.push({ name, ok: false });
      console.log(`FAIL ${name}\n${error.stack || error}`);
    },
    // Prints the closing line ctest's log shows and returns the process exit code.
    finish(suite) {
      const failed = results.filter((r) => !r.ok).length;
      console.log(`${suite}: ${results.length - failed} passed, ${failed} failed; screenshots in ${ARTIFACTS}`);
      return failed === 0 ? 0 : 1;
    },
  };
}

export const shot = (page, name) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });

export async function signIn(page, username, password, options = {}) {
  await item(page, 'login.username', 30000);
  await fill(page, 'login.username', username, options);
  await fill(page, 'login.password', password, { ...options, masked: true });
  await click(page, 'login.submit', options);
}

// Calls the API from inside the page (same origin) as `username`; returns the parsed JSON body.
export async function apiAs(page, username, method, url, body) {
  return page.evaluate(async ([user, password, verb, address, payload]) => {
    const login = await fetch('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: user, password }) }).then((r) => r.json());
    const response = await fetch(address, { method: verb, headers: { Authorization: `Bearer ${login.token}`,
      'Content-Type': 'application/json' }, body: payload ? JSON.stringify(payload) : undefined });
    return response.json();
  }, [username, PASSWORD, method, url, body ?? null]);
}

// Opens a customer's screen from the customers list by searching their nomor layanan, and waits
// until the screen's panels (network, dunning timeline) have loaded and stopped moving.
export async function openCustomer(page, number) {
  await fill(page, 'customers.search', number);
  // Wait for the search's own result (one row), not a row of the list it replaces.
  await waitUi(page, (all, n) => {
    const rows = all.filter((i) => i.kind === 'cell' && /^customers\..+\.number$/.test(i.id));
    return rows.length === 1 && rows[0].id === `customers.${n}.number` && !all.some((i) => i.id === 'shell.loading');
  }, number);
  await click(page, `customers.${number}.number`);
  await itemValue(page, 'customer_detail.service_number', number);
  await waitUi(page, (all) => !all.some((i) => i.id === 'shell.loading') && all.some((i) => i.id === 'dunning.customer.schedule'));
}
