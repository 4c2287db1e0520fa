// Werkkaarten: show only the cards that match ?thema=...&soort=... (comma-separated).
// Without JavaScript, or without a query, every card shows.
(function () {
  "use strict";

  function wanted(params, name) {
    var value = params.get(name);
    return value ? value.split(",").map(function (v) { return v.trim(); }).filter(Boolean) : [];
  }

  function filter() {
    var cards = document.querySelectorAll(".ww-kaart");
    if (!cards.length) return;
    var params = new URLSearchParams(window.location.search);
    var themas = wanted(params, "thema");
    var soorten = wanted(params, "soort");
    var shown = 0;
    for (var i = 0; i < cards.length; i++) {
      var card = cards[i];
      var own = (card.getAttribute("data-thema") || "").split(" ");
      var okThema = !themas.length || themas.some(function (t) { return own.indexOf(t) !== -1; });
      var okSoort = !soorten.length || soorten.indexOf(card.getAttribute("data-soort")) !== -1;
      card.hidden = !(okThema && okSoort);
      if (!card.hidden) shown++;
    }
    var status = document.querySelector(".ww-werkkaarten-filter");
    if (status && (themas.length || soorten.length)) {
      status.textContent = shown + " van de " + cards.length + " kaarten, gekozen op " +
        themas.concat(soorten).join(", ") + ".";
      status.hidden = false;
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", filter);
  } else {
    filter();
  }
})();
