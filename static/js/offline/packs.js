// Saved courses: download a course pack (GET /api/v1/offline/courses/<id>/pack) into the
// person's cache, update only what changed, remove it. The record in IndexedDB ("courses")
// is written last, so a course that did not finish saving is never listed as saved.
(function (root) {
  "use strict";
  var S = root.PSMStore;
  var LIST_URL = "/api/v1/offline/courses";

  function Failure(code, values) { this.code = code; this.values = values || {}; }

  function getJSON(url) {
    return fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } }).then(function (res) {
      if (res.status === 404) { throw new Failure("gone"); }
      if (!res.ok) { throw new Failure("failed"); }
      return res.json();
    }, function () { throw new Failure("failed"); });
  }

  function saved(key, id) {
    return S.all(key, "courses").then(function (list) {
      return list.filter(function (c) { return String(c.id) === String(id); })[0] || null;
    });
  }

  // URLs still used by saved courses other than `id` (an image can be in two courses).
  function usedElsewhere(key, id) {
    return S.all(key, "courses").then(function (list) {
      var used = {};
      list.forEach(function (c) {
        if (String(c.id) !== String(id)) { Object.keys(c.items).forEach(function (u) { used[u] = true; }); }
      });
      return used;
    });
  }

  function dropUrls(key, id, urls) {
    if (!urls.length) { return Promise.resolve(); }
    return Promise.all([usedElsewhere(key, id), caches.open(S.name(key))]).then(function (both) {
      return Promise.all(urls.filter(function (u) { return !both[0][u]; }).map(function (u) { return both[1].delete(u); }));
    });
  }

  // What saving would download: the pack, the items that changed, their bytes.
  function plan(key, packUrl, withDocuments) {
    return getJSON(packUrl).then(function (pack) {
      return S.all(key, "courses").then(function (list) {
        var old = list.filter(function (c) { return String(c.id) === String(pack.course); })[0] || null;
        var docs = withDocuments === undefined ? !!(old && old.documents) : withDocuments;
        var items = pack.items.filter(function (i) { return !i.optional || docs; });
        var before = old ? old.items : {};
        var todo = items.filter(function (i) { return !before[i.url] || before[i.url].etag !== i.etag; });
        var optional = pack.items.filter(function (i) { return i.optional; });
        return {
          pack: pack, old: old, items: items, todo: todo, documents: docs,
          bytes: todo.reduce(function (s, i) { return s + (i.bytes || 0); }, 0),
          optionalBytes: optional.reduce(function (s, i) { return s + (i.bytes || 0); }, 0),
          optionalCount: optional.length
        };
      });
    });
  }

  function roomFor(bytes) {
    if (!navigator.storage || !navigator.storage.estimate) { return Promise.resolve(); }
    return navigator.storage.estimate().then(function (e) {
      var free = (e.quota || 0) - (e.usage || 0);
      if (e.quota && free < bytes) { throw new Failure("no_space", { free: free, size: bytes }); }
    });
  }

  function isQuota(error) {
    return error && (error.name === "QuotaExceededError" || error.code === 22);
  }

  // Save or update from a plan; progress(done, total). Resolves the saved record.
  function apply(key, packUrl, courseUrl, p, progress) {
    var cache;
    var added = [];
    var done = 0;
    var queue = p.todo.slice();
    function next() {
      var item = queue.shift();
      if (!item) { return Promise.resolve(); }
      return fetch(item.url, { credentials: "same-origin" }).then(function (res) {
        if (!res.ok || res.redirected) { throw new Failure("failed"); }
        return cache.put(item.url, res);
      }, function () { throw new Failure("failed"); }).then(function () {
        added.push(item.url);
        done += 1;
        if (progress) { progress(done, p.todo.length); }
        return next();
      });
    }
    return roomFor(p.bytes).then(function () {
      if (navigator.storage && navigator.storage.persist) { navigator.storage.persist().catch(function () {}); }
      return caches.open(S.name(key));
    }).then(function (c) {
      cache = c;
      if (progress) { progress(0, p.todo.length); }
      return Promise.all([next(), next(), next()]);  // three at a time
    }).then(function () {
      var items = {};
      p.items.forEach(function (i) { items[i.url] = { etag: i.etag, kind: i.kind, title: i.title || "", bytes: i.bytes || 0 }; });
      var dropped = p.old ? Object.keys(p.old.items).filter(function (u) { return !items[u]; }) : [];
      var record = {
        id: p.pack.course, title: p.pack.title, url: courseUrl || (p.old && p.old.url) || "",
        pack: packUrl, version: p.pack.version, items: items, documents: p.documents,
        bytes: p.items.reduce(function (s, i) { return s + (i.bytes || 0); }, 0),
        savedAt: new Date().toISOString()
      };
      return S.put(key, "courses", record).then(function () { return dropUrls(key, record.id, dropped); }).then(function () { return record; });
    }).catch(function (error) {
      queue.length = 0;
      // A first save that stopped leaves nothing behind; an update keeps the old record
      // (its etags then fetch the half-updated items again next time).
      var cleanup = p.old ? Promise.resolve() : dropUrls(key, p.pack.course, added);
      return cleanup.then(function () {
        if (error instanceof Failure) { throw error; }
        throw new Failure(isQuota(error) ? "quota" : "failed");
      });
    });
  }

  function remove(key, id) {
    return saved(key, id).then(function (record) {
      if (!record) { return null; }
      return S.remove(key, "courses", record.id).then(function () {
        return dropUrls(key, record.id, Object.keys(record.items));
      });
    });
  }

  // At every page load online: saved courses no longer listed go; changed ones update.
  function refresh(key) {
    return getJSON(LIST_URL).then(function (body) {
      var listed = {};
      (body.courses || []).forEach(function (c) { listed[String(c.id)] = c; });
      return S.all(key, "courses").then(function (list) {
        return list.reduce(function (chain, c) {
          return chain.then(function () {
            var now = listed[String(c.id)];
            if (!now) { return remove(key, c.id); }
            if (now.version === c.version) { return null; }
            return plan(key, c.pack).then(function (p) { return apply(key, c.pack, now.url, p); }).catch(function (e) {
              if (e instanceof Failure && e.code === "gone") { return remove(key, c.id); }
            });
          });
        }, Promise.resolve());
      });
    }).catch(function () {});
  }

  root.PSMPacks = { Failure: Failure, saved: saved, plan: plan, apply: apply, remove: remove, refresh: refresh };
})(self);
