// Werkkaarten: show only the cards that match ?thema=...&soort=... (comma-separated), or
// ?leerlijn=<id>: exactly the cards of that leerlijn's steps (each card's data-leerlijn).
// Without JavaScript, or without a query, every card shows. With one page per theme
// (big manuals, core/render/werkkaarten.py) the index forwards ?thema= to that theme's page.
(function () {
  "use strict";

  function wanted(params, name) {
    var value = params.get(name);
    return value ? value.split(",").map(function (v) { return v.trim(); }).filter(Boolean) : [];
  }

  // A big manual: /werkkaarten/ lists the themes, each with its own card pages.
  // ?thema=x&soort=y goes on to x's first page with cards of soort y (the filter works there).
  function forward() {
    var params = new URLSearchParams(window.location.search);
    var thema = wanted(params, "thema")[0];
    var link = thema && document.querySelector('.ww-kaarten-index a[data-thema="' + CSS.escape(thema) + '"]');
    if (!link) return false;
    var soort = wanted(params, "soort");
    var first = soort.length === 1 &&
      link.parentNode.querySelector('a[data-soort="' + CSS.escape(soort[0]) + '"]');
    if (first) link = first;  // the first page with cards of that soort
    params.delete("thema");
    var rest = params.toString();
    window.location.replace(link.href + (rest ? "?" + rest : ""));
    return true;
  }

  function filter() {
    if (forward()) return;
    var cards = document.querySelectorAll(".ww-kaart");
    if (!cards.length) return;
    var params = new URLSearchParams(window.location.search);
    var themas = wanted(params, "thema");
    var soorten = wanted(params, "soort");
    var leerlijnen = wanted(params, "leerlijn");
    var shown = 0;
    for (var i = 0; i < cards.length; i++) {
      var card = cards[i];
      var own = (card.getAttribute("data-thema") || "").split(" ");
      var okThema = !themas.length || themas.some(function (t) { return own.indexOf(t) !== -1; });
      var okSoort = !soorten.length || soorten.indexOf(card.getAttribute("data-soort")) !== -1;
      var inLeerlijn = (card.getAttribute("data-leerlijn") || "").split(" ");
      var okLeerlijn = !leerlijnen.length || leerlijnen.some(function (l) { return inLeerlijn.indexOf(l) !== -1; });
      card.hidden = !(okThema && okSoort && okLeerlijn);
      if (!card.hidden) shown++;
    }
    var status = document.querySelector(".ww-werkkaarten-filter");
    // A leerlijn is named by its title (the choice link on this page), not its id.
    var names = leerlijnen.map(function (l) {
      var link = document.querySelector('a[data-leerlijn="' + CSS.escape(l) + '"]');
      return link ? link.textContent : l;
    });
    if (status && (themas.length || soorten.length || leerlijnen.length)) {
      status.textContent = window.werkwijzeText("trainers.cards_chosen",
        { shown: shown, total: cards.length, keuze: themas.concat(soorten, names).join(", ") });
      status.hidden = false;
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", filter);
  } else {
    filter();
  }
})();
