// Web push on the notification settings page: asks the browser only after the button is
// pressed, then registers /sw.js and sends the subscription to the site.
(function () {
  "use strict";
  var box = document.getElementById("push");
  var button = document.getElementById("push-enable");
  var status = document.getElementById("push-status");
  var text = document.getElementById("push-messages");
  if (!box || !button) { return; }
  if (!("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) { return; }
  function say(key) { status.textContent = text.getAttribute("data-" + key); }
  function csrf() {
    var m = document.cookie.match(/(?:^|; )csrftoken=([^;]+)/);
    return m ? decodeURIComponent(m[1]) : "";
  }
  function keyBytes(b64) {
    var pad = "=".repeat((4 - (b64.length % 4)) % 4);
    var raw = atob((b64 + pad).replace(/-/g, "+").replace(/_/g, "/"));
    var out = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) { out[i] = raw.charCodeAt(i); }
    return out;
  }
  button.hidden = false;
  say(Notification.permission === "granted" ? "on" : "ready");
  button.addEventListener("click", function () {
    Notification.requestPermission().then(function (permission) {
      if (permission !== "granted") { say("denied"); throw new Error("denied"); }
      return Promise.all([
        navigator.serviceWorker.register("/sw.js", { scope: "/" }).then(function () { return navigator.serviceWorker.ready; }),
        fetch(box.getAttribute("data-key-url"), { credentials: "same-origin" }).then(function (r) { return r.json(); })
      ]);
    }).then(function (both) {
      return both[0].pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(both[1].key) });
    }).then(function (subscription) {
      return fetch(box.getAttribute("data-subscribe-url"), {
        method: "POST", credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRFToken": csrf() },
        body: JSON.stringify(subscription.toJSON())
      });
    }).then(function (response) {
      say(response.ok ? "on" : "failed");
    }).catch(function (error) {
      if (error.message !== "denied") { say("failed"); }
    });
  });
})();
