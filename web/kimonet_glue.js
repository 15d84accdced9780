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
});
