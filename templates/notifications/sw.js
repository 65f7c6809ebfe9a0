// Service worker (scope /): shows a web push. The offline app grows this file later.
self.addEventListener("push", function (event) {
  var data = {};
  try { data = event.data ? event.data.json() : {}; } catch (e) { data = {}; }
  event.waitUntil(self.registration.showNotification(data.title || "PSM Belajar", {
    body: data.body || "",
    icon: "/static/img/logo.svg",
    data: { url: data.url || "/notifikasi/" }
  }));
});
self.addEventListener("notificationclick", function (event) {
  event.notification.close();
  event.waitUntil(self.clients.openWindow(event.notification.data.url));
});
