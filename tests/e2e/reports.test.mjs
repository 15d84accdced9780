// The Laporan screen and the customer import (issue 9), end to end in Chromium against the real
// server (real clock: the demo's months are relative to today):
// 1. an admin opens Laporan and sees the figures of GET /api/reports/* for the default range —
//    cards, every month's chart bar/point, table cells, aging bars, top debtors;
// 2. changing the range (month pickers, presets) changes the figures to the API's for that range;
// 3. XLSX/CSV/PDF downloads of the tab and the data exports arrive with the right name, type and
//    size; a failed download shows a toast;
// 4. importing a CSV with bad rows shows each row's problem and keeps "Impor" disabled; the fixed
//    file imports and the customer count goes up (API and the Pelanggan tab);
// 5. a technician (no reports.read) has no Laporan entry, #/reports is refused, the API says 403;
// 6. on a 390x844 phone the screen is one column and nothing runs off the right edge.
import assert from 'node:assert/strict';
import fs from 'node:fs';

import { DESKTOP, PHONE, launchBrowser, openApp } from './lib/browser.mjs';
import { PASSWORD, createRunner, shot, signIn } from './lib/harness.mjs';
import { ARTIFACTS, startServer } from './lib/server.mjs';
import { click, item, itemValue, items, waitUi } from './lib/ui.mjs';

const runner = createRunner();
const test = runner.test;
let server, browser, base;

const rupiah = (n) => `${n < 0 ? '-' : ''}Rp ${String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`;
const thousands = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
const percent = (bp) => `${Math.trunc(bp / 100)},${String(bp % 100).padStart(2, '0')}%`;
const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const monthName = (period) => `${MONTHS[Number(period.slice(5)) - 1]} ${period.slice(0, 4)}`;
const previousPeriod = (period) => {
  const [year, month] = period.split('-').map(Number);
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
};
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function api(method, url, { body, token, raw } = {}) {
  const headers = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined && !raw) headers['Content-Type'] = 'application/json';
  const reply = await fetch(`${base}${url}`, { method, headers, body: raw ?? (body !== undefined ? JSON.stringify(body) : undefined) });
  const bytes = Buffer.from(await reply.arrayBuffer());
  let json = null;
  try { json = JSON.parse(bytes.toString('utf8')); } catch { /* a file */ }
  return { status: reply.status, json, bytes: bytes.length, type: reply.headers.get('content-type') };
}

async function tokenOf(username) {
  const login = await api('POST', '/api/auth/login', { body: { username, password: PASSWORD } });
  assert.equal(login.status, 200, JSON.stringify(login.json));
  return login.json.token;
}

// Signs in and opens #/reports through the sidebar; returns the page.
async function openReports(username, options = DESKTOP) {
  const page = await openApp(browser, server.url, options);
  await signIn(page, username, PASSWORD, { tap: !!options.hasTouch });
  await waitUi(page, (all) => all.some((i) => (i.kind === 'nav' || i.id === 'shell.menu') && i.visible), null, 30000);
  if (options.hasTouch) {
    await click(page, 'shell.menu', { tap: true });
    await click(page, 'nav.reports', { tap: true });
  } else {
    await click(page, 'nav.reports');
  }
  await itemValue(page, 'header.title', 'Laporan');
  await settled(page);
  return page;
}

// No request in flight and the range known: the screen shows what it asked for.
const settled = (page) => waitUi(page, (all) => all.some((i) => i.id === 'reports.range.summary') &&
  !all.some((i) => i.id === 'shell.loading' || i.id === 'reports.loading'), null, 20000);

// Screenshots without a hover tooltip from wherever the last click left the mouse.
async function cleanShot(page, name) {
  const frame = await page.evaluate(() => window.__ui().frame);
  await page.mouse.move(2, 2);
  await waitUi(page, (all, after) => window.__ui().frame > after + 2, frame);
  await shot(page, name);
}

// One mouse-wheel step over (x, y) and the frames that follow it. The frame number is read before
// the wheel: input keeps the app drawing for a while, but a slow machine may finish that before
// a read after the wheel would happen.
async function wheel(page, x, y, deltaY) {
  const frame = await page.evaluate(() => window.__ui().frame);
  await page.mouse.move(x, y);
  await page.mouse.wheel(0, deltaY);
  await waitUi(page, (all, after) => window.__ui().frame > after + 2, frame);
}

