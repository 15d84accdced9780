// The loader: downloads the app's big files as soon as the page is parsed and shows, on the
// loading screen, the bytes received of the total as a real progress bar (role=progressbar,
// aria-valuenow). Chromium counts an encoded download in decoded bytes, so the totals are the
// decoded lengths: X-Uncompressed-Length when the server sent the file compressed, else its
// Content-Length. Until every file has announced its total the bar stays at 0.
(function () {
  'use strict';
  function kilobytes(bytes) { return Math.round(bytes / 1024).toLocaleString('id-ID'); }

  window.kimonetLoader = {
    start: function (names) {
      var files = {};
      var bar = document.getElementById('loading');
      var fill = document.getElementById('loading-fill');
      var text = document.getElementById('loading-bytes');
      function show() {
        var loaded = 0, total = 0, known = true;
        names.forEach(function (name) {
          loaded += files[name].loaded;
          total += files[name].total;
          known = known && files[name].total > 0;
        });
        var percent = known && total > 0 ? Math.min(100, Math.floor(100 * loaded / total)) : 0;
        window.kimonetLoading = { loaded: loaded, total: known ? total : 0, percent: percent };
        if (!bar) return;
        bar.setAttribute('aria-valuenow', String(percent));
        var words = known ? kilobytes(Math.min(loaded, total)) + ' dari ' + kilobytes(total) + ' KB' : kilobytes(loaded) + ' KB';
        bar.setAttribute('aria-valuetext', words);
        fill.style.width = percent + '%';
        text.textContent = words;
      }
      names.forEach(function (name) {
        var file = { loaded: 0, total: 0, buffer: null };
        file.promise = new Promise(function (resolve, reject) {
          var request = new XMLHttpRequest();
          request.open('GET', name, true);
          request.responseType = 'arraybuffer';
          request.onreadystatechange = function () {
            if (request.readyState !== 2) return;  // HEADERS_RECEIVED
            var decoded = Number(request.getResponseHeader('X-Uncompressed-Length'));
            var length = Number(request.getResponseHeader('Content-Length'));
            file.total = decoded > 0 ? decoded : (!request.getResponseHeader('Content-Encoding') && length > 0 ? length : 0);
            show();
          };
          request.onprogress = function (event) {
            file.loaded = event.loaded;
            if (!file.total && event.lengthComputable) file.total = event.total;
            show();
          };
          request.onload = function () {
            if (request.status !== 200) return reject(new Error(name + ': HTTP ' + request.status));
            file.buffer = request.response;
            file.total = file.loaded = Math.max(file.loaded, file.total);
            show();
            resolve(file.buffer);
          };
          request.onerror = function () { reject(new Error(name + ': network error')); };
          request.send();
        });
        files[name] = file;
      });
      show();
      return {
        bytes: function (name) { return files[name].promise; },
        ready: function (name) { return files[name] ? files[name].buffer : null; },
      };
    },
  };
})();

