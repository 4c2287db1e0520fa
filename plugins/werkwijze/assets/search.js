/*
 * The site search in the header (templates/partials/search.html), on Pagefind's index
 * (pagefind/, written by plugins/werkwijze/adapter/search.py; served by the site itself).
 *
 * - Pagefind loads when the reader goes to the search box, not on every page.
 * - Results are links in a list: Tab (or the arrow keys) goes from the box to them;
 *   a live region says how many there are. Esc closes the search.
 * - Filters: every facet of the schema (Pagefind filters), AND across, OR within.
 * - Without JavaScript the box is a form that opens the overview's filter (?tekst=, the manual's addresses.text_query).
 * Texts: messages/<lang>/js/search.yml (window.werkwijzeText).
 */
(function () {
  "use strict";
  var root = document.querySelector("[data-ww-zoek]");
  if (!root) return;
  var PAGE = 10;  // results rendered at a time (each needs one small fragment file)
  var DELAY = 60;  // ms of quiet typing before searching (index chunks preload meanwhile)
  var script = document.currentScript;
  var base = new URL("../../", script ? script.src : location.href);  // assets/werkwijze/search.js
  var toggle = document.getElementById("__search");
  var form = root.querySelector("form");
  var input = root.querySelector(".md-search__input");
  var status = root.querySelector(".ww-zoek__status");
  var filterBox = root.querySelector(".ww-zoek__filters");
  var list = root.querySelector(".ww-zoek__lijst");
  var further = root.querySelector(".ww-zoek__verder");
  var pagefind = null, loading = null, timer = null, generation = 0;
  var results = [], shown = 0, chosen = {};
  var closing = false;  // focus moves back to the box while closing: do not reopen

  function text(key, params) { return window.werkwijzeText("search." + key, params); }
  function counted(key, count, params) {
    params = params || {};
    params.count = count;
    return text(key + (count === 1 ? ".one" : ".other"), params);
  }
  function el(tag, props, children) {
    var node = document.createElement(tag);
    Object.keys(props || {}).forEach(function (key) {
      if (key === "text") node.textContent = props[key];
      else if (key in node && key !== "list") node[key] = props[key];
      else node.setAttribute(key, props[key]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  root.classList.add("ww-zoek--js");

  // -- opening and closing (Material's #__search toggle and its styles) ---------------
  function setOpen(open) {
    if (!toggle || toggle.checked === open) return;
    toggle.checked = open;
    toggle.dispatchEvent(new Event("change"));
  }
  function visible(node) { return node.getClientRects().length > 0 && getComputedStyle(node).visibility !== "hidden"; }
  function close() {
    setOpen(false);
    // On wide screens the box stays in the header: keep the reader there. Else the
    // box is hidden again, and focus returns to the page.
    closing = true;
    if (visible(input)) input.focus({ preventScroll: true }); else input.blur();
    closing = false;
  }
  input.addEventListener("focus", function () { if (!closing) setOpen(true); load(); });
  if (toggle) {
    toggle.addEventListener("change", function () {
      if (toggle.checked && document.activeElement !== input) {
        // At once, so that no typed letter is lost; where Material's transition still
        // hides the box (phones), again once it shows.
        input.focus();
        if (document.activeElement !== input) setTimeout(function () { input.focus(); }, 50);
      }
    });
  }
  root.addEventListener("focusin", function () { if (!closing) setOpen(true); });
  root.addEventListener("focusout", function (event) {
    if (event.relatedTarget && !root.contains(event.relatedTarget)) setOpen(false);
  });
  root.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      event.preventDefault();
      close();
      return;
    }
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    var links = Array.prototype.slice.call(list.querySelectorAll("a"));
    if (!links.length) return;
    var at = links.indexOf(document.activeElement);
    if (event.target === input) {
      if (event.key !== "ArrowDown") return;
      setOpen(true);  // also after Esc: the arrow opens the results again
      at = 0;
    } else if (at === -1) {
      return;
    } else {
      at += event.key === "ArrowDown" ? 1 : -1;
      if (at < 0) { event.preventDefault(); input.focus(); return; }
      at = Math.min(at, links.length - 1);
    }
    event.preventDefault();
    links[at].focus();
  });
  // Enter opens the first result; with none, the form goes to the overview's filter.
  form.addEventListener("submit", function (event) {
    var first = list.querySelector("a");
    if (first && !list.hidden) {
      event.preventDefault();
      location.href = first.href;
    }
  });
  input.addEventListener("input", function () {
    setOpen(true);
    var query = input.value.trim();
    if (pagefind && query) pagefind.preload(query);  // the chunks this word needs
    clearTimeout(timer);
    timer = setTimeout(run, DELAY);
  });

  // -- Pagefind -------------------------------------------------------------------------
  function load() {
    if (!loading) {
      // A big manual's index comes in several bundles (pagefind/bundles.json lists the
      // others, adapter/search.py): fetched beside Pagefind itself, merged after init.
      loading = Promise.all([
        import(new URL("pagefind/pagefind.js", base).href),
        fetch(new URL("pagefind/bundles.json", base).href).then(function (response) {
          return response.ok ? response.json() : [];
        }).catch(function () { return []; })
      ]).then(function (loaded) {
        var module = loaded[0];
        var others = (Array.isArray(loaded[1]) ? loaded[1] : []).filter(function (path) {
          return /^bundle-[0-9]+\/$/.test(path);
        });
        var options = { baseUrl: base.pathname, excerptLength: 24 };
        return module.options(options).then(function () {
          return module.init();
        }).then(function () {
          return Promise.all(others.map(function (path) {
            return module.mergeIndex(new URL("pagefind/" + path, base).pathname, { baseUrl: options.baseUrl });
          }));
        }).then(function () {
          pagefind = module;
          renderFilterBox();
          return module;
        });
      });
      loading.catch(function () { failed(); });
    }
    return loading;
  }
  function failed() {
    status.textContent = text("error");
    further.replaceChildren(overviewLink(input.value.trim()));
    further.hidden = false;
  }

  function run() {
    var query = input.value.trim();
    var mine = ++generation;
    var filters = activeFilters();
    if (!query && !Object.keys(filters).length) {
      results = [];
      list.replaceChildren();
      list.hidden = further.hidden = true;
      status.textContent = "";
      return;
    }
    load().then(function () {
      if (mine !== generation) return null;
      return pagefind.search(query || null, { filters: filters });
    }).then(function (search) {
      if (!search || mine !== generation) return;
      return elementsFirst(search.results);
    }).then(function (ordered) {
      if (!ordered || mine !== generation) return;
      results = ordered;
      shown = 0;
      list.replaceChildren();
      return more(mine, false).then(function () {
        if (mine !== generation) return;
        var count = results.length;
        if (!count) {
          status.textContent = query ? text("none", { query: query }) : counted("filtered", 0);
        } else {
          status.textContent = query ? counted("results", count, { query: query }) : counted("filtered", count);
        }
      });
    }).catch(function () { if (mine === generation) failed(); });
  }

  // Elements before chapters and overviews among the first results (a reader looking for
  // "wat werkt niet" wants the elements first), each group in Pagefind's order. Their data
  // load now (they are shown next anyway) and are kept on the result.
  var FIRST = 2 * PAGE;
  function elementsFirst(all) {
    var head = all.slice(0, FIRST);
    return Promise.all(head.map(loadData)).then(function () {
      var elements = head.filter(function (r) { return r.loaded.meta && r.loaded.meta.soort; });
      var others = head.filter(function (r) { return !(r.loaded.meta && r.loaded.meta.soort); });
      return elements.concat(others, all.slice(FIRST));
    });
  }
  function loadData(result) {
    if (result.loaded) return Promise.resolve(result.loaded);
    return result.data().then(function (data) { result.loaded = data; return data; });
  }

  // Render the next PAGE results; `focus`: move focus to the first new one.
  function more(mine, focus) {
    var next = results.slice(shown, shown + PAGE);
    return Promise.all(next.map(loadData)).then(function (data) {
      if (mine !== generation) return;
      var first = null;
      data.forEach(function (item) {
        var entry = renderResult(item);
        list.appendChild(entry);
        first = first || entry.querySelector("a");
      });
      shown += next.length;
      list.hidden = !shown;
      renderFurther();
      if (focus && first) first.focus();
    });
  }

  function renderResult(item) {
    var meta = item.meta || {};
    var children = [el("a", { href: item.url, className: "ww-zoek__link", text: meta.title || item.url })];
    if (meta.badge) {
      children.push(el("span", { className: "ww-soort ww-soort--" + (meta.soort || ""), text: meta.badge }));
    } else if (meta.label) {  // a chapter, an overview, a leerlijn (adapter/search.py)
      children.push(el("span", { className: "ww-zoek__soort", text: meta.label }));
    }
    var body = el("p", { className: "ww-zoek__tekst" });
    children.push(body);
    if (!meta.summary) {
      appendExcerpt(body, item.excerpt || "");
    } else if (!appendMarked(body, meta.summary, hitWords(item.excerpt || ""))) {
      // An element: its summary; when the words were found elsewhere on its page, the
      // place they were found as well, so the reader sees why it is a result.
      body.textContent = meta.summary;
      if (hitWords(item.excerpt || "").length) {
        var found = el("p", { className: "ww-zoek__tekst ww-zoek__vindplaats" });
        appendExcerpt(found, item.excerpt);
        children.push(found);
      }
    }
    return el("li", { className: "ww-zoek__item" }, children);
  }

  // The words Pagefind matched (its excerpt marks them), in lower case.
  function hitWords(excerpt) {
    var words = [];
    excerpt.replace(/<mark>([\s\S]*?)<\/mark>/g, function (all, word) {
      decoder.innerHTML = word;
      if (decoder.value.trim()) words.push(decoder.value.trim().toLowerCase());
      return all;
    });
    return words;
  }

  // `value` into `node` with each of `words` marked; false (nothing added) when it holds none.
  function appendMarked(node, value, words) {
    if (!words.length) return false;
    var pattern = new RegExp("(" + words.map(function (w) {
      return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    }).join("|") + ")", "gi");
    var parts = value.split(pattern);  // the matches at the odd places
    if (parts.length < 2) return false;
    parts.forEach(function (part, i) {
      if (part) node.appendChild(i % 2 ? el("mark", { text: part }) : document.createTextNode(part));
    });
    return true;
  }

  // Pagefind's excerpt is escaped text with <mark> around the hits: keep only those.
  var decoder = document.createElement("textarea");  // RCDATA: decodes entities, makes no tags
  function appendExcerpt(node, excerpt) {
    excerpt.split(/(<mark>|<\/mark>)/).reduce(function (marked, part) {
      if (part === "<mark>") return true;
      if (part === "</mark>") return false;
      decoder.innerHTML = part;
      var plain = decoder.value;
      node.appendChild(marked ? el("mark", { text: plain }) : document.createTextNode(plain));
      return marked;
    }, false);
  }

  function overviewLink(query) {
    var href = new URL(form.action);  // the overview (partials/search.html)
    if (query) href.searchParams.set(input.name, query);  // the manual's query name
    return el("a", { href: href.href, text: query ? text("overview", { query: query }) : text("overview_all") });
  }

  function renderFurther() {
    var parts = [];
    if (shown < results.length) {
      parts.push(el("span", { text: text("shown", { shown: shown, count: results.length }) + " " }));
      var button = el("button", { type: "button", className: "md-button ww-zoek__meer", text: text("more") });
      button.addEventListener("click", function () { more(generation, true); });
      parts.push(button, document.createTextNode(" "));
    }
    parts.push(overviewLink(input.value.trim()));
    further.replaceChildren.apply(further, parts);
    further.hidden = false;
  }

  // -- filters (Pagefind filters: facet title -> {label: count}) ----------------------------
  function activeFilters() {
    var out = {};
    Object.keys(chosen).forEach(function (facet) {
      var values = Object.keys(chosen[facet]).filter(function (v) { return chosen[facet][v]; });
      if (values.length) out[facet] = { any: values };
    });
    return out;
  }
  function chosenCount() {
    return Object.keys(chosen).reduce(function (sum, facet) {
      return sum + Object.keys(chosen[facet]).filter(function (v) { return chosen[facet][v]; }).length;
    }, 0);
  }
  // The box shows at once; its values load when the reader opens it (loading them
  // beside the first search would slow that search down: one worker does both).
  function renderFilterBox() {
    var summary = el("summary", { text: text("filters") });
    var details = el("details", { className: "ww-zoek__filterlijst" }, [summary]);
    var filled = false;
    details.addEventListener("toggle", function () {
      if (!details.open || filled) return;
      filled = true;
      pagefind.filters().then(function (filters) { renderFilters(details, summary, filters); });
    });
    filterBox.replaceChildren(details);
    filterBox.hidden = false;
  }
  function renderFilters(details, summary, filters) {
    Object.keys(filters || {}).forEach(function (facet, f) {
      var values = Object.keys(filters[facet]).sort(function (a, b) { return a.localeCompare(b, "nl"); });
      var set = el("fieldset", {}, [el("legend", { text: facet })]);
      values.forEach(function (value, v) {
        var id = "ww-zoek-f" + f + "-" + v;
        var box = el("input", { type: "checkbox", id: id, value: value });
        box.addEventListener("change", function () {
          chosen[facet] = chosen[facet] || {};
          chosen[facet][value] = box.checked;
          var count = chosenCount();
          summary.textContent = count ? counted("filters_chosen", count) : text("filters");
          run();
        });
        set.appendChild(el("div", { className: "ww-zoek__optie" }, [box, el("label", { htmlFor: id, text: value })]));
      });
      details.appendChild(set);
    });
  }
})();
