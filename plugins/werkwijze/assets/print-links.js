// Print: the printout says where and when it comes from (templates/main.html's
// .ww-printregel gets today's date), and pages with a PDF get a print button. Internal
// links print as their text only: a trainer's handout is not a list of addresses.
(function () {
  "use strict";

  function printedOn() {
    var slot = document.querySelector(".ww-printregel__datum");
    if (!slot || !window.werkwijzeText) return;
    var lang = document.documentElement.lang || undefined;
    var date = new Date().toLocaleDateString(lang, { day: "numeric", month: "long", year: "numeric" });
    slot.textContent = window.werkwijzeText("trainers.printed", { date: date });
  }
  window.addEventListener("beforeprint", printedOn);

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

  function start() { printedOn(); printButtons(); }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
