// Payment gateways signed and spoken by independent implementations, so neither our server nor
// our simulator can pass by sharing one wrong formula:
// - Midtrans' official Node client (`midtrans-client`, npm) drives `kimonet-sim gateways` through
//   its Core API and Snap calls and its notification() handling: the simulator speaks Midtrans'
//   wire format as Midtrans' own client expects it.
// - Notifications signed here with Node's crypto from each gateway's published formula go to the
//   real `kimonet serve`: a genuine one pays the invoice, a tampered or wrongly keyed one is
//   refused and pays nothing.
//     Midtrans signature_key = SHA512(order_id + status_code + gross_amount + ServerKey)
//       https://docs.midtrans.com/docs/https-notification-webhooks
//     Duitku callback signature = MD5(merchantCode + amount + merchantOrderId + apiKey), inquiry
//       MD5(merchantCode + merchantOrderId + paymentAmount + apiKey), https://docs.duitku.com/api/en/
//     Flip: API calls Basic base64(secret_key + ":"), callbacks carry data (JSON) + token (the
//       validation token), https://docs.flip.id/
// Run: KIMONET_BIN=build/bin node tests/interop/gateways_interop.test.mjs
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);
const midtransClient = require('midtrans-client');
const MidtransApiConfig = require('midtrans-client/lib/apiConfig');
const bin = process.env.KIMONET_BIN || path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../build/bin');

const SERVER_KEY = 'SB-Mid-server-sim';
const DUITKU_MERCHANT = 'DSIM01';
const DUITKU_KEY = 'sim-duitku-key';
const FLIP_SECRET = 'sim-flip-secret';
const FLIP_TOKEN = 'sim-flip-token';

const sha512 = (text) => crypto.createHash('sha512').update(text, 'utf8').digest('hex');
const md5 = (text) => crypto.createHash('md5').update(text, 'utf8').digest('hex');
const midtransSignature = (orderId, statusCode, grossAmount, key = SERVER_KEY) => sha512(orderId + statusCode + grossAmount + key);
// A refused callback is answered 4xx (our server says 400, 401 or 403 depending on the gateway); never 2xx, never 5xx.
const refused = (status) => status >= 400 && status < 500;
const flipAuthorization = `Basic ${Buffer.from(`${FLIP_SECRET}:`).toString('base64')}`;

