// A development stand-in for `kimonet serve`: the same JSON shapes over HTTP, in memory.
// Only for working on the browser app before the real server exists (KIMONET_STANDIN=1);
// the committed browser tests run against build/bin/kimonet.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.data': 'application/octet-stream' };
const NAMES = ['Budi Santoso', 'Siti Aminah', 'Agus Wijaya', 'Dewi Lestari', 'Rudi Hartono', 'Rina Marlina', 'Joko Susilo', 'Putri Ayu', 'Hendra Gunawan', 'Sri Wahyuni'];

function seed() {
  const packages = [
    { id: 1, name: 'Home 10 Mbps', download_kbps: 10000, upload_kbps: 5000, price: 166500, mikrotik_profile: 'home-10', active: true },
    { id: 2, name: 'Home 20 Mbps', download_kbps: 20000, upload_kbps: 10000, price: 222000, mikrotik_profile: 'home-20', active: true },
    { id: 3, name: 'Bisnis 50 Mbps', download_kbps: 50000, upload_kbps: 25000, price: 555000, mikrotik_profile: 'biz-50', active: true },
  ];
  const customers = [];
  for (let i = 1; i <= 50; i++) {
    const n = String(i).padStart(3, '0');
    customers.push({ id: i, service_number: `CUST${n}`, name: `${NAMES[(i - 1) % 10]} ${i > 10 ? i : ''}`.trim(), phone: `62812000${String(i).padStart(5, '0')}`,
      email: '', address: `Jl. Merdeka No. ${i}`, package_id: 1 + (i % 3), router_id: 1 + (i % 2), pppoe_username: `cust${n}`,
      status: i % 9 === 0 ? 'isolated' : 'active', join_date: `2025-${String(1 + (i % 12)).padStart(2, '0')}-15`, due_day: null });
  }
  const routers = [{ id: 1, name: 'Router Pusat', host: '127.0.0.1', port: 8728, username: 'admin', has_password: true, isolir_profile: 'ISOLIR', tls: false },
                   { id: 2, name: 'Router Cabang', host: '127.0.0.2', port: 8728, username: 'admin', has_password: true, isolir_profile: 'ISOLIR', tls: false }];
  return { packages, customers, routers, tokens: new Map() };
}

const STAFF = { superadmin: 'Super Admin', admin: 'Admin Kantor', finance: 'Staf Keuangan', technician: 'Teknisi Lapangan' };
const ADMIN_PERMS = ['customers.read', 'customers.create', 'customers.update', 'customers.delete', 'packages.read', 'packages.create', 'packages.update', 'packages.delete', 'routers.read'];

function normalizePhone(text) {
  if (/[^0-9 \-+().]/.test(text)) return '';
  let d = text.replace(/\D/g, '');
  if (d.startsWith('0')) d = '62' + d.slice(1); else if (d.startsWith('8')) d = '62' + d;
  return d.startsWith('628') && d.length >= 10 && d.length <= 15 ? d : '';
}

