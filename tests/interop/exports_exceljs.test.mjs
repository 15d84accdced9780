// Our XLSX and CSV exports read by an independent reader (exceljs, from npm) and compared cell
// by cell with the API's JSON; the CSV goes back through the import (dry run) as well.
// Run: KIMONET_BIN=build/bin node tests/interop/exports_exceljs.test.mjs
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';

const require = createRequire(import.meta.url);
const ExcelJS = require('exceljs');
const bin = process.env.KIMONET_BIN || path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../build/bin');
const kimonet = path.join(bin, 'kimonet');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kimonet-exceljs-'));
const db = path.join(dir, 'k.db');
const seeded = spawnSync(kimonet, ['seed-demo', '--no-history', '--db', db], { encoding: 'utf8' });
assert.equal(seeded.status, 0, seeded.stderr);

const server = spawn(kimonet, ['serve', '--db', db, '--port', '0', '--bind', '127.0.0.1'], { stdio: ['ignore', 'pipe', 'inherit'] });
const base = await new Promise((resolve, reject) => {
  let output = '';
  const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 30000);
  server.stdout.on('data', (chunk) => {
    output += chunk;
    const match = output.match(/listening on (http:\/\/127\.0\.0\.1:\d+)\//);
    if (match) { clearTimeout(timer); resolve(match[1]); }
  });
  server.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
});

const results = { passed: 0, failed: 0 };
async function check(name, body) {
  try { await body(); results.passed++; console.log(`ok - ${name}`); }
  catch (error) { results.failed++; console.log(`not ok - ${name}\n  ${error.stack || error}`); }
}

const login = await (await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ username: 'admin', password: 'demo12345' }) })).json();
const auth = { Authorization: `Bearer ${login.token}` };
const getJson = async (url) => { const reply = await fetch(`${base}${url}`, { headers: auth }); assert.equal(reply.status, 200); return (await reply.json()).data; };
const getBytes = async (url) => {
  const reply = await fetch(`${base}${url}`, { headers: auth });
  assert.equal(reply.status, 200, `${url}: ${reply.status}`);
  assert.match(reply.headers.get('content-disposition') || '', /^attachment; filename="/);
  return Buffer.from(await reply.arrayBuffer());
};
const workbookOf = async (bytes) => { const workbook = new ExcelJS.Workbook(); await workbook.xlsx.load(bytes); return workbook; };
const isoDate = (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value);
const cellValue = (cell) => { const v = cell.value; return v === null || v === undefined ? '' : (v.result !== undefined ? v.result : v); };

const customers = (await getJson('/api/customers?per_page=500&sort=service_number'));
const packages = Object.fromEntries((await getJson('/api/packages')).map((p) => [p.id, p]));
const routers = Object.fromEntries((await getJson('/api/routers')).map((r) => [r.id, r.name]));
const expectedRow = (c) => [c.service_number, c.name, c.phone, c.email || '', c.address || '', packages[c.package_id].name,
  packages[c.package_id].price, c.router_id ? routers[c.router_id] : '', c.status, c.join_date, c.pppoe_username || '', c.due_day ?? ''];

try {
  await check('customers.xlsx: bold header, rupiah format, real dates, every cell equals the API', async () => {
    const workbook = await workbookOf(await getBytes('/api/exports/customers.xlsx'));
    const sheet = workbook.worksheets[0];
    assert.equal(sheet.name, 'Pelanggan');
    assert.equal(sheet.getCell('A1').value, 'No. Layanan');
    assert.equal(sheet.getCell('A1').font?.bold, true);
    assert.equal(sheet.rowCount, customers.length + 1);
    assert.ok(customers.length >= 50);
    customers.forEach((customer, index) => {
      const row = sheet.getRow(index + 2);
      const actual = Array.from({ length: 12 }, (_, column) => isoDate(cellValue(row.getCell(column + 1))));
      assert.deepEqual(actual, expectedRow(customer), `row ${index + 2}`);
    });
    assert.equal(sheet.getRow(2).getCell(7).numFmt, '#,##0');
    assert.ok(sheet.getRow(2).getCell(10).value instanceof Date, 'join date is a date cell');
  });

  await check('customers.csv: UTF-8 BOM, Excel quoting, every cell equals the API', async () => {
    const bytes = await getBytes('/api/exports/customers.csv');
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const workbook = new ExcelJS.Workbook();
    const sheet = await workbook.csv.read(Readable.from([bytes.subarray(3).toString('utf8')]), { parserOptions: { delimiter: ',' }, map: (v) => v });
    assert.equal(sheet.rowCount, customers.length + 1);
    customers.forEach((customer, index) => {
      const row = sheet.getRow(index + 2);
      const actual = Array.from({ length: 12 }, (_, column) => String(row.getCell(column + 1).value ?? ''));
      assert.deepEqual(actual, expectedRow(customer).map(String), `row ${index + 2}`);
    });
  });

  await check('the CSV goes back through the import: every row read, every row a known nomor layanan', async () => {
    const bytes = await getBytes('/api/exports/customers.csv');
    const reply = await fetch(`${base}/api/imports/customers?dry_run=true`, { method: 'POST', headers: { ...auth, 'Content-Type': 'text/csv' }, body: bytes });
    assert.equal(reply.status, 200);
    const { data } = await reply.json();
    assert.equal(data.rows, customers.length);
    assert.equal(data.errors.length, customers.length);
    assert.ok(data.errors.every((error) => error.fields.service_number === 'nomor layanan sudah dipakai'));
    assert.ok(data.errors.every((error) => !error.fields.phone && !error.fields.package && !error.fields.join_date));
  });

  await check('report workbooks hold the figures of the report JSON', async () => {
    const billing = await getJson('/api/reports/billing');
    const aging = (await workbookOf(await getBytes('/api/exports/reports/billing.xlsx'))).getWorksheet('Umur piutang');
    billing.aging.forEach((bucket, index) => {
      const row = aging.getRow(index + 2);
      assert.deepEqual([cellValue(row.getCell(1)), cellValue(row.getCell(2)), cellValue(row.getCell(3))], [bucket.label, bucket.invoices, bucket.amount]);
    });
    const customersReport = await getJson('/api/reports/customers?from=2025-01&to=2026-01');
    const months = (await workbookOf(await getBytes('/api/exports/reports/customers.xlsx?from=2025-01&to=2026-01'))).getWorksheet('Per bulan');
    assert.equal(months.rowCount, customersReport.months.length + 1);
    customersReport.months.forEach((month, index) => {
      const row = months.getRow(index + 2);
      assert.deepEqual([1, 2, 3, 4, 5].map((c) => cellValue(row.getCell(c))), [month.period, month.active, month.new, month.churned, month.isolated]);
      assert.equal(row.getCell(7).value, month.growth_bp / 10000);
    });
  });

  await check('kimonet export writes the same workbook from the command line', async () => {
    const out = path.join(dir, 'cli.xlsx');
    const run = spawnSync(kimonet, ['export', 'customers', '--format', 'xlsx', '--out', out, '--db', db], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const sheet = (await workbookOf(fs.readFileSync(out))).worksheets[0];
    assert.equal(sheet.rowCount, customers.length + 1);
    assert.equal(sheet.getRow(2).getCell(1).value, customers[0].service_number);
  });
} finally {
  server.kill();
  fs.rmSync(dir, { recursive: true, force: true });
}
console.log(`${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed ? 1 : 0);
