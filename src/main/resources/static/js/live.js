// Live updates over Server-Sent Events (notify module). Progressive enhancement: without it the bell shows the
// count of the last page load. Other pages listen for the DOM events "kontor:post", "kontor:comment",
// "kontor:reaction", "kontor:message" and "kontor:notification" on document (detail = the event's JSON).
(function () {
  'use strict';
  var bell = document.getElementById('bell-count');
  if (!bell || !window.EventSource) { return; }
  var source = new EventSource('/events');
  var newPosts = 0;
  function dispatch(name, e) {
    var detail = null;
    try { detail = JSON.parse(e.data); } catch (ignored) { detail = null; }
    document.dispatchEvent(new CustomEvent('kontor:' + name, { detail: detail }));
    return detail;
  }
  source.addEventListener('notification', function (e) {
    var d = dispatch('notification', e);
    if (d && typeof d.unreadCount === 'number') {
      bell.textContent = d.unreadCount > 0 ? String(d.unreadCount) : '';
    }
  });
  source.addEventListener('post', function (e) {
    var d = dispatch('post', e);
    // a page may offer a "N new posts" indicator: <a id="live-new-posts" hidden data-template="{0} …">, limited to
    // one space by data-space-id
    var indicator = document.getElementById('live-new-posts');
    var onlySpace = indicator && indicator.getAttribute('data-space-id');
    if (indicator && d && d.action === 'published' && (!onlySpace || String(d.spaceId) === onlySpace)) {
      newPosts += 1;
      var template = indicator.getAttribute('data-template') || '{0}';
      indicator.textContent = template.replace('{0}', String(newPosts));
      indicator.hidden = false;
    }
  });
  ['comment', 'reaction', 'message'].forEach(function (name) {
    source.addEventListener(name, function (e) { dispatch(name, e); });
  });
  // the browser reconnects on its own and sends Last-Event-ID; close cleanly when the page goes away
  window.addEventListener('pagehide', function () { source.close(); });
})();
