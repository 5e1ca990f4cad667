// Programme filters: the form works as plain GET without this file. With it,
// choosing a value applies the filter at once.
(function () {
  "use strict";
  var form = document.querySelector("[data-programme-filters]");
  if (!form) return;
  form.classList.add("programme-filters--live");
  form.addEventListener("change", function (event) {
    if (event.target.tagName !== "SELECT") return;
    // Empty values would leave "?day=&type=" in the address: drop them.
    Array.prototype.forEach.call(form.elements, function (field) {
      if (field.name && !field.value) field.disabled = true;
    });
    form.submit();
  });
  // Coming back from the history must find every field enabled again.
  window.addEventListener("pageshow", function () {
    Array.prototype.forEach.call(form.elements, function (field) {
      field.disabled = false;
    });
  });
})();
