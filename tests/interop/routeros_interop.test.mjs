// An independent RouterOS API client (node-routeros, from npm) against `kimonet-sim routeros`,
// so our client and our simulator cannot share one misunderstanding of the protocol.
// Run: KIMONET_BIN=build/bin node tests/interop/routeros_interop.test.mjs
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const { RouterOSAPI } = require('node-routeros');
const bin = process.env.KIMONET_BIN || path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../build/bin');

function startSimulator(extra = []) {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(bin, 'kimonet-sim'), ['routeros', '--port', '0', '--seed-demo', ...extra], { stdio: ['ignore', 'pipe', 'inherit'] });
    const timer = setTimeout(() => reject(new Error('simulator did not start')), 10000);
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = output.match(/listening on (\d+)/);
      if (match) { clearTimeout(timer); resolve({ child, port: Number(match[1]) }); }
    });
    child.on('exit', (code) => reject(new Error(`simulator exited with ${code}`)));
  });
}

const results = { passed: 0, failed: 0 };
async function check(name, body) {
  try { await body(); results.passed++; console.log(`ok - ${name}`); }
  catch (error) { results.failed++; console.log(`not ok - ${name}\n  ${error.stack || error}`); }
}

const simulator = await startSimulator();
const legacy = await startSimulator(['--legacy-login']);
const connect = (port, password = 'billing-demo') => new RouterOSAPI({ host: '127.0.0.1', port, user: 'billing', password, timeout: 5 });

try {
  const api = connect(simulator.port);
  await check('post-6.43 login', () => api.connect());
  await check('system resource print', async () => {
    const [resource] = await api.write('/system/resource/print');
    assert.equal(resource.version, '7.16.2 (stable)');
    assert.equal(resource['board-name'], 'CHR');
  });
  await check('print with a query and proplist', async () => {
    const rows = await api.write('/ppp/secret/print', ['?name=cust002', '=.proplist=.id,name,profile']);
    assert.equal(rows.length, 1);
    assert.equal(rows[0].name, 'cust002');
    assert.ok(rows[0]['.id'].startsWith('*'));
    assert.equal(rows[0].password, undefined);
  });
  await check('add a profile, switch a secret to it and read it back', async () => {
    await api.write('/ppp/profile/add', ['=name=ISOLIR', '=rate-limit=512k/512k']);
    const [secret] = await api.write('/ppp/secret/print', ['?name=cust004']);
    await api.write('/ppp/secret/set', [`=.id=${secret['.id']}`, '=profile=ISOLIR']);
    const [after] = await api.write('/ppp/secret/print', ['?name=cust004']);
    assert.equal(after.profile, 'ISOLIR');
  });
  await check('kick an active session', async () => {
    const sessions = await api.write('/ppp/active/print', ['?name=cust002']);
    assert.equal(sessions.length, 1);
    await api.write('/ppp/active/remove', [`=.id=${sessions[0]['.id']}`]);
    assert.equal((await api.write('/ppp/active/print', ['?name=cust002'])).length, 0);
  });
  await check('many tagged commands in flight at once', async () => {
    const names = Array.from({ length: 25 }, (_, index) => `cust${String(2 * (index + 1)).padStart(3, '0')}`);
    const rows = await Promise.all(names.map((name) => api.write('/ppp/secret/print', [`?name=${name}`])));
    rows.forEach((result, index) => assert.equal(result[0].name, names[index]));
  });
  await check('a !trap rejects with the router message', async () => {
    await assert.rejects(api.write('/ppp/secret/set', ['=.id=*FFFF', '=profile=ISOLIR']), /no such item/);
  });
  await check('address list add and remove', async () => {
    await api.write('/ip/firewall/address-list/add', ['=list=ISOLIR', '=address=10.10.10.5', '=comment=cust001']);
    const entries = await api.write('/ip/firewall/address-list/print', ['?list=ISOLIR', '?address=10.10.10.5']);
    assert.equal(entries.length, 1);
    await api.write('/ip/firewall/address-list/remove', [`=.id=${entries[0]['.id']}`]);
  });
  // The hotspot menus the voucher feature uses (issue 19), as MikroTik documents them.
  await check('hotspot user profile add and print', async () => {
    await api.write('/ip/hotspot/user/profile/add', ['=name=jam-1', '=rate-limit=2M/2M', '=shared-users=1']);
    const [profile] = await api.write('/ip/hotspot/user/profile/print', ['?name=jam-1']);
    assert.equal(profile['rate-limit'], '2M/2M');
    assert.equal(profile['shared-users'], '1');
    assert.equal((await api.write('/ip/hotspot/user/profile/print', ['?name=default'])).length, 1);
  });
  await check('hotspot users added with many tagged adds in flight, read back by comment', async () => {
    const names = Array.from({ length: 50 }, (_, index) => `V${String(index).padStart(7, '0')}`);
    const replies = await Promise.all(names.map((name) =>
      api.write('/ip/hotspot/user/add', [`=name=${name}`, `=password=${name}`, '=profile=jam-1', '=limit-uptime=1h', '=comment=batch-9'])));
    replies.forEach((reply) => assert.ok(reply[0].ret.startsWith('*')));
    const users = await api.write('/ip/hotspot/user/print', ['?comment=batch-9', '=.proplist=.id,name,uptime,bytes-in,limit-uptime']);
    assert.deepEqual(users.map((user) => user.name).sort(), names);
    assert.equal(users[0].uptime, '0s');
    assert.equal(users[0]['limit-uptime'], '1h');
  });
  await check('a duplicate hotspot user and an unknown profile are trapped', async () => {
    await assert.rejects(api.write('/ip/hotspot/user/add', ['=name=V0000000', '=profile=jam-1']), /already have user with this name/);
    await assert.rejects(api.write('/ip/hotspot/user/add', ['=name=X1', '=profile=nope']), /input does not match any value of profile/);
  });
  await check('hotspot user remove and the active list', async () => {
    const [user] = await api.write('/ip/hotspot/user/print', ['?name=V0000001']);
    await api.write('/ip/hotspot/user/remove', [`=.id=${user['.id']}`]);
    assert.equal((await api.write('/ip/hotspot/user/print', ['?name=V0000001'])).length, 0);
    assert.deepEqual(await api.write('/ip/hotspot/active/print'), []);
    await assert.rejects(api.write('/ip/hotspot/active/add', ['=user=V0000002']), /cannot be added/);
  });
  await api.close();

  await check('wrong password is refused', async () => {
    await assert.rejects(connect(simulator.port, 'salah').connect());
  });
  await check('legacy MD5 challenge login', async () => {
    const old = connect(legacy.port);
    await old.connect();
    const rows = await old.write('/ppp/secret/print', ['?name=cust002']);
    assert.equal(rows.length, 1);
    await old.close();
  });
} finally {
  simulator.child.kill('SIGTERM');
  legacy.child.kill('SIGTERM');
}
console.log(`${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed === 0 ? 0 : 1);
