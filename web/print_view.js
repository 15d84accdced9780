// The print view: a print-only copy of the document on screen (an invoice, a receipt, a report),
// drawn from plain data the app hands over (wasm/widgets/print_view.*), so Ctrl+P prints that
// document as text on its own paper instead of a picture of the canvas. Built with textContent
// only: nothing the app passes is ever read as HTML. app.css shows #print-view in @media print
// only; body[data-print-layout] picks the paper (a4, or thermal58 for a 58 mm receipt roll).
(function () {
  'use strict';
  var root = document.getElementById('print-view');
  var shown = null;   // the document on screen
  var pinned = null;  // a document printed now ("Cetak struk"), kept until the dialog closes

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function pairs(className, list, tag) {
    var block = element(tag || 'dl', className);
    (list || []).forEach(function (pair) {
      var row = element('div', 'print-pair');
      row.appendChild(element('dt', '', pair.label));
      row.appendChild(element('dd', '', pair.value));
      block.appendChild(row);
    });
    return block;
  }

  function render(documentData) {
    root.textContent = '';
    document.body.removeAttribute('data-print-layout');
    if (!documentData) return;
    document.body.setAttribute('data-print-layout', documentData.layout || 'a4');
    var article = element('article', 'print-document');
    var head = element('header', 'print-head');
    var titles = element('div', 'print-titles');
    titles.appendChild(element('h1', 'print-title', documentData.title));
    if (documentData.subtitle) titles.appendChild(element('p', 'print-subtitle', documentData.subtitle));
    head.appendChild(titles);
    if (documentData.stamp) head.appendChild(element('p', 'print-stamp', documentData.stamp));
    article.appendChild(head);
    if (documentData.facts && documentData.facts.length) article.appendChild(pairs('print-facts', documentData.facts));
    (documentData.tables || []).forEach(function (data) {
      // More columns than a portrait A4 holds at a readable size (the revenue report's eleven):
      // the document prints on landscape pages (all of them: a portrait first page would hold
      // only the heading), the table in a smaller type.
      var wide = (data.columns || []).length > 7;
      if (wide) article.classList.add('print-wide');
      var section = element('section', 'print-section');
      if (data.title) section.appendChild(element('h2', 'print-section-title', data.title));
      var table = element('table', 'print-table' + (wide ? ' print-table-wide' : ''));
      var headRow = element('tr');
      (data.columns || []).forEach(function (column) { headRow.appendChild(element('th', '', column)); });
      table.appendChild(element('thead')).appendChild(headRow);
      var body = table.appendChild(element('tbody'));
      (data.rows || []).forEach(function (row) {
        var line = element('tr');
        row.forEach(function (cell) { line.appendChild(element('td', '', cell)); });
        body.appendChild(line);
      });
      section.appendChild(table);
      article.appendChild(section);
    });
    if (documentData.totals && documentData.totals.length) article.appendChild(pairs('print-totals', documentData.totals));
    (documentData.notes || []).forEach(function (note) { article.appendChild(element('p', 'print-note', note)); });
    root.appendChild(article);
    if (documentData.layout === 'thermal58') fitThermalPage();
  }

  // A roll has no page length: the thermal page is made as long as the slip, measured at its
  // printed width (48 mm), so the printer feeds no blank paper after it. Through the CSSOM (the
  // page's Content-Security-Policy allows no inline style).
  var thermalRule = -1;
  function fitThermalPage() {
    root.classList.add('measuring');
    var millimetres = Math.ceil(root.getBoundingClientRect().height * 25.4 / 96) + 4 + 2;  // + margins, + slack
    root.classList.remove('measuring');
    var sheet = Array.prototype.find.call(document.styleSheets, function (candidate) {
      return candidate.href && /app\.css/.test(candidate.href);
    });
    if (!sheet) return;
    if (thermalRule >= 0) sheet.deleteRule(thermalRule);
    thermalRule = sheet.insertRule('@page thermal { size: 58mm ' + millimetres + 'mm; margin: 2mm 5mm; }', sheet.cssRules.length);
  }

  function parse(json) {
    if (!json) return null;
    try { return JSON.parse(json); } catch (error) { return null; }
  }

  // While the page is in print media the canvas is hidden, so the app draws its screens at no
  // size and they offer nothing: what they offer then is kept aside, not printed, and taken
  // when printing ends.
  var printMedia = window.matchMedia('print');
  var offeredWhilePrinting;
  printMedia.addEventListener('change', function () {
    if (printMedia.matches || offeredWhilePrinting === undefined) return;
    var json = offeredWhilePrinting;
    offeredWhilePrinting = undefined;
    window.kimonetPrintView.show(json);
  });

  window.kimonetPrintView = {
    show: function (json) {
      if (printMedia.matches) {
        offeredWhilePrinting = json;
        return;
      }
      shown = parse(json);
      if (!pinned) render(shown);
    },
    printNow: function (json) {
      pinned = parse(json);
      render(pinned);
      // After the app's frame has returned: print() holds the page until the dialog closes.
      setTimeout(function () { window.print(); }, 0);
    },
    current: function () { return pinned || shown; },
  };
  window.addEventListener('afterprint', function () {
    if (!pinned) return;
    pinned = null;
    render(shown);
  });
})();
