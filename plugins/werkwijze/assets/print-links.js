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

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mark);
  } else {
    mark();
  }
})();
