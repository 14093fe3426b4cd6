/* Contribution form: progressive enhancement only. The form works without it.
   - moves focus to the error summary after a refused or invalid post;
   - shows a live character counter under long text fields;
   - warns, before upload, about files that are too big or too many. */
(function () {
  "use strict";

  var summary = document.getElementById("resume-erreurs");
  if (summary) {
    summary.focus();
  }

  var form = document.getElementById("formulaire-contribution");
  if (!form) {
    return;
  }

  form.querySelectorAll("textarea[data-counter]").forEach(function (field) {
    var max = parseInt(field.getAttribute("data-counter"), 10);
    var counter = document.createElement("p");
    counter.className = "fr-hint-text recueil-counter";
    counter.setAttribute("aria-hidden", "true");
    var announcer = document.createElement("p");
    announcer.className = "fr-sr-only";
    announcer.setAttribute("aria-live", "polite");
    field.insertAdjacentElement("afterend", announcer);
    field.insertAdjacentElement("afterend", counter);
    var lastStep = null;
    function label(left) {
      return left + (Math.abs(left) > 1 ? " caractères restants" : " caractère restant");
    }
    function update() {
      var left = max - field.value.length;
      counter.textContent = label(left);
      counter.classList.toggle("recueil-counter--low", left <= Math.max(20, max / 10));
      // Screen readers hear the count only near the limit, not at every key.
      var step = left <= 20 ? left : null;
      if (step !== lastStep && step !== null) {
        announcer.textContent = label(left);
      }
      lastStep = step;
    }
    field.addEventListener("input", update);
    update();
  });

  var upload = form.querySelector("input[type=file][name=attachments]");
  if (upload) {
    var maxSize = 10 * 1024 * 1024;
    var maxFiles = 5;
    var warning = document.createElement("div");
    warning.className = "fr-messages-group";
    warning.id = "fichiers-avertissement";
    warning.setAttribute("aria-live", "polite");
    upload.insertAdjacentElement("afterend", warning);
    upload.addEventListener("change", function () {
      warning.textContent = "";
      var kept = form.querySelectorAll("input[name=remove_attachments]").length -
        form.querySelectorAll("input[name=remove_attachments]:checked").length;
      var problems = [];
      if (upload.files.length + kept > maxFiles) {
        problems.push("Vous avez choisi trop de fichiers : " + maxFiles + " au plus en tout.");
      }
      Array.prototype.forEach.call(upload.files, function (file) {
        if (file.size > maxSize) {
          problems.push("« " + file.name + " » dépasse 10 Mo : il sera refusé.");
        } else if (file.size === 0) {
          problems.push("« " + file.name + " » est vide : il sera refusé.");
        }
      });
      problems.forEach(function (text) {
        var p = document.createElement("p");
        p.className = "fr-message fr-message--warning";
        p.textContent = text;
        warning.appendChild(p);
      });
    });
  }
})();
