// Driven by bench_browser (C++), which seeds and serves 100,000 customers: measures the browser
// app in headless Debian Chromium (playwright-core) and prints one line "RESULT <json>".
//   node bench/browser/bench_browser.mjs <server url> <web dir>
// Figures: gzip sizes of the bundle; time to the first ImGui frame vs loading a plain page; frame
// CPU (ms, measured inside the wasm frame loop) while scrolling the 100,000-row customer table vs
// the dashboard.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

import { DESKTOP, launchBrowser } from '../../tests/e2e/lib/browser.mjs';
import { waitUi } from '../../tests/e2e/lib/ui.mjs';

const [url, webDir] = process.argv.slice(2);
const log = (...args) => console.log('  ', ...args);

function gzipSize(file) {
  return zlib.gzipSync(fs.readFileSync(path.join(webDir, file)), { level: 9 }).length;
}

function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

async function login(page) {
  return page.evaluate(async () => {
    const reply = await fetch('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'demo12345' }) }).then((r) => r.json());
    return reply.token;
  });
}

// A signed-in page at `hash` (the token goes where a reload would find it), ready and idle.
async function openAt(browser, token, hash) {
  const context = await browser.newContext({ ...DESKTOP, serviceWorkers: 'block' });
  await context.addInitScript((value) => {
    sessionStorage.setItem('kimonet.token', value);
    window.__ui = () => (window.Module && Module.calledRun) ? JSON.parse(Module.ccall('ui_query', 'string', [], [])) : null;
  }, token);
  const page = await context.newPage();
  await page.goto(url + hash);
  return page;
}

// Frame CPU while `act` runs `count` times, each waiting for the app to draw a new frame.
async function frameTimes(page, count, act) {
  await page.evaluate(() => { window.kimonetFrames = []; });
  for (let i = 0; i < count; i++) {
    const before = await page.evaluate(() => Module.ccall('ui_frame_count', 'number', [], []));
    await act(i);
    await page.waitForFunction((n) => Module.ccall('ui_frame_count', 'number', [], []) > n, before, { polling: 'raf' });
  }
  return page.evaluate(() => window.kimonetFrames.splice(0));
}

const browser = await launchBrowser();
const result = {};
try {
  // 1. Bundle: what a phone downloads, gzipped.
  const parts = { wasm: gzipSize('app.wasm'), js: gzipSize('app.js'), data: gzipSize('app.data'),
    shell: gzipSize('shell.js') + gzipSize('index.html') + gzipSize('app.css') };
  result.bundle_gzip_bytes = parts.wasm + parts.js + parts.data + parts.shell;
  result.bundle_parts = parts;
  log(`bundle gzip: wasm ${parts.wasm} + js ${parts.js} + fonts ${parts.data} + page ${parts.shell} = ${result.bundle_gzip_bytes} bytes`);

  // 2. First frame vs a plain page from the same server, cold contexts, best of 3 each.
  const firstFrames = [], plainLoads = [];
  for (let run = 0; run < 3; run++) {
    const context = await browser.newContext({ ...DESKTOP, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(url + 'app.css', { waitUntil: 'load' });
    plainLoads.push(await page.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventEnd));
    await context.close();

    const app = await browser.newContext({ ...DESKTOP, serviceWorkers: 'block' });
    const appPage = await app.newPage();
    await appPage.goto(url);
    firstFrames.push(await appPage.evaluate(() => new Promise((resolve) => {
      const poll = () => (window.Module && Module.calledRun && Module.ccall('ui_frame_count', 'number', [], []) > 0)
        ? resolve(performance.now()) : requestAnimationFrame(poll);
      poll();
    })));
    await app.close();
  }
  result.first_frame_ms = Math.min(...firstFrames);
  result.plain_page_ms = Math.min(...plainLoads);
  log(`first frame ${firstFrames.map((v) => v.toFixed(0)).join(', ')} ms; plain page ${plainLoads.map((v) => v.toFixed(0)).join(', ')} ms`);

  // 3. Frame CPU: the dashboard (baseline) and the 100,000-row customer table while scrolling.
  const probe = await browser.newContext({ ...DESKTOP, serviceWorkers: 'block' });
  const probePage = await probe.newPage();
  await probePage.goto(url + 'app.css');
  const token = await login(probePage);
  await probe.close();

  const dashboard = await openAt(browser, token, '#/dashboard');
  await waitUi(dashboard, (all) => all.some((i) => i.id === 'dashboard.stat.active' && i.value !== '0'), null, 60000);
  const box = await dashboard.locator('#canvas').boundingBox();
  const dashboardFrames = await frameTimes(dashboard, 60, (i) =>
    dashboard.mouse.move(box.x + 300 + (i % 20) * 20, box.y + 300 + (i % 7) * 10));
  await dashboard.context().close();

  const customers = await openAt(browser, token, '#/customers');
  const summary = await waitUi(customers, (all) => {
    const s = all.find((i) => i.id === 'customers.summary');
    return s && /100[.,]0\d\d/.test(s.value) && all.filter((i) => i.kind === 'cell' && i.id.endsWith('.name')).length >= 10 && s;
  }, null, 60000);
  log(`customers: ${summary.value}`);
  const table = (await customers.evaluate(() => window.__ui().items)).find((i) => i.kind === 'cell' && i.id.endsWith('.name'));
  const canvas = await customers.locator('#canvas').boundingBox();
  await customers.mouse.move(canvas.x + table.rect.x + 5, canvas.y + table.rect.y + 40);
  // Wheel steps (reading down the list), then the scrollbar dragged deep into the list (pages
  // fetched on demand), as a person looking for row 60,000 does.
  const wheelFrames = await frameTimes(customers, 60, () => customers.mouse.wheel(0, 300));
  const outer = (await customers.evaluate(() => window.__ui().items)).find((i) => i.id === 'customers.table').rect;
  const barX = canvas.x + outer.x + outer.w - 5;
  const barTop = canvas.y + outer.y + 40;
  await customers.mouse.move(barX, barTop);
  await customers.mouse.down();
  const dragFrames = await frameTimes(customers, 20, (i) =>
    customers.mouse.move(barX, barTop + (outer.h - 60) * 0.6 * ((i + 1) / 20)));
  await customers.mouse.up();
  const tableFrames = wheelFrames.concat(dragFrames);
  const far = await waitUi(customers, (all) => {
    const s = all.find((i) => i.id === 'customers.summary');
    const m = s && s.value.match(/(\d[\d.]*)/);
    return m && Number(m[1].replace(/\./g, '')) > 10000 && all.some((i) => i.kind === 'cell' && i.id.endsWith('.name')) && s.value;
  }, null, 60000);
  log(`scrolled to: ${far}`);
  await customers.context().close();

  result.dashboard_frame_ms = quantile(dashboardFrames, 0.5);
  result.dashboard_frame_p95_ms = quantile(dashboardFrames, 0.95);
  result.table_frame_ms = quantile(tableFrames, 0.5);
  result.table_frame_p95_ms = quantile(tableFrames, 0.95);
  result.table_frames = tableFrames.length;
  log(`frame CPU: dashboard median ${result.dashboard_frame_ms.toFixed(2)} ms (p95 ${result.dashboard_frame_p95_ms.toFixed(2)}), ` +
      `customer table median ${result.table_frame_ms.toFixed(2)} ms (p95 ${result.table_frame_p95_ms.toFixed(2)}) over ${tableFrames.length} frames`);
  console.log(`RESULT ${JSON.stringify(result)}`);
} catch (error) {
  console.log(`bench_browser.mjs failed: ${error.stack || error}`);
  process.exitCode = 2;
} finally {
  await browser.close();
}
