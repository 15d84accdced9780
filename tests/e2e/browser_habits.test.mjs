// The browser app as people with a browser's habits use it (desktop 1280x800, phone 360x740 with
// touch), for what the other suites do not already cover. Typing right after a click: a cashier
// picks a package from the drop-down, clicks the name field and types at once; closes the form with
// Batal and types in the customers' search at once; every letter lands in the field clicked, in
// order (before: the first letters went to the control focused before the app had drawn the click,
// "Cepat" saved as "epat", and the search stayed empty). Nothing waits a fixed time: the clicks and
// keys come as fast as the test can send them, ten times over. A password manager fills the
// sign-in (the value and an input event, no keys) and Enter is pressed in the password field: that
// focused the field and pressed Masuk in the same frame of the app, the focus took the press, and
// nobody signed in (10 of 10 before). A password manager on the portal:
// the customer's change-password card is a real form (current-password, new-password twice, Save
// its submit button), so a manager offers a new password and to save it; filled as a manager fills
// (the value and an input event, no keys), Enter in it changes the password (before: three plain
// secret fields, autocomplete off, no form, Enter did nothing). The revenue report at 1280 px:
// eleven figures do not fit a laptop's width, the month table scrolls sideways with the month
// frozen, and the columns that scroll out are the parts shown on the cards above, never the three
// totals (before: "Terkumpul + voucher" was cut at the edge).
import assert from 'node:assert/strict';
import fs from 'node:fs';

import { DESKTOP, launchBrowser, openApp } from './lib/browser.mjs';
import { PASSWORD, createRunner, shot, signIn } from './lib/harness.mjs';
import { ARTIFACTS, startServer } from './lib/server.mjs';
import { click, item, itemValue, items, waitUi } from './lib/ui.mjs';

const runner = createRunner();
const test = runner.test;
// A small phone at 1x pixels (software GL draws every device pixel; nothing here is about density).
const SMALL_PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true };
const kTries = 10;
let server, browser;

// Where the last frame drew these widgets, in page px (their centres).
async function centres(page, ids) {
  const box = await page.locator('#canvas').boundingBox();
  const all = await items(page);
  return ids.map((id) => {
    const found = all.find((i) => i.id === id);
    assert.ok(found, `${id} is drawn`);
    return { x: box.x + found.hit.x + found.hit.w / 2, y: box.y + found.hit.y + found.hit.h / 2 };
  });
}

// The field's value once it has as many characters as `expected` (or after 5 s: what it has).
async function settledValue(page, id, expected) {
  return waitUi(page, (all, [wanted, length]) => {
    const field = all.find((i) => i.id === wanted);
    return field && field.value.length >= length ? field.value : null;
  }, [id, expected.length], 5000).catch(async () => ((await items(page)).find((i) => i.id === id) || {}).value);
}

// The customer form's package drop-down opened; a click on an option, a click on the name field
// and the name typed, with nothing waited for in between. Returns what the name field holds.
async function pickThenType(page, name, tap) {
  await click(page, 'customers.add', { tap });
  await item(page, 'customer_form.name');
  await click(page, 'customer_form.package', { tap });
  const option = await waitUi(page, (all) => all.find((i) => i.kind === 'option' && i.value.startsWith('Home 20 Mbps') && i.visible));
  const [pick, field] = await centres(page, [option.id, 'customer_form.name']);
  const press = (at) => (tap ? page.touchscreen.tap(at.x, at.y) : page.mouse.click(at.x, at.y));
  await press(pick);
  await press(field);
  await page.keyboard.type(name);
  return settledValue(page, 'customer_form.name', name);
}

// Fills inputs as a password manager does: each input of `scope` whose autocomplete is a key of
// `values` gets its value set and one input event, without a key. Returns how many it filled.
async function fillAsManager(page, values, scope = '#text-layer form') {
  await page.waitForSelector(`${scope} input[autocomplete="${Object.keys(values)[0]}"]`, { timeout: 30000 });
  const filled = await page.evaluate(([selector, wanted]) => {
    let count = 0;
    document.querySelectorAll(`${selector} input`).forEach((input) => {
      if (!(input.autocomplete in wanted)) return;
      input.value = wanted[input.autocomplete];
      input.dispatchEvent(new Event('input', { bubbles: true }));
      count++;
    });
    return count;
  }, [scope, values]);
  assert.ok(filled >= Object.keys(values).length, `${filled} fields filled`);
  return filled;
}

