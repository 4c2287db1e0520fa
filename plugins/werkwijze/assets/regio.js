/* werkwijze: "Mijn regio". The reader picks a region once (the control in
 * templates/partials/werkwijze-regio.html); it is kept in localStorage, opens that
 * region's tab on element pages and pre-selects the region facet on the overview
 * (assets/filter.js asks window.werkwijzeRegio.get()).
 *
 * Element pages mark each region tab with <p class="ww-regio-kop" id="regio-<id>">.
 * Material's linked tabs remember the last chosen label in its own storage ("__tabs");
 * we put our region's label first there too, so both choose the same tab.
 */
(function () {
  "use strict";

  function scope() {
    return window.__md_scope ? window.__md_scope.pathname : "/";
  }
  function key() { return scope() + ".werkwijze.regio"; }

  function get() {
    try { return localStorage.getItem(key()) || ""; } catch (e) { return ""; }
  }
  function set(region) {
    try {
      if (region) localStorage.setItem(key(), region);
      else localStorage.removeItem(key());
    } catch (e) { /* private mode: the choice lasts for this page only */ }
  }

  function options(select) {
    var result = {};
    Array.prototype.forEach.call(select.options, function (option) {
      if (option.value) result[option.value] = { name: option.textContent, parent: option.getAttribute("data-ouder") || "" };
    });
    return result;
  }

  // Material's remembered tab labels, most recent first.
  function rememberLabel(label, forget) {
    if (typeof window.__md_get !== "function") return;
    var labels = (window.__md_get("__tabs") || []).filter(function (l) {
      return l !== label && forget.indexOf(l) === -1;
    });
    if (label) labels.unshift(label);
    window.__md_set("__tabs", labels);
  }

  function selectTabs(region, regions) {
    var wanted = region ? [region, regions[region] ? regions[region].parent : ""] : [];
    var names = Object.keys(regions).map(function (id) { return regions[id].name; });
    var chosenLabel = "";
    document.querySelectorAll(".tabbed-set").forEach(function (set) {
      var inputs = set.querySelectorAll(":scope > input");
      var blocks = set.querySelectorAll(":scope > .tabbed-content > .tabbed-block");
      if (!set.querySelector(".ww-regio-kop")) return;  // not a region tab set
      var target = region ? -1 : 0;
      for (var w = 0; w < wanted.length && target === -1; w++) {
        if (!wanted[w]) continue;
        for (var i = 0; i < blocks.length; i++) {
          if (blocks[i].querySelector("#regio-" + CSS.escape(wanted[w]))) { target = i; break; }
        }
      }
      if (target === -1 || !inputs[target]) return;
      if (!inputs[target].checked) {
        inputs[target].checked = true;
        inputs[target].dispatchEvent(new Event("change"));
      }
      var label = set.querySelector('label[for="' + CSS.escape(inputs[target].id) + '"]');
      if (label && region) chosenLabel = label.textContent.trim();
    });
    rememberLabel(chosenLabel, region ? [] : names);
  }

  function start() {
    var control = document.querySelector("[data-ww-mijnregio]");
    if (!control || control.hasAttribute("data-ww-klaar")) return;
    control.setAttribute("data-ww-klaar", "");
    var select = control.querySelector("select");
    var message = control.querySelector("[role=status]");
    var regions = options(select);
    var current = get();
    if (current && !regions[current]) { set(""); current = ""; }
    select.value = current;
    control.hidden = false;
    if (current) selectTabs(current, regions);
    select.addEventListener("change", function () {
      var region = select.value;
      set(region);
      message.textContent = region ? "Uw regio is nu " + regions[region].name + "." : "Geen regio gekozen.";
      selectTabs(region, regions);
      if (window.werkwijzeFilter && document.body.contains(window.werkwijzeFilter.mount)) {
        window.werkwijzeFilter.chooseRegion(region);
      }
    });
  }

  window.werkwijzeRegio = { get: get, set: set };

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
