// Emscripten --js-library: the C++ side's window onto the page (clipboard, soft keyboard).
// The page-level behaviour lives in shell.js (window.kimonetShell); this file only bridges to it.
mergeInto(LibraryManager.library, {
  kimonet_clipboard_write: function (text) {
    var value = UTF8ToString(text);
    if (window.kimonetShell) window.kimonetShell.clipboardText = value;
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(value).catch(function () { /* permission denied: in-app copy still works */ });
    }
  },

  kimonet_clipboard_read__deps: ['malloc'],
  kimonet_clipboard_read: function () {
    var value = window.kimonetShell ? window.kimonetShell.clipboardText : '';
    if (value === null || value === undefined) return 0;
    var size = lengthBytesUTF8(value) + 1;
    var pointer = _malloc(size);
    stringToUTF8(value, pointer, size);
    return pointer;
  },

  kimonet_soft_keyboard: function (show) {
    if (window.kimonetShell) window.kimonetShell.softKeyboard(!!show);
  },

  // Authenticated download (PDF invoices): a plain link cannot carry the bearer token.
  kimonet_download: function (url, token, filename, serial) {
    if (window.kimonetShell) window.kimonetShell.download(UTF8ToString(url), UTF8ToString(token), UTF8ToString(filename), serial);
  },

  // 0 = still running, 1 = saved, -1 = failed (for the "Downloading…" state of a button).
  kimonet_download_state: function (serial) {
    return window.kimonetShell ? window.kimonetShell.downloadState(serial) : -1;
  },

  // File upload (customer import): shell.js opens the hidden <input type=file>; the bytes wait
  // there until the app takes them. State: 0 = waiting, 1 = ready, -1 = cancelled or unreadable.
  kimonet_pick_file: function (accept, serial) {
    if (window.kimonetShell) window.kimonetShell.pickFile(UTF8ToString(accept), serial);
  },

  kimonet_picked_file_state: function (serial) {
    return window.kimonetShell ? window.kimonetShell.pickedFileState(serial) : -1;
  },

  kimonet_picked_file_name__deps: ['malloc'],
  kimonet_picked_file_name: function (serial) {
    var picked = window.kimonetShell ? window.kimonetShell.pickedFile(serial) : null;
    if (!picked) return 0;
    var size = lengthBytesUTF8(picked.name) + 1;
    var pointer = _malloc(size);
    stringToUTF8(picked.name, pointer, size);
    return pointer;
  },

  kimonet_picked_file_take__deps: ['malloc'],
  kimonet_picked_file_take: function (serial, sizeOut) {
    var picked = window.kimonetShell ? window.kimonetShell.takePickedFile(serial) : null;
    HEAP32[sizeOut >> 2] = 0;
    if (!picked) return 0;
    var pointer = _malloc(Math.max(picked.bytes.length, 1));
    HEAPU8.set(picked.bytes, pointer);
    HEAP32[sizeOut >> 2] = picked.bytes.length;
    return pointer;
  },

  // Small persistent values (the billing rules the offline preview uses). Returns malloc'd UTF-8 or 0.
  kimonet_storage_get__deps: ['malloc'],
  kimonet_storage_get: function (key) {
    var value = null;
    try { value = window.localStorage.getItem(UTF8ToString(key)); } catch (e) { value = null; }
    if (value === null) return 0;
    var size = lengthBytesUTF8(value) + 1;
    var pointer = _malloc(size);
    stringToUTF8(value, pointer, size);
    return pointer;
  },

  kimonet_storage_set: function (key, value) {
    try { window.localStorage.setItem(UTF8ToString(key), UTF8ToString(value)); } catch (e) { /* private mode: memory only */ }
  },

  // The session token for this tab: a reload stays signed in, a new tab or browser does not.
  kimonet_session_token__deps: ['malloc'],
  kimonet_session_token: function () {
    var value = null;
    try { value = window.sessionStorage.getItem('kimonet.token'); } catch (e) { value = null; }
    if (!value) return 0;
    var size = lengthBytesUTF8(value) + 1;
    var pointer = _malloc(size);
    stringToUTF8(value, pointer, size);
    return pointer;
  },

  kimonet_store_session_token: function (token) {
    try {
      var value = UTF8ToString(token);
      if (value) window.sessionStorage.setItem('kimonet.token', value);
      else window.sessionStorage.removeItem('kimonet.token');
      // Only a hint for shell.js (a new tab asks the others for the session when it is set).
      if (value) window.localStorage.setItem('kimonet.signed-in', '1');
      else window.localStorage.removeItem('kimonet.signed-in');
    } catch (e) { /* storage disabled: the session lives in memory only */ }
  },

  // The last answer of each GET, for reading while the server is unreachable.
  kimonet_cached_response__deps: ['malloc'],
  kimonet_cached_response: function (path) {
    var value = null;
    try { value = window.localStorage.getItem('kimonet.cache:' + UTF8ToString(path)); } catch (e) { value = null; }
    if (value === null) return 0;
    var size = lengthBytesUTF8(value) + 1;
    var pointer = _malloc(size);
    stringToUTF8(value, pointer, size);
    return pointer;
  },

  kimonet_cache_response: function (path, body) {
    var key = 'kimonet.cache:' + UTF8ToString(path), value = UTF8ToString(body);
    function clear() {
      Object.keys(window.localStorage).filter(function (k) { return k.startsWith('kimonet.cache:'); })
        .forEach(function (k) { window.localStorage.removeItem(k); });
    }
    try { window.localStorage.setItem(key, value); } catch (e) {
      try { clear(); window.localStorage.setItem(key, value); } catch (e2) { /* too big or disabled */ }
    }
  },

  kimonet_clear_cached_responses: function () {
    try {
      Object.keys(window.localStorage).filter(function (k) { return k.startsWith('kimonet.cache:'); })
        .forEach(function (k) { window.localStorage.removeItem(k); });
    } catch (e) { /* disabled */ }
  },

  // URL hash routing: "#/customers/42" <-> "customers/42" (shell.js reports hashchange/popstate).
  kimonet_current_route__deps: ['malloc'],
  kimonet_current_route: function () {
    var value = (window.location.hash || '').replace(/^#\/?/, '');
    try { value = decodeURIComponent(value); } catch (e) { /* keep it raw */ }
    var size = lengthBytesUTF8(value) + 1;
    var pointer = _malloc(size);
    stringToUTF8(value, pointer, size);
    return pointer;
  },

  kimonet_push_route: function (route) {
    var hash = '#/' + UTF8ToString(route);
    if (window.location.hash !== hash) window.history.pushState(null, '', hash);
  },

  kimonet_replace_route: function (route) {
    var hash = '#/' + UTF8ToString(route);
    if (window.location.hash !== hash) window.history.replaceState(null, '', hash);
  },

  // A tap on "Telepon"/"WhatsApp" or a gateway's checkout link (the click is still a user
  // activation, so no popup blocker). Only tel:, http: and https: — a gateway's answer must never
  // run javascript: in the app's origin. A new tab without an opener (not the "noopener" feature:
  // with it window.open answers null even when the tab opened); where the browser blocks the tab,
  // this one. window.kimonetOpenedUrls lets the browser tests see the address without leaving the page.
  kimonet_open_url: function (url) {
    var address = UTF8ToString(url);
    if (!/^(tel:|https?:)/i.test(address)) return;
    if (Array.isArray(window.kimonetOpenedUrls)) { window.kimonetOpenedUrls.push(address); return; }
    if (/^tel:/i.test(address)) { window.location.href = address; return; }
    var opened = window.open(address, '_blank');
    if (opened) opened.opener = null;
    else window.location.assign(address);
  },

  // The browser benchmark reads frame CPU times from here (only when it set up the array).
  kimonet_report_frame_time: function (ms) {
    if (Array.isArray(window.kimonetFrames)) window.kimonetFrames.push(ms);
  },
});
