// The page under the pixels: every text, control, table and dialog the last ImGui frame drew
// (the widget registry), mirrored into transparent DOM nodes at their positions, as PDF readers
// lay text over a rendered page. People select and copy text, Ctrl+F finds it, the browser's own
// right-click menu works, and assistive technology reads roles and names, follows ImGui's focus
// and activates controls (an activation becomes a click on the canvas at the control).
//
// The app hands over only changes (wasm/text_layer.cpp): nodes set (added or changed), deleted,
// the drawing order when it changed, and the focused node when it changed. Nodes are keyed by
// registry id, so a frame that changed one cell touches one node.
(function () {
  'use strict';
  var canvas = document.getElementById('canvas');
  if (!canvas) return;

  var stylesheet = document.createElement('link');
  stylesheet.rel = 'stylesheet';
  stylesheet.href = 'text_layer.css';
  document.head.appendChild(stylesheet);

  var keyboardField = document.getElementById('soft-keyboard');
  if (keyboardField && !keyboardField.getAttribute('aria-label')) keyboardField.setAttribute('aria-label', 'Kolom aktif');

  var layer = document.createElement('div');
  layer.id = 'text-layer';
  canvas.insertAdjacentElement('afterend', layer);
  // The app's notices ("Pelanggan CUST001 disimpan", a toast that is not an error) are said here,
  // once each: a polite live region that is in the page before anything is said in it (a region
  // added together with its text is not read), outside the layer that is rebuilt under it. Its lines
  // are in a closed shadow root: assistive technology reads them (the accessibility tree is the
  // flattened page), while the page's text is the notice once, where it is drawn (a script or a
  // testing tool looking for "disimpan" finds the banner, not a second, unseen copy).
  var announcer = document.createElement('div');
  announcer.id = 'tl-status';
  announcer.className = 'tl-announcer';
  announcer.setAttribute('role', 'status');
  announcer.setAttribute('aria-live', 'polite');
  var announcerLines = announcer.attachShadow({ mode: 'closed' });
  layer.insertAdjacentElement('afterend', announcer);
  function say(texts) {
    texts.forEach(function (text) {
      var line = document.createElement('div');
      line.textContent = text;
      announcerLines.appendChild(line);  // an addition is read; the same text twice is two additions
    });
    while (announcerLines.childNodes.length > 3) announcerLines.removeChild(announcerLines.firstChild);
  }

  var CONTROLS = { button: 1, link: 1, textbox: 1, combobox: 1, option: 1, checkbox: 1, tab: 1 };
  var CONTAINER_ROLES = { d: 'dialog', p: 'listbox', t: 'tooltip', g: 'table', r: 'row', n: 'navigation', l: 'tablist' };
  var pointerQueue = [];       // [type, event] on their way to the app, in order (toCanvas, callApp)
  var nodes = new Map();       // key -> node
  var containers = new Map();  // path -> container element
  var lastOrder = [];
  var following = false;      // true while the layer moves focus itself (not a user's choice)
  var focusedKey = '';        // ImGui's focused item, as the app last reported it

  function containerFor(path) {
    if (!path) return layer;
    var found = containers.get(path);
    if (found) return found;
    var slash = path.lastIndexOf('/');
    var segment = path.slice(slash + 1);
    var element = document.createElement('div');
    element.className = 'tl-group';
    element.setAttribute('role', CONTAINER_ROLES[segment[0]] || 'group');
    if (segment[0] === 'd') element.setAttribute('aria-modal', 'true');
    if (segment[0] === 'n') element.setAttribute('aria-label', 'Menu');
    element.dataset.path = path;
    containers.set(path, element);
    var parent = containerFor(slash < 0 ? '' : path.slice(0, slash));
    parent.appendChild(element);
    return element;
  }

  function setAttribute(node, name, value) {
    if (value === null || value === '' || value === false) {
      if (node.hasAttribute(name)) node.removeAttribute(name);
    } else if (node.getAttribute(name) !== String(value)) {
      node.setAttribute(name, value);
    }
  }

  // Real inputs. A text field drawn through the app's form widgets is an <input> here, exactly over
  // the field ImGui draws: it owns the editing (IME composition, the emoji picker, dictation,
  // paste, the phone's own keypad, password managers), and its whole value goes to the app on every
  // change (kimonet_field_input), where the field's string takes it on the next frame. A value the
  // app sets (cleared after saving, upper-cased) comes back in the record and replaces the input's.
  // Its text is transparent over ImGui's own until it has focus (then it is drawn here: caret,
  // selection, composition underline) or holds characters the app's font lacks (emoji).
  // Kinds (states after 'I', widgets/field_kind.hpp): x text, n amount, t phone, e email,
  // u username, w other secret, P current password, N new password, o one-time code, M multi-line.
  // A multi-line field is a <textarea> that always draws its own text (it wraps and scrolls inside
  // itself, as ImGui's cannot), except while a drop-down or a dialog lies over it (text_layer.css).
  var FIELD_KINDS = {
    x: { type: 'text', mode: '', complete: 'off' },
    n: { type: 'text', mode: 'numeric', complete: 'off' },
    t: { type: 'tel', mode: 'tel', complete: 'off' },
    e: { type: 'email', mode: 'email', complete: 'off' },
    u: { type: 'text', mode: '', complete: 'username', name: 'username' },
    w: { type: 'password', mode: '', complete: 'off' },
    P: { type: 'password', mode: '', complete: 'current-password', name: 'password' },
    N: { type: 'password', mode: '', complete: 'new-password', name: 'new-password' },
    o: { type: 'text', mode: 'numeric', complete: 'one-time-code', name: 'one-time-code' },
    M: { textarea: true, mode: '', complete: 'off' },
  };
  var FORM_KINDS = { u: 1, P: 1, N: 1, o: 1 };
  // What the app's fonts draw (wasm/platform/glyph_ranges.hpp; views.fonts checks the two agree):
  // anything else shows as the browser's text.
  var BEYOND_APP_FONT = /[^\u0020-\u00ff\u0100-\u024f\u0370-\u03ff\u0400-\u04ff\u1e00-\u1eff\u2013-\u203a\u2713]/;
  var forms = new Map();  // container element -> its <form>
  var awaitingFocus = '';  // a field the page focused that ImGui has not reported focused yet
  var awaitingApplies = 0;

  function fieldKind(states) { return states.charAt(states.indexOf('I') + 1); }
  function registryId(node) { return node.dataset.key.replace(/#\d+$/, ''); }
  function isField(element) { return !!(element && element._field && layer.contains(element)); }
  function isSecret(node) { return node.type === 'password'; }

  // What the page's fields tell the app waits until a click the app has not yet seen whole has been
  // (toCanvas, passPointer): typed in another field before then, it would move ImGui's focus and
  // cancel that click.
  function callApp(name, args) {
    if (!window.Module || !Module.calledRun) return;
    if (pointerQueue.length || mustWait('call')) {
      pointerQueue.push(['call', { name: name, args: args }]);
      passPointer();
      return;
    }
    deliver(name, args);
  }
  // A field the page focused becomes ImGui's active item two frames later (the frame that takes
  // the request asks ImGui for it, the next one gives it): a press in between was lost to it, so the
  // next press waits for those frames (passPointer; keys and moves do not). A password manager
  // filled the sign-in, and "fill, then Enter in the password field" focused it and pressed Masuk
  // in the same frame: the focus took the press and nobody signed in.
  function deliver(name, args) {
    Module.ccall(name, null, args.map(function () { return 'string'; }), args);
    if (name !== 'kimonet_field_focus') return;
    focusedFrame = appFrame() + 2;
    focusedAt = Date.now();
  }

  function createField(key, states) {
    var kind = FIELD_KINDS[fieldKind(states)] || FIELD_KINDS.x;
    var input = document.createElement(kind.textarea ? 'textarea' : 'input');
    input.className = 'tl-input';
    if (!kind.textarea) input.type = kind.type;
    if (kind.mode) input.inputMode = kind.mode;
    input.autocomplete = kind.complete;
    input.name = kind.name || key;
    input.placeholder = ' ';  // :placeholder-shown = empty: ImGui's hint shows through (its text: update)
    input.spellcheck = false;
    if (kind.textarea) input.setAttribute('autocapitalize', 'sentences');
    else if (kind.type !== 'text' || kind.name) input.setAttribute('autocapitalize', 'off');
    input.addEventListener('compositionstart', function () { input._composing = true; });
    input.addEventListener('compositionend', function () {
      input._composing = false;
      sendValue(input);
    });
    input.addEventListener('input', function () { sendValue(input); });
    input.addEventListener('focus', function () {
      // ImGui takes this focus a frame or two later: until it reports it, its older focus news
      // (Tab pressed faster than frames come) must not pull the page's focus back.
      if (!following) {
        awaitingFocus = registryId(input);
        awaitingApplies = 0;
      }
      callApp('kimonet_field_focus', [registryId(input)]);
    });
    input.addEventListener('blur', function () { callApp('kimonet_field_blur', [registryId(input)]); });
    return input;
  }

  function sendValue(input) {
    input._sent = input.value;
    input.classList.toggle('tl-own-text', !isSecret(input) && BEYOND_APP_FONT.test(input.value));
    callApp('kimonet_field_input', [registryId(input), input.value]);
  }

  // The app's value for the field. A password never comes back (the record has it masked): the
  // app can only have emptied it.
  function syncField(input, text) {
    if (isSecret(input)) {
      if (!text && input.value) input.value = '';
      return;
    }
    if (!input._composing && input.value !== text) {
      var atEnd = document.activeElement === input && input.selectionStart === input.value.length;
      input.value = text;
      if (atEnd) input.setSelectionRange(text.length, text.length);
    }
    input.classList.toggle('tl-own-text', BEYOND_APP_FONT.test(input.value));
  }

  // A field going away (its screen closed, signed in): nothing it held stays in the page.
  function releaseField(node) {
    if (node._field) node.value = '';
  }

  // The login's fields and its submit button sit in a real <form>: password managers offer to save
  // and fill it, and Enter in it submits (implicit submission, through a hidden submit button),
  // which presses the app's button.
  function inForm(role, states) {
    return (role === 'textbox' && FORM_KINDS[fieldKind(states)] && states.indexOf('I') >= 0) ||
      (role === 'button' && states.indexOf('S') >= 0);
  }
  function formIn(container) {
    var form = forms.get(container);
    if (form) return form;
    form = document.createElement('form');
    form.className = 'tl-group tl-form';
    form.method = 'post';
    form.action = '#';
    form.setAttribute('autocomplete', 'on');
    var submit = document.createElement('button');
    submit.type = 'submit';
    submit.className = 'tl-form-submit';
    submit.tabIndex = -1;
    submit.setAttribute('aria-hidden', 'true');
    form.appendChild(submit);
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var button = form.querySelector('.tl-button');
      if (button && button.getAttribute('aria-disabled') !== 'true') clickControl(button);
    });
    forms.set(container, form);
    container.appendChild(form);
    return form;
  }

  // Characters the app's font lacks (emoji): ImGui left a gap for each run of them
  // (widgets/browser_glyphs.hpp) and the record says where ([x, y, w, h, text] from the node's
  // corner). Each run is painted there by the browser's own fonts (colour emoji), as a pseudo-element:
  // the node's own transparent text stays what is selected, copied, found and read aloud.
  function setGlyphs(node, runs) {
    var key = runs ? JSON.stringify(runs) : '';
    if (node._glyphs === key && (!key || node.querySelector('.tl-glyph'))) return;
    node._glyphs = key;
    Array.prototype.slice.call(node.querySelectorAll('.tl-glyph')).forEach(function (glyph) { glyph.remove(); });
    (runs || []).forEach(function (run) {
      var glyph = document.createElement('span');
      glyph.className = 'tl-glyph';
      glyph.setAttribute('aria-hidden', 'true');
      glyph.dataset.glyphs = run[4];
      glyph.style.left = run[0] + 'px';
      glyph.style.top = run[1] + 'px';
      glyph.style.width = run[2] + 'px';
      glyph.style.height = glyph.style.lineHeight = run[3] + 'px';
      node.appendChild(glyph);
    });
  }

  // ImGui sizes a font by its ascent + descent, CSS by its em: for Inter that is 1.21 em, so a
  // 15 px ImGui font is a 12.4 px CSS font, and its line box (1.21 em) is ImGui's line.
  var EM_PER_IMGUI_SIZE = 1 / 1.21;

  // One record: [key, role, text, name, x, y, w, h, font, container, states, hidden top, right, bottom, left,
  // browser runs, address, language of its name, a field's hint].
  function update(record) {
    var key = record[0], role = record[1], text = record[2], name = record[3];
    var x = record[4], y = record[5], w = record[6], h = record[7], font = record[8];
    var path = record[9], states = record[10], href = record[16] || '';
    var node = nodes.get(key);
    var field = role === 'textbox' && states.indexOf('I') >= 0;
    // What a click opens is a real link, so middle click, Ctrl+click and the context menu open it in
    // a new tab (signed in through shell.js's session hand-over): a menu entry is the link itself, a
    // table cell holds one (the cell stays a cell).
    var inRow = /(^|\/)r\d+$/.test(path);
    var shape = field ? 'field' : !href ? 'text' : CONTROLS[role] ? 'link' : 'linked';
    if (node && node._shape !== shape) {  // a field that became a real input, text that became a link, …
      releaseField(node);
      node.remove();
      node = null;
    }
    var created = !node;
    if (created) {
      node = field ? createField(key, states) : document.createElement(shape === 'link' ? 'a' : 'div');
      if (shape === 'linked') node._link = node.appendChild(document.createElement('a'));
      node.dataset.key = key;
      node._field = field;
      node._shape = shape;
      nodes.set(key, node);
    }
    var link = shape === 'link' ? node : node._link;
    if (link && link.getAttribute('href') !== href) {
      link.setAttribute('href', href);
      link.draggable = false;  // a drag over its text selects the text, as over any other here
    }
    // Scrolling moves nodes without changing them: attributes only when role, text or states changed.
    var lang = record[17] || '', hint = record[18] || '';
    var signature = role + '\u0001' + text + '\u0001' + name + '\u0001' + path + '\u0001' + states + '\u0001' + lang + '\u0001' + hint;
    var control = !!CONTROLS[role];
    if (node._signature !== signature) {
      node._signature = signature;
      node.className = 'tl' + (control ? ' tl-control tl-' + role : '') + (role === 'columnheader' ? ' tl-header' : '') +
        (field ? ' tl-input' : '') + (node.tagName === 'TEXTAREA' ? ' tl-textarea' : '');
      setAttribute(node, 'role', role || (inRow ? 'cell' : ''));
      setAttribute(node, 'aria-label', name);
      // Controls take focus from the layer (Tab), headings from a new page (manageFocus); neither is
      // a Tab stop of the browser's own.
      if (!field) setAttribute(node, 'tabindex', control || role === 'heading' ? '-1' : '');
      setAttribute(node, 'aria-level', role === 'heading' ? '2' : '');
      setAttribute(node, 'aria-disabled', states.indexOf('d') >= 0 ? 'true' : '');
      setAttribute(node, 'aria-checked', role === 'checkbox' ? String(states.indexOf('c') >= 0) : '');
      setAttribute(node, 'aria-current', states.indexOf('p') >= 0 ? 'page' : '');
      // A tab of a tab row ('T') and a toggle button ('B'), on ('O') or not.
      setAttribute(node, 'aria-selected', states.indexOf('T') >= 0 ? String(states.indexOf('O') >= 0) : '');
      setAttribute(node, 'aria-pressed', states.indexOf('B') >= 0 ? String(states.indexOf('O') >= 0) : '');
      setAttribute(node, 'lang', lang);
      // A field's hint is its placeholder, as on any page (found by it, read by a screen reader);
      // transparent, ImGui draws it. Never empty: :placeholder-shown says "empty" to the style.
      if (field) node.placeholder = hint || ' ';
      if (field) syncField(node, text, states);
      else if ((link || node).textContent !== text) (link || node).textContent = text;
    }
    if (!field) setGlyphs(node, record[15] || null);
    var style = node.style;
    style.left = x + 'px';
    style.top = y + 'px';
    style.fontSize = (font * EM_PER_IMGUI_SIZE).toFixed(2) + 'px';
    // Controls cover their frame (text centred or padded like ImGui draws it); text nodes are as
    // wide as their text, so a selection highlights the text and not the empty cell after it.
    // Wrapped text (a banner, a long message) wraps in its drawn width, line by line as ImGui does.
    // Text with painted runs is as wide as the canvas drew it (the gaps are wider or narrower than
    // the browser's own letters), and so is text its table clips: the clip below counts from the
    // canvas's right edge.
    var wrapped = !control && h > font * 1.6;
    var centred = states.indexOf('C') >= 0;
    var canvasWide = (record[15] || []).length > 0 || (record[12] || 0) > 0;
    style.width = control || role === 'img' || centred ? w + 'px' : wrapped ? (w + 2) + 'px' : canvasWide ? w + 'px' : '';
    style.textAlign = centred ? 'center' : '';
    // A checkbox's label is drawn after its square box (as wide as the frame is high) and a gap.
    // A <textarea>'s text starts inside ImGui's frame padding (10x7 px; 12x14 on a phone, whose font is 16 px).
    var textarea = node.tagName === 'TEXTAREA';
    var phonePadding = font >= 16;
    style.paddingLeft = role === 'checkbox' ? (h + 8) + 'px' : textarea ? (phonePadding ? 12 : 10) + 'px' :
      field ? (h > 40 ? 12 : 10) + 'px' : '';
    style.paddingTop = style.paddingBottom = textarea ? (phonePadding ? 10 : 7) + 'px' : '';

    style.height = h + 'px';
    style.lineHeight = (wrapped || textarea ? font : h) + 'px';
    style.whiteSpace = wrapped ? 'pre-wrap' : '';
    // The part its window or table hides (a row half under the table's edge) is hidden here too.
    var top = record[11] || 0, right = record[12] || 0, bottom = record[13] || 0, left = record[14] || 0;
    style.clipPath = top || right || bottom || left ? 'inset(' + top + 'px ' + right + 'px ' + bottom + 'px ' + left + 'px)' : '';
    node._rect = { x: x, y: y, w: w, h: h };
    node._clip = { top: top, right: right, bottom: bottom, left: left };
    node._states = states;
    var parent = containerFor(path);
    if (inForm(role, states)) parent = formIn(parent);
    if (node.parentNode !== parent) {
      parent.appendChild(node);
      return true;
    }
    return created;
  }

  // Children in the drawing order; moves only the nodes that are out of place.
  function reorder(order) {
    var lastPlaced = new Map();
    function place(node, parent) {
      var previous = lastPlaced.has(parent) ? lastPlaced.get(parent) : null;
      var expected = previous ? previous.nextSibling : parent.firstChild;
      if (expected !== node) parent.insertBefore(node, expected);
      lastPlaced.set(parent, node);
    }
    var placedContainers = new Set();
    function placeContainer(element) {
      if (element === layer || placedContainers.has(element)) return;
      var parent = element.parentNode;
      placeContainer(parent);
      place(element, parent);
      placedContainers.add(element);
    }
    order.forEach(function (key) {
      var node = nodes.get(key);
      if (!node) return;
      placeContainer(node.parentNode);
      place(node, node.parentNode);
    });
  }

  function pruneContainers() {
    forms.forEach(function (form, container) {
      if (form.querySelector('.tl') && container.isConnected) return;
      form.remove();
      forms.delete(container);
    });
    // Innermost first: a dialog whose table rows just went is empty too once they are removed.
    for (var removed = true; removed;) {
      removed = false;
      containers.forEach(function (element, path) {
        if (!element.firstChild) {
          element.remove();
          containers.delete(path);
          removed = true;
        }
      });
    }
    var modalOpen = false;
    // A dialog is named by its first heading.
    containers.forEach(function (element) {
      if (element.getAttribute('role') === 'dialog') modalOpen = true;
      if (element.getAttribute('role') !== 'dialog') return;
      var heading = element.querySelector('[role=heading]');
      if (heading && !heading.id) heading.id = 'tl-heading-' + heading.dataset.key.replace(/[^A-Za-z0-9_-]/g, '_');
      setAttribute(element, 'aria-labelledby', heading ? heading.id : '');
    });
    layer.classList.toggle('tl-modal-open', modalOpen);
    // An open drop-down lies over the fields below it: their inputs let its options have the pointer.
    layer.classList.toggle('tl-popup-open', !!layer.querySelector('[role=listbox]'));
  }

  // ImGui's focus moving elsewhere takes the page's along, except away from a real input to a
  // control that is not one (ImGui's own first-frame focus must not pull the caret out of a field),
  // and never to a control on a touch screen (a dialog opening there put a focus ring on its
  // Cancel button, ImGui's first item: nobody tabs on a phone).
  function mayFollowFocus(target) {
    var active = document.activeElement;
    if (isField(active) && !target._field) return false;
    if (touchOnly && !target._field) return false;
    // The phone's keyboard field (shell.js) holds focus after a tap the app took on a field (a tap
    // that reached the canvas: a drop-down was still open over it): the field's real input takes
    // the keyboard over, else what is typed went to ImGui's read-only field and was lost.
    if (keyboardField && active === keyboardField) return !!target._field;
    return !active || active === document.body || active === canvas || layer.contains(active);
  }

  function apply(json) {
    var changes = JSON.parse(json);
    var moved = false;
    changes.del.forEach(function (key) {
      var node = nodes.get(key);
      if (node) {
        // A pressed button that went away with focus on it (its panel or dialog step replaced).
        if (node === document.activeElement && node.classList.contains('tl-button')) focusDropped = Date.now();
        releaseField(node);
        node.remove();
      }
      nodes.delete(key);
    });
    changes.set.forEach(function (record) { if (update(record)) moved = true; });
    if (changes.order) lastOrder = changes.order;
    if (changes.order || moved) reorder(lastOrder);
    var structureChanged = changes.order || moved || changes.del.length;
    if (structureChanged) pruneContainers();
    if (awaitingFocus && ++awaitingApplies > 30) awaitingFocus = '';  // ImGui never took it: stop waiting
    if (changes.say) say(changes.say);
    // Another page (a menu entry, a link, Back or Forward, signing in): its focus is placed by
    // manageFocus (not on a phone: focus there would pop up the keyboard or scroll the page).
    var newPage = changes.page !== undefined && (changes.page.name !== page.name || changes.page.form !== page.form);
    if (newPage) {
      page = changes.page;
      pageFocusPending = !!page.name && !touchOnly;
    }
    if (changes.focus !== undefined) {
      var focused = changes.focus && nodes.get(changes.focus);
      focusedKey = changes.focus;
      var awaited = awaitingFocus;
      if (awaited && changes.focus.replace(/#\d+$/, '') === awaited) awaitingFocus = '';
      if (awaited) focused = null;
      // The phone's keyboard field (shell.js) types into the focused field: it carries that name.
      var keyboard = document.getElementById('soft-keyboard');
      if (keyboard && focused && focused.classList.contains('tl-textbox')) {
        setAttribute(keyboard, 'aria-label', focused.getAttribute('aria-label') || focused.textContent);
      }
      // ImGui's own focus on a new page's control (the menu entry just clicked, the first item of the
      // sign-in: its language button) is not where the page's focus goes; a field the app focused
      // (the dashboard's "find a customer" opens the list with its search field focused) is.
      if (pageFocusPending && focused && !focused._field) focused = null;
      if (focused && focused !== document.activeElement && mayFollowFocus(focused)) {
        following = true;
        focused.focus({ preventScroll: true });
        following = false;
        if (focused._field) pageFocusPending = false;
      }
    }
    if (structureChanged || newPage) manageFocus();
    else if (changes.set.length) titleHeading();
    // A <textarea> covers ImGui's whole field, border included: it draws the border itself, red
    // while the field has an error under it (aria-invalid also tells a screen reader).
    if (changes.set.length || changes.del.length) {
      Array.prototype.forEach.call(layer.querySelectorAll('textarea.tl-input'), function (textarea) {
        setAttribute(textarea, 'aria-invalid', nodes.has(registryId(textarea) + '.error') ? 'true' : '');
      });
    }
  }

  // Input over text nodes belongs to ImGui too: hover, wheel and plain clicks go on to the canvas.
  // A press on text is held back until release: a drag or a double click selects text (and is not
  // a click in the app); a still, single click reaches the app as a click.
  function toCanvas(type, source, init) {
    var event = init || {
      clientX: source.clientX, clientY: source.clientY, screenX: source.screenX, screenY: source.screenY,
      button: source.button || 0, buttons: source.buttons, ctrlKey: source.ctrlKey, shiftKey: source.shiftKey,
      altKey: source.altKey, metaKey: source.metaKey, bubbles: true, cancelable: true,
    };
    // With its view, the event's page position counts the page's scroll (emscripten reads pageX/Y):
    // without it a press on a scrolled page (200% zoom) lands as far off as the page is scrolled.
    event.view = window;
    pointerQueue.push([type, event]);
    passPointer();
  }
  // ImGui 1.86 reads the pointer once a frame: where it is then, and whether the button is down (a
  // press between two frames is latched, so a press and its release before the next frame are one
  // click: the press is seen in one frame, the release in the next). So a click must not be
  // overtaken before the app has seen it whole:
  // - a move before the frame that sees a press (or its release) would move that press (or
  //   release) with it: closing a dialog and clicking the menu at once pressed Close where the
  //   menu is, and neither click happened;
  // - a second click would merge into the first (two checkboxes ticked one after the other,
  //   quicker than a slow phone draws, would tick only the second);
  // - a field focused before then would take ImGui's focus from the control being clicked.
  // - a window the click closed (Cancel on a form) is still the one under the pointer in the frame
  //   after: ImGui finds the hovered window among those the last frame drew, so a press in that
  //   frame on the page behind it (the customers' search field) reached nothing.
  // So after a press, moves wait for the frame that sees it; after a release, moves, the next press
  // and what the fields tell the app (callApp) and the keys typed outside the page's inputs
  // (holdKey) wait, in order, for the two frames that see that click and the one after. A frame
  // that does not come within 1.5 s is not waited for.
  var settledFrame = -1, movableFrame = -1, releasedAt = 0, pressedAt = 0, passTimer = 0, passing = false;
  var focusedFrame = -1, focusedAt = 0;  // a focus the page asked the app for (deliver)
  var kFrameWaitMs = 1500;
  function appFrame() { return window.Module && Module.calledRun ? Module._ui_frame_count() : -1; }
  function mustWait(type) {
    var frame = appFrame(), now = Date.now();
    if (type === 'mousedown' && frame < focusedFrame && now - focusedAt < kFrameWaitMs) return true;
    if (type === 'mousedown' || type === 'call' || type === 'key') return frame < settledFrame && now - releasedAt < kFrameWaitMs;
    if (type === 'mousemove' || type === 'wheel') return frame < movableFrame && now - Math.max(releasedAt, pressedAt) < kFrameWaitMs;
    return false;  // a release: the press it ends is latched until a frame has seen it
  }
  function passPointer() {
    clearTimeout(passTimer);
    while (pointerQueue.length) {
      var type = pointerQueue[0][0];
      if (mustWait(type)) {
        clearTimeout(passTimer);
        passTimer = setTimeout(passPointer, 8);
        return;
      }
      var event = pointerQueue.shift()[1];
      if (type === 'mousedown') {
        movableFrame = Math.max(movableFrame, appFrame() + 1);
        pressedAt = Date.now();
      } else if (type === 'mouseup') {
        settledFrame = movableFrame = appFrame() + 3;
        releasedAt = Date.now();
      }
      if (type === 'call') {
        deliver(event.name, event.args);
        continue;
      }
      if (type === 'key') {
        // What it does comes first (a click on a control, a field's value), then what was behind it.
        var behind = pointerQueue.splice(0);
        replayKey(event);
        Array.prototype.push.apply(pointerQueue, behind);
        continue;
      }
      passing = true;
      try {
        canvas.dispatchEvent(type === 'wheel' ? new WheelEvent(type, event) : new MouseEvent(type, event));
      } finally {
        passing = false;
      }
    }
  }
  // Ctrl+wheel (and a trackpad's pinch, which the browser reports as one) is the browser's zoom:
  // neither the app (emscripten's GLFW would scroll and cancel it) nor the layer sees it.
  window.addEventListener('wheel', function (event) {
    if (event.ctrlKey || event.metaKey) event.stopImmediatePropagation();
  }, { capture: true, passive: true });
  var held = null;  // the press on text waiting for its release
  layer.addEventListener('mousemove', function (event) { toCanvas('mousemove', event); });
  layer.addEventListener('wheel', function (event) {
    // A <textarea> with more text than it shows scrolls itself, not the page under it.
    var target = event.target;
    if (isField(target) && target.tagName === 'TEXTAREA' && target.scrollHeight > target.clientHeight + 1) return;
    toCanvas('wheel', event, {
      clientX: event.clientX, clientY: event.clientY, deltaX: event.deltaX, deltaY: event.deltaY,
      deltaMode: event.deltaMode, bubbles: true, cancelable: true,
    });
  }, { passive: true });
  layer.addEventListener('mousedown', function (event) {
    // The layer was scrolled and not yet put back (below): what lies under the pointer is not what
    // the canvas shows there, so this press is nobody's.
    if (settleScroll()) {
      event.preventDefault();
      held = null;
      return;
    }
    // A press in a real input is the input's (caret, selection); its release is not the app's.
    if (isField(event.target)) held = 'field';
    else if (controlAt(event.target)) {
      // A press on a control is the app's at once, as a press on the canvas would be (ImGui shows it
      // pressed, a slider drags); then the browser's own default moves focus to the control, as it
      // does to a button it draws (after the press, as a press on the canvas focused the canvas).
      held = 'control';
      toCanvas('mousedown', event);
    } else held = event.button === 0 ? { x: event.clientX, y: event.clientY, detail: event.detail, link: linkAt(event.target) } : null;
  });
  // The control a press landed on: links and real inputs have their own ways.
  function controlAt(target) {
    var node = target && target.closest ? target.closest('#text-layer .tl-control') : null;
    return node && !node._field && !linkAt(target) ? node : null;
  }
  function linkAt(target) {
    return target && target.closest ? target.closest('#text-layer a[href]') : null;
  }
  // Ctrl/Cmd/Shift with a click on a link opens it in another tab or window: the browser's, not the app's.
  function opensElsewhere(event) {
    return event.ctrlKey || event.metaKey || event.shiftKey;
  }
  window.addEventListener('mouseup', function (event) {
    if (held === 'control') {
      held = null;
      if (event.target !== canvas) toCanvas('mouseup', event);  // released over the canvas: it has it already
      var box = controlAt(event.target);
      if (box && box.getAttribute('role') === 'checkbox') flipChecked(box);
      return;
    }
    if (event.button !== 0) return;
    var press = held;
    held = null;
    if (event.target === canvas || press === 'field') return;
    if (!press) {
      toCanvas('mouseup', event);  // a press on the canvas released over text: ImGui sees the release
      return;
    }
    // (Not "is the selection empty": a click inside an earlier selection only clears it after this.)
    var still = Math.abs(event.clientX - press.x) < 4 && Math.abs(event.clientY - press.y) < 4;
    if (press.link && opensElsewhere(event)) return;
    if (still && press.detail <= 1) {
      toCanvas('mousedown', event, downInit(press.x, press.y, 1));
      toCanvas('mouseup', event, downInit(press.x, press.y, 0));
    }
  }, true);
  function downInit(x, y, buttons) {
    return { clientX: x, clientY: y, button: 0, buttons: buttons, bubbles: true, cancelable: true };
  }
  // (Registered after the listeners above, which see a release over the canvas first.)
  // What reaches the canvas itself (the page behind an open dialog, the canvas outside any node,
  // shell.js's touches) keeps its place in the same line: it is held back and passed on here.
  ['mousemove', 'mousedown', 'mouseup', 'wheel'].forEach(function (type) {
    window.addEventListener(type, function (event) {
      if (passing || event.target !== canvas) return;
      event.stopImmediatePropagation();
      if (type !== 'wheel') {
        toCanvas(type, event);
        return;
      }
      event.preventDefault();  // the app's wheel, never the page's scroll (as emscripten's GLFW does)
      toCanvas('wheel', event, {
        clientX: event.clientX, clientY: event.clientY, deltaX: event.deltaX, deltaY: event.deltaY,
        deltaMode: event.deltaMode, bubbles: true, cancelable: true,
      });
    }, { capture: true, passive: false });
  });

  // A click on the canvas at a control: an activation by assistive technology or a script's
  // click() (a pointer's press and release already went on to the canvas).
  function clickControl(node) {
    var rect = node._rect, box = canvas.getBoundingClientRect();
    if (!rect) return;
    if (node.getAttribute('role') === 'checkbox') flipChecked(node);
    // The middle of the part that is shown: a form's Save half below the canvas's bottom edge (the
    // portal's password card, submitted by Enter in its last field) was pressed below the canvas.
    var clip = node._clip || {};
    var left = Math.max(rect.x + (clip.left || 0), 0), right = Math.min(rect.x + rect.w - (clip.right || 0), box.width);
    var top = Math.max(rect.y + (clip.top || 0), 0), bottom = Math.min(rect.y + rect.h - (clip.bottom || 0), box.height);
    var x = box.left + (right > left ? (left + right) / 2 : rect.x + rect.w / 2);
    var y = box.top + (bottom > top ? (top + bottom) / 2 : rect.y + rect.h / 2);
    toCanvas('mousemove', null, downInit(x, y, 0));
    toCanvas('mousedown', null, downInit(x, y, 1));
    toCanvas('mouseup', null, downInit(x, y, 0));
  }
  layer.addEventListener('click', function (event) {
    var link = linkAt(event.target);
    if (link) {
      if (opensElsewhere(event)) return;  // the browser opens it in a new tab or window
      // The app opens it (a pointer's click already reached the canvas on release): the page does
      // not follow the link itself, so one click is one history entry. A click without a pointer
      // (a screen reader's activation, Enter on the link) is pressed on the canvas here.
      event.preventDefault();
      if (event.detail === 0 && link.getAttribute('aria-disabled') !== 'true') clickControl(link._rect ? link : link.parentNode);
      return;
    }
    var node = event.target.closest && event.target.closest('.tl-control');
    if (node && !node._field && event.detail === 0 && node.getAttribute('aria-disabled') !== 'true') clickControl(node);
  });
  // A checkbox the user pressed says its new state at once, as the browser's own does (a screen
  // reader reads it, a script checks it right after the click); the app's next frame confirms it,
  // and if the app did not take the press (it was disabled by then), the app's state comes back.
  function flipChecked(node) {
    if (node.getAttribute('aria-disabled') === 'true') return;
    node.setAttribute('aria-checked', String(node.getAttribute('aria-checked') !== 'true'));
    clearTimeout(node._settle);
    node._settle = setTimeout(function () {
      if (node.isConnected) setAttribute(node, 'aria-checked', String(node._states.indexOf('c') >= 0));
    }, 1000);
  }

  // The layer clips; it never scrolls itself. When the browser scrolls it anyway, to bring a node
  // the app has scrolled out of its window into view (a script's or a testing tool's
  // scrollIntoView, a screen reader moving to it, Find), the layer is put back at once and the app
  // scrolls that node into view in its own window, where the page then finds it under the pointer.
  // The node is the one the browser brought in: of those (partly) outside the window before, the
  // one now nearest the middle, or the lowest when the layer could scroll no further.
  function settleScroll() {
    var dx = layer.scrollLeft, dy = layer.scrollTop;
    if (!dx && !dy) return false;
    var width = layer.clientWidth, height = layer.clientHeight;
    var clamped = dy > 0 && dy >= layer.scrollHeight - height - 1;
    var scope = frontDialog() || layer, best = null, bestScore = Infinity;
    nodes.forEach(function (node) {
      var rect = node._rect;
      if (!rect || !scope.contains(node)) return;
      var wasOut = rect.y < 0 || rect.x < 0 || rect.y + rect.h > height || rect.x + rect.w > width;
      var x = rect.x - dx, y = rect.y - dy;
      if (!wasOut || y < 0 || x < 0 || y + rect.h > height || x + rect.w > width) return;
      var score = clamped ? -(y + rect.h) : Math.abs(y + rect.h / 2 - height / 2) + Math.abs(x + rect.w / 2 - width / 2);
      if (score < bestScore) { bestScore = score; best = node; }
    });
    layer.scrollLeft = 0;
    layer.scrollTop = 0;
    if (best) callApp('kimonet_scroll_into_view', [best.dataset.key]);
    return true;
  }
  layer.addEventListener('scroll', settleScroll);

  // A screen reader moving into a text field: the field becomes ImGui's active one.
  layer.addEventListener('focusin', function (event) {
    var node = event.target;
    if (!following && !node._field && node.classList && node.classList.contains('tl-textbox')) clickControl(node);
  });

  // Inside an active text field Ctrl+A means that field (ImGui selects its text), not the page.
  window.addEventListener('keydown', function (event) {
    var field = focusedKey && nodes.get(focusedKey);
    if ((event.ctrlKey || event.metaKey) && (event.key === 'a' || event.key === 'A') && field &&
        field.classList.contains('tl-textbox') && !isField(event.target)) event.preventDefault();
  });

  // The keyboard. These listeners are registered before the app's (emscripten's GLFW listens on
  // window too, later), so they decide what the app sees:
  // - Tab / Shift+Tab move focus through every control of the layer (fields, drop-downs,
  //   checkboxes, buttons, links) in drawing order, within the dialog in front when one is open;
  // - in a real input every key is the input's, except Esc (the app: closes the dialog) and Enter
  //   outside a form (the app: the field's or the dialog's Enter); Enter in a form submits it;
  // - on a focused control Enter and Space press it.
  var passedKeys = {};  // keyCode -> its keydown went on to the app, so its keyup does too
  function keyTarget(event) {
    var target = event.target;
    if (isField(target)) return 'field';
    // A text field ImGui edits itself (none in the browser now: single- and multi-line fields are
    // real inputs; without the page's fields, e.g. before they are enabled) takes its keys: Space
    // and Enter are text there, not a press.
    if (target && target.classList && target.classList.contains('tl-textbox')) return '';
    if (target && target.classList && target.classList.contains('tl-control') && layer.contains(target)) return 'control';
    return '';
  }
  // Keys typed while a click is on its way to the app (toCanvas waits for the frames that see it)
  // wait behind it in the same line, and then go where that click put focus: a cashier who clicks
  // a field and types at once, while the app has not yet drawn the frame that takes the click (a
  // drop-down still open over the field, a dialog still closing over the page), lost the first
  // letters to the control focused before ("Cepat" was saved as "epat"). A key typed in a real
  // input is the input's and does not wait (the page moved focus there itself), unless keys typed
  // before it still wait (the app's focus reached the input first: "eCpat").
  var heldKeys = {};  // code -> its keydown waits in the line: its keypress and keyup are not the app's
  function keyName(event) { return event.code || event.key; }
  function keysWaiting() { return pointerQueue.some(function (entry) { return entry[0] === 'key'; }); }
  function holdKey(event) {
    // (A phone's keyboard and an IME say nothing in their keydown, 229 "Unidentified": what they
    // type comes as input events, which are never held up; preventing it would lose the text.)
    if (!window.Module || !Module.calledRun || event.isComposing || event.keyCode === 229 || event.key === 'Unidentified' ||
        event.key === 'Process') return false;
    if (isField(event.target) ? !keysWaiting() : !pointerQueue.length && !mustWait('key')) return false;
    event.preventDefault();
    event.stopImmediatePropagation();
    heldKeys[keyName(event)] = true;
    pointerQueue.push(['key', { key: event.key, shiftKey: event.shiftKey }]);
    passPointer();
    return true;
  }
  // GLFW's codes of the keys a held key may be for the app (emscripten's library_glfw.js).
  var GLFW_KEYS = { Enter: 257, Escape: 256, Backspace: 259, Delete: 261, Tab: 258, ArrowRight: 262, ArrowLeft: 263,
    ArrowDown: 264, ArrowUp: 265, Home: 268, End: 269, PageUp: 266, PageDown: 267 };
  function isCharacter(key) { return Array.from(key).length === 1; }
  // A held key, now that the app has seen the click before it: as if typed where focus is now.
  function replayKey(held) {
    var key = held.key, target = document.activeElement;
    if (key === 'Tab') {
      moveFocus(held.shiftKey ? -1 : 1);
    } else if (isField(target)) {
      typeInto(target, key);
    } else if (target && target.classList && target.classList.contains('tl-control') && layer.contains(target) &&
               (key === 'Enter' || key === ' ')) {
      if (target.getAttribute('aria-disabled') !== 'true') clickControl(target);
    } else if (isCharacter(key)) {
      Module._kimonet_text_input(key.codePointAt(0));
    } else if (GLFW_KEYS[key]) {
      Module._kimonet_key_input(GLFW_KEYS[key]);
    }
  }
  // What the browser does with a key in an input, for the keys a held key may be: a character
  // replaces the selection, Backspace and Delete delete, Enter submits its form (or is the app's,
  // as in keydown below; a new line in a <textarea>), Esc is the app's.
  function typeInto(input, key) {
    // (An e-mail field has no selection API: what is typed there goes at its end.)
    var hasCaret = input.selectionStart !== null;
    var start = hasCaret ? input.selectionStart : input.value.length, end = hasCaret ? input.selectionEnd : start;
    var text = null;
    if (key === 'Enter' && input.tagName === 'TEXTAREA') text = '\n';
    else if (key === 'Enter' && input.form) return input.form.requestSubmit();
    else if (key === 'Enter' || key === 'Escape') return Module._kimonet_key_input(GLFW_KEYS[key]);
    else if (isCharacter(key)) text = key;
    else if (key === 'Backspace' || key === 'Delete') {
      text = '';
      if (start === end && key === 'Backspace') start = Math.max(0, start - 1);
      else if (start === end) end = Math.min(input.value.length, end + 1);
    }
    if (text === null) return;
    if (hasCaret) input.setRangeText(text, start, end, 'end');
    else input.value = input.value.slice(0, start) + text + input.value.slice(end);
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: text ? 'insertText' : 'deleteContentBackward', data: text || null }));
  }
  window.addEventListener('keydown', function (event) {
    var plain = !event.ctrlKey && !event.altKey && !event.metaKey;
    if (plain && holdKey(event)) return;
    if (event.key === 'Tab' && plain && window.Module && Module.calledRun) {
      event.preventDefault();
      event.stopImmediatePropagation();
      moveFocus(event.shiftKey ? -1 : 1);
      return;
    }
    var target = keyTarget(event);
    if (target === 'field') {
      var input = event.target;
      var composing = event.isComposing || event.keyCode === 229;
      var toApp = !composing &&
        (event.key === 'Escape' || (event.key === 'Enter' && !input.form && input.tagName === 'INPUT'));
      // In a <textarea> Enter is a new line (the browser's); Ctrl+Enter is the form's Save.
      if (!composing && input.tagName === 'TEXTAREA' && event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        callApp('kimonet_field_submit', [registryId(input)]);
      }
      if (toApp) passedKeys[event.keyCode] = true;
      else event.stopImmediatePropagation();
    } else if (target === 'control' && plain && TAB_KEYS[event.key] !== undefined && event.target.getAttribute('role') === 'tab') {
      event.preventDefault();
      event.stopImmediatePropagation();
      moveAmongTabs(event.target, event.key);
    } else if (target === 'control' && plain && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      event.stopImmediatePropagation();
      if (event.target.getAttribute('aria-disabled') !== 'true') clickControl(event.target);
    }
  }, true);
  window.addEventListener('keypress', function (event) {
    if (heldKeys[keyName(event)]) {
      event.preventDefault();
      event.stopImmediatePropagation();
      return;
    }
    var target = keyTarget(event);
    if (target === 'field' || (target === 'control' && (event.key === 'Enter' || event.key === ' '))) event.stopImmediatePropagation();
  }, true);
  window.addEventListener('keyup', function (event) {
    if (heldKeys[keyName(event)]) {
      delete heldKeys[keyName(event)];
      event.stopImmediatePropagation();
      return;
    }
    if (passedKeys[event.keyCode]) {
      delete passedKeys[event.keyCode];
      return;
    }
    var target = keyTarget(event);
    if (target === 'field' || (target === 'control' && (event.key === 'Enter' || event.key === ' '))) event.stopImmediatePropagation();
  }, true);

  // The controls Tab visits: those of the dialog in front, else the page's (not the options of an
  // open drop-down or a tooltip), enabled, in drawing order.
  function frontDialog() {
    var dialogs = layer.querySelectorAll('[role=dialog]');
    return dialogs.length ? dialogs[dialogs.length - 1] : null;
  }
  function tabStops() {
    var scope = frontDialog() || layer;
    var lastHref = null;
    // Controls and the links in table cells (a customer's number and name open the same address:
    // the first of them is the stop), in drawing order.
    return Array.prototype.filter.call(scope.querySelectorAll('.tl-control, .tl > a[href]'), function (node) {
      var href = node.tagName === 'A' ? node.getAttribute('href') : null;
      var repeated = href !== null && href === lastHref;
      lastHref = href;
      return !repeated && node.getAttribute('aria-disabled') !== 'true' && !node.closest('[role=listbox],[role=tooltip]') &&
        !otherTab(node);
    });
  }
  // A tab row is one stop, its selected tab (the arrow keys move between its tabs).
  function otherTab(node) {
    return node.getAttribute('role') === 'tab' && node.getAttribute('aria-selected') !== 'true' &&
      !!node.parentNode.querySelector('[role=tab][aria-selected=true]');
  }
  // The arrow keys (and Home, End) on a tab: the next tab is focused and chosen (WAI-ARIA tabs with
  // automatic activation), wrapping at the ends.
  var TAB_KEYS = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1, Home: 0, End: 0 };
  function moveAmongTabs(tab, key) {
    var tabs = Array.prototype.filter.call(tab.parentNode.querySelectorAll('[role=tab]'), function (node) {
      return node.getAttribute('aria-disabled') !== 'true';
    });
    var at = tabs.indexOf(tab);
    var next = key === 'Home' ? 0 : key === 'End' ? tabs.length - 1 : (at + TAB_KEYS[key] + tabs.length) % tabs.length;
    if (!tabs[next] || tabs[next] === tab) return;
    focusNode(tabs[next]);
    clickControl(tabs[next]);
  }
  function moveFocus(step) {
    var stops = tabStops();
    if (!stops.length) return;
    var active = document.activeElement;
    var current = stops.indexOf(active);
    // From what is not a stop itself (a new page's heading): the stop after it, or before it.
    if (current < 0 && active && active !== layer && layer.contains(active)) {
      var after = stops.findIndex(function (stop) { return !!(active.compareDocumentPosition(stop) & Node.DOCUMENT_POSITION_FOLLOWING); });
      if (after < 0) after = stops.length;
      focusNode(stops[((step > 0 ? after : after - 1) + stops.length) % stops.length]);
      return;
    }
    if (current < 0 && focusedKey) current = stops.indexOf(nodes.get(focusedKey));
    var next = current < 0 ? (step > 0 ? 0 : stops.length - 1) : (current + step + stops.length) % stops.length;
    focusNode(stops[next]);
  }
  // Focus moved by the keyboard or the layer itself; a control scrolled out of the window comes
  // into view (the page scrolls when the canvas is taller than the window, e.g. at 200% zoom).
  function focusNode(node) {
    // Never let the browser scroll the layer itself (it clips, it does not scroll): the page
    // scrolls instead when the control is outside the window, and ImGui scrolls a field that is
    // outside its form into view once it has focus.
    node.focus({ preventScroll: true });
    // A control the app draws (not a real input, which tells it itself): the app scrolls it into
    // view when its dialog's body has it scrolled out.
    if (!node._field && node.dataset && node.dataset.key && node.classList.contains('tl-control')) callApp('kimonet_field_focus', [registryId(node)]);
    else if (node.tagName === 'A' && node.parentNode.dataset && node.parentNode.dataset.key) callApp('kimonet_field_focus', [registryId(node.parentNode)]);
    var box = node.getBoundingClientRect();
    if (box.bottom > window.innerHeight) window.scrollBy(0, box.bottom - window.innerHeight + 16);
    else if (box.top < 0) window.scrollBy(0, box.top - 16);
  }

  // Focus lands on the first field of a dialog when it opens (else its first control) and goes
  // back to what opened it when it closes. A new page (the app names the page on show: another
  // screen, another customer, a step of the sign-in) puts it on its level-1 heading, the screen's
  // title in the header, which a screen reader then reads ("Tagihan, heading level 1"); Tab goes
  // on from there. A form page (the sign-in's steps) puts it on its first field instead. Not while
  // a dialog or a drop-down is open (the dialog has it), not out of a field the user is typing in,
  // not once the user has pressed a key or the pointer on the new page, and not on a phone.
  var openDialogs = new Map();  // dialog element -> the key of what had focus when it opened
  var kFieldWaitMs = 600;       // how long a new dialog waits for its first field (see manageFocus)
  var focusRecheck = 0;
  var page = { name: '', form: false };  // the page on show, as the app named it
  var touchOnly = window.matchMedia('(pointer: coarse)').matches;
  function firstFocus(scope) {
    return scope.querySelector('.tl-input') ||
      Array.prototype.find.call(scope.querySelectorAll('.tl-control'), function (node) {
        return node.getAttribute('aria-disabled') !== 'true' && !node.closest('[role=listbox],[role=tooltip]');
      });
  }
  function manageFocus() {
    var active = document.activeElement;
    var lost = !active || active === document.body || active === canvas;
    openDialogs.forEach(function (opener, dialog) {
      if (dialog.isConnected) return;
      openDialogs.delete(dialog);
      var back = opener && nodes.get(opener);
      if (back && back.isConnected && (lost || !layer.contains(active))) focusNode(back);
    });
    var dialog = frontDialog();
    if (dialog && !openDialogs.has(dialog)) {
      var target = firstFocus(dialog);
      if (!target) return;
      // A dialog that loads before its fields appear (recording a payment reads the invoice first)
      // shows its Close button a frame or a request earlier: it waits up to kFieldWaitMs for a
      // field, so the cashier types the amount at once instead of landing on Close.
      if (!target._field && !target.classList.contains('tl-input')) {
        if (!dialog._shownAt) dialog._shownAt = Date.now();
        if (Date.now() - dialog._shownAt < kFieldWaitMs) {
          if (!focusRecheck) focusRecheck = setTimeout(function () { focusRecheck = 0; manageFocus(); }, 50);
          return;
        }
      }
      openDialogs.set(dialog, active && active.dataset && layer.contains(active) ? active.dataset.key : focusedKey);
      focusDropped = 0;  // a button that went away before (the one that opened this) is not this dialog's
      if (!touchOnly || !target._field) focusNode(target);
      return;
    }
    if (dialog) {
      // What had focus in the dialog went away (Enter on "Catat pembayaran" replaced the invoice's
      // buttons by the payment form; saving it put the buttons back): focus goes to the dialog's
      // first field (waiting for it as a new dialog does), else its first control, never the body.
      if (focusDropped && lost && !layer.querySelector('[role=listbox]')) {
        var next = firstFocus(dialog);
        if (next && !next._field && Date.now() - focusDropped < kFieldWaitMs) {
          if (!focusRecheck) focusRecheck = setTimeout(function () { focusRecheck = 0; manageFocus(); }, 50);
          return;
        }
        focusDropped = 0;
        if (next && (!touchOnly || !next._field)) focusNode(next);
      }
      return;
    }
    focusDropped = 0;
    var heading = titleHeading();
    if (!pageFocusPending || layer.querySelector('[role=listbox]')) return;
    if (isField(active)) {
      pageFocusPending = false;  // typing in a field that stayed: the keys stay there
      return;
    }
    // (A form's fields may come a frame or a load after its title: it waits for them.)
    var target = page.form ? layer.querySelector('.tl-input') : heading;
    if (!target) return;
    pageFocusPending = false;
    focusNode(target);
  }
  // The screen's title in the header (not the sidebar's brand, drawn first), else the first heading.
  // It is the page's: its one level-1 heading, and the tab's and history's name ("Tagihan · Kimonet
  // Billing"), so tabs and Back's list tell screens apart; renamed when its text changes (a
  // customer's name loaded, the other language).
  function titleHeading() {
    var heading = layer.querySelector('[role=heading][data-key="header.title"]') ||
      Array.prototype.find.call(layer.querySelectorAll('[role=heading]'), function (node) {
        return !node.closest('[role=dialog],[role=listbox],[role=tooltip]');
      });
    if (heading) {
      setAttribute(heading, 'aria-level', '1');
      var title = heading.textContent ? heading.textContent + ' · ' + baseTitle : baseTitle;
      if (document.title !== title) document.title = title;
    }
    return heading;
  }
  var pageFocusPending = false;
  var focusDropped = 0;  // when the node holding focus was removed (0: it was not)
  var baseTitle = document.title;
  // A touch elsewhere (the canvas, another control) leaves a real input: phones do not move focus
  // on a tap the shell hands to the app, so the input would keep it (and the next focus() of it
  // would not reach the app).
  window.addEventListener('touchstart', function (event) {
    var active = document.activeElement;
    if (isField(active) && event.target !== active) active.blur();
  }, { capture: true, passive: true });
  ['pointerdown', 'keydown'].forEach(function (type) {
    window.addEventListener(type, function () { pageFocusPending = false; }, true);
  });

  window.kimonetTextLayer = {
    apply: apply,
    element: layer,
    node: function (key) { return nodes.get(key) || null; },
    // What the live region holds now, oldest first (its lines are not in the page's own DOM).
    said: function () { return Array.prototype.map.call(announcerLines.childNodes, function (line) { return line.textContent; }); },
  };
})();
