// The browser app as people with a browser's habits use it (desktop 1280x800, phone 360x740 with
// touch), for what the other suites do not already cover. Typing right after a click: a cashier
// picks a package from the drop-down, clicks the name field and types at once; closes the form with
// Batal and types in the customers' search at once; every letter lands in the field clicked, in
// order (before: the first letters went to the control focused before the app had drawn the click,
// "Cepat" saved as "epat", and the search stayed empty). Nothing waits a fixed time: the clicks and
// keys come as fast as the test can send them, ten times over.
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
} catch (error) {
  runner.fail('setup', error);
} finally {
  if (browser) await browser.close();
  if (server) await server.stop();
}
process.exit(runner.finish('browser_habits'));
