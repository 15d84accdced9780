// One admin's whole story in Chromium, through the UI, against the real server and a simulated
// MikroTik (`kimonet-sim routeros --seed-demo`, read back with node-routeros, an independent client):
// point Router Pusat at the router and turn on PPP secret pushes → create a package (Rp 250.000,
// its own MikroTik profile) → create a customer on it who joins on the 15th → generate this
// period's invoices (dry run, then confirm) and find the customer's prorated invoice → isolate the
// customer (router profile → the isolir profile) → record a full cash payment → the invoice is
// paid, the customer is active again and the router holds the package profile again.
// The API is used only to read results back; every change goes through the screens.
import assert from 'node:assert/strict';
import fs from 'node:fs';

import { DESKTOP, launchBrowser, openApp } from './lib/browser.mjs';
import { PASSWORD, apiAs, createRunner, openCustomer, shot, signIn } from './lib/harness.mjs';
import { onRouter, secretOnRouter } from './lib/routeros.mjs';
import { ARTIFACTS, startServer } from './lib/server.mjs';
import { startRouters } from './lib/simulators.mjs';
import { click, fill, item, itemValue, waitUi } from './lib/ui.mjs';


const runner = createRunner();
let server, browser, simulator;

// What the admin types. The profile is new to the router: the technician adds it on the MikroTik.
const PACKAGE = { name: 'Home 25 Mbps Uji', download: '25000', upload: '12500', price: 'Rp 250.000', profile: 'HOME-25M' };
const PRICE = 250000;
const CUSTOMER = { name: 'Dewi Lestari Uji', phone: '081298765432', address: 'Jl. Uji Coba No. 7, Bandung',
                   pppoe: 'dewi.uji', pppoePassword: 'ppp-dewi-uji' };
const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober',
                'November', 'Desember'];

const rupiah = (amount) => `Rp ${amount.toLocaleString('de-DE')}`;  // "Rp 133.333"
const pad = (n) => String(n).padStart(2, '0');
const indonesianDate = ({ year, month, day }) => `${day} ${MONTHS[month - 1]} ${year}`;

// Today in WIB (the server's default offset), and what the invoice of a customer joining on the
// 15th of this month must say: billing::monthly_invoice with proration rounded to the nearest rupiah.
function expectedInvoice() {
  const now = new Date(Date.now() + 7 * 3600 * 1000);
  const year = now.getUTCFullYear(), month = now.getUTCMonth() + 1;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const join = { year, month, day: 15 };
  const billed = days - join.day + 1;
  const amount = Math.floor((2 * PRICE * billed + days) / (2 * days));  // round half up, in integers
  // The default due day (10) falls before the join date: the invoice is due a week after joining.
  const due = { year, month, day: join.day + 7 };
  return { period: `${year}-${pad(month)}`, periodLabel: `${MONTHS[month - 1]} ${year}`, join, joinDate: `${year}-${pad(month)}-15`,
           days, billed, amount, due, overdue: now.getUTCDate() > due.day };
}

// Secret pushes and payment restores are carried out by the server's network worker after the
// request has answered, and no screen shows the router's state: ask the router until it holds
// `profile`, and fail with what it held last.
async function routerProfile(port, name, profile, timeout = 15000) {
  const deadline = Date.now() + timeout;
  let secret;
  for (;;) {
    secret = await secretOnRouter(port, name);
    if (secret && secret.profile === profile) return secret;
    if (Date.now() > deadline) throw new Error(`router secret ${name}: profile ${secret ? secret.profile : '(no secret)'}, wanted ${profile}`);
    await new Promise((resolve) => setTimeout(resolve, 100));  // poll interval, not a synchronisation
  }
}

// The server's first scheduler round bills the demo customers for this period; wait until it has,
// so generating this period from the screen has exactly the new customer left to bill.
async function periodBilled(page, period) {
  for (const deadline = Date.now() + 30000; Date.now() < deadline;) {
    const jobs = await apiAs(page, 'admin', 'GET', '/api/jobs');
    const run = jobs.data.find((r) => r.job === 'invoice_generation' && r.result && r.result.period === period);
    if (run && run.status === 'succeeded') return run;
    await new Promise((resolve) => setTimeout(resolve, 200));  // poll interval, not a synchronisation
  }
  throw new Error(`the scheduler did not bill ${period}`);
}

const isolationActions = (page, count) => waitUi(page, (all, n) => {
  const rows = all.filter((i) => /^customer_detail\.isolation\.\d+\.action$/.test(i.id));
  return rows.length === n && rows.map((r) => ({ id: r.id.split('.')[2], action: r.value }));
}, count);

