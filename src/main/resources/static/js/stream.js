// Live conversation (stream module), progressive enhancement on top of live.js: when a comment or reaction arrives
// for a post shown on this page, its comments and reactions are fetched again from the post's own page.
(function () {
  'use strict';
  function refresh(e) {
    var postId = e.detail && e.detail.postId;
    if (!postId) { return; }
    var article = document.getElementById('post-' + postId);
    if (!article) { return; }
    var typing = article.querySelector('textarea:focus');
    if (typing && typing.value) { return; } // never disturb someone writing a comment
    fetch('/posts/' + postId, { headers: { 'Accept': 'text/html' }, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (!html) { return; }
        var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('post-' + postId);
        if (!fresh) { return; }
        ['.comments', '.reactions'].forEach(function (sel) {
          var now = article.querySelector(sel);
          var next = fresh.querySelector(sel);
          if (next && now) {
            now.replaceWith(next);
          } else if (next && sel === '.comments') {
            var form = article.querySelector('.comment-form');
            if (form) { form.before(next); } else { article.append(next); }
          }
          if (next && window.htmx) { window.htmx.process(next); }
        });
      })
      .catch(function () { /* the next event or a reload shows it */ });
  }
  document.addEventListener('kontor:comment', refresh);
  document.addEventListener('kontor:reaction', refresh);
})();