export function startStandin(webDir) {
  const db = seed();
  const send = (res, status, body) => { res.writeHead(status, { 'Content-Type': 'application/json' }); res.end(JSON.stringify(body)); };
  const fail = (res, status, code, message, fields) => send(res, status, { success: false, error: { code, message, ...(fields ? { fields } : {}) } });
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    let body = '';
    for await (const chunk of req) body += chunk;
    const json = body ? JSON.parse(body) : {};
    if (!url.pathname.startsWith('/api/')) {
      const file = path.join(webDir, url.pathname === '/' ? 'index.html' : url.pathname);
      if (!fs.existsSync(file)) { res.writeHead(404); return res.end(); }
      res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream' });
      return res.end(fs.readFileSync(file));
    }
    if (url.pathname === '/api/auth/login' && req.method === 'POST') {
      const { username, password } = json;
      let user = null;
      if (STAFF[username] && password === 'demo12345') user = { id: 1, username, name: STAFF[username], role: username, permissions: ADMIN_PERMS, customer_id: null };
      const customer = db.customers.find(c => c.service_number === username);
      if (customer && password === 'demo12345') user = { id: 100 + customer.id, username, name: customer.name, role: 'customer', permissions: ['portal.self'], customer_id: customer.id };
      if (!user) return fail(res, 401, 'unauthorized', 'Login required or session expired');
      const token = 'tok' + Math.random().toString(36).slice(2);
      db.tokens.set(token, user);
      return send(res, 200, { success: true, token, expires_at: 0, user });
    }
    const user = db.tokens.get((req.headers.authorization || '').replace('Bearer ', ''));
    if (!user) return fail(res, 401, 'unauthorized', 'Login required or session expired');
    if (url.pathname === '/api/auth/logout') { db.tokens.delete(req.headers.authorization.slice(7)); return send(res, 200, { success: true }); }
    if (url.pathname === '/api/me') return send(res, 200, { success: true, user });
    if (url.pathname === '/api/packages' && req.method === 'GET') return send(res, 200, { success: true, data: db.packages, total: db.packages.length });
    if (url.pathname === '/api/routers') return send(res, 200, { success: true, data: db.routers, total: db.routers.length });
    if (url.pathname === '/api/customers' && req.method === 'GET') {
      const q = (url.searchParams.get('q') || '').toLowerCase();
      let list = db.customers.filter(c => !q || c.name.toLowerCase().includes(q) || c.service_number.toLowerCase().includes(q) || c.phone.includes(q));
      if (url.searchParams.get('status')) list = list.filter(c => c.status === url.searchParams.get('status'));
      if (url.searchParams.get('package_id')) list = list.filter(c => c.package_id === Number(url.searchParams.get('package_id')));
      const sort = url.searchParams.get('sort') || 'service_number', key = sort.replace('-', '');
      list.sort((a, b) => (a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0) * (sort.startsWith('-') ? -1 : 1));
      const page = Number(url.searchParams.get('page') || 1), per = Number(url.searchParams.get('per_page') || 25);
      return send(res, 200, { success: true, data: list.slice((page - 1) * per, page * per), total: list.length, page, per_page: per });
    }
    const m = url.pathname.match(/^\/api\/(customers|packages)\/(\d+)$/);
    if (m) {
      const table = db[m[1]], item = table.find(x => x.id === Number(m[2]));
      if (!item) return fail(res, 404, 'not_found', 'Not found');
      if (m[1] === 'customers' && user.customer_id && user.customer_id !== item.id) return fail(res, 403, 'forbidden', 'no');
      if (req.method === 'GET') return send(res, 200, { success: true, data: item });
      if (req.method === 'DELETE') { if (m[1] === 'customers') item.status = 'inactive'; else item.active = false; return send(res, 200, { success: true, data: item }); }
      if (req.method === 'PUT') {
        if (json.phone !== undefined) { const p = normalizePhone(json.phone); if (!p) return fail(res, 422, 'validation_failed', 'Some fields are invalid', { phone: 'nomor telepon tidak valid (contoh 081234567890)' }); json.phone = p; }
        Object.assign(item, json, { id: item.id });
        return send(res, 200, { success: true, data: item });
      }
    }
    if ((url.pathname === '/api/customers' || url.pathname === '/api/packages') && req.method === 'POST') {
      const table = url.pathname.endsWith('customers') ? db.customers : db.packages;
      const item = { ...json, id: table.length + 1 };
      if (table === db.customers) { item.phone = normalizePhone(item.phone); item.service_number ||= `CUST${String(item.id).padStart(3, '0')}`; item.status ||= 'active'; }
      table.push(item);
      return send(res, 201, { success: true, data: item });
    }
    return fail(res, 404, 'not_found', 'Not found');
  });
  return new Promise(resolve => server.listen(0, '127.0.0.1', () => resolve({
    url: `http://127.0.0.1:${server.address().port}/`, stop: async () => server.close(),
  })));
}
