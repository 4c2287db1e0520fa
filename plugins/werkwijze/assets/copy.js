// "Zo verwijs je naar deze pagina": a copy button beside each reference.
// Added by script, so readers without JavaScript see no button that does nothing.
// Only text nodes are written (textContent), never HTML.
(function () {
  "use strict";

  function text(key, params) {
    return window.werkwijzeText ? window.werkwijzeText("trainers." + key, params) : key;
  }

  function copyText(value, done) {
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(value).then(done, function () { fallback(value, done); });
    } else {
      fallback(value, done);
    }
  }

  function fallback(text, done) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    try { document.execCommand("copy"); done(); } catch (e) { /* select stays for Ctrl+C */ }
    document.body.removeChild(area);
  }

  function addButtons() {
    var blocks = document.querySelectorAll(".ww-verwijzing");
    for (var i = 0; i < blocks.length; i++) {
      var block = blocks[i];
      if (block.querySelector(".ww-kopieer")) continue;
      var source = block.querySelector(".ww-verwijzing-tekst");
      if (!source) continue;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "md-button ww-kopieer";
      button.textContent = text("copy");
      var status = document.createElement("span");
      status.className = "ww-kopieer-melding";
      status.setAttribute("role", "status");
      button.addEventListener("click", (function (value, status) {
        return function () {
          copyText(value, function () { status.textContent = text("copied"); });
        };
      })(source.textContent.replace(/\s+/g, " ").trim(), status));
      block.appendChild(button);
      block.appendChild(status);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", addButtons);
  } else {
    addButtons();
  }
})();
