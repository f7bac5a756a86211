// Conversation page enhancement: append newer messages in place instead of reloading the page.
// Without this file the "load newer" button simply reloads the conversation.
(function () {
  'use strict';
  var list = document.getElementById('messages');
  if (!list) { return; }
  var conversationId = list.getAttribute('data-conversation-id');
  var loading = false;
  var again = false;

  function lastId() {
    var items = list.querySelectorAll('[data-message-id]');
    return items.length ? items[items.length - 1].getAttribute('data-message-id') : '0';
  }

  function loadNewer() {
    if (loading) { again = true; return; }
    loading = true;
    fetch('/messages/' + conversationId + '/since/' + lastId(), {
      credentials: 'same-origin', headers: { 'Accept': 'text/html' }
    }).then(function (r) {
      if (!r.ok) { throw new Error('HTTP ' + r.status); }
      return r.text();
    }).then(function (html) {
      var tpl = document.createElement('template');
      tpl.innerHTML = html.trim();
      var added = null;
      tpl.content.querySelectorAll('[data-message-id]').forEach(function (li) {
        if (!document.getElementById(li.id)) { list.appendChild(li); added = li; }
      });
      if (added) {
        var hint = document.querySelector('.empty-hint');
        if (hint) { hint.remove(); }
        added.scrollIntoView({ block: 'nearest' });
      }
    }).catch(function () {
      // a failed update changes nothing; the button still reloads the page
    }).then(function () {
      loading = false;
      if (again) { again = false; loadNewer(); }
    });
  }

  // live delivery: the notifications script dispatches this event for every new message the viewer may see
  document.addEventListener('kontor:message', function (e) {
    if (e.detail && String(e.detail.conversationId) === conversationId) { loadNewer(); }
  });

  var form = document.querySelector('form[data-load-newer]');
  if (form) {
    form.addEventListener('submit', function (e) { e.preventDefault(); loadNewer(); });
  }

  // open at the newest message, unless the address points at a particular one
  if (!window.location.hash && list.lastElementChild) {
    list.lastElementChild.scrollIntoView({ block: 'end' });
  }
})();