// Cards below the fold are not drawn at all (ImGui skips a clipped child), so their widgets are
// not in the registry yet: wheel the content down (then back up) until the widget exists; item()
// then scrolls it fully into view. Each step waits for later frames, never a fixed time.
async function reveal(page, id) {
  const box = await page.locator('#canvas').boundingBox();
  const x = box.x + box.width * (box.width > 600 ? 0.6 : 0.5), y = box.y + box.height * 0.6;
  for (let step = 0; step < 40; step++) {
    // Visible, not only drawn: a card half under the header is in the registry but not in view.
    if ((await items(page)).some((i) => i.id === id && i.visible)) break;
    await wheel(page, x, y, step < 20 ? 300 : -300);
  }
  return item(page, id);
}

// The tabs, range and download buttons head the page: wheel back up to them (the helpers of
// lib/ui.mjs wheel over the header when nothing of the target's group is on screen).
async function scrollTo(page, id) {
  const box = await page.locator('#canvas').boundingBox();
  for (let step = 0; step < 40; step++) {
    if ((await items(page)).some((i) => i.id === id && i.visible)) break;
    await wheel(page, box.x + box.width * 0.6, box.y + box.height * 0.6, -300);
  }
}

async function clickTop(page, id, options) {
  await scrollTo(page, id);
  return click(page, id, options);
}

async function revealValue(page, id, value) {
  await reveal(page, id);
  return itemValue(page, id, value);
}

async function lastDownload(page) {
  return waitUi(page, () => window.kimonetShell.lastDownload, null, 30000);
}
const forgetDownload = (page) => page.evaluate(() => { window.kimonetShell.lastDownload = null; });

async function chooseFile(page, name, text) {
  const chooser = page.waitForEvent('filechooser');
  await click(page, 'import.pick');
  await (await chooser).setFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
}

async function assertRevenue(page, report) {
  await revealValue(page, 'reports.stat.billed', rupiah(report.totals.billed));
  await revealValue(page, 'reports.stat.collected', rupiah(report.totals.collected));
  await revealValue(page, 'reports.stat.late_fees', rupiah(report.totals.late_fees_collected));
  await revealValue(page, 'reports.stat.voided', thousands(report.totals.voided_invoices));
  const bars = (await items(page)).filter((i) => i.kind === 'bar' && i.id.startsWith('reports.chart.revenue.'));
  assert.deepEqual(bars.map((b) => b.id), report.months.map((m) => `reports.chart.revenue.${m.period}`), 'one bar group per month');
  report.months.forEach((month, index) => assert.equal(bars[index].value, `${month.billed}/${month.collected}`, month.period));
  for (const month of report.months) {
    await revealValue(page, `reports.revenue.month.${month.period}.billed`, rupiah(month.billed));
    await revealValue(page, `reports.revenue.month.${month.period}.collected`, rupiah(month.collected));
  }
  await revealValue(page, 'reports.revenue.month.total.billed', rupiah(report.totals.billed));
}

