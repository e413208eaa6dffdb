// "Add a member": clones the empty row kept in a <template> and counts it in
// the formset's TOTAL_FORMS. Without this script the page offers blank rows.
(function () {
  "use strict";

  document.querySelectorAll("[data-formset]").forEach(function (formset) {
    var prefix = formset.dataset.formset;
    var total = formset.querySelector("#id_" + prefix + "-TOTAL_FORMS");
    var rows = formset.querySelector("[data-formset-rows]");
    var template = formset.querySelector("template[data-formset-template]");
    var button = formset.querySelector("[data-formset-add]");
    if (!total || !rows || !template || !button) {
      return;
    }

    button.hidden = false;
    button.addEventListener("click", function () {
      var index = Number(total.value);
      var html = template.innerHTML
        .split("__prefix__").join(String(index))
        .split("__number__").join(String(index + 1));
      rows.insertAdjacentHTML("beforeend", html);
      total.value = String(index + 1);
      var first = rows.lastElementChild.querySelector("input, select");
      if (first) {
        first.focus();
      }
    });
  });
})();
