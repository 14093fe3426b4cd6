/* Completeness summary of the contribution form: progressive enhancement only.
   The server computes the summary (experiences/completeness.py) on each
   display and each saved draft; this script mirrors it while the person types,
   from the checklist carried by data attributes. Photos keep the server's
   state (their credits are set on the tracking page). Never blocks sending. */
(function () {
  "use strict";

  var box = document.querySelector("[data-completeness]");
  var form = document.getElementById("formulaire-contribution");
  if (!box || !form) {
    return;
  }
  var score = box.querySelector("[data-completeness-score]");
  var items = Array.prototype.slice.call(box.querySelectorAll("li[data-kind]"));

  function value(name) {
    var field = form.elements.namedItem(name);
    if (!field) {
      return "";
    }
    if (field.type === "checkbox") {
      return field.checked ? "1" : "";
    }
    return (field.value || "").replace(/\s+/g, " ").trim();
  }

  function checkedCount(name) {
    return form.querySelectorAll('input[name="' + name + '"]:checked').length;
  }

  function plural(count, one, many) {
    return count > 1 ? many : one;
  }

  // [met, detail] for one item, as experiences.completeness.check computes it.
  function evaluate(item) {
    var kind = item.getAttribute("data-kind");
    var minimum = parseInt(item.getAttribute("data-minimum"), 10) || 0;
    if (kind === "texte") {
      var length = value(item.getAttribute("data-part")).length;
      if (length >= Math.max(minimum, 1)) {
        return [true, ""];
      }
      if (!length) {
        return [false, "pas encore rédigé"];
      }
      return [false, length + " caractères, environ " + minimum + " sont utiles"];
    }
    if (kind === "periode") {
      if (value("start_date") && (value("end_date") || value("ongoing"))) {
        return [true, ""];
      }
      return [false, value("start_date") ? "la fin, ou « en cours », manque" : "le début manque"];
    }
    if (kind === "thematiques") {
      var wanted = Math.max(minimum, 1);
      var count = checkedCount("themes");
      if (count >= wanted) {
        return [true, ""];
      }
      return [false, count + plural(count, " thématique choisie", " thématiques choisies") + " sur " + wanted];
    }
    if (kind === "lieu") {
      var met = Boolean(value("communes") || value("departement"));
      return [met, met ? "" : "ni commune ni département"];
    }
    return null; // photos: the server's state stands
  }

  function render(item, met, detail) {
    item.setAttribute("data-met", met ? "1" : "0");
    item.classList.toggle("recueil-completeness__item--met", met);
    item.querySelector("[data-state]").textContent = met ? "Fait" : "À compléter";
    var span = item.querySelector("[data-detail]");
    if (!span) {
      span = document.createElement("span");
      span.className = "recueil-completeness__detail";
      span.setAttribute("data-detail", "");
      item.querySelector(".recueil-completeness__label").insertAdjacentElement("afterend", span);
    }
    span.textContent = met || !detail ? "" : " : " + detail;
  }

  var lastText = score.textContent.replace(/\s+/g, " ").trim();
  function update() {
    var done = 0;
    items.forEach(function (item) {
      var result = evaluate(item);
      if (result) {
        render(item, result[0], result[1]);
      }
      if (item.getAttribute("data-met") === "1") {
        done += 1;
      }
    });
    var percent = items.length ? Math.round((100 * done) / items.length) : 100;
    var text = "Complétude : " + percent + " % (" + done + plural(done, " repère", " repères") + " sur " + items.length + ")";
    // Announced (aria-live) only when the count changes, not at each key.
    if (text !== lastText) {
      score.innerHTML = "";
      score.appendChild(document.createTextNode("Complétude : "));
      var strong = document.createElement("strong");
      strong.textContent = percent + " %";
      score.appendChild(strong);
      score.appendChild(document.createTextNode(" (" + done + plural(done, " repère", " repères") + " sur " + items.length + ")"));
      lastText = text;
    }
  }

  form.addEventListener("input", update);
  form.addEventListener("change", update);
})();