try {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  simulator = await startRouters(1);
  server = await startServer({ timeoutMs: 120000 });  // seeding hashes 54 passwords: slow on a loaded machine
  browser = await launchBrowser();
  const expected = expectedInvoice();
  console.log(`server ${server.url}, router on ${simulator.port}, period ${expected.period}: ` +
              `${expected.billed}/${expected.days} days of ${rupiah(PRICE)} = ${rupiah(expected.amount)}`);
  // The technician's part, outside Kimonet: the new package's profile exists on the MikroTik.
  await onRouter(simulator.port, (api) => api.write('/ppp/profile/add', [`=name=${PACKAGE.profile}`, '=rate-limit=25M/12500k']));

  await runner.test('admin: package → customer → prorated invoice → isolir → full payment → restored on the router', async () => {
    const page = await openApp(browser, server.url, DESKTOP);
    await signIn(page, 'admin', PASSWORD);
    await item(page, 'nav.customers', 30000);
    await periodBilled(page, expected.period);

    // Routers: Router Pusat is the simulated MikroTik, and customer changes push their PPP secret to it.
    await click(page, 'nav.routers');
    await itemValue(page, 'routers.1.name', 'Router Pusat');
    const isolirProfile = (await item(page, 'routers.1.isolir_profile')).value;
    await click(page, 'routers.1.edit');
    await itemValue(page, 'router_form.name', 'Router Pusat');
    await fill(page, 'router_form.port', String(simulator.port));
    // A new destination needs the router's password typed again: a stored secret never follows a move.
    await fill(page, 'router_form.password', 'billing-demo', { masked: true });
    await itemValue(page, 'router_form.push_secrets', 'false');
    await click(page, 'router_form.push_secrets');
    await itemValue(page, 'router_form.push_secrets', 'true');
    await click(page, 'router_form.save');
    const routerSaved = await waitUi(page, (all) => all.find((i) => i.id === 'routers.notice'));
    assert.match(routerSaved.value, /Router Pusat disimpan\.$/);
    await itemValue(page, 'routers.1.address', `127.0.0.1:${simulator.port}`);
    await itemValue(page, 'routers.1.push_secrets', 'Ya');
    await click(page, 'routers.1.test');
    const tested = await waitUi(page, (all) => all.find((i) => i.id === 'routers.1.test_result'));
    assert.match(tested.value, /7\.16\.2/, 'the router answers the connection test');
    await shot(page, 'admin-flow-01-router');

    // Packages: a new package, typed the way people write prices.
    await click(page, 'nav.packages');
    await click(page, 'packages.add');
    await itemValue(page, 'package_form.title', 'Paket baru');
    await fill(page, 'package_form.name', PACKAGE.name);
    await fill(page, 'package_form.download_kbps', PACKAGE.download);
    await fill(page, 'package_form.upload_kbps', PACKAGE.upload);
    await fill(page, 'package_form.price', PACKAGE.price);
    await fill(page, 'package_form.mikrotik_profile', PACKAGE.profile);
    await shot(page, 'admin-flow-02-package-form');
    await click(page, 'package_form.save');
    await itemValue(page, 'packages.notice', `Paket ${PACKAGE.name} disimpan.`);
    const nameCell = await waitUi(page, (all, name) => all.find((i) => /^packages\.\d+\.name$/.test(i.id) && i.value === name), PACKAGE.name);
    const packageId = Number(nameCell.id.split('.')[1]);
    await itemValue(page, `packages.${packageId}.price`, rupiah(PRICE));
    await itemValue(page, `packages.${packageId}.download`, '25 Mbps');
    await itemValue(page, `packages.${packageId}.profile`, PACKAGE.profile);
    const storedPackage = (await apiAs(page, 'admin', 'GET', `/api/packages/${packageId}`)).data;
    assert.deepEqual([storedPackage.price, storedPackage.download_kbps, storedPackage.upload_kbps, storedPackage.mikrotik_profile],
                     [PRICE, 25000, 12500, PACKAGE.profile]);
    await shot(page, 'admin-flow-03-packages');

    // Customers: a new customer on that package and router, joining on the 15th.
    await click(page, 'nav.customers');
    await click(page, 'customers.add');
    await itemValue(page, 'customer_form.title', 'Pelanggan baru');
    await fill(page, 'customer_form.name', CUSTOMER.name);
    await fill(page, 'customer_form.phone', CUSTOMER.phone);
    await click(page, 'customer_form.package');
    const packageOption = await waitUi(page, (all, name) => all.find((i) => i.kind === 'option' && i.value.startsWith(`${name}  ·`)),
                                       PACKAGE.name);
    await click(page, packageOption.id);
    await itemValue(page, 'customer_form.package', `${PACKAGE.name}  ·  ${rupiah(PRICE)}`);
    await click(page, 'customer_form.router');
    const routerOption = await waitUi(page, (all) => all.find((i) => i.kind === 'option' && i.value === 'Router Pusat'));
    await click(page, routerOption.id);
    await itemValue(page, 'customer_form.router', 'Router Pusat');
    await fill(page, 'customer_form.pppoe_username', CUSTOMER.pppoe);
    await fill(page, 'customer_form.pppoe_password', CUSTOMER.pppoePassword, { masked: true });
    await fill(page, 'customer_form.join_date', expected.joinDate);
    await fill(page, 'customer_form.address', CUSTOMER.address);
    // The form's own first-invoice preview already shows the prorated amount.
    await itemValue(page, 'invoice_preview.total', rupiah(expected.amount));
    await shot(page, 'admin-flow-04-customer-form');
    await click(page, 'customer_form.save');
    const saved = await waitUi(page, (all) => all.find((i) => i.id === 'customers.notice'));
    const number = saved.value.match(/^Data pelanggan (\S+) disimpan\.$/)[1];
    const created = (await apiAs(page, 'admin', 'GET', `/api/customers?q=${number}`)).data.find((c) => c.service_number === number);
    assert.ok(created, `customer ${number} exists`);
    assert.deepEqual([created.name, created.package_id, created.router_id, created.pppoe_username, created.join_date, created.status],
                     [CUSTOMER.name, packageId, 1, CUSTOMER.pppoe, expected.joinDate, 'active']);
    // Saving pushed the PPP secret to Router Pusat with the package's profile.
    const pushed = await routerProfile(simulator.port, CUSTOMER.pppoe, PACKAGE.profile);
    assert.equal(pushed.password, CUSTOMER.pppoePassword);
    await shot(page, 'admin-flow-05-customer-saved');

    // Invoices: generate this period; the dry run finds exactly the new customer to bill.
    await click(page, 'nav.invoices');
    await itemValue(page, 'header.title', 'Tagihan');
    await click(page, 'invoices.generate');
    await itemValue(page, 'generate.period', expected.period);  // the dialog proposes the current period
    await click(page, 'generate.dry_run');
    await itemValue(page, 'generate.created', '1');
    await itemValue(page, 'generate.total', rupiah(expected.amount));
    await itemValue(page, 'generate.summary.caption', `Pratinjau ${expected.periodLabel} — belum ada yang dibuat:`);
    const before = await apiAs(page, 'admin', 'GET', `/api/invoices?customer_id=${created.id}`);
    assert.equal(before.total, 0, 'a dry run creates nothing');
    await shot(page, 'admin-flow-06-generate-preview');
    await click(page, 'generate.confirm');
    await itemValue(page, 'generate.summary.caption', `Selesai. Tagihan ${expected.periodLabel} dibuat:`);
    await itemValue(page, 'generate.created', '1');
    await itemValue(page, 'generate.total', rupiah(expected.amount));
    await shot(page, 'admin-flow-07-generate-done');
    await click(page, 'generate.close');

    const numberCell = await waitUi(page, (all, n) => all.find((i) => /^invoices\..+\.service_number$/.test(i.id) && i.value === n), number);
    const invoiceNo = numberCell.id.slice('invoices.'.length, -'.service_number'.length);
    const unpaidLabel = expected.overdue ? 'Lewat jatuh tempo' : 'Belum dibayar';
    await itemValue(page, `invoices.${invoiceNo}.customer`, CUSTOMER.name);
    await itemValue(page, `invoices.${invoiceNo}.period`, expected.period);
    await itemValue(page, `invoices.${invoiceNo}.total`, rupiah(expected.amount));
    await itemValue(page, `invoices.${invoiceNo}.due_date`, indonesianDate(expected.due));
    await itemValue(page, `invoices.${invoiceNo}.status`, unpaidLabel);
    await shot(page, 'admin-flow-08-invoices');
    await click(page, `invoices.${invoiceNo}.number`);
    await itemValue(page, 'invoice.title', `Tagihan ${invoiceNo}`);
    await itemValue(page, 'invoice.total', rupiah(expected.amount));
    await itemValue(page, 'invoice.issue_date', indonesianDate(expected.join));
    await itemValue(page, 'invoice.lines.0.description',
                    `${PACKAGE.name} - ${expected.periodLabel} (prorata ${expected.billed}/${expected.days} hari)`);
    const stored = (await apiAs(page, 'admin', 'GET', `/api/invoices?customer_id=${created.id}`)).data;
    assert.deepEqual(stored.map((i) => [i.invoice_no, i.period, i.total, i.status]), [[invoiceNo, expected.period, expected.amount, 'unpaid']]);
    await shot(page, 'admin-flow-09-invoice');
    await click(page, 'invoice.close');

    // Customer screen: isolate with a reason; the router moves the secret to the isolir profile.
    await click(page, 'nav.customers');
    await openCustomer(page, number);
    await itemValue(page, 'customer_detail.status', 'Aktif');
    await itemValue(page, `customer_detail.invoice.${invoiceNo}.total`, rupiah(expected.amount));
    await fill(page, 'customer_detail.isolate_reason', 'tunggakan tagihan');
    await click(page, 'customer_detail.isolate');
    await click(page, 'customer_detail.isolate_confirm');  // the second step says what happens
    await itemValue(page, 'customer_detail.network.notice', `Pelanggan diisolir (profil ${isolirProfile}).`);
    await itemValue(page, 'customer_detail.status', 'Terisolir');
    const [isolation] = await isolationActions(page, 1);
    assert.equal(isolation.action, 'Isolir');
    await itemValue(page, `customer_detail.isolation.${isolation.id}.reason`, 'tunggakan tagihan · admin');
    assert.equal((await secretOnRouter(simulator.port, CUSTOMER.pppoe)).profile, isolirProfile);
    assert.equal((await apiAs(page, 'admin', 'GET', `/api/customers/${created.id}`)).data.status, 'isolated');
    await shot(page, 'admin-flow-10-isolated');

    // A full cash payment from the invoice opened on the customer screen.
    await click(page, `customer_detail.invoice.${invoiceNo}.number`);
    await itemValue(page, 'invoice.title', `Tagihan ${invoiceNo}`);
    await click(page, 'invoice.pay');
    await itemValue(page, 'payment_form.amount', expected.amount.toLocaleString('de-DE'));  // prefilled: what is left to pay
    await itemValue(page, 'payment_form.method', 'Tunai');
    await shot(page, 'admin-flow-11-payment');
    await click(page, 'invoice.panel.submit');
    const notice = await waitUi(page, (all) => all.find((i) => i.id === 'invoice.notice'));
    const receipt = notice.value.match(/^Pembayaran tercatat\. No\. kuitansi (\S+)\.$/)[1];
    await itemValue(page, 'invoice.status', 'Lunas');
    await itemValue(page, 'invoice.paid_amount', rupiah(expected.amount));
    await itemValue(page, 'invoice.outstanding', 'Rp 0');
    await itemValue(page, 'invoice.payments.0.receipt', receipt);
    await shot(page, 'admin-flow-12-paid');
    await click(page, 'invoice.close');

    // The customer screen reloads: invoice paid, customer active again, Isolir offered again.
    await itemValue(page, `customer_detail.invoice.${invoiceNo}.status`, 'Lunas');
    await itemValue(page, 'customer_detail.status', 'Aktif');
    await item(page, 'customer_detail.isolate');
    await itemValue(page, `customer_detail.payment.${receipt}.amount`, rupiah(expected.amount));
    const paid = (await apiAs(page, 'admin', 'GET', `/api/invoices/${stored[0].id}`)).data;
    assert.deepEqual([paid.status, paid.paid_amount], ['paid', expected.amount]);
    const payments = (await apiAs(page, 'admin', 'GET', `/api/payments?per_page=200`)).data.filter((p) => p.receipt_no === receipt);
    assert.deepEqual(payments.map((p) => [p.invoice_no, p.amount, p.method]), [[invoiceNo, expected.amount, 'cash']]);
    assert.equal((await apiAs(page, 'admin', 'GET', `/api/customers/${created.id}`)).data.status, 'active');
    // The payment asked the network worker to restore the customer: the router holds the package profile again.
    await routerProfile(simulator.port, CUSTOMER.pppoe, PACKAGE.profile);

    // Opened again, the customer screen's log shows the restore the payment caused.
    await click(page, 'nav.customers');
    await openCustomer(page, number);
    const log = await isolationActions(page, 2);
    assert.deepEqual(log.map((row) => row.action), ['Pulihkan', 'Isolir']);
    await waitUi(page, (all, [id, from, to]) => all.find((i) => i.id === `customer_detail.isolation.${id}.result` &&
                                                          i.value.includes(`${from} -> ${to}`)), [log[0].id, isolirProfile, PACKAGE.profile]);
    await itemValue(page, 'customer_detail.status', 'Aktif');
    await shot(page, 'admin-flow-13-restored');
    assert.deepEqual(page.kimonetLogs, []);
    await page.context().close();
  });
} catch (error) {
  runner.fail('admin flow setup', error);
} finally {
  if (browser) await browser.close();
  if (server) await server.stop();
  if (simulator) simulator.stop();
}
process.exit(runner.finish('admin_flow'));
