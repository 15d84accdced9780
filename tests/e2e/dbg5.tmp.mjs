import { PHONE, launchBrowser, openApp } from './lib/browser.mjs';
import { startServer } from './lib/server.mjs';
import { PASSWORD, signIn } from './lib/harness.mjs';
import { click, item, waitUi, items } from './lib/ui.mjs';
const server = await startServer();
const browser = await launchBrowser();
try {
  const page = await openApp(browser, server.url, PHONE);
  await signIn(page, 'admin', PASSWORD, { tap: true });
  await click(page, 'customers.add', { tap: true });
  await item(page, 'customer_form.name');
  const before = (await items(page)).filter((i) => i.id.startsWith('customer_form.') && i.kind === 'input').map((i) => `${i.id} y=${Math.round(i.rect.y)} v=${i.visible}`);
  console.log(before.join('\n'));
  await page.mouse.move(195, 600);
  console.log('at', await page.evaluate(() => { const e = document.elementFromPoint(195, 600); return e.tagName + ' ' + e.className + ' ' + (e.dataset && e.dataset.key); }));
  await page.mouse.wheel(0, 240);
  await new Promise((r) => setTimeout(r, 1500));
  const after = (await items(page)).filter((i) => i.id.startsWith('customer_form.') && i.kind === 'input').map((i) => `${i.id} y=${Math.round(i.rect.y)} v=${i.visible}`);
  console.log(after.join('\n'));
} finally { await browser.close(); await server.stop(); }