// One mouse-wheel step over (x, y) and the frames after it (the frame number read before the wheel).
async function wheelAt(page, x, y, deltaY) {
  const frame = await page.evaluate(() => window.__ui().frame);
  await page.mouse.move(x, y);
  await page.mouse.wheel(0, deltaY);
  await waitUi(page, (all, after) => window.__ui().frame > after + 2, frame);
}

try {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  server = await startServer();
  browser = await launchBrowser();
  console.log(`server ${server.url}`);

  await test('desktop: typing right after a click: an option then the name field, Batal then the search field, typed at once, ten times: every letter lands, in order', async () => {
    const page = await openApp(browser, server.url, DESKTOP);
    await signIn(page, 'admin', PASSWORD);
    await item(page, 'customers.search');
    const wrong = [];
    for (let attempt = 0; attempt < kTries; attempt++) {
      const name = `Cepat Ketik ${attempt}`;
      const typed = await pickThenType(page, name, false);
      if (typed !== name) wrong.push(`name "${typed}" for "${name}"`);
      // Batal closes the form; the search field behind it is clicked and typed in at once.
      const word = ['Budi', 'Siti', 'Agus'][attempt % 3];
      const [cancel, search] = await centres(page, ['customer_form.cancel', 'customers.search']);
      await page.mouse.click(cancel.x, cancel.y);
      await page.mouse.click(search.x, search.y);
      await page.keyboard.type(word);
      const found = await settledValue(page, 'customers.search', word);
      if (found !== word) wrong.push(`search "${found}" for "${word}"`);
      await page.locator('#text-layer input[data-key="customers.search"]').fill('');
      await itemValue(page, 'customers.search', '');
      await waitUi(page, (all) => !all.some((i) => i.id === 'customer_form.name'));
    }
    await shot(page, 'habits-typing-desktop');
    assert.deepEqual(wrong, [], `${wrong.length} of ${2 * kTries} lost or misplaced letters`);
    await page.context().close();
  });

  await test('phone 360x740: an option tapped, then the name field, typed at once, ten times: every letter lands in the field', async () => {
    const page = await openApp(browser, server.url, SMALL_PHONE);
    await signIn(page, 'admin', PASSWORD, { tap: true });
    await item(page, 'customers.add');
    const wrong = [];
    for (let attempt = 0; attempt < kTries; attempt++) {
      const name = `Cepat Ketik ${attempt}`;
      const typed = await pickThenType(page, name, true);
      if (typed !== name) wrong.push(`name "${typed}" for "${name}"`);
      await click(page, 'customer_form.cancel', { tap: true });
      await waitUi(page, (all) => !all.some((i) => i.id === 'customer_form.name'));
    }
    await shot(page, 'habits-typing-phone');
    assert.deepEqual(wrong, [], `${wrong.length} of ${kTries} lost or misplaced letters`);
    await page.context().close();
  });
  await test('password manager: the sign-in filled as a manager fills (value and an input event, no keys), then Enter in the password field: signed in, staff and customer, five times each', async () => {
    const stuck = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      for (const username of ['admin', 'CUST001']) {
        const page = await openApp(browser, server.url, DESKTOP);
        await fillAsManager(page, { username, 'current-password': PASSWORD });
        await itemValue(page, 'login.password', '*'.repeat(PASSWORD.length), 30000);
        await page.locator('#text-layer input[autocomplete="current-password"]').press('Enter');
        const signedIn = await waitUi(page, (all) => !all.some((i) => i.id === 'login.submit'), null, 10000).then(() => true, () => false);
        if (!signedIn) stuck.push(`${username} (${attempt + 1})`);
        await page.context().close();
      }
    }
    assert.deepEqual(stuck, [], `${stuck.length} of 10 sign-ins stayed on the login`);
  });

  await test('password manager on the portal: the change-password card is a form (current-password, new-password twice, its Save the submit); filled as a manager fills (value and an input event, no keys), Enter changes the password', async () => {
    const page = await openApp(browser, server.url, DESKTOP);
    await fillAsManager(page, { username: 'CUST002', 'current-password': PASSWORD });
    await page.locator('#text-layer input[autocomplete="current-password"]').press('Enter');
    await item(page, 'password.save', 30000);
    const form = await page.evaluate(() => {
      const save = document.querySelector('#text-layer [data-key="password.save"]');
      const owner = save && save.closest('form');
      return owner && { fields: [...owner.querySelectorAll('input')].map((i) => `${i.dataset.key}:${i.type}/${i.autocomplete}`),
        save: !!owner.querySelector('[data-key="password.save"]') };
    });
    assert.deepEqual(form, { fields: ['password.current:password/current-password', 'password.new:password/new-password',
      'password.repeat:password/new-password'], save: true }, 'the card is one form a password manager recognises');
    const chosen = 'Kabel-Serat-73k';
    await fillAsManager(page, { 'current-password': PASSWORD, 'new-password': chosen }, '#text-layer form:has([data-key="password.save"])');
    await itemValue(page, 'password.repeat', '*'.repeat(chosen.length));
    await page.locator('#text-layer input[data-key="password.repeat"]').press('Enter');
    await item(page, 'password.notice');
    const login = await page.evaluate(async (password) => (await fetch('/api/auth/login', { method: 'POST',
      headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'CUST002', password }) })).status, chosen);
    assert.equal(login, 200, 'the new password signs in');
    await page.context().close();
  });
  await test('desktop 1280x800: the revenue report\'s month table shows the month and the three totals (billed, collected, collected + vouchers) whole without scrolling sideways; Shift+wheel over it brings the last column in', async () => {
    const page = await openApp(browser, server.url, DESKTOP);
    await signIn(page, 'admin', PASSWORD);
    await click(page, 'nav.reports');
    await itemValue(page, 'header.title', 'Laporan');
    await waitUi(page, (all) => all.some((i) => i.id === 'reports.range.summary') &&
      !all.some((i) => i.id === 'shell.loading' || i.id === 'reports.loading'), null, 20000);
    // The page wheeled down (as a person scrolls) until the table's total row is on screen.
    const box = await page.locator('#canvas').boundingBox();
    for (let step = 0; step < 20; step++) {
      if ((await items(page)).some((i) => i.id === 'reports.revenue.month.total.billed' && i.visible)) break;
      await wheelAt(page, box.x + box.width * 0.6, box.y + box.height * 0.6, 200);
    }
    // Wholly shown: the part drawn (hit) is the whole cell (rect).
    const whole = async (ids) => {
      const all = await items(page);
      return ids.filter((id) => {
        const found = all.find((i) => i.id === id);
        return !(found && found.visible && found.hit.w === found.rect.w);
      });
    };
    const totals = ['period', 'billed', 'collected', 'collected_with_vouchers'];
    const cut = await whole(totals.flatMap((column) => [`reports.revenue.month.header.${column}`, `reports.revenue.month.total.${column}`]));
    await shot(page, 'habits-revenue-months-1280');
    assert.deepEqual(cut, [], 'the month and the three totals are shown whole at 1280 px');
    // What does not fit is a sideways scroll away (Shift+wheel, as in any desktop table).
    const total = (await items(page)).find((i) => i.id === 'reports.revenue.month.total.billed');
    await page.keyboard.down('Shift');
    for (let step = 0; step < 10 && (await whole(['reports.revenue.month.total.late_fees'])).length; step++)
      await wheelAt(page, box.x + total.hit.x, box.y + total.hit.y, 200);
    await page.keyboard.up('Shift');
    assert.deepEqual(await whole(['reports.revenue.month.total.late_fees', 'reports.revenue.month.total.period']), [],
      'the last column scrolled in, the month stays');
    await page.context().close();
  });

} catch (error) {
  runner.fail('setup', error);
} finally {
  if (browser) await browser.close();
  if (server) await server.stop();
}
process.exit(runner.finish('browser_habits'));
