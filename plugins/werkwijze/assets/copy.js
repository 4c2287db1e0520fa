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

  // Arrived at a section (#stap-3): the reference names it, shown and copied alike. The
  // address is the last word of the reference; the anchor is added only when the page
  // has that section.
  function followAnchor(source) {
    var node = source.lastChild;
    if (!node || node.nodeType !== 3) return;
    if (node.wwOwn === undefined) node.wwOwn = node.nodeValue;
    var own = node.wwOwn;
    var id = location.hash ? decodeURIComponent(location.hash.slice(1)) : "";
    var found = id && document.getElementById(id);
    var addressAtEnd = /https?:\/\/[^\s#]+\s*$/.test(own);
    node.nodeValue = found && addressAtEnd ? own.replace(/\s*$/, "") + "#" + encodeURIComponent(id) : own;
  }

  function addButtons() {
    var blocks = document.querySelectorAll(".ww-verwijzing");
    for (var i = 0; i < blocks.length; i++) {
      var block = blocks[i];
      if (block.querySelector(".ww-kopieer")) continue;
      var source = block.querySelector(".ww-verwijzing-tekst");
      if (!source) continue;
      followAnchor(source);
      var button = document.createElement("button");
      button.type = "button";
      button.className = "md-button ww-kopieer";
      button.textContent = text("copy");
      var status = document.createElement("span");
      status.className = "ww-kopieer-melding";
      status.setAttribute("role", "status");
      button.addEventListener("click", (function (source, status) {
        return function () {
          var value = source.textContent.replace(/\s+/g, " ").trim();
          copyText(value, function () { status.textContent = text("copied"); });
        };
      })(source, status));
      block.appendChild(button);
      block.appendChild(status);
    }
  }

  window.addEventListener("hashchange", function () {
    var sources = document.querySelectorAll(".ww-verwijzing .ww-verwijzing-tekst");
    for (var i = 0; i < sources.length; i++) followAnchor(sources[i]);
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", addButtons);
  } else {
    addButtons();
  }
})();
