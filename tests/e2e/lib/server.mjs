// Starts the real server (build/bin/kimonet) on an ephemeral port with a freshly seeded demo
// database in a temporary directory. KIMONET_BIN / KIMONET_WEB come from ctest.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const BIN_DIR = process.env.KIMONET_BIN || path.join(repo, 'build/bin');
export const WEB_DIR = process.env.KIMONET_WEB || path.join(repo, 'build/web');
export const ARTIFACTS = process.env.KIMONET_E2E_ARTIFACTS || path.join(repo, 'build/e2e-artifacts');

// `args` are extra `kimonet serve` options, e.g. ['--landing', dir].
export async function startServer({ timeoutMs = 30000, args = [] } = {}) {
  if (!fs.existsSync(path.join(WEB_DIR, 'app.wasm'))) throw new Error(`no web app in ${WEB_DIR}: run make wasm`);
  const kimonet = path.join(BIN_DIR, 'kimonet');
  if (!fs.existsSync(kimonet)) throw new Error(`${kimonet} not found: run make native`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kimonet-e2e-'));
  const db = path.join(dir, 'k.db');
  // libsodium's minimum argon2id cost, as every server test uses (KIMONET_PASSWORD_COST, see
  // server/security/crypto.hpp): seeding the demo's 54 passwords at the interactive cost took 4.8 s
  // of CPU per suite, and every login verifies at the cost its hash was made with.
  const env = { ...process.env, KIMONET_PASSWORD_COST: 'min' };
  const seeded = spawnSync(kimonet, ['seed-demo', '--no-history', '--db', db], { encoding: 'utf8', timeout: timeoutMs, env });
  if (seeded.status !== 0) throw new Error(`kimonet seed-demo failed (${seeded.status}): ${seeded.stderr}${seeded.stdout}`);

  const child = spawn(kimonet, ['serve', '--db', db, '--port', '0', '--bind', '127.0.0.1', '--web', WEB_DIR, ...args],
                      { stdio: ['ignore', 'pipe', 'pipe'], env });
  let output = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not report listening within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk) => {
      output += chunk;
      const match = output.match(/listening on (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (match) { clearTimeout(timer); resolve(match[1]); }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => { output += chunk; });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited (${code}) before listening:\n${output}`)); });
  });
  return {
    url,
    db,  // for CLI commands run beside the server (e.g. `kimonet payment reconcile --db`)
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
