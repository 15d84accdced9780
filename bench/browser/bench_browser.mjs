// Driven by bench_browser (C++), which seeds and serves 100,000 customers: measures the browser
// app in headless Debian Chromium (playwright-core) and prints one line "RESULT <json>".
//   node bench/browser/bench_browser.mjs <server url> <web dir>
// Figures: gzip sizes of the bundle; time to the first ImGui frame vs loading a plain page; frame
// CPU (ms, measured inside the wasm frame loop) while scrolling the 100,000-row customer table vs
// the dashboard; the login screen usable on Chrome DevTools' "Fast 3G" profile (below) as served
// (precompressed) vs the same files sent uncompressed.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

import { DESKTOP, launchBrowser } from '../../tests/e2e/lib/browser.mjs';
import { waitUi } from '../../tests/e2e/lib/ui.mjs';

const [url, webDir] = process.argv.slice(2);

// Chrome DevTools' "Fast 3G" preset (also Puppeteer's PredefinedNetworkConditions['Fast 3G']):
// 1.6 Mbit/s down and 750 kbit/s up, each x 0.9, and 150 ms RTT x 3.75 = 562.5 ms per request.
const FAST_3G = { offline: false, latency: 150 * 3.75, downloadThroughput: 1.6 * 1000 * 1000 / 8 * 0.9,
  uploadThroughput: 750 * 1000 / 8 * 0.9 };
const PHONE_1X = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true };

// Milliseconds from navigation start until the login form is drawn (its username field is in the
// registry), in a cold phone context on Fast 3G; `acceptEncoding` overrides what Chromium asks for
// ('identity': the files as they were served before they were precompressed). Also the bytes that
// crossed the (emulated) network and the encodings the server chose.
async function fast3gLogin(browser, acceptEncoding) {
  const context = await browser.newContext({ ...PHONE_1X, serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', FAST_3G);
  if (acceptEncoding) await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': acceptEncoding } });
  let transferred = 0;
  const encodings = {};
  cdp.on('Network.loadingFinished', (event) => { transferred += event.encodedDataLength; });
  cdp.on('Network.responseReceived', (event) => {
    const name = new URL(event.response.url).pathname.slice(1) || 'index.html';
    encodings[name] = event.response.headers['content-encoding'] || event.response.headers['Content-Encoding'] || 'identity';
  });
  await page.goto(url, { waitUntil: 'commit' });
  const usable = await page.evaluate(() => new Promise((resolve) => {
    const poll = () => {
      const frame = (window.Module && Module.calledRun) ? JSON.parse(Module.ccall('ui_query', 'string', [], [])) : null;
      if (frame && frame.items.some((i) => i.id === 'login.username')) resolve(performance.now());
      else requestAnimationFrame(poll);
    };
    poll();
  }));
  const progress = await page.evaluate(() => window.kimonetLoading || null);
  await context.close();
  return { ms: usable, transferred, encodings, progress };
}
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
  // What the server sends: the build's own precompressed files (make wasm), beside the raw ones.
  const bundleFiles = ['app.wasm', 'app.js', 'app.data', 'shell.js', 'index.html', 'app.css'];
  const sizeOf = (file) => (fs.existsSync(path.join(webDir, file)) ? fs.statSync(path.join(webDir, file)).size : NaN);
  const sum = (suffix) => bundleFiles.reduce((total, file) => total + sizeOf(file + suffix), 0);
  result.bundle_raw_bytes = sum('');
  result.bundle_served_gzip_bytes = sum('.gz');
  result.bundle_served_brotli_bytes = sum('.br');
  log(`bundle as served: raw ${result.bundle_raw_bytes}, .gz ${result.bundle_served_gzip_bytes}, .br ${result.bundle_served_brotli_bytes} bytes ` +
      `(${bundleFiles.map((f) => `${f} ${sizeOf(f)}/${sizeOf(f + '.gz')}/${sizeOf(f + '.br')}`).join(', ')})`);

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

  // 2b. The login screen on a phone line: Fast 3G, cold, as served and uncompressed (best of 2).
  const fast = [], plain = [];
  for (let run = 0; run < 2; run++) {
    fast.push(await fast3gLogin(browser, null));
    plain.push(await fast3gLogin(browser, 'identity'));
  }
  const best = (runs) => runs.reduce((a, b) => (b.ms < a.ms ? b : a));
  result.fast3g_login_ms = best(fast).ms;
  result.fast3g_identity_login_ms = best(plain).ms;
  log(`Fast 3G login usable: precompressed ${fast.map((r) => r.ms.toFixed(0)).join(', ')} ms (${best(fast).transferred} bytes, ` +
      `${JSON.stringify(best(fast).encodings)}, progress ${JSON.stringify(best(fast).progress)}); uncompressed ` +
      `${plain.map((r) => r.ms.toFixed(0)).join(', ')} ms (${best(plain).transferred} bytes, ${JSON.stringify(best(plain).encodings)})`);
  // A web dir without .br files (an older build) gives two uncompressed runs: said, not hidden.
  if (best(fast).encodings['app.wasm'] !== 'br') log(`note: app.wasm was not served brotli-compressed (${best(fast).encodings['app.wasm']})`);

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
