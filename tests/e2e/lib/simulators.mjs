// The outside world for browser tests: `kimonet-sim` processes (payment gateways, WhatsApp
// gateway, RouterOS routers) on free loopback ports, started once they say where they listen.
import { spawn } from 'node:child_process';
import path from 'node:path';

import { BIN_DIR } from './server.mjs';

// Starts `kimonet-sim <args>` and resolves once `ready(output)` returns something (what the
// simulator printed that the test needs, e.g. its URL or ports). stop() resolves when it exited.
export function startSimulator(args, ready, timeoutMs = 15000) {
  const child = spawn(path.join(BIN_DIR, 'kimonet-sim'), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const stop = () => new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`kimonet-sim ${args[0]} did not start:\n${output}`)), timeoutMs);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const value = ready(output);
      if (value) { clearTimeout(timer); resolve({ value, child, stop }); }
    });
    child.stderr.on('data', (chunk) => { output += chunk; });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`kimonet-sim ${args[0]} exited (${code}):\n${output}`)); });
  });
}

const listeningUrl = (output) => (output.match(/listening on (http:\/\/127\.0\.0\.1:\d+)\//) || [])[1];

// Flip, Midtrans and Duitku; callbacks go to `callbackBase` (failed ones retried after 500 ms).
export async function startGateways(callbackBase) {
  const { value, stop } = await startSimulator(
    ['gateways', '--port', '0', '--callback-base', callbackBase, '--retry-delay-ms', '500'], listeningUrl);
  return { url: value, stop };
}

// The MPWA-style WhatsApp gateway (device paired, api key sim-api-key).
export async function startWhatsapp() {
  const { value, stop } = await startSimulator(['whatsapp', '--port', '0'], listeningUrl);
  return { url: value, stop };
}

// `count` (1 or 2) routers holding the demo's PPP secrets; resolves with their API ports.
export async function startRouters(count = 1) {
  const args = ['routeros', '--port', '0', '--seed-demo'].concat(count === 2 ? ['--port2', '0'] : []);
  const { value, stop } = await startSimulator(args, (output) => {
    const ports = [...output.matchAll(/routeros: listening on (\d+)/g)].map((m) => Number(m[1]));
    return ports.length === count && ports;
  });
  return { ports: value, port: value[0], stop };
}
