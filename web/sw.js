// Service worker: the app shell stays available when the server cannot be reached.
// Shell files (page, script, wasm, fonts, css) are fetched from the network first, so a new build
// is picked up at once, and the copy kept here answers when the network fails. API calls are not
// touched: their last answers are kept by the app itself (localStorage, see browser_glue.hpp).
'use strict';
var CACHE = 'kimonet-shell-v1';
var SHELL = ['./', 'index.html', 'app.css', 'print_view.js', 'shell.js', 'text_layer.js', 'text_layer.css', 'app.js', 'app.wasm', 'app.data'];

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.addAll(SHELL); }).then(function () {
    return self.skipWaiting();
  }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (key) { return key !== CACHE; }).map(function (key) { return caches.delete(key); }));
  }).then(function () { return self.clients.claim(); }));
});

function isShellRequest(url) {
  if (url.origin !== self.location.origin) return false;
  var path = url.pathname;
  return !path.startsWith('/api/') && !path.startsWith('/billing') && !path.startsWith('/payment/');
}

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') return;
  var url = new URL(request.url);
  if (!isShellRequest(url)) return;
  // Navigations (any #/route of the app) are answered with the page itself.
  var key = request.mode === 'navigate' ? new Request(new URL('./', self.location).href) : request;
  event.respondWith(fetch(request).then(function (response) {
    if (response.ok) {
      var copy = response.clone();
      caches.open(CACHE).then(function (cache) { return cache.put(key, copy); });
    }
    return response;
  }).catch(function () {
    return caches.match(key, { ignoreSearch: true }).then(function (hit) {
      return hit || new Response('offline', { status: 503, headers: { 'Content-Type': 'text/plain' } });
    });
  }));
});
