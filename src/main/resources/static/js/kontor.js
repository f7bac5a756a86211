// Progressive enhancement only: every page works without this file.
(function () {
  'use strict';
  var token = document.querySelector('meta[name="csrf-token"]');
  // htmx requests carry the CSRF token as a header
  document.addEventListener('htmx:configRequest', function (e) {
    if (token && token.content) { e.detail.headers['X-CSRF-TOKEN'] = token.content; }
  });
  document.addEventListener('keydown', function (e) {
    // Ctrl/Cmd+Enter submits the form the focus is in
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter' && e.target.form) {
      e.preventDefault();
      e.target.form.requestSubmit();
    }
    // Esc closes open menus
    if (e.key === 'Escape') {
      document.querySelectorAll('details[open].menu').forEach(function (d) { d.removeAttribute('open'); });
    }
  });
  // a confirm prompt for destructive actions: <form data-confirm="...">
  document.addEventListener('submit', function (e) {
    var msg = e.target.getAttribute && e.target.getAttribute('data-confirm');
    if (msg && !window.confirm(msg)) { e.preventDefault(); }
  });
  // mention helper (stream composer): a suggested person's button inserts the mention at the cursor
  document.addEventListener('click', function (e) {
    var b = e.target.closest && e.target.closest('[data-mention]');
    if (!b) { return; }
    var box = b.closest('.composer');
    var area = box && box.querySelector('textarea');
    if (!area) { return; }
    var at = area.selectionStart || area.value.length;
    var text = b.getAttribute('data-mention') + ' ';
    area.value = area.value.slice(0, at) + text + area.value.slice(area.selectionEnd || at);
    area.focus();
    area.selectionStart = area.selectionEnd = at + text.length;
  });
})();
