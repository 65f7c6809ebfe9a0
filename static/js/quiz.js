// Quiz autosave with an offline queue. Every change is stored in localStorage first, then sent
// with a growing sequence number; the server keeps the newest. Unsent answers survive a dropped
// connection and a reload, and go out when the connection returns. Without this script the
// page is a plain form that saves and submits on the server.
(function () {
  "use strict";
  var form = document.getElementById("quiz-form");
  if (!form || !window.fetch || !window.localStorage) { return; }
  var api = form.dataset.api;
  var storeKey = "psm-quiz-" + form.dataset.attempt;
  var status = document.getElementById("sync-status");
  var csrf = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  var sending = {};
  var submitting = false;

  function load() {
    try { return JSON.parse(localStorage.getItem(storeKey)) || {}; } catch (e) { return {}; }
  }
  function store(pending) { localStorage.setItem(storeKey, JSON.stringify(pending)); }
  function say(text) { if (status) { status.textContent = text; } }
  function mark(id, text, cls) {
    var box = document.getElementById("question-" + id);
    if (!box) { return; }
    var el = box.querySelector(".q-state");
    el.textContent = text;
    el.className = "q-state " + (cls || "");
  }
  // A sequence that only grows, even across reloads: time in microseconds.
  var lastSeq = 0;
  function nextSeq() {
    var now = Date.now() * 1000;
    lastSeq = Math.max(now, lastSeq + 1);
    return lastSeq;
  }

  function readResponse(box) {
    var id = box.dataset.question, kind = box.dataset.kind, name = "q" + id;
    if (kind === "single" || kind === "true_false") {
      var checked = box.querySelector("input[name='" + name + "']:checked");
      return checked ? checked.value : null;
    }
    if (kind === "multiple") {
      return Array.prototype.map.call(
        box.querySelectorAll("input[name='" + name + "']:checked"), function (i) { return i.value; });
    }
    if (kind === "short_text" || kind === "numeric" || kind === "essay") {
      var value = box.querySelector("[name='" + name + "']").value;
      return value.trim() ? value : null;
    }
    if (kind === "ordering") {
      var selects = box.querySelectorAll("select[data-item]");
      var ranks = [], used = {};
      for (var i = 0; i < selects.length; i++) {
        var r = selects[i].value;
        if (!r || used[r]) { return null; }
        used[r] = true;
        ranks.push([parseInt(r, 10), selects[i].dataset.item]);
      }
      ranks.sort(function (a, b) { return a[0] - b[0]; });
      return ranks.map(function (p) { return p[1]; });
    }
    if (kind === "matching") {
      // One group of radios per item, its match chosen by value.
      var pairs = {}, any = false;
      box.querySelectorAll(".match-item").forEach(function (group) {
        var picked = group.querySelector("input:checked");
        if (picked) { pairs[group.dataset.item] = picked.value; any = true; }
      });
      return any ? pairs : null;
    }
    return null;
  }

  function send(id) {
    var pending = load();
    var item = pending[id];
    if (!item) { return Promise.resolve(); }
    // A save already on its way: wait for it (a submit must not go on while it is in flight).
    if (sending[id]) { return sending[id]; }
    mark(id, form.dataset.msgSaving, "saving");
    sending[id] = fetch(api + "/answers/" + id, {
      method: "PUT",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf },
      body: JSON.stringify({ response: item.response, seq: item.seq })
    }).then(function (res) {
      return res.json().then(function (body) { return { ok: res.ok, status: res.status, body: body }; });
    }).then(function (r) {
      sending[id] = false;
      var now = load();
      if (r.ok) {
        if (now[id] && now[id].seq <= item.seq) { delete now[id]; store(now); }
        mark(id, "✓ " + form.dataset.msgSaved, "saved");
      } else if (r.status === 409) {
        // Closed (submitted elsewhere or time is up): show the result.
        delete now[id]; store(now);
        say(r.body.message);
        window.location.href = form.dataset.result;
      } else {
        delete now[id]; store(now);
        mark(id, form.dataset.msgError + ": " + (r.body.message || r.status), "error");
      }
      refresh();
    }).catch(function () {
      sending[id] = false;
      mark(id, form.dataset.msgPending, "pending");
      say(form.dataset.msgOffline);
    });
    return sending[id];
  }

  function flush() {
    var ids = Object.keys(load());
    return Promise.all(ids.map(send));
  }
  // Before submitting: an answer changed while its save was in flight is sent too.
  function flushAll(tries) {
    return flush().then(function () {
      if (tries > 0 && navigator.onLine && Object.keys(load()).length) { return flushAll(tries - 1); }
    });
  }
  function refresh() {
    if (Object.keys(load()).length === 0) { say(form.dataset.msgAllSent); }
  }

  form.addEventListener("change", onEdit);
  form.addEventListener("input", function (event) {
    if (event.target.matches("input[type=text], textarea")) { onEdit(event); }
  });
  var typingTimers = {};
  function onEdit(event) {
    var box = event.target.closest("fieldset[data-question]");
    if (!box) { return; }
    var id = box.dataset.question;
    var pending = load();
    pending[id] = { response: readResponse(box), seq: nextSeq() };
    store(pending);
    mark(id, form.dataset.msgPending, "pending");
    clearTimeout(typingTimers[id]);
    typingTimers[id] = setTimeout(function () { send(id); }, event.type === "input" ? 700 : 0);
  }

  // Answers kept on the phone from before a reload win over what the server had.
  var kept = load();
  Object.keys(kept).forEach(function (id) {
    var box = document.getElementById("question-" + id);
    if (!box) { delete kept[id]; return; }
    if (kept[id].seq <= parseInt(box.dataset.seq || "0", 10)) { delete kept[id]; return; }
    restore(box, kept[id].response);
    mark(id, form.dataset.msgPending, "pending");
  });
  store(kept);
  function restore(box, response) {
    var name = "q" + box.dataset.question, kind = box.dataset.kind;
    if (kind === "single" || kind === "true_false" || kind === "multiple") {
      var values = Array.isArray(response) ? response : [response];
      box.querySelectorAll("input[name='" + name + "']").forEach(function (i) {
        i.checked = values.indexOf(i.value) !== -1;
      });
    } else if (kind === "ordering" && Array.isArray(response)) {
      box.querySelectorAll("select[data-item]").forEach(function (s) {
        s.value = String(response.indexOf(s.dataset.item) + 1);
      });
    } else if (kind === "matching" && response) {
      box.querySelectorAll(".match-item").forEach(function (group) {
        group.querySelectorAll("input").forEach(function (i) {
          i.checked = response[group.dataset.item] === i.value;
        });
      });
    } else {
      var field = box.querySelector("[name='" + name + "']");
      if (field) { field.value = response || ""; }
    }
  }

  window.addEventListener("online", flush);
  setInterval(flush, 15000);
  flush().then(refresh);

  // An untimed quiz without a signal: the answers and the submit wait in the offline queue
  // (static/js/offline/), sent with their seq and graded on arrival. A timed one keeps waiting
  // here, its clock runs on the server.
  var queuedKey = storeKey + "-queued";
  function queuedOffline() {
    form.querySelectorAll("input, select, textarea, button").forEach(function (el) { el.disabled = true; });
    say(window.PSMOffline.t("msgQuizQueued"));
  }
  function queueOffline() {
    var off = window.PSMOffline;
    if (!off || document.getElementById("time-left")) { return false; }
    var attempt = parseInt(form.dataset.attempt, 10);
    var pending = load();
    var chain = Promise.resolve();
    Object.keys(pending).forEach(function (id) {
      chain = chain.then(function () {
        return off.queue("answer", { attempt_id: attempt, question_id: parseInt(id, 10), response: pending[id].response, seq: pending[id].seq });
      });
    });
    chain.then(function () { return off.queue("submit", { attempt_id: attempt }); }).then(function () {
      localStorage.removeItem(storeKey);
      localStorage.setItem(queuedKey, "1");
      queuedOffline();
    }, function () { submitting = false; say(form.dataset.msgOffline); });
    return true;
  }
  document.addEventListener("DOMContentLoaded", function () {  // after the offline scripts
    if (localStorage.getItem(queuedKey) && window.PSMOffline) { submitting = true; queuedOffline(); }
  });

  function submitAttempt() {
    if (submitting) { return; }
    submitting = true;
    flushAll(3).then(function () {
      if (Object.keys(load()).length) {
        if (queueOffline()) { return; }
        submitting = false;
        say(form.dataset.msgOffline);
        return;
      }
      return fetch(api + "/submit", {
        method: "POST", credentials: "same-origin", headers: { "X-CSRFToken": csrf }
      }).then(function (res) {
        if (res.ok || res.status === 409) {
          localStorage.removeItem(storeKey);
          window.location.href = form.dataset.result;
        } else { submitting = false; }
      });
    }).catch(function () {
      if (queueOffline()) { return; }
      submitting = false; say(form.dataset.msgOffline);
    });
  }
  // Answered in full, as the server counts it (scoring.response_is_complete).
  function complete(box) {
    var response = readResponse(box);
    if (response === null || (Array.isArray(response) && !response.length)) { return false; }
    if (box.dataset.kind === "matching") {
      return Object.keys(response).length === box.querySelectorAll(".match-item").length;
    }
    return true;
  }
  // "Kirim" asks first, naming the questions without a (full) answer.
  var dialog = document.getElementById("submit-confirm");
  function confirmSubmit() {
    var open = 0;
    form.querySelectorAll("fieldset[data-question]").forEach(function (box) {
      var entry = dialog.querySelector("li[data-question='" + box.dataset.question + "']");
      entry.hidden = complete(box);
      if (!entry.hidden) { open += 1; }
    });
    dialog.querySelector("[data-when=some]").hidden = open === 0;
    dialog.querySelector("[data-when=none]").hidden = open > 0;
    if (typeof dialog.showModal === "function") {
      dialog.showModal();
    } else if (window.confirm(dialog.querySelector("h2").textContent)) {
      submitAttempt();
    }
  }
  if (dialog) {
    dialog.addEventListener("click", function (event) {
      var action = event.target.closest("[data-action], a");
      if (!action) { return; }
      dialog.close();  // a link goes on to its question
      if (action.dataset.action === "submit") { submitAttempt(); }
    });
  }
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (event.submitter && event.submitter.name === "save") { flush().then(refresh); return; }
    if (dialog) { confirmSubmit(); } else { submitAttempt(); }
  });
  window.addEventListener("online", function () { if (submitting) { submitAttempt(); } });

  // Countdown from the server's deadline, corrected for the phone's clock.
  var timer = document.getElementById("time-left");
  if (timer) {
    var deadline = Date.parse(timer.dataset.deadline);
    var offset = Date.parse(timer.dataset.serverTime) - Date.now();
    var tick = function () {
      var left = Math.max(0, deadline - (Date.now() + offset));
      var m = Math.floor(left / 60000), s = Math.floor((left % 60000) / 1000);
      timer.textContent = m + ":" + (s < 10 ? "0" : "") + s;
      if (left <= 0) {
        if (dialog && dialog.open) { dialog.close(); }
        say(form.dataset.msgTimeup); submitAttempt(); return;
      }
      setTimeout(tick, 1000);
    };
    tick();
  }
})();
