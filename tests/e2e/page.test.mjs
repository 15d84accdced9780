// Issue #18, the page around the canvas, end to end in Chromium against the real server:
// 1. the app arrives precompressed (brotli) with a progress bar that counts the bytes to 100 %,
//    the viewport lets people zoom (no user-scalable=no);
// 2. printing an open invoice prints the invoice (its number, customer, lines and totals as text on
//    an A4 page), never the canvas; the PDF Chromium prints is read back with pdftotext;
// 3. "Cetak kuitansi" prints the payment's receipt on a 58 mm page (a thermal roll);
// 4. printing the reports screen prints the report's tables; a screen without a document prints
//    a line saying what can be printed.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { DESKTOP, launchBrowser, openApp } from './lib/browser.mjs';
import { PASSWORD, createRunner, shot, signIn } from './lib/harness.mjs';
import { ARTIFACTS, WEB_DIR, startServer } from './lib/server.mjs';
import { click, item, itemValue, items, waitUi } from './lib/ui.mjs';

const runner = createRunner();
const test = runner.test;
let server, browser;

// The PDF Chromium prints for the page as it is now (print media, the page's own @page size),
// kept in the artifacts; its text (pdftotext -layout) and page size in points (pdfinfo).
async function printed(page, name) {
  const file = path.join(ARTIFACTS, `${name}.pdf`);
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const [, width, height] = info.match(/Page size:\s+([\d.]+) x ([\d.]+) pts/);
  const pages = Number(info.match(/Pages:\s+(\d+)/)[1]);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, path.join(ARTIFACTS, name)]);
  return { text, width: Number(width), height: Number(height), pages };
}

const MM = 72 / 25.4;  // points per millimetre

// Opens the first listed invoice that is still unpaid; returns its number.
async function openUnpaidInvoice(page) {
  await click(page, 'nav.invoices');
  await itemValue(page, 'header.title', 'Tagihan');
  const number = await waitUi(page, (all) => {
    const cell = all.find((i) => i.kind === 'cell' && /^invoices\..+\.number$/.test(i.id) && i.visible &&
      all.some((s) => s.id === `invoices.${i.value}.status` && s.value === 'Belum dibayar'));
    return cell && cell.value;
  });
  await click(page, `invoices.${number}.number`);
  await itemValue(page, 'invoice.title', `Tagihan ${number}`);
  await waitUi(page, (all) => all.find((i) => i.id === 'invoice.lines.0.description'));
  return number;
}

