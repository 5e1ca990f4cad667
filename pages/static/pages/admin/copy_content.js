/* wagtail-modeltranslation's "Copy content from" buttons, kept only where a copy
 * makes sense (pages/stream_copy.py).
 *
 * The package adds them to every panel of the Content tab, reading the panel's
 * name as "<field>_<language>": a gallery's "photos" offered "en" and "es".
 * A button is kept when both its fields are StreamField editors, and it then
 * names its language in the admin's language. Runs after the package's script, which adds
 * the buttons when the document is ready (jQuery runs ready handlers in order).
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var label = script.dataset.label;
  var question = script.dataset.confirm;
  var languages = JSON.parse(script.dataset.languages);

  // A StreamField editor: before Wagtail draws it, an element with the field's
  // name as id and the w-block controller; after, its "<name>-count" input.
  function isStreamField(name) {
    var element = document.getElementById(name);
    if (element && element.matches('[data-controller~="w-block"]')) {
      return true;
    }
    return document.querySelector('input[name="' + CSS.escape(name) + '-count"]') !== null;
  }

  function tidy() {
    document.querySelectorAll(".translation-field-copy-wrapper").forEach(function (wrapper) {
      var kept = 0;
      wrapper.querySelectorAll("button.translation-field-copy").forEach(function (button) {
        var source = button.getAttribute("data-lang-code");
        var target = button.getAttribute("current-lang-code");
        if (isStreamField(source) && isStreamField(target)) {
          var code = source.slice(source.lastIndexOf("_") + 1);
          button.textContent = languages[code] || code;
          button.type = "button";
          kept += 1;
        } else {
          button.remove();
        }
      });
      if (!kept) {
        wrapper.remove();
        return;
      }
      if (wrapper.firstChild && wrapper.firstChild.nodeType === Node.TEXT_NODE) {
        wrapper.firstChild.nodeValue = label + ": ";
      }
      // The copy replaces the field's blocks (and autosave keeps the result):
      // ask first when it has some. Listening on the wrapper while the click
      // goes down to the button runs before the package's handler.
      wrapper.addEventListener(
        "click",
        function (event) {
          var button = event.target.closest("button.translation-field-copy");
          var count = button && document.querySelector(
            'input[name="' + CSS.escape(button.getAttribute("current-lang-code")) + '-count"]'
          );
          if (count && Number(count.value) > 0 && !window.confirm(question)) {
            event.preventDefault();
            event.stopPropagation();
          }
        },
        true
      );
    });
  }

  window.jQuery(tidy);
})();
