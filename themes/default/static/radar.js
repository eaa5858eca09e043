/* Search and filters: an enhancement on top of complete HTML pages.
 *
 * Every page works without this script: the search page lists every technology for the browser's
 * own find, and the filters exist as static pages (quadrant, ring, tag, capability cell).  With it,
 * the search page filters its list as you type and the radar page dims the blips that do not match.
 * Both keep their state in the URL (?q=... and ?quadrant=...&ring=...), so a view can be shared and
 * is restored on load.  No request leaves the page: the search index is a script the build wrote.
 */
(function () {
  "use strict";

  var FILTER_KEYS = ["quadrant", "ring", "status", "tag", "cell"];

  /** Lower case without accents, so "categorale" finds "Categorale" and "e" finds "é". */
  function normalize(text) {
    return String(text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  /** The announcement text for the live region, from a template the page wrote in its language. */
  function countText(template, shown, total) {
    return template.replace("{shown}", String(shown)).replace("{total}", String(total));
  }

  /** Parameters from the query string, overridden by any in the hash (the fallback we write). */
  function readParams() {
    var params = new URLSearchParams(window.location.search);
    var hash = window.location.hash.replace(/^#/, "");
    if (hash.indexOf("=") !== -1) {
      new URLSearchParams(hash).forEach(function (value, key) {
        params.set(key, value);
      });
    }
    return params;
  }

  /** Put the state into the address bar without a reload; the hash where history refuses (file://). */
  function writeParams(params) {
    var query = params.toString();
    try {
      var url = window.location.pathname + (query ? "?" + query : "");
      window.history.replaceState(null, "", url);
    } catch (error) {
      window.location.hash = query;
    }
  }

  /* --- Filters on a radar page ------------------------------------------------------------- */

  function matches(el, state) {
    if (state.quadrant && el.getAttribute("data-quadrant") !== state.quadrant) return false;
    if (state.ring && el.getAttribute("data-ring") !== state.ring) return false;
    if (state.status && el.getAttribute("data-status") !== state.status) return false;
    var tags = (el.getAttribute("data-tags") || "").split(" ");
    if (state.tag && tags.indexOf(state.tag) === -1) return false;
    var cells = (el.getAttribute("data-cells") || "").split(" ");
    if (state.cell && cells.indexOf(state.cell) === -1) return false;
    return true;
  }

  function setupFilters(form) {
    var status = document.getElementById("filter-count");
    var template = status ? status.getAttribute("data-template") : "";
    var dots = Array.prototype.slice.call(document.querySelectorAll("svg a.blip[data-quadrant]"));
    var items = Array.prototype.slice.call(document.querySelectorAll(".legend-list li[data-id]"));
    var total = items.length || dots.length;

    function formState() {
      var state = {};
      FILTER_KEYS.forEach(function (key) {
        var field = form.elements[key];
        state[key] = field ? field.value : "";
      });
      return state;
    }

    function apply(announce) {
      var state = formState();
      var active = FILTER_KEYS.some(function (key) {
        return state[key];
      });
      var shown = 0;
      items.forEach(function (li) {
        var keep = matches(li, state);
        li.classList.toggle("dimmed", !keep);
        if (keep) shown += 1;
      });
      dots.forEach(function (a) {
        var keep = matches(a, state);
        a.classList.toggle("dimmed", !keep);
        if (!items.length && keep) shown += 1;
      });
      if (status && (announce || active)) status.textContent = countText(template, shown, total);
      return state;
    }

    function save(state) {
      var params = readParams();
      params.delete("q");
      FILTER_KEYS.forEach(function (key) {
        if (state[key]) params.set(key, state[key]);
        else params.delete(key);
      });
      writeParams(params);
    }

    var params = readParams();
    FILTER_KEYS.forEach(function (key) {
      var field = form.elements[key];
      var value = params.get(key);
      if (!field || !value) return;
      var known = Array.prototype.some.call(field.options, function (option) {
        return option.value === value;
      });
      if (known) field.value = value;
    });
    form.hidden = false;
    apply(false);

    form.addEventListener("change", function () {
      save(apply(true));
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      save(apply(true));
    });
    form.addEventListener("reset", function () {
      window.setTimeout(function () {
        save(apply(true));
      }, 0);
    });
  }

  /* --- Search page ------------------------------------------------------------------------- */

  function setupSearch(form, entries) {
    var input = form.elements.q;
    var status = document.getElementById("search-status");
    var template = status ? status.getAttribute("data-template") : "";
    var hint = document.getElementById("search-hint");
    var haystacks = {};
    entries.forEach(function (e) {
      haystacks[e.id] = normalize([e.title, e.summary, (e.tags || []).join(" "), e.text].join(" \n "));
    });
    var items = Array.prototype.slice.call(document.querySelectorAll(".search-results li[data-id]"));

    function apply() {
      var words = normalize(input.value).split(/\s+/).filter(Boolean);
      var shown = 0;
      items.forEach(function (li) {
        var text = haystacks[li.getAttribute("data-id")] || "";
        var keep = words.every(function (w) {
          return text.indexOf(w) !== -1;
        });
        if (li.hidden === keep) li.hidden = !keep;
        if (keep) shown += 1;
      });
      if (status) status.textContent = words.length ? countText(template, shown, items.length) : "";
    }

    function save() {
      var params = readParams();
      if (input.value.trim()) params.set("q", input.value.trim());
      else params.delete("q");
      writeParams(params);
    }

    if (hint) {
      hint.hidden = true;
      input.removeAttribute("aria-describedby");
    }
    input.value = readParams().get("q") || "";
    apply();
    input.addEventListener("input", function () {
      apply();
      save();
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      apply();
      save();
    });
  }

  function start() {
    var filter = document.getElementById("radar-filter");
    if (filter) setupFilters(filter);
    var search = document.querySelector("form.search-form");
    if (search && Array.isArray(window.RADAR_SEARCH_INDEX)) setupSearch(search, window.RADAR_SEARCH_INDEX);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
