// « Copier la citation »: shown only when the script runs; the citation stays
// selectable text without it.
(function () {
  "use strict";
  document.querySelectorAll("[data-copy-target]").forEach(function (button) {
    var target = document.getElementById(button.getAttribute("data-copy-target"));
    var holder = button.closest("[hidden]");
    var status = holder && holder.querySelector("[data-copy-status]");
    if (!target || !navigator.clipboard) {
      return;
    }
    if (holder) {
      holder.hidden = false;
    }
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(target.textContent.trim()).then(
        function () {
          if (status) status.textContent = "Citation copiée.";
        },
        function () {
          if (status) status.textContent = "La copie a échoué : sélectionnez le texte.";
        }
      );
    });
  });
})();