try {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  server = await startServer({ timeoutMs: 120000 });
  base = server.url.replace(/\/$/, '');
  browser = await launchBrowser();
  const admin = await tokenOf('admin');

  // Two billed months with some payments: last month's invoices generated now, a few of each month paid.
  const current = (await api('GET', '/api/reports/revenue', { token: admin })).json.data.range.to;
  const previous = previousPeriod(current);
  const generated = await api('POST', '/api/invoices/generate', { token: admin, body: { period: previous } });
  assert.ok(generated.json.success && generated.json.created > 0, JSON.stringify(generated.json));
  for (const [period, count] of [[previous, 3], [current, 2]]) {
    const open = (await api('GET', `/api/invoices?period=${period}&status=unpaid&per_page=${count}`, { token: admin })).json.data;
    for (const invoice of open.slice(0, count)) {
      const paid = await api('POST', '/api/payments', { token: admin,
        body: { invoice_id: invoice.id, amount: invoice.total - invoice.paid_amount, method: 'cash' } });
      assert.ok(paid.json.success, JSON.stringify(paid.json));
    }
  }

  await test('admin opens Laporan: cards, charts, tables and aging show the API figures', async () => {
    const page = await openReports('admin');
    assert.equal(new URL(page.url()).hash, '#/reports');
    const revenue = (await api('GET', '/api/reports/revenue', { token: admin })).json.data;
    assert.ok(revenue.totals.billed > 0 && revenue.totals.collected > 0, 'the seeded data has figures');
    await revealValue(page, 'reports.range.summary', `${monthName(revenue.range.from)} – ${monthName(revenue.range.to)}`);
    await assertRevenue(page, revenue);
    for (const slice of revenue.by_package) await revealValue(page, `reports.revenue.package.${slice.key}.billed`, rupiah(slice.billed));
    for (const slice of revenue.by_method) await revealValue(page, `reports.revenue.method.${slice.key}.collected`, rupiah(slice.collected));
    await cleanShot(page, 'reports-revenue');

    await clickTop(page, 'reports.tab.1');
    const customers = (await api('GET', '/api/reports/customers', { token: admin })).json.data;
    await revealValue(page, 'reports.stat.active', thousands(customers.totals.active));
    await revealValue(page, 'reports.note.active', `dari ${thousands(customers.totals.total)} pelanggan`);
    await revealValue(page, 'reports.stat.isolated', thousands(customers.totals.isolated));
    await revealValue(page, 'reports.stat.new', thousands(customers.months.reduce((sum, m) => sum + m.new, 0)));
    for (const month of customers.months)
      await revealValue(page, `reports.chart.customers.${month.period}`, `${month.active}/${month.new}/${month.churned}`);
    for (const month of customers.months)
      await revealValue(page, `reports.customers.month.${month.period}.active`, thousands(month.active));
    for (const slice of customers.by_router) await revealValue(page, `reports.customers.router.${slice.key}.total`, thousands(slice.total));
    await cleanShot(page, 'reports-customers');

    // The kinds are a tablist (WAI-ARIA tabs): the selected kind says so, and from it the arrow key
    // chooses the next one, as a keyboard-only operator or a screen reader does.
    await scrollTo(page, 'reports.tab.1');
    await page.waitForSelector('#text-layer [role=tablist] [role=tab][data-key="reports.tab.1"][aria-selected=true]');
    const kinds = await page.evaluate(() => [...document.querySelectorAll('#text-layer [role=tablist] [role=tab]')]
      .map((tab) => `${tab.dataset.key}:${tab.getAttribute('aria-selected')}`));
    assert.deepEqual(kinds.slice(0, 3), ['reports.tab.0:false', 'reports.tab.1:true', 'reports.tab.2:false'], kinds.join());
    await page.locator('#text-layer [data-key="reports.tab.1"]').focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.activeElement && document.activeElement.dataset.key === 'reports.tab.2' &&
      document.activeElement.getAttribute('aria-selected') === 'true');
    const billing = (await api('GET', '/api/reports/billing', { token: admin })).json.data;
    await revealValue(page, 'reports.stat.collection_rate', percent(billing.collection_rate_bp));
    await revealValue(page, 'reports.stat.dso', `${thousands(billing.dso_days)} hari`);
    await revealValue(page, 'reports.stat.arpu', rupiah(billing.arpu));
    await revealValue(page, 'reports.stat.mrr', rupiah(billing.mrr));
    for (const bucket of billing.aging) await revealValue(page, `reports.aging.${bucket.key}`, String(bucket.amount));
    const top = billing.top_debtors[0];
    await revealValue(page, `reports.debtor.${top.service_number}.outstanding`, rupiah(top.outstanding));
    await cleanShot(page, 'reports-billing');
    assert.deepEqual(page.kimonetLogs, []);
    await page.context().close();
  });

  await test('changing the range through the month pickers and the presets changes the figures', async () => {
    const page = await openReports('admin');
    const whole = (await api('GET', '/api/reports/revenue', { token: admin })).json.data;
    // "Sampai" then "Dari" = last month (option 1: the pickers list the newest month first).
    await clickTop(page, 'reports.range.to');
    await click(page, 'reports.range.to.option.1');
    await clickTop(page, 'reports.range.from');
    await click(page, 'reports.range.from.option.1');
    await revealValue(page, 'reports.range.summary', `${monthName(previous)} – ${monthName(previous)}`);
    const one = (await api('GET', `/api/reports/revenue?from=${previous}&to=${previous}`, { token: admin })).json.data;
    assert.notEqual(one.totals.billed, whole.totals.billed, 'one month bills less than the year');
    await settled(page);
    await assertRevenue(page, one);
    await cleanShot(page, 'reports-range');

    await clickTop(page, 'reports.preset.this_year');
    const from = `${current.slice(0, 4)}-01`;
    await revealValue(page, 'reports.range.summary', `${monthName(from)} – ${monthName(current)}`);
    const year = (await api('GET', `/api/reports/revenue?from=${from}&to=${current}`, { token: admin })).json.data;
    await settled(page);
    await assertRevenue(page, year);

    // The other tabs follow the range too.
    await clickTop(page, 'reports.tab.2');
    const billing = (await api('GET', `/api/reports/billing?from=${from}&to=${current}`, { token: admin })).json.data;
    await revealValue(page, 'reports.stat.collection_rate', percent(billing.collection_rate_bp));
    await revealValue(page, 'reports.note.collection_rate', `${rupiah(billing.paid_on_billed)} dari ${rupiah(billing.billed)}`);
    await page.context().close();
  });

  await test('downloads: the tab as XLSX/CSV/PDF and the data exports, with a toast when one fails', async () => {
    const page = await openReports('admin');
    await clickTop(page, 'reports.preset.last3');
    const from = previousPeriod(previous);
    await revealValue(page, 'reports.range.summary', `${monthName(from)} – ${monthName(current)}`);
    const expected = {
      xlsx: XLSX_TYPE, csv: 'text/csv', pdf: 'application/pdf',
    };
    for (const [format, type] of Object.entries(expected)) {
      await forgetDownload(page);
      await click(page, `reports.download.${format}`);
      const download = await lastDownload(page);
      assert.equal(download.ok, true, format);
      assert.equal(download.filename, `laporan-pendapatan-${from}_${current}.${format}`);
      assert.ok(download.type.startsWith(type), `${format}: ${download.type}`);
      const direct = await api('GET', `/api/exports/reports/revenue.${format}?from=${from}&to=${current}`, { token: admin });
      assert.equal(direct.status, 200);
      if (format === 'csv') assert.equal(download.size, direct.bytes, 'the CSV the API gives');
      else assert.ok(download.size > 1000, `${format} size ${download.size}`);
    }
    // The same buttons download the tab on screen.
    await clickTop(page, 'reports.tab.1');
    await forgetDownload(page);
    await clickTop(page, 'reports.download.pdf');
    assert.equal((await lastDownload(page)).filename, `laporan-pelanggan-${from}_${current}.pdf`);

    await forgetDownload(page);
    await reveal(page, 'reports.export.payments.csv');
    await click(page, 'reports.export.payments.csv');
    const payments = await lastDownload(page);
    assert.equal(payments.filename, `pembayaran-${from}_${current}.csv`);
    const direct = await api('GET', `/api/exports/payments.csv?from=${from}&to=${current}`, { token: admin });
    assert.equal(payments.size, direct.bytes);
    await forgetDownload(page);
    await click(page, 'reports.export.customers.xlsx');
    const customers = await lastDownload(page);
    assert.equal(customers.filename, 'pelanggan.xlsx');
    assert.equal(customers.type, XLSX_TYPE);

    // The server failing: the button comes back and a toast says so.
    await page.route('**/api/exports/invoices.xlsx*', (route) => route.fulfill({ status: 500, body: 'boom' }));
    await forgetDownload(page);
    await click(page, 'reports.export.invoices.xlsx');
    assert.equal((await lastDownload(page)).ok, false);
    await itemValue(page, 'toast.error', 'Gagal mengunduh berkas. Coba lagi.');
    await waitUi(page, (all) => all.some((i) => i.id === 'reports.export.invoices.xlsx' && i.label === 'XLSX' && !i.disabled));
    await cleanShot(page, 'reports-download-failed');
    await page.context().close();
  });

  await test('import: a bad row shows its problem and blocks the import; the fixed file imports and the count goes up', async () => {
    const page = await openReports('admin');
    const packages = (await api('GET', '/api/packages', { token: admin })).json.data;
    const before = (await api('GET', '/api/customers?per_page=1', { token: admin })).json.total;
    const header = 'Nama,No. HP,Paket,Alamat,Keterangan';
    const good = [
      `Sari Impor,081234500001,${packages[0].name},Jl. Mawar 1,pindahan`,
      `Bayu Impor,081234500002,${packages[1].name},Jl. Melati 2,`,
      `Rina Impor,081234500003,${packages[0].name},Jl. Kenanga 3,`,
    ];
    const bad = [good[0], `Bayu Impor,12ab,${packages[1].name},Jl. Melati 2,`, 'Rina Impor,081234500003,Paket Hantu,Jl. Kenanga 3,'];
    const badCsv = `${header}\n${bad.join('\n')}\n`;
    const dryRun = (await api('POST', '/api/imports/customers?dry_run=true', { token: admin, raw: badCsv })).json.data;
    assert.equal(dryRun.invalid, 2);

    await reveal(page, 'reports.import');
    await click(page, 'reports.import');
    await item(page, 'import.title');
    await chooseFile(page, 'pelanggan.csv', badCsv);
    await itemValue(page, 'import.summary', '3 baris: 1 siap diimpor, 2 bermasalah.');
    await itemValue(page, 'import.file', 'pelanggan.csv');
    // The detected mapping, read-only.
    for (const [index, label] of ['Nama', 'Telepon', 'Paket', 'Alamat', '— diabaikan'].entries())
      await itemValue(page, `import.mapping.${index}.field`, label);
    for (const error of dryRun.errors)
      for (const [field, message] of Object.entries(error.fields)) {
        await itemValue(page, `import.error.${error.row}.${field}`, message);
        await itemValue(page, `import.error.${error.row}.${field}.row`, String(error.row));
      }
    await itemValue(page, 'import.error.4.package', 'paket tidak dikenal: Paket Hantu');
    const blocked = await item(page, 'import.commit');
    assert.equal(blocked.disabled, true, 'no import while a row has a problem');
    assert.equal(blocked.label, 'Impor 1 pelanggan');
    await cleanShot(page, 'reports-import-errors');

    await chooseFile(page, 'pelanggan-diperbaiki.csv', `${header}\n${good.join('\n')}\n`);
    await itemValue(page, 'import.summary', '3 baris: 3 siap diimpor, 0 bermasalah.');
    await itemValue(page, 'import.preview.0.name', 'Sari Impor');
    await waitUi(page, (all) => all.some((i) => i.id === 'import.commit' && !i.disabled && i.label === 'Impor 3 pelanggan'));
    await cleanShot(page, 'reports-import-preview');
    await click(page, 'import.commit');
    await itemValue(page, 'import.done', '3 pelanggan berhasil diimpor.');
    await cleanShot(page, 'reports-import-done');

    const after = (await api('GET', '/api/customers?per_page=1', { token: admin })).json.total;
    assert.equal(after, before + 3);
    const found = (await api('GET', '/api/customers?q=Impor&per_page=10', { token: admin })).json.data.map((c) => c.name).sort();
    assert.deepEqual(found, ['Bayu Impor', 'Rina Impor', 'Sari Impor']);
    await click(page, 'import.close');
    await clickTop(page, 'reports.tab.1');
    await revealValue(page, 'reports.note.active', `dari ${thousands(after)} pelanggan`);
    await page.context().close();
  });

  // The missing entry and the refused #/reports are tests/views/test_navigation.cpp (headless).
  await test('a technician is refused by the reports, exports and imports API (403)', async () => {
    const token = await tokenOf('technician');
    assert.equal((await api('GET', '/api/reports/revenue', { token })).status, 403);
    assert.equal((await api('GET', '/api/exports/reports/billing.pdf', { token })).status, 403);
    assert.equal((await api('POST', '/api/imports/customers?dry_run=true', { token, raw: 'Nama,HP,Paket\n' })).status, 403);
  });

  await test('phone 390x844: one column, nothing past the right edge, every tab readable', async () => {
    const page = await openReports('admin', PHONE);
    await item(page, 'reports.stat.billed');
    const width = PHONE.viewport.width;
    // Billing and customers: the top of the tab and its chart; revenue last, down to its tables.
    for (const [tab, name, chart] of [[2, 'billing', 'reports.aging.over_90'], [1, 'customers', `reports.chart.customers.${current}`],
      [0, 'revenue', `reports.chart.revenue.${current}`]]) {
      await clickTop(page, `reports.tab.${tab}`, { tap: true });
      await settled(page);
      const all = (await items(page)).filter((i) => i.visible && i.id.startsWith('reports.'));
      const past = all.filter((i) => i.rect.x + i.rect.w > width + 0.5);
      assert.deepEqual(past.map((i) => i.id), [], `${name}: nothing past the right edge`);
      await shot(page, `reports-phone-${name}`);
      await reveal(page, chart);
      await shot(page, `reports-phone-${name}-chart`);
    }
    await reveal(page, `reports.revenue.month.${current}.period`);
    await shot(page, 'reports-phone-revenue-table');
    // The cards stack: the router card sits under the package card, as wide.
    await reveal(page, 'reports.revenue.router.card.title');
    const titles = await waitUi(page, (all) => {
      const pkg = all.find((i) => i.id === 'reports.revenue.package.card.title');
      const router = all.find((i) => i.id === 'reports.revenue.router.card.title');
      return pkg && router ? { pkg: pkg.rect, router: router.rect } : null;
    });
    assert.equal(titles.router.x, titles.pkg.x);
    assert.ok(titles.router.y > titles.pkg.y);
    const past = (await items(page)).filter((i) => i.visible && i.id.startsWith('reports.') && i.rect.x + i.rect.w > width + 0.5);
    assert.deepEqual(past.map((i) => i.id), [], 'tables: nothing past the right edge');
    await shot(page, 'reports-phone-revenue-cards');
    await page.context().close();
  });
} catch (error) {
  runner.fail('setup', error);
} finally {
  await browser?.close();
  await server?.stop();
}
process.exit(runner.finish('reports'));