// Page glue for the ImGui canvas: touch -> mouse, the phone's soft keyboard and clipboard paste.
// Loaded before app.js; the wasm side reaches it through kimonet_glue.js (window.kimonetShell).
(function () {
  'use strict';
  var canvas = document.getElementById('canvas');
  var keyboard = document.getElementById('soft-keyboard');
  var isTouch = window.matchMedia('(pointer: coarse)').matches || 'ontouchstart' in window;
  var SENTINEL = ' ';  // keeps Backspace meaningful in an otherwise empty field
  var GLFW_KEY_BACKSPACE = 259;

  // The browser's own right-click menu stays (copy, search, translate the text layer's text).

  var shell = { clipboardText: '' };
  window.kimonetShell = shell;

  // Clipboard: navigator.clipboard.readText() is async and permission-gated; the paste event
  // that follows Ctrl+V carries the text synchronously, before the next frame reads it.
  document.addEventListener('paste', function (event) {
    var text = event.clipboardData && event.clipboardData.getData('text/plain');
    if (text) shell.clipboardText = text;
  });

  function resetKeyboardField() {
    keyboard.value = SENTINEL;
    keyboard.setSelectionRange(1, 1);
  }

  // A real input of the text layer (text_layer.js) has focus: it is the keyboard's field itself.
  function realInputFocused() {
    var active = document.activeElement;
    return !!(active && active.classList && active.classList.contains('tl-input'));
  }

  shell.softKeyboard = function (show) {
    if (!isTouch || realInputFocused()) return;
    if (show && document.activeElement !== keyboard) {
      resetKeyboardField();
      keyboard.focus({ preventScroll: true });
    } else if (!show && document.activeElement === keyboard) {
      keyboard.blur();
    }
  };

  // Text from the soft keyboard arrives as `input` events without usable key events (keyCode 229).
  // A physical key (desktop keyboard on a touch laptop, Playwright) already reached GLFW: skip it.
  var physicalKey = false;
  keyboard.addEventListener('keydown', function (event) {
    physicalKey = event.keyCode !== 229 && event.key !== 'Unidentified';
  });
  keyboard.addEventListener('input', function (event) {
    if (!physicalKey && window.Module && Module.calledRun) {
      if (event.inputType === 'deleteContentBackward') {
        Module._kimonet_key_input(GLFW_KEY_BACKSPACE);
      } else {
        var typed = keyboard.value.startsWith(SENTINEL) ? keyboard.value.slice(1) : keyboard.value;
        for (var character of typed) Module._kimonet_text_input(character.codePointAt(0));
      }
    }
    physicalKey = false;
    resetKeyboardField();
  });

  // Is there a text field under this point in the last frame? Phones only open the keyboard when
  // focus happens inside the tap's own event handler, so this decision cannot wait for a frame.
  function textFieldAt(x, y) {
    if (!window.Module || !Module.calledRun) return false;
    var frame = JSON.parse(Module.ccall('ui_query', 'string', [], []));
    var rect = canvas.getBoundingClientRect();
    var px = x - rect.left, py = y - rect.top;
    return frame.items.some(function (item) {
      var hit = item.hit;
      return item.kind === 'input' && px >= hit.x && px <= hit.x + hit.w && py >= hit.y && py <= hit.y + hit.h;
    });
  }

  // emscripten 3.1.6's GLFW turns a touch into a click at the *last mouse position*: keep raw
  // touches away from it and replay them as mouse events at the touch point. preventDefault also
  // suppresses the browser's own compatibility mouse events (which would click twice).
  function forward(type, touch) {
    canvas.dispatchEvent(new MouseEvent(type, {
      clientX: touch.clientX, clientY: touch.clientY, screenX: touch.screenX, screenY: touch.screenY,
      button: 0, buttons: type === 'mouseup' ? 0 : 1, bubbles: true, cancelable: true, view: window,  // page position counts the scroll
    }));
  }
  // Two fingers are the browser's pinch zoom (the viewport allows it; app.css: touch-action
  // pinch-zoom): the app's press under the first finger is let go away from any widget, so a
  // pinch never clicks, and nothing reaches the app until every finger is up again.
  var pinching = false;
  // A finger on the text layer's text (not its controls) may mean "select this": a long press is
  // left to the browser, which selects the word and shows its handles and copy menu (so nothing
  // is prevented while the finger rests). A tap still reaches the app as a click; a finger that
  // moves first is the app's drag (scrolling a list).
  var LONG_PRESS_MS = 450, DRAG_PX = 8;
  var textPress = null;  // {x, y, timer, long, dragging} while a finger that started on text is down
  function textNodeAt(target) {
    var node = target.closest && target.closest('#text-layer .tl');
    return node && !node.classList.contains('tl-control') ? node : null;
  }
  function onTextTouch(event) {
    var touch = event.changedTouches[0];
    if (event.type === 'touchstart') {
      textPress = { x: touch.clientX, y: touch.clientY, long: false, dragging: false };
      textPress.timer = setTimeout(function () { if (textPress) textPress.long = true; }, LONG_PRESS_MS);
      return;  // not prevented: the browser's long-press selection needs the default
    }
    var press = textPress;
    if (event.type === 'touchmove') {
      if (press.long) return;  // the browser moves the selection's handles
      if (!press.dragging && Math.hypot(touch.clientX - press.x, touch.clientY - press.y) < DRAG_PX) return;
      event.preventDefault();
      if (!press.dragging) {
        press.dragging = true;
        clearTimeout(press.timer);
        forward('mousemove', { clientX: press.x, clientY: press.y, screenX: press.x, screenY: press.y });
        forward('mousedown', { clientX: press.x, clientY: press.y, screenX: press.x, screenY: press.y });
      }
      forward('mousemove', touch);
      return;
    }
    textPress = null;
    clearTimeout(press.timer);
    if (press.long) return;  // the selection (and the browser's menu) stay
    event.preventDefault();  // no compatibility mouse events: the app gets exactly one click
    if (!press.dragging) {
      forward('mousemove', touch);
      forward('mousedown', touch);
    }
    forward('mouseup', touch);
  }
  function onTouch(event) {
    // Taps on the text layer's nodes (web/text_layer.js) are taps on the canvas under them.
    if (event.target !== canvas && !(event.target.closest && event.target.closest('#text-layer'))) return;
    // A tap on a real input is the browser's: it focuses the input and opens the keyboard there.
    if (event.target.classList && event.target.classList.contains('tl-input') && event.touches.length <= 1 && !pinching) return;
    if (event.touches.length > 1 && textPress) {
      clearTimeout(textPress.timer);
      textPress = null;
    }
    if (!pinching && (textPress || (event.type === 'touchstart' && event.touches.length === 1 && textNodeAt(event.target)))) {
      event.stopPropagation();
      onTextTouch(event);
      return;
    }
    if (event.touches.length > 1 && !pinching) {
      pinching = true;
      forward('mousemove', { clientX: -10000, clientY: -10000, screenX: -10000, screenY: -10000 });
      forward('mouseup', { clientX: -10000, clientY: -10000, screenX: -10000, screenY: -10000 });
    }
    if (pinching) {
      if (event.touches.length === 0) pinching = false;
      return;
    }
    event.stopPropagation();
    event.preventDefault();
    var touch = event.changedTouches[0];
    if (event.type === 'touchstart') {
      forward('mousemove', touch);
      forward('mousedown', touch);
    } else if (event.type === 'touchmove') {
      forward('mousemove', touch);
    } else {
      forward('mouseup', touch);
      if (event.type === 'touchend' && textFieldAt(touch.clientX, touch.clientY)) shell.softKeyboard(true);
    }
  }
  ['touchstart', 'touchmove', 'touchend', 'touchcancel'].forEach(function (type) {
    window.addEventListener(type, onTouch, { capture: true, passive: false });
  });

  // Downloads: fetch with the session's bearer token, then save the Blob through a temporary link.
  // The result is kept per request so the app can show "downloading…" and errors.
  var downloads = {};
  shell.lastDownload = null;  // {filename, size, type, ok} of the latest finished download (tests read it)
  shell.download = function (url, token, filename, serial) {
    downloads[serial] = 0;
    fetch(url, { headers: token ? { Authorization: 'Bearer ' + token } : {} })
      .then(function (response) {
        if (!response.ok) throw new Error('HTTP ' + response.status);
        return response.blob();
      })
      .then(function (blob) {
        var link = document.createElement('a');
        link.href = URL.createObjectURL(blob);
        link.download = filename;
        document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
        downloads[serial] = 1;
        shell.lastDownload = { filename: filename, size: blob.size, type: blob.type, ok: true };
      })
      .catch(function () {
        downloads[serial] = -1;
        shell.lastDownload = { filename: filename, ok: false };
      });
  };
  shell.downloadState = function (serial) {
    return serial in downloads ? downloads[serial] : -1;
  };

  // File upload: the app asks for a file (kimonet_pick_file), the hidden <input type=file> of
  // index.html opens the browser's chooser (Playwright: the 'filechooser' event, or setInputFiles
  // on #file-picker), and the chosen file's bytes wait here until the app takes them.
  var picker = document.getElementById('file-picker');
  var picks = {};        // serial -> {state: 0 waiting | 1 ready | -1 failed, name, bytes}
  var pickSerial = 0;    // the request the next chosen file answers
  function filePicked() {
    if (window.Module && Module.calledRun) Module._kimonet_file_picked();
  }
  shell.pickFile = function (accept, serial) {
    picks[serial] = { state: 0 };
    pickSerial = serial;
    picker.accept = accept;
    picker.value = '';
    picker.click();
  };
  picker.addEventListener('change', function () {
    var serial = pickSerial, file = picker.files && picker.files[0];
    if (!serial || !file) return;
    file.arrayBuffer().then(function (buffer) {
      picks[serial] = { state: 1, name: file.name, bytes: new Uint8Array(buffer) };
    }, function () {
      picks[serial] = { state: -1 };
    }).then(filePicked);
  });
  picker.addEventListener('cancel', function () {
    if (pickSerial in picks && picks[pickSerial].state === 0) picks[pickSerial] = { state: -1 };
    filePicked();
  });
  shell.pickedFileState = function (serial) { return serial in picks ? picks[serial].state : -1; };
  shell.pickedFile = function (serial) { return picks[serial] && picks[serial].state === 1 ? picks[serial] : null; };
  shell.takePickedFile = function (serial) {
    var picked = shell.pickedFile(serial);
    delete picks[serial];
    return picked;
  };

  // URL hash routing: back/forward and typed or shared #/… addresses reach the app's next frame.
  function routeChanged() {
    if (window.Module && Module.calledRun) Module._kimonet_route_changed();
  }
  window.addEventListener('hashchange', routeChanged);
  window.addEventListener('popstate', routeChanged);

  // Offline: a service worker keeps the shell files (web/sw.js). Secure contexts only
  // (https, or http on localhost/127.0.0.1).
  if ('serviceWorker' in navigator && window.isSecureContext) {
    shell.serviceWorker = navigator.serviceWorker.register('sw.js').catch(function (error) {
      console.warn('service worker not registered: ' + error);
    });
  }

  var loader = window.kimonetLoader.start(['app.wasm', 'app.data']);
  window.Module = {
    canvas: canvas,  // emscripten's GLFW renders into Module.canvas
    print: function (text) { console.log(text); },
    printErr: function (text) { console.error(text); },
    // The wasm and the fonts come from the loader's downloads (their progress is the bar), not
    // from emscripten's own fetches.
    instantiateWasm: function (imports, receive) {
      loader.bytes('app.wasm').then(function (buffer) {
        return WebAssembly.instantiate(buffer, imports);
      }).then(function (result) {
        receive(result.instance, result.module);
      }, function (error) {
        Module.onAbort('wasm: ' + error);
      });
      return {};
    },
    getPreloadedPackage: function (name) { return loader.ready(name); },
    onRuntimeInitialized: function () { document.body.classList.add('ready'); },
    onAbort: function (what) {
      window.kimonetAbort = String(what);
      document.getElementById('status').textContent = 'Aplikasi gagal dimuat. Muat ulang halaman.';
      document.body.classList.remove('ready');
    },
  };
  // A link opened in a new tab stays signed in. The session token lives in sessionStorage (this tab
  // only, never in the URL, never in a cookie); a tab that starts without one asks the tabs of
  // this origin on a BroadcastChannel, and a signed-in tab answers with its token. The question
  // waits at most SHARE_WAIT_MS, while the app downloads anyway, and only when some tab of this
  // browser is signed in; an answer up to SHARE_LATE_MS late still signs the tab in. Signing out
  // in any tab ends the session on the server for every tab that shares it.
  var SHARE_WAIT_MS = 150;
  var SHARE_LATE_MS = 3000;  // how late an answer may still come (then the page reloads signed in)
  function storedToken() {
    try { return window.sessionStorage.getItem('kimonet.token'); } catch (e) { return null; }
  }
  function shareSession() {
    if (!('BroadcastChannel' in window)) return Promise.resolve();
    var channel = new BroadcastChannel('kimonet.session');
    channel.addEventListener('message', function (event) {
      var message = event.data || {};
      var token = storedToken();
      if (message.type === 'ask' && token) channel.postMessage({ type: 'token', token: token });
    });
    var someTabSignedIn = false;  // a hint kimonet_glue.js keeps in localStorage (no token there)
    try { someTabSignedIn = !!window.localStorage.getItem('kimonet.signed-in'); } catch (e) { someTabSignedIn = true; }
    if (storedToken() || !someTabSignedIn) return Promise.resolve();
    return new Promise(function (resolve) {
      var asked = Date.now(), started = false;
      var timer = setTimeout(function () { started = true; resolve(); }, SHARE_WAIT_MS);
      channel.addEventListener('message', function (event) {
        var message = event.data || {};
        if (message.type !== 'token' || typeof message.token !== 'string' || !message.token || storedToken()) return;
        // An answer after the app started (a busy tab answers late): the login shown meanwhile is
        // replaced by the same address signed in, unless the person has had time to start typing.
        if (started && Date.now() - asked > SHARE_LATE_MS) return;
        try { window.sessionStorage.setItem('kimonet.token', message.token); } catch (e) { return; }
        clearTimeout(timer);
        if (started) window.location.reload();
        else resolve();
      });
      channel.postMessage({ type: 'ask' });
    });
  }
  var session = shareSession();

  // app.js (preloaded by the page) runs once the fonts are here: emscripten asks for them
  // synchronously (getPreloadedPackage). A failed download leaves emscripten to fetch it itself.
  Promise.all([loader.bytes('app.data').catch(function () { return null; }), session]).then(function () {
    var script = document.createElement('script');
    script.src = 'app.js';
    document.body.appendChild(script);
  });
})();
