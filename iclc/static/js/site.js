// Progressive enhancement only: without this file every part of the site works.
(function () {
  "use strict";
  var nav = document.querySelector(".site-nav");
  var toggle = nav && nav.querySelector(".site-nav__toggle");
  if (!toggle) return;
  // Browsers that know `(scripting: enabled)` already laid the menu out closed.
  if (!window.matchMedia("(scripting: enabled)").matches) {
    nav.closest(".site-header").classList.add("js-nav");
  }
  toggle.hidden = false;
  toggle.addEventListener("click", function () {
    var open = toggle.getAttribute("aria-expanded") === "true";
    toggle.setAttribute("aria-expanded", String(!open));
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
      toggle.setAttribute("aria-expanded", "false");
      toggle.focus();
    }
  });
})();