function startProcess(args, pattern, name) {
  const child = spawn(args[0], args.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start:\n${output}`)), 30000);
    const onData = (chunk) => {
      output += chunk;
      const match = output.match(pattern);
      if (match) { clearTimeout(timer); resolve({ child, url: match[1] }); }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => { output += chunk; });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`${name} exited (${code}):\n${output}`)); });
  });
}
const stop = (child) => new Promise((resolve) => {
  if (child.exitCode !== null) return resolve();
  child.once('exit', resolve);
  child.kill('SIGTERM');
});

const results = { passed: 0, failed: 0 };
async function check(name, body) {
  try { await body(); results.passed++; console.log(`ok - ${name}`); }
  catch (error) { results.failed++; console.log(`not ok - ${name}\n  ${error.stack || error}`); }
}

async function call(method, url, { json, form, headers = {}, token } = {}) {
  const options = { method, headers: { ...headers } };
  if (token) options.headers.Authorization = `Bearer ${token}`;
  if (json !== undefined) { options.headers['Content-Type'] = 'application/json'; options.body = JSON.stringify(json); }
  if (form !== undefined) { options.headers['Content-Type'] = 'application/x-www-form-urlencoded'; options.body = new URLSearchParams(form).toString(); }
  const reply = await fetch(url, options);
  const text = await reply.text();
  let body = text;
  try { body = JSON.parse(text); } catch { /* not JSON */ }
  return { status: reply.status, body };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kimonet-gateways-interop-'));
const db = path.join(dir, 'k.db');
const seeded = spawnSync(path.join(bin, 'kimonet'), ['seed-demo', '--no-history', '--db', db], { encoding: 'utf8' });
assert.equal(seeded.status, 0, seeded.stderr);
const server = await startProcess([path.join(bin, 'kimonet'), 'serve', '--db', db, '--port', '0', '--bind', '127.0.0.1'],
  /listening on (http:\/\/127\.0\.0\.1:\d+)\//, 'kimonet serve');
const base = server.url;
// No sandbox behaviours: nothing is paid unless this test says so.
const simulator = await startProcess([path.join(bin, 'kimonet-sim'), 'gateways', '--port', '0', '--callback-base', base,
  '--retry-delay-ms', '200', '--no-sandbox-behaviours'], /listening on (http:\/\/127\.0\.0\.1:\d+)\//, 'kimonet-sim gateways');
const sim = simulator.url;

// The official client, pointed at the simulator instead of api.sandbox.midtrans.com / app.sandbox.midtrans.com.
MidtransApiConfig.CORE_SANDBOX_BASE_URL = `${sim}/midtrans`;
MidtransApiConfig.SNAP_SANDBOX_BASE_URL = `${sim}/midtrans/snap/v1`;
const coreApi = new midtransClient.CoreApi({ isProduction: false, serverKey: SERVER_KEY, clientKey: 'SB-Mid-client-sim' });
const snap = new midtransClient.Snap({ isProduction: false, serverKey: SERVER_KEY, clientKey: 'SB-Mid-client-sim' });

try {
  const login = await call('POST', `${base}/api/auth/login`, { json: { username: 'admin', password: 'demo12345' } });
  assert.equal(login.status, 200, JSON.stringify(login.body));
  const token = login.body.token || login.body.data?.token;
  const configured = await call('PUT', `${base}/api/settings`, { token, json: {
    flip_enabled: '1', flip_base_url: `${sim}/flip`, flip_secret_key: FLIP_SECRET, flip_validation_token: FLIP_TOKEN,
    midtrans_enabled: '1', midtrans_base_url: `${sim}/midtrans`, midtrans_server_key: SERVER_KEY,
    duitku_enabled: '1', duitku_base_url: `${sim}/duitku`, duitku_merchant_code: DUITKU_MERCHANT, duitku_api_key: DUITKU_KEY,
    payment_callback_base_url: base, billing_check_rate_per_minute: '0',
  } });
  assert.equal(configured.status, 200, JSON.stringify(configured.body));

  // Unpaid demo invoices, one per scenario.
  const unpaid = [];
  for (let number = 1; number <= 50 && unpaid.length < 8; number++) {
    const bill = await call('POST', `${base}/billing/check`, { json: { customer_number: `CUST${String(number).padStart(3, '0')}` } });
    if (bill.status !== 200) continue;
    const invoice = (bill.body.invoices || []).find((row) => row.status !== 'paid' && row.status !== 'void');
    if (invoice) unpaid.push(invoice.invoice_id);
  }
  assert.ok(unpaid.length >= 6, `only ${unpaid.length} unpaid demo invoices`);
  // A callback is answered once kept; it is confirmed and applied right after. Its invoice is read
  // once nothing waits any more (GET /api/payments/callback-inbox), within a deadline.
  const callbacksSettled = async () => {
    for (const deadline = Date.now() + 10_000; Date.now() < deadline; await new Promise((resolve) => setImmediate(resolve)))
      if ((await call('GET', `${base}/api/payments/callback-inbox`, { token })).body.total === 0) return;
    throw new Error('kept callbacks still waiting after 10 s');
  };
  const invoiceStatus = async (id) => {
    await callbacksSettled();
    return (await call('GET', `${base}/api/invoices/${id}`, { token })).body.data?.status;
  };
  const payThrough = async (invoiceId, gateway) => {
    const created = await call('POST', `${base}/billing/pay`, { json: { invoice_id: invoiceId, gateway, method: 'bca_va' } });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    return created.body;
  };
  // Pays at the simulator without the simulator's own callback: only the callback signed here can tell our server.
  const payQuietly = async (id) => {
    assert.equal((await call('POST', `${sim}/_sim/mode`, { json: { drop_callbacks: 1 } })).status, 200);
    const paid = await call('POST', `${sim}/_sim/pay/${encodeURIComponent(id)}`);
    assert.equal(paid.status, 200, JSON.stringify(paid.body));
  };

  await check('midtrans-client CoreApi: charge, status and the documented signature_key against the simulator', async () => {
    const charged = await coreApi.charge({ payment_type: 'bank_transfer', transaction_details: { order_id: 'INTEROP-CORE-1', gross_amount: 150000 },
      bank_transfer: { bank: 'bni' } });
    assert.equal(charged.status_code, '201');
    assert.equal(charged.transaction_status, 'pending');
    assert.equal(charged.gross_amount, '150000.00');
    assert.equal(charged.va_numbers[0].bank, 'bni');
    assert.match(charged.va_numbers[0].va_number, /^\d+$/);
    const pending = await coreApi.transaction.status('INTEROP-CORE-1');
    assert.equal(pending.transaction_status, 'pending');
    assert.equal(pending.signature_key, midtransSignature('INTEROP-CORE-1', pending.status_code, pending.gross_amount));
    assert.equal((await call('POST', `${sim}/_sim/pay/INTEROP-CORE-1`)).status, 200);
    const settled = await coreApi.transaction.status('INTEROP-CORE-1');
    assert.equal(settled.transaction_status, 'settlement');
    assert.equal(settled.status_code, '200');
    assert.equal(settled.signature_key, midtransSignature('INTEROP-CORE-1', '200', '150000.00'));
    await assert.rejects(coreApi.transaction.status('INTEROP-NO-SUCH-ORDER'), (error) => error.httpStatusCode === 404
      && error.ApiResponse.status_message === "Transaction doesn't exist.");
  });

  await check('midtrans-client with a wrong server key is refused (HTTP 401), as Midtrans refuses it', async () => {
    const stranger = new midtransClient.CoreApi({ isProduction: false, serverKey: 'SB-Mid-server-wrong' });
    await assert.rejects(stranger.charge({ payment_type: 'bank_transfer', transaction_details: { order_id: 'INTEROP-WRONG-KEY', gross_amount: 10000 },
      bank_transfer: { bank: 'bca' } }), (error) => error.httpStatusCode === 401);
  });

  await check('midtrans-client Snap: createTransaction answers a token and redirect_url', async () => {
    const created = await snap.createTransaction({ transaction_details: { order_id: 'INTEROP-SNAP-1', gross_amount: 125000 }, enabled_payments: ['bni_va'] });
    assert.match(created.token, /^[0-9a-f-]{36}$/);
    assert.ok(created.redirect_url.startsWith(sim), created.redirect_url);
    // The customer pays on the Snap page (before a method is picked, Midtrans' status API does not know the order yet).
    assert.equal((await call('POST', `${sim}/_sim/pay/INTEROP-SNAP-1`)).status, 200);
    const status = await snap.transaction.status('INTEROP-SNAP-1');
    assert.equal(status.transaction_status, 'settlement');
    assert.equal(status.gross_amount, '125000.00');
    assert.equal(status.signature_key, midtransSignature('INTEROP-SNAP-1', '200', '125000.00'));
  });

  await check('midtrans-client notification(): a simulator callback is confirmed through the status API and carries the documented signature', async () => {
    const order = await payThrough(unpaid[0], 'midtrans');
    assert.equal((await call('POST', `${sim}/_sim/pay/${encodeURIComponent(order.order_id)}`)).status, 200);
    // The simulator lists a callback once our server has answered it.
    const settlementSent = async () => (await call('GET', `${sim}/_sim/callbacks`)).body.data.filter((row) => row.gateway === 'midtrans')
      .map((row) => JSON.parse(row.body)).find((body) => body.order_id === order.order_id && body.transaction_status === 'settlement');
    let sent = await settlementSent();
    for (let wait = 0; wait < 100 && !sent; wait++) { await new Promise((r) => setTimeout(r, 50)); sent = await settlementSent(); }
    assert.ok(sent, 'the simulator sent a settlement notification');
    assert.equal(sent.signature_key, midtransSignature(sent.order_id, sent.status_code, sent.gross_amount));
    const confirmed = await coreApi.transaction.notification(JSON.stringify(sent));
    assert.equal(confirmed.order_id, order.order_id);
    assert.equal(confirmed.transaction_status, 'settlement');
    for (let wait = 0; wait < 50 && (await invoiceStatus(unpaid[0])) !== 'paid'; wait++) await new Promise((r) => setTimeout(r, 100));
    assert.equal(await invoiceStatus(unpaid[0]), 'paid');
  });

  await check('our server: a Midtrans notification signed here from the docs pays the invoice', async () => {
    const order = await payThrough(unpaid[1], 'midtrans');
    await payQuietly(order.order_id);
    assert.notEqual(await invoiceStatus(unpaid[1]), 'paid');
    const gross = `${order.amount}.00`;
    const notification = { transaction_time: '2026-01-05 10:00:00', transaction_status: 'settlement', transaction_id: order.transaction_id,
      status_message: 'midtrans payment notification', status_code: '200', signature_key: midtransSignature(order.order_id, '200', gross),
      payment_type: 'bank_transfer', order_id: order.order_id, merchant_id: 'G-KIMONETSIM', gross_amount: gross, fraud_status: 'accept', currency: 'IDR' };
    const answered = await call('POST', `${base}/payment/callback/midtrans`, { json: notification });
    assert.equal(answered.status, 200, JSON.stringify(answered.body));
    assert.equal(await invoiceStatus(unpaid[1]), 'paid');
  });

  await check('our server: a Midtrans notification with a wrong key or a field changed after signing is refused and pays nothing', async () => {
    const order = await payThrough(unpaid[2], 'midtrans');
    const gross = `${order.amount}.00`;
    const genuine = { transaction_status: 'settlement', transaction_id: order.transaction_id, status_code: '200', order_id: order.order_id,
      gross_amount: gross, payment_type: 'bank_transfer', fraud_status: 'accept', signature_key: midtransSignature(order.order_id, '200', gross) };
    const wrongKey = { ...genuine, signature_key: midtransSignature(order.order_id, '200', gross, 'SB-Mid-server-guess') };
    const tampered = { ...genuine, gross_amount: '1.00' };
    for (const forged of [wrongKey, tampered]) {
      const answered = await call('POST', `${base}/payment/callback/midtrans`, { json: forged });
      assert.ok(refused(answered.status), `${answered.status} ${JSON.stringify(answered.body)}`);
    }
    // Genuinely signed but untrue (the simulator still says pending): answered, not applied.
    const lying = await call('POST', `${base}/payment/callback/midtrans`, { json: genuine });
    assert.equal(lying.status, 200, JSON.stringify(lying.body));
    assert.notEqual(await invoiceStatus(unpaid[2]), 'paid');
  });

  await check('Duitku: an inquiry signed here from the docs is accepted by the simulator, a wrong signature refused', async () => {
    const inquiry = { merchantCode: DUITKU_MERCHANT, paymentAmount: 40000, merchantOrderId: 'INTEROP-DUITKU-1', productDetails: 'Interop',
      paymentMethod: 'BC', callbackUrl: `${base}/payment/callback/duitku`, returnUrl: base, expiryPeriod: 60 };
    const signed = await call('POST', `${sim}/duitku/merchant/v2/inquiry`, { json: { ...inquiry,
      signature: md5(DUITKU_MERCHANT + 'INTEROP-DUITKU-1' + '40000' + DUITKU_KEY) } });
    assert.equal(signed.status, 200, JSON.stringify(signed.body));
    assert.equal(signed.body.statusCode, '00');
    const wrong = await call('POST', `${sim}/duitku/merchant/v2/inquiry`, { json: { ...inquiry, merchantOrderId: 'INTEROP-DUITKU-2',
      signature: md5(DUITKU_MERCHANT + 'INTEROP-DUITKU-2' + '40000' + 'not-the-key') } });
    assert.equal(wrong.status, 401);
    const status = await call('POST', `${sim}/duitku/merchant/transactionStatus`, { json: { merchantCode: DUITKU_MERCHANT,
      merchantOrderId: 'INTEROP-DUITKU-1', signature: md5(DUITKU_MERCHANT + 'INTEROP-DUITKU-1' + DUITKU_KEY) } });
    assert.equal(status.status, 200, JSON.stringify(status.body));
    assert.equal(status.body.statusCode, '01');
  });

  await check('our server: a Duitku callback signed here pays the invoice; a tampered amount is refused', async () => {
    const order = await payThrough(unpaid[3], 'duitku');
    await payQuietly(order.order_id);
    const amount = String(order.amount);
    const callback = { merchantCode: DUITKU_MERCHANT, amount, merchantOrderId: order.order_id, productDetail: 'Tagihan', additionalParam: '',
      paymentCode: 'BC', resultCode: '00', merchantUserId: '', reference: order.transaction_id,
      signature: md5(DUITKU_MERCHANT + amount + order.order_id + DUITKU_KEY), settlementDate: '2026-01-05', issuerCode: '' };
    const tampered = await call('POST', `${base}/payment/callback/duitku`, { form: { ...callback, amount: '10000' } });
    assert.ok(refused(tampered.status), `${tampered.status} ${JSON.stringify(tampered.body)}`);
    assert.notEqual(await invoiceStatus(unpaid[3]), 'paid');
    const answered = await call('POST', `${base}/payment/callback/duitku`, { form: callback });
    assert.equal(answered.status, 200, JSON.stringify(answered.body));
    assert.equal(await invoiceStatus(unpaid[3]), 'paid');
  });

  await check('Flip: a bill created here with Basic secret-key auth, and a callback with the validation token pays the invoice', async () => {
    const bill = await call('POST', `${sim}/flip/pwf/bill`, { headers: { Authorization: flipAuthorization },
      form: { title: 'Interop', type: 'SINGLE', amount: '20000', step: '3', sender_bank: 'bni', sender_bank_type: 'virtual_account' } });
    assert.equal(bill.status, 200, JSON.stringify(bill.body));
    assert.equal(bill.body.bill_payment.status, 'PENDING');
    const unauthorised = await call('POST', `${sim}/flip/pwf/bill`, { headers: { Authorization: `Basic ${Buffer.from('guess:').toString('base64')}` },
      form: { title: 'Interop', type: 'SINGLE', amount: '20000', step: '3', sender_bank: 'bni' } });
    assert.equal(unauthorised.status, 401);

    const order = await payThrough(unpaid[4], 'flip');
    await payQuietly(order.transaction_id);
    const known = (await call('GET', `${sim}/_sim/transactions`)).body.data.find((row) => row.transaction_id === order.transaction_id);
    assert.ok(known, 'the simulator knows the bill payment');
    const data = { id: order.transaction_id, bill_link: `flip.id/$kimonetsim/#${known.reference}`, bill_link_id: Number(known.reference),
      bill_title: 'Tagihan', sender_name: 'Pelanggan', sender_bank: 'bca', amount: order.amount, status: 'SUCCESSFUL',
      sender_bank_type: 'virtual_account', created_at: '2026-01-05 10:00:00' };
    const forged = await call('POST', `${base}/payment/callback/flip`, { form: { data: JSON.stringify(data), token: 'guessed-token' } });
    assert.ok(refused(forged.status), `${forged.status} ${JSON.stringify(forged.body)}`);
    assert.notEqual(await invoiceStatus(unpaid[4]), 'paid');
    const answered = await call('POST', `${base}/payment/callback/flip`, { form: { data: JSON.stringify(data), token: FLIP_TOKEN } });
    assert.equal(answered.status, 200, JSON.stringify(answered.body));
    assert.equal(await invoiceStatus(unpaid[4]), 'paid');
  });
} finally {
  await stop(simulator.child);
  await stop(server.child);
  fs.rmSync(dir, { recursive: true, force: true });
}

console.log(`${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed === 0 ? 0 : 1);
