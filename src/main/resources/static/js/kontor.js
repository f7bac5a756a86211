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
})();
