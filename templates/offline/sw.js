// Service worker (scope /), served by offline.views.service_worker. Workbox (static/vendor/
// workbox/, built by `make install`) keeps the app shell; pages go to the network first and,
// without a signal, come from the saved copy in the signed-in person's own cache, else /luring/.
// Nothing is stored here but the shell: a page is cached only when its owner saves it.
"use strict";
var PSM = {{ config|safe }};
importScripts.apply(self, {{ scripts|safe }});

workbox.core.setCacheNameDetails({ prefix: "psm", suffix: "", precache: "shell", runtime: "none" });
self.skipWaiting();
workbox.core.clientsClaim();

// The shell is fetched without cookies, so its copy of /luring/ shows nobody's data.
workbox.precaching.addPlugins([{
  requestWillFetch: function (p) { return new Request(p.request.url, { credentials: "omit" }); }
}]);

function never(url) {
  return url.origin !== self.location.origin || PSM.never.some(function (p) { return url.pathname.indexOf(p) === 0; });
}
function userCache() {
  return PSMStore.currentKey().then(function (key) { return key ? caches.open(PSMStore.name(key)) : null; });
}
function timeout(promise, ms) {
  if (!ms) { return promise; }
  return new Promise(function (resolve, reject) {
    var t = setTimeout(function () { reject(new Error("timeout")); }, ms);
    promise.then(function (r) { clearTimeout(t); resolve(r); }, function (e) { clearTimeout(t); reject(e); });
  });
}

// Pages: network first; a saved page waits 6 s for a weak signal before its copy is shown.
workbox.routing.registerRoute(function (o) {
  return o.request.mode === "navigate" && o.request.method === "GET" && !never(o.url);
}, function (o) {
  var request = o.request;
  return userCache().then(function (cache) {
    return (cache ? cache.match(request.url, { ignoreVary: true }) : Promise.resolve(null)).then(function (saved) {
      return timeout(fetch(request), saved ? 6000 : 0).then(function (response) {
        // A saved page seen online again: keep the newer copy (its owner saved it).
        if (saved && response.ok && !response.redirected) { cache.put(request.url, response.clone()); }
        return response;
      }).catch(function () {
        if (saved) { return saved; }
        return workbox.precaching.matchPrecache(PSM.offline_page).then(function (shell) {
          return shell || Response.error();
        });
      });
    });
  });
});

workbox.precaching.precacheAndRoute(PSM.precache);
workbox.precaching.cleanupOutdatedCaches();

// Images and documents of saved lessons: the saved copy, else the network (never stored).
// Not a script's own fetch (destination ""): saving and updating a course must reach the
// server, or an update would store the old copy again.
workbox.routing.registerRoute(function (o) {
  return o.request.method === "GET" && o.request.destination !== "" && !never(o.url);
}, function (o) {
  return userCache().then(function (cache) {
    return cache ? cache.match(o.request.url, { ignoreVary: true }) : null;
  }).then(function (saved) { return saved || fetch(o.request); });
});

// Background Sync: the queue the pages filled (static/js/offline/store.js).
self.addEventListener("sync", function (event) {
  if (event.tag !== "psm-queue") { return; }
  event.waitUntil(PSMStore.currentKey().then(function (key) {
    if (!key) { return null; }
    return PSMStore.flush(key).then(function () {
      return self.clients.matchAll({ type: "window" }).then(function (list) {
        list.forEach(function (c) { c.postMessage({ type: "psm-synced" }); });
      });
    });
  }));
});

// Web push ([I]).
self.addEventListener("push", function (event) {
  var data = {};
  try { data = event.data ? event.data.json() : {}; } catch (e) { data = {}; }
  event.waitUntil(self.registration.showNotification(data.title || "PSM Belajar", {
    body: data.body || "",
    icon: PSM.push_icon,
    data: { url: data.url || "/notifikasi/" }
  }));
});
self.addEventListener("notificationclick", function (event) {
  event.notification.close();
  event.waitUntil(self.clients.openWindow(event.notification.data.url));
});
