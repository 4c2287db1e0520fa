// Print: write each internal link's target into data-ww-doel, which print.css shows after
// the link. Uses the page's canonical address (site_url) when there is one, else the path,
// so a printout never shows a local test address. Only attributes, never HTML.
(function () {
  "use strict";

  function mark() {
    var canonical = document.querySelector('link[rel="canonical"]');
    var base = canonical ? canonical.href : window.location.href;
    var links = document.querySelectorAll(".md-content a[href]");
    for (var i = 0; i < links.length; i++) {
      var link = links[i];
      var href = link.getAttribute("href");
      if (!href || href.charAt(0) === "#" || /^[a-z][a-z0-9+.-]*:/i.test(href)) continue;
      if (link.classList.contains("headerlink")) continue;
      var target = new URL(href, base);
      link.setAttribute("data-ww-doel", canonical ? target.href : target.pathname + target.hash);
    }
  }

  // Leerlijn and werkkaarten pages: a print button beside the PDF link
  // (core/render/werkkaarten.py print_block). Added by script: without it, it would do nothing.
  function printButtons() {
    document.querySelectorAll(".ww-afdrukken").forEach(function (block) {
      if (block.querySelector(".ww-print")) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "md-button md-button--primary ww-print";
      button.textContent = window.werkwijzeText ? window.werkwijzeText("trainers.print") : "Print";
      button.addEventListener("click", function () { window.print(); });
      block.insertBefore(button, block.firstChild);
    });
  }

  function start() { mark(); printButtons(); }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
