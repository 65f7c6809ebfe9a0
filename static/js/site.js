// Small progressive enhancements; every page works without this file.
(function () {
  "use strict";
  // Move focus to the error summary so screen readers announce it.
  var errors = document.getElementById("form-errors");
  if (errors) { errors.focus(); }
  // Submit the language switch as soon as a language is picked.
  var select = document.getElementById("language");
  if (select && select.form) {
    select.addEventListener("change", function () { select.form.submit(); });
  }
})();
