// Werkkaarten: show only the cards that match ?<theme>=...&<kind>=... (comma-separated),
// where <theme> and <kind> are the manual's facet names, read from the page
// (data-theme-param, data-kind-param; core/render/werkkaarten.py query_names), or
// ?<leerlijn>=<id> (data-leerlijn-param, the manual's addresses.learning_path_query):
// exactly the cards of that leerlijn's steps (each card's data-leerlijn).
// Without JavaScript, or without a query, every card shows. With one page per theme
// (big manuals) the index forwards ?<theme>= to that theme's page.
(function () {
  "use strict";

  function wanted(params, name) {
    var value = params.get(name);
    return value ? value.split(",").map(function (v) { return v.trim(); }).filter(Boolean) : [];
  }

  function names() {
    var holder = document.querySelector("[data-theme-param]");
    return holder ? { theme: holder.getAttribute("data-theme-param"),
                      kind: holder.getAttribute("data-kind-param"),
                      leerlijn: holder.getAttribute("data-leerlijn-param") || "leerlijn" } : null;
  }

  // A big manual: /werkkaarten/ lists the themes, each with its own card pages.
  // ?<theme>=x&<kind>=y goes on to x's first page with cards of kind y (the filter works there).
  function forward(query) {
    var params = new URLSearchParams(window.location.search);
    var thema = wanted(params, query.theme)[0];
    var link = thema && document.querySelector('.ww-kaarten-index a[data-thema="' + CSS.escape(thema) + '"]');
    if (!link) return false;
    var soort = wanted(params, query.kind);
    var first = soort.length === 1 &&
      link.parentNode.querySelector('a[data-soort="' + CSS.escape(soort[0]) + '"]');
    if (first) link = first;  // the first page with cards of that soort
    params.delete(query.theme);
    var rest = params.toString();
    window.location.replace(link.href + (rest ? "?" + rest : ""));
    return true;
  }

  function filter() {
    var query = names();
    if (!query || forward(query)) return;
    var cards = document.querySelectorAll(".ww-kaart");
    if (!cards.length) return;
    var params = new URLSearchParams(window.location.search);
    var themas = wanted(params, query.theme);
    var soorten = wanted(params, query.kind);
    var leerlijnen = wanted(params, query.leerlijn);
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
    var titles = leerlijnen.map(function (l) {
      var link = document.querySelector('a[data-leerlijn="' + CSS.escape(l) + '"]');
      return link ? link.textContent : l;
    });
    if (status && (themas.length || soorten.length || leerlijnen.length)) {
      status.textContent = window.werkwijzeText("trainers.cards_chosen",
        { shown: shown, total: cards.length, keuze: themas.concat(soorten, titles).join(", ") });
      status.hidden = false;
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", filter);
  } else {
    filter();
  }
})();
