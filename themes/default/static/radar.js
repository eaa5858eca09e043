/* Search and filters: an enhancement on top of complete HTML pages.
 *
 * Every page works without this script: the filters exist as static pages (quadrant, ring, tag,
 * capability cell).  With it, the radar page dims the blips that do not match, keeping its state in
 * the URL (?quadrant=...&ring=...) so a view can be shared and is restored on load.  Search is
 * static/search.js, loaded on the search page only.
 */
(function () {
  "use strict";

  var FILTER_KEYS = ["quadrant", "ring", "status", "tag", "cell"];

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

  /* --- Names on the picture ---------------------------------------------------------------- */

  /** Hover or focus a blip: its name appears over the picture and its legend entry lights up; hover
   *  or focus a legend entry: its blip lights up.  The name is already the link's accessible name,
   *  so the visible label is aria-hidden; Escape dismisses it (WCAG 1.4.13). */
  function setupNames(figure) {
    var tip = document.createElement("div");
    tip.className = "blip-tip";
    tip.setAttribute("aria-hidden", "true");
    tip.hidden = true;
    figure.appendChild(tip);
    var dots = {};
    Array.prototype.forEach.call(figure.querySelectorAll("svg a.blip[id^='dot-']"), function (dot) {
      dots[dot.id.slice(4)] = dot;
    });
    var entries = {};
    Array.prototype.forEach.call(document.querySelectorAll(".legend-list li[data-id]"), function (li) {
      entries[li.getAttribute("data-id")] = li;
    });
    var shown = null;

    function hide() {
      if (!shown) return;
      dots[shown].classList.remove("linked");
      if (entries[shown]) entries[shown].classList.remove("linked");
      tip.hidden = true;
      shown = null;
    }

    function show(id) {
      var dot = dots[id];
      if (!dot) return;
      hide();
      shown = id;
      dot.classList.add("linked");
      if (entries[id]) entries[id].classList.add("linked");
      var label = dot.getAttribute("aria-label") || "";
      tip.textContent = label.split(" \u2014 ")[0];
      var box = dot.getBoundingClientRect();
      var frame = figure.getBoundingClientRect();
      tip.style.left = box.left + box.width / 2 - frame.left + "px";
      tip.style.top = box.top - frame.top + "px";
      tip.hidden = false;
    }

    Object.keys(dots).forEach(function (id) {
      var dot = dots[id];
      dot.addEventListener("mouseenter", function () { show(id); });
      dot.addEventListener("focus", function () { show(id); });
      dot.addEventListener("mouseleave", hide);
      dot.addEventListener("blur", hide);
      var li = entries[id];
      var link = li && li.querySelector("a");
      if (!link) return;
      link.addEventListener("mouseenter", function () { show(id); });
      link.addEventListener("focus", function () { show(id); });
      link.addEventListener("mouseleave", hide);
      link.addEventListener("blur", hide);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape") hide();
    });
  }

  function start() {
    var filter = document.getElementById("radar-filter");
    if (filter) setupFilters(filter);
    var details = filter && filter.querySelector("details");
    if (details && window.matchMedia("(max-width: 40rem)").matches && !window.location.search) details.open = false;
    var figure = document.querySelector(".radar-figure");
    if (figure && figure.querySelector("svg a.blip")) setupNames(figure);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
