// Reading the programme offline: registers the service worker (/sw.js, from
// pages/offline/). Progressive enhancement: without it, or without service
// workers, the site works as before, online.
(function () {
  "use strict";
  var script = document.currentScript;
  var worker = script && script.getAttribute("data-worker");
  if (!worker || !("serviceWorker" in navigator)) return;
  function register() {
    navigator.serviceWorker.register(worker, { scope: "/" }).catch(function () {
      // No worker (private browsing, storage full): the site stays online-only.
    });
  }
  if (document.readyState === "complete") {
    register();
  } else {
    window.addEventListener("load", register);
  }
})();
