/* werkwijze: faceted filter on the overview page (/elementen/).
 *
 * Reads elementen-filter.json (core/render/export.py filter_files: elementen.json without the
 * fields it does not use; for big manuals without summaries, which it loads on the first
 * text search). AND across facets, OR within a facet; the
 * region facet mirrors core/model/facets.py: an element matches region R if it is generic or
 * lists R, R's parent or a child of R. The state lives in the URL query
 * (?<facet>=<value>&tekst=..., the query names from the page). Everything is built with createElement and
 * textContent: no HTML is ever made from data. Options and matches are precomputed;
 * a result item is built the first time it is shown and reused, and at most PAGE
 * results are in the list at once ("Toon meer" adds more), so filtering stays
 * instant with thousands of elements.
 */
(function () {
  "use strict";

  var PAGE = 100;  // results shown at once: the browser lays out at most this many more
  var DATA = {};  // url -> Promise of parsed JSON (fetched once per page load)

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    for (var key in attrs || {}) {
      if (key === "text") node.textContent = attrs[key];
      else if (key === "className") node.className = attrs[key];
      else node.setAttribute(key, attrs[key]);
    }
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  // Lower case without accents, so "coordinatie" finds "coördinatie".
  function normalise(text) {
    return String(text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  // Texts from the catalogue (messages/<lang>/js/filter.yml, via assets/werkwijze/messages.js).
  function text(key, params) {
    return window.werkwijzeText ? window.werkwijzeText("filter." + key, params) : key;
  }
  function plural(key, count, params) {
    var all = Object.assign({ count: count }, params || {});
    return text(key + (count === 1 ? ".one" : ".other"), all);
  }
  function elementCount(n) { return plural("elements", n); }
  // Phones: the facets start closed so that the results are near (see build()).
  var SMALL = "(max-width: 44.9375em)";

  /* -- the model: options and per-element option indexes, computed once ---------- */
  function buildModel(data) {
    var facets = [];
    Object.keys(data.facetten).forEach(function (name) {
      var spec = data.facetten[name];
      var index = {};
      spec.opties.forEach(function (o, i) { index[o.id] = i; });
      facets.push({ name: name, field: spec.veld, title: spec.titel, plural: spec.meervoud,
                    options: spec.opties,
                    index: index, generic: spec.generiek || null, listed: !!spec.in_lijst });
    });
    // The manual's field names for title, kind and summary (core/render/export.py "rollen").
    var roles = data.rollen;
    var elements = data.elementen.map(function (record) {
      record.titel = record[roles.titel];
      record.soort = record[roles.soort];
      if (roles.samenvatting in record) record.samenvatting = record[roles.samenvatting];
      return { record: record, text: normalise(record.titel + " " + (record.samenvatting || "")),
               options: facets.map(function (facet) { return optionsOf(record, facet); }) };
    });
    return { facets: facets, elements: elements, roles: roles };
  }

  // The option indexes an element matches in a facet.
  function optionsOf(record, facet) {
    var raw = record[facet.field];
    var have = Array.isArray(raw) ? raw : (raw ? [raw] : []);
    if (facet.generic === null) {
      return have.filter(function (v) { return v in facet.index; })
                 .map(function (v) { return facet.index[v]; });
    }
    if (have.indexOf(facet.generic) !== -1) {
      return facet.options.map(function (_, i) { return i; });
    }
    // Region R matches if the element lists R, R's parent or a child of R.
    var result = [];
    facet.options.forEach(function (option, i) {
      var family = option.ouder ? [option.id, option.ouder] : [option.id];
      facet.options.forEach(function (o) { if (o.ouder === option.id) family.push(o.id); });
      if (family.some(function (id) { return have.indexOf(id) !== -1; })) result.push(i);
    });
    return result;
  }

  /* -- state <-> URL ------------------------------------------------------------ */
  function readState(model, search) {
    var params = new URLSearchParams(search);
    var state = { text: params.get(model.textKey) || "", selected: [], hasRegion: false };
    model.facets.forEach(function (facet) {
      var chosen = {};
      params.getAll(facet.name).forEach(function (value) {
        value.split(",").forEach(function (id) { if (id in facet.index) chosen[facet.index[id]] = true; });
      });
      if (facet.generic !== null && params.has(facet.name)) state.hasRegion = true;
      state.selected.push(chosen);
    });
    return state;
  }

  function writeQuery(model, state) {
    var params = new URLSearchParams();
    model.facets.forEach(function (facet, f) {
      facet.options.forEach(function (option, i) {
        if (state.selected[f][i]) params.append(facet.name, option.id);
      });
    });
    if (state.text.trim()) params.set(model.textKey, state.text.trim());
    var query = params.toString();
    return query ? "?" + query : "";
  }

  /* -- matching and counts --------------------------------------------------------- */
  function matchesFacet(entry, f, selected) {
    var wanted = selected[f];
    var options = entry.options[f];
    var any = false;
    for (var key in wanted) { any = true; break; }
    if (!any) return true;
    for (var i = 0; i < options.length; i++) if (wanted[options[i]]) return true;
    return false;
  }

  // visible[e], and counts[f][i]: results if option i of facet f were added to the rest.
  function evaluate(model, state) {
    var words = normalise(state.text).split(/\s+/).filter(Boolean);
    var nf = model.facets.length;
    var counts = model.facets.map(function (facet) { return facet.options.map(function () { return 0; }); });
    var visible = new Array(model.elements.length);
    var total = 0;
    for (var e = 0; e < model.elements.length; e++) {
      var entry = model.elements[e];
      var textOk = true;
      for (var w = 0; w < words.length; w++) if (entry.text.indexOf(words[w]) === -1) { textOk = false; break; }
      visible[e] = false;
      if (!textOk) continue;
      var failing = -1, failures = 0;
      for (var f = 0; f < nf && failures < 2; f++) {
        if (!matchesFacet(entry, f, state.selected)) { failing = f; failures++; }
      }
      if (failures === 0) { visible[e] = true; total++; }
      if (failures >= 2) continue;
      // Count this element for every option of the facets it would pass without that facet.
      for (var g = 0; g < nf; g++) {
        if (failures === 1 && g !== failing) continue;
        var opts = entry.options[g];
        for (var k = 0; k < opts.length; k++) counts[g][opts[k]]++;
      }
    }
    return { visible: visible, total: total, counts: counts };
  }

  /* -- the view -------------------------------------------------------------------- */
  function Filter(mount, data) {
    this.mount = mount;
    this.model = buildModel(data);
    // The manual's query name for the words typed (addresses.text_query; not "q": Material
    // opens its search for ?q=).
    this.model.textKey = mount.getAttribute("data-tekst") || "tekst";
    this.root = mount.getAttribute("data-root") || "";
    // A big manual's data leaves out the summaries: loaded on the first text search.
    this.summariesUrl = data.samenvattingen ? new URL(this.root + data.samenvattingen, location.href).href : null;
    this.statics = [];
    this.build();
  }

  Filter.prototype.build = function () {
    var self = this, model = this.model;
    var form = el("form", { className: "ww-filter__form", role: "search",
                            "aria-label": text("form_label") });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    var textId = "ww-filter-tekst";
    this.textInput = el("input", { type: "search", id: textId, name: model.textKey,
                                   autocomplete: "off", className: "ww-filter__tekst" });
    this.textInput.setAttribute("aria-describedby", "ww-filter-tekst-uitleg");
    form.appendChild(el("div", { className: "ww-filter__zoek" }, [
      el("label", { "for": textId, text: text("text_label") }),
      el("span", { className: "ww-filter__uitleg", id: "ww-filter-tekst-uitleg", text: text("text_hint") }),
      this.textInput]));
    this.boxes = [];
    this.countNodes = [];
    this.labels = [];
    this.chosenNodes = [];
    this.details = [];
    var small = window.matchMedia && window.matchMedia(SMALL).matches;
    var groups = el("div", { className: "ww-filter__facetten" });
    model.facets.forEach(function (facet, f) {
      // Each facet folds (closed on phones), its summary saying how many are chosen.
      var chosen = el("span", { className: "ww-filter__gekozen" });
      var details = el("details", { className: "ww-filter__facet" }, [
        el("summary", {}, [el("span", { className: "ww-filter__facetnaam", text: facet.title }), chosen])]);
      if (!small) details.open = true;
      var fieldset = el("fieldset", {}, [el("legend", { className: "ww-filter__legend", text: facet.title })]);
      details.appendChild(fieldset);
      self.chosenNodes.push(chosen);
      self.details.push(details);
      self.boxes.push([]); self.countNodes.push([]); self.labels.push([]);
      facet.options.forEach(function (option, i) {
        var id = "ww-f-" + facet.name + "-" + i;
        var box = el("input", { type: "checkbox", id: id, name: facet.name, value: option.id });
        var count = el("span", { className: "ww-telling" });
        var label = el("label", { "for": id, className: "ww-optie" },
                       [box, document.createTextNode(" " + option.naam + " "), count]);
        box.addEventListener("change", function () { self.onChange(true); });
        fieldset.appendChild(label);
        self.boxes[f].push(box); self.countNodes[f].push(count); self.labels[f].push(label);
      });
      groups.appendChild(details);
    });
    form.appendChild(groups);
    this.status = el("p", { className: "ww-filter__status", role: "status", "aria-live": "polite" });
    var reset = el("button", { type: "button", className: "md-button ww-filter__wis", text: text("reset") });
    reset.addEventListener("click", function () { self.reset(); });
    // A jump past the facets to the results: on a phone the list is below the form.
    this.jump = el("a", { className: "md-button md-button--primary ww-filter__naar", href: "#ww-resultaten" });
    this.jump.addEventListener("click", function (event) {
      event.preventDefault();
      self.list.focus();
      self.list.scrollIntoView({ block: "start" });
    });
    // The bar stays in view at the bottom of the screen while the form is (CSS: sticky),
    // so every tap shows the new number of results.
    form.appendChild(el("div", { className: "ww-filter__balk" }, [this.status, this.jump, reset]));
    // "Mijn regio" on the overview: says when the list was pre-filtered for it.
    this.regionNote = el("p", { className: "ww-filter__regio", hidden: "" });
    this.textInput.addEventListener("input", function () {
      // Typing updates the list at once; the URL follows without filling the history.
      self.onChange(false);
    });
    this.textInput.addEventListener("focus", function () { self.loadSummaries(); });

    var emptyReset = el("button", { type: "button", className: "ww-filter__wis-leeg", text: text("reset_short") });
    emptyReset.addEventListener("click", function () { self.reset(); });
    this.empty = el("div", { className: "ww-filter__leeg", hidden: "" }, [
      el("p", { text: text("empty") }),
      emptyReset]);
    this.list = el("ul", { className: "ww-lijst ww-filter__lijst", id: "ww-resultaten", tabindex: "-1",
                           "aria-label": text("results_label") });
    this.items = new Array(model.elements.length);  // built on first show, then reused
    this.shownIds = [];
    this.limit = PAGE;
    this.more = el("button", { type: "button", className: "md-button ww-filter__meer", hidden: "" });
    this.more.addEventListener("click", function () { self.showMore(); });

    // The static grouped list stays for readers without JavaScript; the filter replaces it.
    for (var node = this.mount.nextElementSibling; node; node = node.nextElementSibling) {
      this.statics.push(node);
      node.hidden = true;
    }
    this.mount.appendChild(this.regionNote);
    this.mount.appendChild(form);
    this.mount.appendChild(this.empty);
    this.mount.appendChild(this.list);
    this.mount.appendChild(this.more);
    this.mount.classList.add("ww-filter--actief");
  };

  Filter.prototype.item = function (record) {
    var soort = this.model.facets.filter(function (f) { return f.field === this.model.roles.soort; }, this)[0];
    var soortName = record.soort;
    if (soort && record.soort in soort.index) soortName = soort.options[soort.index[record.soort]].naam;
    var who = [];
    this.model.facets.forEach(function (facet) {
      if (!facet.listed) return;  // as on the pages: facets over fields without a role
      var names = (record[facet.field] || []).filter(function (v) { return v in facet.index; })
        .map(function (v) { return facet.options[facet.index[v]].naam; });
      if (names.length) who.push((facet.plural || facet.title) + ": " + names.join(", "));
    });
    return el("li", { className: "ww-entry", "data-id": record.id }, [
      el("a", { href: this.root + record.url, text: record.titel }),
      document.createTextNode(" "),
      el("span", { className: "ww-soort ww-soort--" + record.soort, text: soortName }),
      record.samenvatting ? el("span", { className: "ww-samenvatting", text: record.samenvatting }) : null,
      who.length ? el("span", { className: "ww-wie", text: who.join(" · ") }) : null,
    ]);
  };

  Filter.prototype.readForm = function () {
    var self = this;
    return { text: this.textInput.value,
             selected: this.boxes.map(function (boxes) {
               var chosen = {};
               boxes.forEach(function (box, i) { if (box.checked) chosen[i] = true; });
               return chosen;
             }) };
  };

  // Summaries of a big manual (see summariesUrl): text search and items include them
  // once loaded; items already built are built again.
  Filter.prototype.loadSummaries = function () {
    if (!this.summariesUrl || this.summaries) return;
    var self = this;
    // Until they are in, text matches only titles: say so to assistive technology.
    this.list.setAttribute("aria-busy", "true");
    this.summaries = fetch(this.summariesUrl).then(function (r) {
      if (!r.ok) throw new Error("samenvattingen: " + r.status);
      return r.json();
    }).then(function (texts) {
      self.model.elements.forEach(function (entry) {
        entry.record.samenvatting = texts[entry.record.id] || "";
        entry.text = normalise(entry.record.titel + " " + entry.record.samenvatting);
      });
      self.items = new Array(self.model.elements.length);
      self.shownIds = [];
      self.render(self.readForm());
    }).catch(function () { self.summaries = null; }).then(function () {
      self.list.removeAttribute("aria-busy");
    });
  };

  Filter.prototype.apply = function (state) {
    if (state.text) this.loadSummaries();
    this.limit = PAGE;
    this.textInput.value = state.text;
    this.boxes.forEach(function (boxes, f) {
      boxes.forEach(function (box, i) { box.checked = !!state.selected[f][i]; });
    });
    this.render(state);
  };

  Filter.prototype.render = function (state) {
    var result = evaluate(this.model, state);
    this.matched = [];
    for (var e = 0; e < result.visible.length; e++) if (result.visible[e]) this.matched.push(e);
    this.showList();
    for (var f = 0; f < this.countNodes.length; f++) {
      for (var i = 0; i < this.countNodes[f].length; i++) {
        var n = result.counts[f][i];
        var count = "(" + n + ")";
        if (this.countNodes[f][i].textContent !== count) this.countNodes[f][i].textContent = count;
        this.labels[f][i].classList.toggle("ww-optie--leeg", n === 0);
        // An option that gives nothing cannot be chosen (it would empty the list); one
        // already chosen can always be unticked.
        var box = this.boxes[f][i];
        box.disabled = n === 0 && !box.checked;
        // A value without elements of its own (`leeg`, core/render/doors.py) is no door:
        // shown only while chosen (an old link), so the reader can untick it.
        if (this.model.facets[f].options[i].leeg) this.labels[f][i].hidden = !box.checked;
      }
      this.details[f].hidden = this.labels[f].every(function (label) { return label.hidden; });
      var picked = Object.keys(state.selected[f]).length;
      var summary = picked ? plural("chosen", picked) : "";
      if (this.chosenNodes[f].textContent !== summary) this.chosenNodes[f].textContent = summary;
    }
    var message = text("status", { shown: result.total, total: elementCount(this.model.elements.length) });
    if (this.status.textContent !== message) this.status.textContent = message;
    this.jump.textContent = plural("show_results", result.total);
    this.jump.hidden = result.total === 0;
    this.showRegionNote(state);
    this.empty.hidden = result.total !== 0;
    this.list.hidden = result.total === 0;
  };

  // The first `limit` results; the list is only touched when they change.
  Filter.prototype.showList = function () {
    var ids = this.matched.slice(0, this.limit);
    var same = ids.length === this.shownIds.length;
    for (var i = 0; same && i < ids.length; i++) same = ids[i] === this.shownIds[i];
    if (!same) {
      var self = this;
      this.list.replaceChildren.apply(this.list, ids.map(function (e) {
        return self.items[e] || (self.items[e] = self.item(self.model.elements[e].record));
      }));
      this.shownIds = ids;
    }
    var rest = this.matched.length - ids.length;
    this.more.hidden = rest <= 0;
    if (rest > 0) this.more.textContent = text("more", { count: rest });
  };

  // "Gefilterd op uw regio X" with a way back, or "Uw regio is X" with a way to it.
  Filter.prototype.showRegionNote = function (state) {
    var own = window.werkwijzeRegio ? window.werkwijzeRegio.get() : "";
    var f = this.regionFacet();
    var note = this.regionNote;
    if (!own || f === -1 || !(own in this.model.facets[f].index)) { note.hidden = true; return; }
    var name = this.model.facets[f].options[this.model.facets[f].index[own]].naam;
    var chosen = Object.keys(state.selected[f]).map(Number);
    var applied = chosen.length === 1 && chosen[0] === this.model.facets[f].index[own];
    var key = applied + "|" + name;
    note.hidden = false;
    if (note.wwKey === key) return;
    note.wwKey = key;
    var self = this;
    var button = el("button", { type: "button", className: "ww-filter__regioknop",
                                text: applied ? text("region_show_all") : text("region_apply", { regio: name }) });
    button.addEventListener("click", function () { self.chooseRegion(applied ? "" : own); button.focus(); });
    note.replaceChildren(document.createTextNode(
      (applied ? text("region_applied", { regio: name }) : text("region_not_applied", { regio: name })) + " "), button);
    note.classList.toggle("ww-filter__regio--aan", applied);
  };

  Filter.prototype.regionFacet = function () {
    return this.model.facets.findIndex(function (facet) { return facet.generic !== null; });
  };

  Filter.prototype.showMore = function () {
    var first = this.shownIds.length;
    this.limit += PAGE;
    this.showList();
    // Keyboard users continue at the first new result.
    var next = this.items[this.shownIds[first]];
    if (next) next.querySelector("a").focus();
  };

  Filter.prototype.onChange = function (push) {
    this.limit = PAGE;
    var state = this.readForm();
    this.render(state);
    var url = location.pathname + writeQuery(this.model, state) + location.hash;
    if (url === location.pathname + location.search + location.hash) return;
    if (push) history.pushState({ wwFilter: true }, "", url);
    else history.replaceState({ wwFilter: true }, "", url);
  };

  Filter.prototype.reset = function () {
    var state = { text: "", selected: this.model.facets.map(function () { return {}; }) };
    this.apply(state);
    history.pushState({ wwFilter: true }, "", location.pathname + location.hash);
    this.textInput.focus();
  };

  // From the URL; "mijn regio" (assets/regio.js) fills the region facet when the URL
  // has none and the reader has not cleared it on this page before.
  Filter.prototype.restore = function (initial) {
    var state = readState(this.model, location.search);
    var own = initial && window.werkwijzeRegio ? window.werkwijzeRegio.get() : "";
    var cleared = history.state && history.state.wwFilter;
    var f = this.model.facets.findIndex(function (facet) { return facet.generic !== null; });
    if (own && !state.hasRegion && !cleared && f !== -1 && own in this.model.facets[f].index) {
      state.selected[f][this.model.facets[f].index[own]] = true;
      history.replaceState({ wwFilter: true }, "",
                           location.pathname + writeQuery(this.model, state) + location.hash);
    }
    this.apply(state);
  };

  // "Mijn regio" changed on this page: the region facet follows it.
  Filter.prototype.chooseRegion = function (region) {
    var f = this.model.facets.findIndex(function (facet) { return facet.generic !== null; });
    if (f === -1) return;
    var index = this.model.facets[f].index;
    this.boxes[f].forEach(function (box) { box.checked = region in index && box.value === region; });
    this.onChange(true);
  };

  /* -- start: with and without Material's instant navigation ------------------------ */
  var active = null;

  function start() {
    var mount = document.getElementById("ww-filter");
    active = null;
    if (!mount || mount.classList.contains("ww-filter--actief")) return;
    var url = new URL(mount.getAttribute("data-bron"), location.href).href;
    DATA[url] = DATA[url] || fetch(url).then(function (r) {
      if (!r.ok) throw new Error("elementen.json: " + r.status);
      return r.json();
    });
    DATA[url].then(function (data) {
      if (!document.body.contains(mount) || mount.classList.contains("ww-filter--actief")) return;
      var filter = new Filter(mount, data);
      filter.restore(true);
      active = filter;
      window.werkwijzeFilter = filter;  // for tests and the benchmark
    }).catch(function () {
      // The static list stays visible: nothing else to do.
      delete DATA[url];
    });
  }

  window.addEventListener("popstate", function () { if (active) active.restore(false); });

  // Printing the overview prints the whole filtered list, not only its first PAGE.
  function showAllForPrint() {
    if (!active || !document.body.contains(active.mount)) return;
    active.limit = active.matched.length;
    active.showList();
  }
  window.addEventListener("beforeprint", showAllForPrint);
  if (window.matchMedia) {
    window.matchMedia("print").addEventListener("change", function (event) {
      if (event.matches) showAllForPrint();
    });
  }

  // Exposed for the browser tests (pure functions, no DOM).
  window.werkwijzeFilterCore = { buildModel: buildModel, evaluate: evaluate, readState: readState };

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
