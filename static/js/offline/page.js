// Every page: registers the service worker, keeps only the signed-in person's offline storage,
// sends the offline queue (page load, `online`, the header button; Background Sync in the
// worker), and lets the course, lesson, quiz, attitude and evidence pages work without a
// signal. Strings come from #psm-offline's data-* attributes (templates/offline/strings.html).
(function () {
  "use strict";
  if (!("serviceWorker" in navigator) || !window.caches || !window.indexedDB || !window.PSMStore) { return; }
  var S = window.PSMStore, P = window.PSMPacks;
  var strings = document.getElementById("psm-offline");
  var meta = document.querySelector('meta[name="psm-user"]');
  var key = (meta && meta.content) || null;

  function fill(text, values) {
    return (text || "").replace(/%?%\((\w+)\)s|\{(\w+)\}/g, function (m, a, b) { var k = a || b; return values && k in values ? values[k] : m; });
  }
  function t(name, values) { return fill(strings ? strings.dataset[name] : "", values); }
  var mb = new Intl.NumberFormat("id-ID", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  function size(bytes) { return mb.format(Math.max(0.1, bytes / 1048576)) + " MB"; }
  function csrf() {
    var m = document.cookie.match(/(?:^|; )csrftoken=([^;]+)/);
    if (m) { return decodeURIComponent(m[1]); }
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }
  var notice = document.getElementById("offline-notice");
  function say(text, kind) {
    if (!notice || !text) { return; }
    var p = document.createElement("p");
    p.className = "message message-" + (kind || "info");
    p.textContent = text;
    notice.appendChild(p);
    notice.hidden = false;
  }

  var registered = navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(function () { return null; });

  // A signal that reaches the site (navigator.onLine is true on a dead mobile connection too).
  function reachable() {
    if (!navigator.onLine) { return Promise.resolve(false); }
    return Promise.race([
      fetch("/manifest.webmanifest", { method: "HEAD", cache: "no-store", credentials: "same-origin" }).then(function () { return true; }, function () { return false; }),
      new Promise(function (resolve) { setTimeout(function () { resolve(false); }, 5000); })
    ]);
  }

  if (!key) { return; }  // signed out: nothing is kept for nobody

  // This phone keeps one person's storage: a different person's goes now.
  var setup = S.forgetOthers(key).then(function () { return caches.open(S.name(key)); }).then(function () {
    var token = csrf();
    return token ? S.put(key, "meta", token, "csrf") : null;
  });

  var badge = document.getElementById("offline-queue");
  function count() {
    return S.queued(key).then(function (items) {
      if (!badge) { return; }
      badge.querySelector("[data-count]").textContent = items.length;
      badge.hidden = items.length === 0;
    });
  }
  function notices() {
    return S.takeNotices(key).then(function (list) { list.forEach(function (m) { say(m, "error"); }); });
  }
  var syncing = false;
  function sync(fromButton) {
    if (syncing) { return Promise.resolve(); }
    syncing = true;
    return setup.then(function () { return S.queued(key); }).then(function (items) {
      if (!items.length) { return null; }
      return S.flush(key).then(function (r) {
        if (fromButton && r.sent) { say(t("msgSent"), "success"); }
      }, function () { if (fromButton) { say(t("msgStillOffline"), "error"); } });
    }).then(notices).then(count).then(function () { syncing = false; }, function () { syncing = false; });
  }
  function queue(kind, payload, extra) {
    return setup.then(function () { return S.enqueue(key, kind, payload, extra); }).then(count);
  }
  window.PSMOffline = { key: key, queue: queue, say: say, t: t, reachable: reachable };

  if (badge) {
    badge.querySelector("button").addEventListener("click", function () { sync(true); });
  }
  navigator.serviceWorker.addEventListener("message", function (event) {
    if (event.data && event.data.type === "psm-synced") { notices().then(count); }
  });
  window.addEventListener("online", function () { sync(); P.refresh(key); });
  setup.then(count).then(function () {
    if (navigator.onLine) { sync(); P.refresh(key).then(function () { drawSave(false); }); }
  });

  // "Tandai selesai": with no signal it waits in the queue, with its time.
  function lessonDone(form, lessonId) {
    return queue("lesson_done", { lesson_id: lessonId }).then(function () {
      var p = document.createElement("p");
      p.className = "done-note";
      p.textContent = "✓ " + t("msgDoneQueued");
      form.replaceWith(p);
    });
  }
  function ratings(form) {
    var out = {};
    form.querySelectorAll("input[type=radio]:checked").forEach(function (i) {
      var m = i.name.match(/^s(\d+)$/);
      if (m) { out[m[1]] = parseInt(i.value, 10); }
    });
    return out;
  }
  function attitude(form, instrumentId) {
    return queue("attitude", { instrument_id: instrumentId, ratings: ratings(form) }).then(function () {
      form.querySelectorAll("input, button, textarea").forEach(function (el) { el.disabled = true; });
      say(t("msgAttitudeQueued"), "success");
    });
  }
  function evidence(form, rubricId) {
    var fields = [];
    new FormData(form).forEach(function (value, name) {
      if (name === "csrfmiddlewaretoken") { return; }
      if (value instanceof File) {
        if (value.size) { fields.push([name, value, value.name]); }
      } else { fields.push([name, value]); }
    });
    return queue("evidence", { url: location.pathname, rubric_id: rubricId }, { fields: fields }).then(function () {
      form.reset();
      say(t("msgEvidenceQueued"), "success");
    }, function (error) {
      say(error && error.name === "QuotaExceededError" ? t("msgQuota") : t("msgFailed"), "error");
    });
  }
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var action = form.getAttribute("action") || location.pathname;
    var path = new URL(action, location.href).pathname;
    var lesson = path.match(/^\/belajar\/pelajaran\/(\d+)\/selesai\/$/);
    var instrument = location.pathname.match(/^\/sikap\/(\d+)\/$/);
    var rubric = location.pathname.match(/^\/bukti\/(\d+)\/$/);
    var handler = null;
    if (lesson) { handler = function () { return lessonDone(form, parseInt(lesson[1], 10)); }; }
    else if (instrument && form.classList.contains("likert") && path === location.pathname) { handler = function () { return attitude(form, parseInt(instrument[1], 10)); }; }
    else if (rubric && form.enctype === "multipart/form-data" && path === location.pathname) { handler = function () { return evidence(form, parseInt(rubric[1], 10)); }; }
    else if (path === "/accounts/logout/") { event.preventDefault(); logout(form); return; }
    if (!handler) { return; }
    event.preventDefault();
    if (form.dataset.sending) { return; }  // a second tap while the signal is checked
    form.dataset.sending = "1";
    reachable().then(function (up) {
      if (up) { form.submit(); return; }
      Promise.resolve(handler()).finally(function () { delete form.dataset.sending; });
    });
  });
  // Back to a page kept in the browser's memory: its forms may be sent again.
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("form[data-sending]").forEach(function (f) { delete f.dataset.sending; });
  });

  // Logging out: send what is waiting if there is a signal, then forget everything here
  // (the server's Clear-Site-Data does it again).
  function logout(form) {
    sync().then(function () { return S.queued(key); }).then(function (items) {
      if (items.length && !window.confirm(t("msgLogoutPending", { n: items.length }))) { return false; }
      return S.forgetOthers(null).then(function () { return true; });
    }).then(function (go) { if (go) { form.submit(); } }, function () { form.submit(); });
  }

  // "Siapkan kuis untuk luring": the server starts the attempt; its page is kept here.
  var quizButton = document.getElementById("offline-quiz");
  if (quizButton) {
    var quizStatus = document.createElement("p");
    quizStatus.setAttribute("role", "status");
    quizButton.after(quizStatus);
    quizButton.hidden = false;
    quizButton.addEventListener("click", function () {
      quizButton.disabled = true;
      quizStatus.textContent = quizButton.dataset.msgPreparing;
      fetch(quizButton.dataset.prepare, {
        method: "POST", credentials: "same-origin",
        headers: { "X-CSRFToken": csrf(), "Accept": "application/json" }
      }).then(function (res) {
        return res.json().then(function (body) {
          if (!res.ok) { throw new P.Failure("server", { message: body.message }); }
          return fetch(body.attempt_url, { credentials: "same-origin" }).then(function (page) {
            if (!page.ok || page.redirected) { throw new P.Failure("failed"); }
            return caches.open(S.name(key)).then(function (c) { return c.put(body.attempt_url, page); });
          }).then(function () {
            return S.getMeta(key, "quizzes").then(function (q) {
              q = q || {};
              q[body.quiz] = { title: body.title, url: body.attempt_url, attempt: body.attempt };
              return S.put(key, "meta", q, "quizzes");
            });
          }).then(function () { return body; });
        });
      }).then(function (body) {
        quizStatus.innerHTML = "";
        quizStatus.append(quizButton.dataset.msgReady + " ");
        var a = document.createElement("a");
        a.href = body.attempt_url;
        a.textContent = t("msgOpenQuiz");
        quizStatus.append(a);
      }, function (error) {
        quizButton.disabled = false;
        quizStatus.textContent = (error && error.values && error.values.message) || quizButton.dataset.msgFailed;
      });
    });
  }

  // The course page: save, update, remove.
  var box = document.getElementById("offline-save");
  function button(label, cls) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "button " + (cls || "");
    b.textContent = label;
    return b;
  }
  var asking = false;
  // A redraw (force false) never clobbers a save the person has started.
  function drawSave(force) {
    if (!box) { return Promise.resolve(); }
    if (force !== false) { asking = false; }
    return P.saved(key, box.dataset.course).then(function (record) {
      if (asking) { return; }
      box.hidden = false;
      box.innerHTML = "";
      var status = document.createElement("p");
      status.setAttribute("role", "status");
      status.className = "offline-status";
      var actions = document.createElement("div");
      actions.className = "offline-actions";
      box.append(status, actions);
      if (record) {
        status.textContent = "✓ " + box.dataset.msgSaved + " (" + size(record.bytes) + ")";
        var update = button(box.dataset.msgUpdate, "button-secondary");
        var drop = button(box.dataset.msgRemove, "button-secondary");
        update.addEventListener("click", function () { ask(status, actions); });
        drop.addEventListener("click", function () {
          P.remove(key, box.dataset.course).then(drawSave).then(function () { box.querySelector(".offline-status").textContent = box.dataset.msgRemoved; });
        });
        actions.append(update, drop);
      } else {
        var save = button(box.dataset.msgSave);
        save.addEventListener("click", function () { ask(status, actions); });
        actions.append(save);
      }
    });
  }
  function failure(error) {
    var code = error && error.code;
    if (code === "no_space") { return fill(box.dataset.msgNoSpace, { free: size(error.values.free), size: size(error.values.size) }); }
    if (code === "quota") { return t("msgQuota"); }
    return box.dataset.msgFailed;
  }
  // First the size (and the documents' size, to choose), then the download with progress.
  function ask(status, actions, documents) {
    asking = true;
    actions.innerHTML = "";
    status.textContent = t("msgChecking");
    P.plan(key, box.dataset.pack, documents).then(function (p) {
      if (!p.todo.length && p.old) {
        return P.apply(key, box.dataset.pack, location.pathname, p).then(drawSave);
      }
      status.textContent = fill(box.dataset.msgSize, { size: size(p.bytes) });
      if (p.optionalCount) {
        var label = document.createElement("label");
        label.className = "checkbox";
        var check = document.createElement("input");
        check.type = "checkbox";
        check.checked = p.documents;
        check.addEventListener("change", function () { ask(status, actions, check.checked); });
        label.append(check, " " + fill(box.dataset.msgDocuments, { size: size(p.optionalBytes) }));
        actions.append(label);
      }
      var go = button(t("msgSaveNow"));
      var cancel = button(t("msgCancel"), "button-secondary");
      cancel.addEventListener("click", drawSave);
      go.addEventListener("click", function () {
        actions.innerHTML = "";
        P.apply(key, box.dataset.pack, location.pathname, p, function (done, total) {
          status.textContent = fill(box.dataset.msgSaving, { done: done, total: total });
        }).then(drawSave, function (error) {
          return drawSave().then(function () { box.querySelector(".offline-status").textContent = failure(error); });
        });
      });
      actions.append(go, cancel);
    }).catch(function (error) {
      drawSave().then(function () { box.querySelector(".offline-status").textContent = failure(error); });
    });
  }
  if (box) { setup.then(function () { return drawSave(false); }); }
})();
