/* werkwijze: "Mijn regio". The reader picks a region once (the control in
 * templates/partials/werkwijze-regio.html); it is kept in localStorage, arranges the
 * region section of element pages and pre-selects the region facet on the overview
 * (assets/filter.js asks window.werkwijzeRegio.get()).
 *
 * Element pages (core/render/regions_view.py) show the kern, then every region's text under
 * "Invulling in <regio>". For the reader's region this script puts the kern and the
 * reader's own text side by side (or says that nothing is written for that region yet,
 * with a link to propose it), and moves the other regions' texts behind one button,
 * each labelled "Andere regio". The kern is never hidden. Without a chosen region, or
 * without JavaScript, every text shows under its own heading. No tabs: Material's
 * linked tabs remember the last label clicked, which once showed one region's text to
 * readers of another.
 */
(function () {
  "use strict";

  var text = function (key, params) {
    return window.werkwijzeText ? window.werkwijzeText("regio." + key, params) : key;
  };

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

  function el(tag, className, content) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (content) node.textContent = content;
    return node;
  }

  // id -> {name, parent}, from the options of the "Mijn regio" control.
  function options(select) {
    var result = {};
    Array.prototype.forEach.call(select.options, function (option) {
      if (option.value) result[option.value] = { name: option.textContent, parent: option.getAttribute("data-ouder") || "" };
    });
    return result;
  }

  // The regions whose texts hold for a reader of `region`: itself and its parent. A
  // part of it (a child: Katwijk in Holland Rijnland) is not the whole region: its text
  // is labelled "Deel van uw regio", not shown as the reader's own.
  function own(region, regions) {
    var ids = [region];
    if (regions[region] && regions[region].parent) ids.push(regions[region].parent);
    return ids;
  }
  function parts(region, regions) {
    return Object.keys(regions).filter(function (id) { return regions[id].parent === region; });
  }

  /* -- the element page's region section ---------------------------------------- */

  // Nodes after `start` up to (not including) the first that `stop` accepts.
  function until(start, stop) {
    var nodes = [];
    for (var node = start.nextElementSibling; node && !stop(node); node = node.nextElementSibling) nodes.push(node);
    return nodes;
  }

  function isH2(node) { return node.tagName === "H2"; }

  // Wraps the generated markup once: the kern, each region's text in a <section>.
  function build(info) {
    var kern = document.getElementById(info.getAttribute("data-kern") || "");
    if (!kern || kern.parentNode !== info.parentNode) return null;
    var layout = el("div", "ww-kern-regio");
    var kernBox = el("div", "ww-kern");
    var kernNodes = until(kern, isH2);
    info.parentNode.insertBefore(layout, kern);
    layout.appendChild(kernBox);
    kernBox.appendChild(kern);
    kernNodes.forEach(function (node) { kernBox.appendChild(node); });
    var own = el("div", "ww-eigen-regio");
    own.hidden = true;
    layout.appendChild(own);

    var heading = document.getElementById(info.getAttribute("data-regionaal") || "");
    var sections = [];
    var others = null, toggle = null, hint = null;
    if (heading && heading.parentNode === layout.parentNode) {
      var area = el("div", "ww-regio-teksten");
      heading.parentNode.insertBefore(area, heading.nextElementSibling);
      until(area, function (n) { return isH2(n) || n.classList.contains("ww-regio-kop"); })
        .forEach(function (node) { area.parentNode.insertBefore(node, area); });  // the intro
      var head = area.nextElementSibling;
      while (head && head.classList.contains("ww-regio-kop")) {
        var section = el("section", "ww-invulling");
        section.setAttribute("data-regio", head.getAttribute("data-regio"));
        section.setAttribute("aria-labelledby", head.id);
        var label = el("p", "ww-regio-label");
        section.appendChild(label);
        var body = until(head, function (n) { return isH2(n) || n.classList.contains("ww-regio-kop"); });
        var next = body.length ? body[body.length - 1].nextElementSibling : head.nextElementSibling;
        section.appendChild(head);
        body.forEach(function (node) { section.appendChild(node); });
        area.appendChild(section);
        sections.push({ node: section, region: section.getAttribute("data-regio"), label: label });
        head = next;
      }
      hint = el("p", "ww-regio-hint", text("choose_hint"));
      area.parentNode.insertBefore(hint, area);
      toggle = el("button", "md-button ww-regio-toggle");
      toggle.type = "button";
      toggle.setAttribute("aria-expanded", "false");
      toggle.setAttribute("aria-controls", "ww-andere-regios");
      others = area;
      others.id = "ww-andere-regios";
      area.parentNode.insertBefore(toggle, area);
      toggle.addEventListener("click", function () { expand(toggle.getAttribute("aria-expanded") !== "true"); });
    }
    function expand(open) {
      if (!toggle) return;
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
      toggle.textContent = open ? text("others_hide") : text("others_show", { count: toggle.wwCount });
      others.classList.toggle("ww-ingeklapt", !open);
    }
    return { info: info, heading: heading, layout: layout, own: own, others: others,
             toggle: toggle, hint: hint, sections: sections, expand: expand,
             elementRegions: (info.getAttribute("data-regios") || "").split(/\s+/).filter(Boolean),
             generic: info.getAttribute("data-generiek") || "" };  // the schema's exclusive value
  }

  function editLink() {
    var edit = document.querySelector(".md-content a.md-content__button[href]");
    return edit ? edit.href : "";
  }

  function arrange(view, region, regions) {
    var mine = region ? own(region, regions) : [];
    var children = region ? parts(region, regions) : [];
    var generic = !!view.generic && view.elementRegions.indexOf(view.generic) !== -1;
    var about = view.elementRegions.filter(function (r) { return regions[r]; });
    var ownElement = about.some(function (r) { return mine.indexOf(r) !== -1 || children.indexOf(r) !== -1; });

    // A region-only element: say whether it is about the reader's region.
    var warning = view.info.querySelector(".ww-regio-waarschuwing");
    if (warning) warning.remove();
    if (region && !generic && about.length) {
      var names = about.map(function (r) { return regions[r].name; });
      warning = el("p", "ww-regio-waarschuwing" + (ownElement ? " ww-regio-waarschuwing--eigen" : ""),
                   ownElement ? text("own_region_element")
                              : text("other_region_element", { regios: names.join(", "), regio: regions[region].name }));
      view.info.appendChild(warning);
    }

    // The reader's own text beside the kern, or a notice that there is none.
    view.own.replaceChildren();
    view.own.hidden = !region;
    view.layout.classList.toggle("ww-kern-regio--naast", !!region);
    var shownOwn = 0;
    if (region) {
      view.own.appendChild(el("p", "ww-eigen-regio__kop", text("own_label") + ": " + regions[region].name));
    }
    var otherCount = 0;
    view.sections.forEach(function (s) {
      var own = region && mine.indexOf(s.region) !== -1;
      var part = region && children.indexOf(s.region) !== -1;
      s.label.textContent = region ? (own ? text("own_label") : part ? text("part_label") : text("other_label")) : "";
      s.label.hidden = !region;
      s.node.classList.toggle("ww-invulling--ander", !!region && !own);
      if (own) { view.own.appendChild(s.node); shownOwn++; }
      else { view.others.appendChild(s.node); otherCount++; }
    });
    if (region && !shownOwn && !ownElement && (generic || !about.length)) {
      var nothing = el("p", "ww-regio-niets", text("nothing", { regio: regions[region].name }) + " ");
      var href = editLink();
      if (href) {
        var link = el("a", "", text("propose"));
        link.href = href;
        nothing.appendChild(link);
      }
      view.own.appendChild(nothing);
    } else if (region && !shownOwn) {
      view.own.hidden = true;
      view.layout.classList.remove("ww-kern-regio--naast");
    }
    if (view.heading) {
      view.heading.hidden = otherCount === 0;
      var intro = view.heading.nextElementSibling;
      if (intro && intro.classList.contains("ww-regio-uitleg")) intro.hidden = otherCount === 0;
      view.hint.hidden = !!region || otherCount === 0;
      view.toggle.hidden = !region || otherCount === 0;
      view.toggle.wwCount = otherCount;
      var target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
      var targetInOthers = target && view.others.contains(target);
      view.expand(!region || targetInOthers);
      if (targetInOthers) target.scrollIntoView();
    }
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
    var info = document.querySelector(".ww-regio-info");
    var view = info ? build(info) : null;
    if (view) arrange(view, current, regions);
    select.addEventListener("change", function () {
      var region = select.value;
      set(region);
      message.textContent = region ? text("chosen", { regio: regions[region].name }) : text("none");
      if (view) arrange(view, region, regions);
      if (window.werkwijzeFilter && document.body.contains(window.werkwijzeFilter.mount)) {
        window.werkwijzeFilter.chooseRegion(region);
      }
    });
  }

  window.werkwijzeRegio = {
    get: get, set: set,
    name: function (id) {
      var select = document.getElementById("ww-mijnregio-keuze");
      var option = select && id ? select.querySelector('option[value="' + CSS.escape(id) + '"]') : null;
      return option ? option.textContent : "";
    },
    // The overview changed the region choice (assets/filter.js): the control follows.
    choose: function (region) {
      var select = document.getElementById("ww-mijnregio-keuze");
      if (!select) return;
      select.value = region;
      select.dispatchEvent(new Event("change"));
    },
  };

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
