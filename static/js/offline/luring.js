// /luring/: what this phone keeps for the signed-in person (the one psm-u-* storage), drawn
// from IndexedDB. The worker shows this page for any page that was not saved.
(function () {
  "use strict";
  var list = document.getElementById("luring-list");
  if (!list || !window.caches || !window.indexedDB || !window.PSMStore) { return; }
  var S = window.PSMStore;
  var meta = document.querySelector('meta[name="psm-user"]');
  function el(tag, text, attrs) {
    var node = document.createElement(tag);
    if (text) { node.textContent = text; }
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }
  function link(href, text) { return el("a", text, { href: href }); }
  (meta && meta.content ? Promise.resolve(meta.content) : S.currentKey()).then(function (key) {
    if (!key) { return; }
    return Promise.all([S.all(key, "courses"), S.getMeta(key, "quizzes"), S.queued(key)]).then(function (r) {
      var courses = r[0], quizzes = r[1] || {}, waiting = r[2];
      courses.sort(function (a, b) { return a.title.localeCompare(b.title, "id"); });
      courses.forEach(function (c) {
        var section = el("section", null, { "class": "card luring-course" });
        var h = el("h2");
        h.append(c.url ? link(c.url, c.title) : c.title);
        section.append(h);
        var ul = el("ul", null, { "class": "luring-lessons" });
        Object.keys(c.items).forEach(function (url) {
          var item = c.items[url];
          if (item.kind !== "page" || url === c.url || !item.title) { return; }
          var li = el("li");
          li.append(link(url, item.title));
          ul.append(li);
        });
        section.append(ul);
        list.append(section);
      });
      var ids = Object.keys(quizzes);
      if (ids.length) {
        var qs = el("section", null, { "class": "card luring-course" });
        qs.append(el("h2", list.dataset.msgQuizzes));
        var ul = el("ul");
        ids.forEach(function (id) { var li = el("li"); li.append(link(quizzes[id].url, quizzes[id].title)); ul.append(li); });
        qs.append(ul);
        list.append(qs);
      }
      if (courses.length || ids.length) { document.getElementById("luring-empty").hidden = true; }
      if (waiting.length) {
        var p = document.getElementById("luring-waiting");
        p.textContent = list.dataset.msgWaiting.replace("{n}", waiting.length);
        p.hidden = false;
      }
    });
  });
})();
