// Photo galleries: without this file each thumbnail is a link to a larger photo.
// With it, the links open a modal viewer: Tab stays inside it, Escape closes it,
// the arrow keys move between photos, and focus returns to the thumbnail.
(function () {
  "use strict";
  if (typeof HTMLDialogElement !== "function") return;

  function text(node) {
    return node ? node.textContent.replace(/\s+/g, " ").trim() : "";
  }

  function button(className, label, symbol) {
    var element = document.createElement("button");
    element.type = "button";
    element.className = className;
    element.setAttribute("aria-label", label);
    element.innerHTML = '<span aria-hidden="true">' + symbol + "</span>";
    return element;
  }

  function setUp(gallery) {
    var links = Array.prototype.slice.call(gallery.querySelectorAll(".gallery__link"));
    if (!links.length) return;
    var data = gallery.dataset;
    var dialog = document.createElement("dialog");
    dialog.className = "lightbox";
    dialog.setAttribute("aria-label", data.labelDialog);
    var figure = document.createElement("figure");
    var image = document.createElement("img");
    image.className = "lightbox__image";
    var caption = document.createElement("figcaption");
    var position = document.createElement("p");
    position.className = "lightbox__position";
    position.setAttribute("aria-live", "polite");
    var close = button("lightbox__close", data.labelClose, "×");
    var previous = button("lightbox__previous", data.labelPrevious, "‹");
    var next = button("lightbox__next", data.labelNext, "›");
    figure.append(image, caption);
    dialog.append(close, figure, position, previous, next);
    document.body.appendChild(dialog);

    var current = 0;
    var opener = null;

    function show(index) {
      current = (index + links.length) % links.length;
      var link = links[current];
      var thumbnail = link.querySelector("img");
      image.src = link.href;
      image.alt = thumbnail ? thumbnail.alt : "";
      caption.textContent = text(link.parentNode.querySelector("figcaption"));
      caption.hidden = !caption.textContent;
      position.textContent = data.labelPosition
        .replace("{current}", current + 1)
        .replace("{total}", links.length);
    }

    function focusable() {
      return [close, previous, next].filter(function (element) {
        return !element.hidden;
      });
    }

    links.forEach(function (link, index) {
      link.addEventListener("click", function (event) {
        if (event.ctrlKey || event.metaKey || event.shiftKey || event.button) return;
        event.preventDefault();
        opener = link;
        show(index);
        previous.hidden = next.hidden = links.length < 2;
        dialog.showModal();
        close.focus();
      });
    });

    close.addEventListener("click", function () {
      dialog.close();
    });
    previous.addEventListener("click", function () {
      show(current - 1);
    });
    next.addEventListener("click", function () {
      show(current + 1);
    });
    // A click on the backdrop (the dialog itself, outside its content) closes it.
    dialog.addEventListener("click", function (event) {
      if (event.target === dialog) dialog.close();
    });
    dialog.addEventListener("keydown", function (event) {
      if (event.key === "ArrowLeft") {
        event.preventDefault();
        show(current - 1);
      } else if (event.key === "ArrowRight") {
        event.preventDefault();
        show(current + 1);
      } else if (event.key === "Escape") {
        event.preventDefault();
        dialog.close();
      } else if (event.key === "Tab") {
        // Keep Tab inside the viewer: browsers let it escape to their own chrome.
        var stops = focusable();
        var at = stops.indexOf(document.activeElement);
        event.preventDefault();
        var step = event.shiftKey ? -1 : 1;
        stops[(at + step + stops.length) % stops.length].focus();
      }
    });
    dialog.addEventListener("close", function () {
      image.removeAttribute("src");
      if (opener) opener.focus();
      opener = null;
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-lightbox]"), setUp);
})();
