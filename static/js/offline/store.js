// Offline storage shared by the pages and the service worker (self is window or the worker).
// One Cache ("psm-u-<user key>") holds the pages and images a person saved; one IndexedDB
// database of the same name holds their saved courses and the queue of what they did offline.
// Only one person's storage is ever kept: the page deletes the others' when a new key shows up.
(function (root) {
  "use strict";
  var PREFIX = "psm-u-";
  var SYNC_URL = "/api/v1/offline/sync";

  function name(key) { return PREFIX + key; }

  // The person whose storage this phone keeps (the one psm-u-* cache), or null.
  function currentKey() {
    return caches.keys().then(function (names) {
      var mine = names.filter(function (n) { return n.indexOf(PREFIX) === 0; });
      return mine.length ? mine[0].slice(PREFIX.length) : null;
    });
  }

  function req(request) {
    return new Promise(function (resolve, reject) {
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }

  var opened = {};
  function db(key) {
    if (!opened[key]) {
      var request = indexedDB.open(name(key), 1);
      request.onupgradeneeded = function () {
        var d = request.result;
        d.createObjectStore("courses", { keyPath: "id" });
        d.createObjectStore("queue", { keyPath: "key" });
        d.createObjectStore("meta");
      };
      opened[key] = req(request).then(function (d) {
        d.onversionchange = function () { d.close(); delete opened[key]; };
        return d;
      });
    }
    return opened[key];
  }

  // One transaction on one store; fn(store) returns a request or a value.
  function run(key, storeName, mode, fn) {
    return db(key).then(function (d) {
      return new Promise(function (resolve, reject) {
        var tx = d.transaction(storeName, mode);
        var result = fn(tx.objectStore(storeName));
        var value;
        if (result && typeof result.onsuccess !== "undefined") {
          result.onsuccess = function () { value = result.result; };
        } else { value = result; }
        tx.oncomplete = function () { resolve(value); };
        tx.onerror = function () { reject(tx.error); };
        tx.onabort = function () { reject(tx.error || new Error("abort")); };
      });
    });
  }

  function all(key, storeName) {
    return run(key, storeName, "readonly", function (s) { return s.getAll(); });
  }
  function put(key, storeName, value, id) {
    return run(key, storeName, "readwrite", function (s) { return id === undefined ? s.put(value) : s.put(value, id); });
  }
  function remove(key, storeName, id) {
    return run(key, storeName, "readwrite", function (s) { return s.delete(id); });
  }
  function getMeta(key, id) {
    return run(key, "meta", "readonly", function (s) { return s.get(id); });
  }

  // Everything of everyone but `keep` (null: of everyone): caches and databases.
  function forgetOthers(keep) {
    var cachesGone = caches.keys().then(function (names) {
      return Promise.all(names.filter(function (n) {
        return n.indexOf(PREFIX) === 0 && n !== name(keep);
      }).map(function (n) { return caches.delete(n); }));
    });
    var dbsGone = (indexedDB.databases ? indexedDB.databases() : Promise.resolve([])).then(function (list) {
      return Promise.all(list.filter(function (d) {
        return d.name && d.name.indexOf(PREFIX) === 0 && d.name !== name(keep);
      }).map(function (d) {
        var k = d.name.slice(PREFIX.length);
        if (opened[k]) { opened[k].then(function (x) { x.close(); }); delete opened[k]; }
        return new Promise(function (resolve) {
          var r = indexedDB.deleteDatabase(d.name);
          r.onsuccess = r.onerror = r.onblocked = function () { resolve(); };
        });
      }));
    });
    return Promise.all([cachesGone, dbsGone]);
  }

  var counter = 0;
  function uuid() {
    if (root.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    return "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".replace(/[xy]/g, function (c) {
      var r = (crypto.getRandomValues(new Uint8Array(1))[0] % 16);
      return (c === "x" ? r : (r & 3) | 8).toString(16);
    });
  }
  // A queued action: sent to the sync API, or (kind "evidence") uploaded as a form.
  function enqueue(key, kind, payload, extra) {
    var action = { key: uuid(), kind: kind, at: new Date().toISOString(), payload: payload, n: Date.now() * 1000 + (counter++ % 1000) };
    if (extra) { Object.keys(extra).forEach(function (k) { action[k] = extra[k]; }); }
    return put(key, "queue", action).then(function () {
      // Background Sync where the browser has it; else the next page load or `online`.
      if (root.navigator && navigator.serviceWorker && root.document) {
        navigator.serviceWorker.ready.then(function (reg) {
          if (reg.sync) { return reg.sync.register("psm-queue"); }
        }).catch(function () {});
      }
      return action;
    });
  }
  function queued(key) {
    return all(key, "queue").then(function (items) { return items.sort(function (a, b) { return a.n - b.n; }); });
  }

  function note(key, messages) {
    if (!messages.length) { return Promise.resolve(); }
    return getMeta(key, "notices").then(function (old) {
      return put(key, "meta", (old || []).concat(messages), "notices");
    });
  }
  // Messages of rejected actions, shown (once) on the next page.
  function takeNotices(key) {
    return getMeta(key, "notices").then(function (list) {
      return put(key, "meta", [], "notices").then(function () { return list || []; });
    });
  }

  function upload(key, csrf, action) {
    var body = new FormData();
    action.fields.forEach(function (pair) {
      if (pair[1] instanceof Blob) { body.append(pair[0], pair[1], pair[2] || "foto.jpg"); } else { body.append(pair[0], pair[1]); }
    });
    return fetch(action.payload.url, {
      method: "POST", credentials: "same-origin", body: body,
      headers: { "Idempotency-Key": action.key, "Accept": "application/json", "X-CSRFToken": csrf }
    }).then(function (res) {
      if (res.status >= 500 || res.status === 429 || res.status === 403) { throw new Error("later"); }
      return res.json().catch(function () { return {}; }).then(function (body) {
        return remove(key, "queue", action.key).then(function () {
          return res.ok ? null : (body.message || body.code || String(res.status));
        });
      });
    });
  }

  var flushing = null;
  // Send the queue. Resolves {sent, rejected: [messages]}; rejects when the network fails
  // (Background Sync then tries again later).
  function flush(key) {
    if (flushing) { return flushing; }
    flushing = getMeta(key, "csrf").then(function (csrf) {
      return queued(key).then(function (items) {
        var actions = items.filter(function (a) { return a.kind !== "evidence"; });
        var files = items.filter(function (a) { return a.kind === "evidence"; });
        var result = { sent: 0, rejected: [] };
        var first = Promise.resolve();
        if (actions.length) {
          first = fetch(SYNC_URL, {
            // No Referer: ~100 bytes of every sync on a metered connection.
            method: "POST", credentials: "same-origin", referrerPolicy: "no-referrer",
            headers: { "Content-Type": "application/json", "Accept": "application/json", "X-CSRFToken": csrf || "" },
            body: JSON.stringify({ actions: actions.map(function (a) { return { key: a.key, kind: a.kind, at: a.at, payload: a.payload }; }) })
          }).then(function (res) {
            if (!res.ok) { throw new Error("sync " + res.status); }
            return res.json();
          }).then(function (body) {
            return Promise.all((body.results || []).map(function (r) {
              if (r.status === "rejected") { result.rejected.push(r.message || r.code); }
              result.sent += 1;
              return remove(key, "queue", r.key);
            }));
          });
        }
        return first.then(function () {
          return files.reduce(function (p, a) {
            return p.then(function () {
              return upload(key, csrf || "", a).then(function (message) {
                result.sent += 1;
                if (message) { result.rejected.push(message); }
              });
            });
          }, Promise.resolve());
        }).then(function () {
          return note(key, result.rejected).then(function () { return result; });
        });
      });
    });
    var done = function () { flushing = null; };
    flushing.then(done, done);
    return flushing;
  }

  root.PSMStore = {
    PREFIX: PREFIX, name: name, currentKey: currentKey, db: db, all: all, put: put, remove: remove,
    getMeta: getMeta, forgetOthers: forgetOthers, enqueue: enqueue, queued: queued, flush: flush,
    takeNotices: takeNotices, uuid: uuid
  };
})(self);