try {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  server = await startServer();
  browser = await launchBrowser();

  await test('the app arrives brotli-compressed, the progress bar counts its bytes to 100 %, zoom is allowed', async () => {
    const context = await browser.newContext({ ...DESKTOP, serviceWorkers: 'block' });
    const page = await context.newPage();
    const encodings = {};
    page.on('response', (response) => {
      encodings[new URL(response.url()).pathname] = response.headers()['content-encoding'] || 'identity';
    });
    await page.goto(server.url);
    await page.waitForFunction(() => window.Module && Module.calledRun && document.body.classList.contains('ready'));
    for (const file of ['/app.wasm', '/app.data', '/app.js', '/shell.js']) assert.equal(encodings[file], 'br', `${file} as ${encodings[file]}`);
    const loading = await page.evaluate(() => ({ state: window.kimonetLoading,
      role: document.getElementById('loading').getAttribute('role'),
      now: document.getElementById('loading').getAttribute('aria-valuenow'),
      text: document.getElementById('loading').getAttribute('aria-valuetext') }));
    // Counted in the unit Chromium reports progress in, decoded bytes: the files' own sizes.
    const sent = ['app.wasm', 'app.data'].reduce((total, file) => total + fs.statSync(path.join(WEB_DIR, file)).size, 0);
    assert.equal(loading.role, 'progressbar');
    assert.equal(loading.now, '100');
    assert.equal(loading.state.total, sent, `total ${loading.state.total} = the files' ${sent} bytes`);
    assert.equal(loading.state.loaded, loading.state.total);
    assert.match(loading.text, /^[\d.]+ dari [\d.]+ KB$/);
    const viewport = await page.locator('meta[name=viewport]').getAttribute('content');
    assert.ok(!/user-scalable|maximum-scale/.test(viewport), viewport);
    await context.close();
  });

  await test('the progress bar moves while the app loads on a slow line', async () => {
    const context = await browser.newContext({ ...DESKTOP, serviceWorkers: 'block' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 100, downloadThroughput: 400 * 1024, uploadThroughput: 100 * 1024 });
    await page.goto(server.url, { waitUntil: 'commit' });
    // Samples of aria-valuenow, one per animation frame, until the app is ready.
    const seen = await page.evaluate(() => new Promise((resolve) => {
      const values = [];
      const sample = () => {
        const bar = document.getElementById('loading');
        if (bar) values.push(Number(bar.getAttribute('aria-valuenow')));
        if (document.body.classList.contains('ready')) resolve(values);
        else requestAnimationFrame(sample);
      };
      sample();
    }));
    const between = seen.filter((v) => v > 0 && v < 100);
    assert.ok(new Set(between).size >= 3, `intermediate values shown: ${[...new Set(seen)].join(', ')}`);
    for (let i = 1; i < seen.length; i++) assert.ok(seen[i] >= seen[i - 1], 'never goes back');
    await context.close();
  });

  let invoiceNumber;
  await test('printing an open invoice prints the invoice as text on A4, never the canvas', async () => {
    const page = await openApp(browser, server.url, DESKTOP);
    await signIn(page, 'admin', PASSWORD);
    invoiceNumber = await openUnpaidInvoice(page);
    const all = await items(page);
    const value = (id) => all.find((i) => i.id === id).value;
    const customer = value('invoice.customer').split(' · ')[0];
    const total = value('invoice.total');
    const line = value('invoice.lines.0.description');

    await page.evaluate(() => getSelection().removeAllRanges());  // a field's Ctrl+A selected the page
    await page.emulateMedia({ media: 'print' });
    const view = await page.evaluate(() => ({ canvas: getComputedStyle(document.getElementById('canvas')).display,
      text: document.getElementById('print-view').innerText, layout: document.body.dataset.printLayout }));
    assert.equal(view.canvas, 'none', 'the canvas is not printed');
    assert.equal(view.layout, 'a4');
    for (const expected of [invoiceNumber, customer, total, line, 'Jatuh tempo', 'Sisa tagihan']) {
      assert.ok(view.text.includes(expected), `print view has ${expected}:\n${view.text}`);
    }
    await shot(page, 'print-invoice-media');
    await page.emulateMedia({ media: null });  // back to the default: page.pdf() prints with print media

    const pdf = await printed(page, 'print-invoice');
    assert.ok(Math.abs(pdf.width - 210 * MM) < 2 && Math.abs(pdf.height - 297 * MM) < 2, `A4: ${pdf.width} x ${pdf.height}`);
    assert.equal(pdf.pages, 1);
    for (const expected of [invoiceNumber, customer, total, line]) assert.ok(pdf.text.includes(expected), `PDF has ${expected}:\n${pdf.text}`);
    assert.ok(!pdf.text.includes('OPERASIONAL'), `the screen's own text (the text layer's sidebar) is not printed:\n${pdf.text}`);
    await page.context().close();
  });

  await test('"Cetak kuitansi" prints the payment receipt on a 58 mm roll', async () => {
    const page = await openApp(browser, server.url, DESKTOP);
    await signIn(page, 'admin', PASSWORD);
    const number = await openUnpaidInvoice(page);
    await click(page, 'invoice.pay');
    await item(page, 'payment_form.amount');
    await click(page, 'invoice.panel.submit');
    const notice = await waitUi(page, (all) => all.find((i) => i.id === 'invoice.notice'));
    const receipt = notice.value.match(/kuitansi (\S+)\.$/)[1];
    await itemValue(page, 'invoice.status', 'Lunas');
    const paid = await waitUi(page, (all) => all.find((i) => i.id === 'invoice.payments.0.amount'));
    // The browser's print dialog cannot be answered headless: print() only records what it was
    // asked to print, and the PDF below is that page.
    await page.evaluate(() => { window.print = () => { window.kimonetPrinted = window.kimonetPrintView.current(); }; });
    await click(page, 'invoice.print_receipt');
    const asked = await page.waitForFunction(() => window.kimonetPrinted).then((handle) => handle.jsonValue());
    assert.equal(asked.layout, 'thermal58');
    const pdf = await printed(page, 'print-receipt');
    assert.ok(Math.abs(pdf.width - 58 * MM) < 1, `58 mm wide: ${pdf.width} pt`);
    assert.ok(pdf.height < 200 * MM, `as long as the slip: ${(pdf.height / MM).toFixed(0)} mm`);
    assert.equal(pdf.pages, 1, 'one slip');
    for (const expected of [receipt, number, paid.value, 'Kuitansi Pembayaran']) assert.ok(pdf.text.includes(expected), `receipt has ${expected}:\n${pdf.text}`);
    // After the dialog the invoice on screen is what prints again.
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    assert.equal(await page.evaluate(() => document.body.dataset.printLayout), 'a4');
    await page.context().close();
  });

  await test('printing the reports screen prints its tables; a list screen prints a hint, not the canvas', async () => {
    const page = await openApp(browser, server.url, DESKTOP);
    await signIn(page, 'admin', PASSWORD);
    await click(page, 'nav.reports');
    // The month table lies below the cards and the chart, in a card ImGui draws only once it is on
    // screen: the wheel brings it in, a notch a frame.
    await item(page, 'reports.revenue.chart.title');
    const box = await page.locator('#canvas').boundingBox();
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.7);
    for (let notch = 0; notch < 12; notch++) {
      const shown = await items(page);
      if (shown.some((i) => /^reports\.revenue\.month\..+\.billed$/.test(i.id))) break;
      const frame = await page.evaluate(() => window.__ui().frame);
      await page.mouse.wheel(0, 240);
      await waitUi(page, (all, after) => window.__ui().frame > after + 1, frame);
    }
    await waitUi(page, (all) => all.some((i) => /^reports\.revenue\.month\..+\.billed$/.test(i.id)));
    // The tab loads twice when the server's current month arrives after the first request; the
    // print view follows what is drawn, so wait for it, then compare with what is on screen.
    await page.waitForFunction(() => {
      const shown = window.kimonetPrintView.current();
      return shown && shown.tables.length > 0 && !!window.__ui();
    });
    const all = await items(page);
    const totalBilled = all.find((i) => i.id === 'reports.revenue.month.total.billed').value;
    await page.evaluate(() => getSelection().removeAllRanges());  // a field's Ctrl+A selected the page
    await page.emulateMedia({ media: 'print' });
    const text = await page.evaluate(() => document.getElementById('print-view').innerText);
    assert.ok(text.includes('Laporan Pendapatan'), `print view: ${JSON.stringify(text)}, document ${JSON.stringify(await page.evaluate(() => window.kimonetPrintView.current()))}`);
    assert.ok(text.includes(totalBilled), `the billed total ${totalBilled} is printed:\n${text}`);
    await shot(page, 'print-report-media');
    await page.emulateMedia({ media: null });  // back to the default: page.pdf() prints with print media
    const pdf = await printed(page, 'print-report');
    assert.ok(pdf.text.includes(totalBilled));
    // Eleven columns: the month names stay whole (they were squeezed to a letter a line).
    assert.match(pdf.text, /Januari \d{4}/, `month names whole:\n${pdf.text.slice(0, 400)}`);
    assert.ok(pdf.width > pdf.height, `on landscape A4, heading and all: ${pdf.width} x ${pdf.height} pt`);

    await click(page, 'nav.customers');
    await waitUi(page, (all) => all.some((i) => i.kind === 'cell' && i.id.endsWith('.name')));
    await page.evaluate(() => getSelection().removeAllRanges());  // a field's Ctrl+A selected the page
    await page.emulateMedia({ media: 'print' });
    const empty = await page.evaluate(() => ({ layout: document.body.dataset.printLayout || null,
      canvas: getComputedStyle(document.getElementById('canvas')).display }));
    assert.deepEqual(empty, { layout: null, canvas: 'none' });
    await page.context().close();
  });
} catch (error) {
  runner.fail('setup', error);
} finally {
  if (browser) await browser.close();
  if (server) await server.stop();
}

process.exit(runner.finish('page.test'));
