// Reading and changing what a simulated MikroTik holds, the way a technician's tool would: over
// the RouterOS API with node-routeros (installed for the interop test, tests/interop).
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const { RouterOSAPI } = createRequire(path.join(here, '../../interop/package.json'))('node-routeros');

// Runs `work(api)` on one connection to the router at 127.0.0.1:`port` (the demo's API user).
export async function onRouter(port, work) {
  const api = new RouterOSAPI({ host: '127.0.0.1', port, user: 'billing', password: 'billing-demo', timeout: 5 });
  await api.connect();
  try {
    return await work(api);
  } finally {
    await api.close();
  }
}

// The PPP secret `name` as the router holds it (undefined when it has none).
export const secretOnRouter = (port, name) =>
  onRouter(port, async (api) => (await api.write('/ppp/secret/print', [`?name=${name}`]))[0]);

export const setSecretProfile = (port, name, profile) => onRouter(port, async (api) => {
  const [secret] = await api.write('/ppp/secret/print', [`?name=${name}`]);
  await api.write('/ppp/secret/set', [`=.id=${secret['.id']}`, `=profile=${profile}`]);
});
