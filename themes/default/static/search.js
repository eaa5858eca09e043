/* Ranked search on the search page, from the index the build wrote (static/search-index.js).
 *
 * The build stemmed every word with Snowball (Dutch and English); this script stems the query
 * with the same algorithms (static/stemmers/) and adds up the scores the build gave each stem:
 * title above tags above summary above text.  Whole words only, so "AI" never hits "training";
 * the word being typed (three letters or more) also matches as the start of a word, and a stem of
 * four letters or more also matches the end of a Dutch compound ("vertalen": "Spraakvertaling").
 * Matches are marked with <mark> built from text nodes: no text from the index is parsed as HTML.
 * Without this script the page still lists every technology for the browser's own find.
 *
 * The index grows with the radar (megabytes at ten thousand technologies), so it and the stemmers
 * are fetched only when the search box is used: on focus or typing, or at once when the address
 * carries a query.  Their addresses are on the form (data-scripts), relative like every link.
 */
(function () {
  "use strict";

  var WORD = /[\p{L}\p{N}]+/gu;
  var PREFIX_MIN = 3;
  var COMPOUND_MIN = 4;
  var PREFIX_WEIGHT = 0.6;
  var COMPOUND_WEIGHT = 0.5;
  var PAGE = 50;

  function fold(text) {
    return String(text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function makeStemmers() {
    var found = [];
    if (typeof window.DutchStemmer === "function") found.push(new window.DutchStemmer());
    if (typeof window.EnglishStemmer === "function") found.push(new window.EnglishStemmer());
    return found;
  }

  function Searcher(index) {
    this.index = index;
    this.stemmers = makeStemmers();
    this.wordList = Object.keys(index.words);
    this.stemList = Object.keys(index.stems);
    this.cache = {};
  }

  /** A lower-case word's stems in every algorithm, accents folded after stemming (as the build does). */
  Searcher.prototype.stems = function (word) {
    var cached = this.cache[word];
    if (cached) return cached;
    var found = [];
    this.stemmers.forEach(function (stemmer) {
      var stem = fold(stemmer.stemWord(word));
      if (stem && found.indexOf(stem) === -1) found.push(stem);
    });
    if (!found.length) found.push(fold(word));
    this.cache[word] = found;
    return found;
  };

  /** Stem -> weight for one query word: its own stems, then words it starts, then compounds it ends. */
  Searcher.prototype.candidates = function (term, typing) {
    var index = this.index;
    var found = {};
    function offer(stem, weight) {
      if (index.stems[stem] && (found[stem] || 0) < weight) found[stem] = weight;
    }
    var own = this.stems(term);
    own.forEach(function (stem) {
      offer(stem, 1);
    });
    var folded = fold(term);
    (index.words[folded] || []).forEach(function (stem) {
      offer(stem, 1);
    });
    if (typing && folded.length >= PREFIX_MIN) {
      this.wordList.forEach(function (word) {
        if (word.length > folded.length && word.lastIndexOf(folded, 0) === 0) {
          index.words[word].forEach(function (stem) {
            offer(stem, PREFIX_WEIGHT);
          });
        }
      });
    }
    own.forEach(function (stem) {
      if (stem.length < COMPOUND_MIN) return;
      this.stemList.forEach(function (other) {
        if (other.length >= stem.length + 3 && other.slice(-stem.length) === stem) offer(other, COMPOUND_WEIGHT);
      });
    }, this);
    return found;
  };

  /** Ranked results for a query: every word must match; scores add up over the words. */
  Searcher.prototype.search = function (query) {
    var terms = query.toLowerCase().match(WORD) || [];
    var matched = {};
    var total = null;
    for (var i = 0; i < terms.length; i += 1) {
      var candidates = this.candidates(terms[i], i === terms.length - 1);
      var scores = {};
      Object.keys(candidates).forEach(function (stem) {
        matched[stem] = true;
        var postings = this.index.stems[stem];
        for (var j = 0; j < postings.length; j += 2) {
          var score = postings[j + 1] * candidates[stem];
          if ((scores[postings[j]] || 0) < score) scores[postings[j]] = score;
        }
      }, this);
      if (total === null) {
        total = scores;
      } else {
        var both = {};
        Object.keys(total).forEach(function (doc) {
          if (scores[doc]) both[doc] = total[doc] + scores[doc];
        });
        total = both;
      }
    }
    var ranked = Object.keys(total || {}).map(Number);
    ranked.sort(function (a, b) {
      return total[b] - total[a] || a - b;
    });
    return { terms: terms, docs: ranked, matched: matched };
  };

  /** Text with the words whose stems matched wrapped in <mark>, built from text nodes only. */
  Searcher.prototype.highlight = function (parent, text, matched) {
    var last = 0;
    var self = this;
    String(text).replace(WORD, function (word, offset) {
      var hit = self.stems(word.toLowerCase()).some(function (stem) {
        return matched[stem];
      });
      if (!hit) {
        var known = self.index.words[fold(word.toLowerCase())] || [];
        hit = known.some(function (stem) {
          return matched[stem];
        });
      }
      if (hit) {
        parent.appendChild(document.createTextNode(text.slice(last, offset)));
        var mark = document.createElement("mark");
        mark.textContent = word;
        parent.appendChild(mark);
        last = offset + word.length;
      }
      return word;
    });
    parent.appendChild(document.createTextNode(text.slice(last)));
  };

  function readQuery() {
    var params = new URLSearchParams(window.location.search);
    var hash = window.location.hash.replace(/^#/, "");
    if (hash.indexOf("=") !== -1) {
      var fromHash = new URLSearchParams(hash).get("q");
      if (fromHash !== null) return fromHash;
    }
    return params.get("q") || "";
  }

  function writeQuery(value) {
    var params = new URLSearchParams(window.location.search);
    if (value) params.set("q", value);
    else params.delete("q");
    var query = params.toString();
    try {
      window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : ""));
    } catch (error) {
      window.location.hash = query;
    }
  }

  function fill(template, count, query) {
    return template.replace("{count}", String(count)).replace("{query}", query);
  }

  function setup(form, searcher) {
    var input = form.elements.q;
    var status = document.getElementById("search-status");
    var section = document.getElementById("search-ranked");
    var heading = document.getElementById("ranked-heading");
    var list = section.querySelector("ol");
    var more = document.getElementById("search-more");
    var all = document.getElementById("search-all");
    var hint = document.getElementById("search-hint");
    var header = document.getElementById("site-search-q");
    var current = null;
    var shown = 0;

    function item(doc, matched) {
      var entry = searcher.index.docs[doc];
      var li = document.createElement("li");
      li.setAttribute("data-url", entry[0]);
      var link = document.createElement("a");
      link.setAttribute("href", entry[0]);
      searcher.highlight(link, entry[1], matched);
      li.appendChild(link);
      var meta = document.createElement("span");
      meta.className = "result-kind";
      meta.textContent = " " + entry[3] + " \u00b7 " + entry[4];
      li.appendChild(meta);
      if (entry[2]) {
        var summary = document.createElement("span");
        summary.className = "summary";
        searcher.highlight(summary, entry[2], matched);
        li.appendChild(summary);
      }
      if (entry[5].length) {
        var tags = document.createElement("span");
        tags.className = "result-tags";
        entry[5].forEach(function (tag) {
          var span = document.createElement("span");
          span.className = "tag";
          searcher.highlight(span, tag, matched);
          tags.appendChild(span);
          tags.appendChild(document.createTextNode(" "));
        });
        li.appendChild(tags);
      }
      return li;
    }

    function showMore() {
      var end = Math.min(current.docs.length, shown + PAGE);
      for (var i = shown; i < end; i += 1) list.appendChild(item(current.docs[i], current.matched));
      shown = end;
      more.hidden = shown >= current.docs.length;
      more.textContent = fill(more.getAttribute("data-template"), current.docs.length - shown, "");
    }

    function apply() {
      var query = input.value.trim();
      if (header && header !== document.activeElement) header.value = input.value;
      list.textContent = "";
      shown = 0;
      if (!query) {
        current = null;
        section.hidden = true;
        all.hidden = false;
        status.textContent = "";
        return;
      }
      current = searcher.search(query);
      var count = current.docs.length;
      var key = count === 0 ? "data-none" : count === 1 ? "data-one" : "data-many";
      var text = fill(heading.getAttribute(key), count, query);
      heading.textContent = text;
      status.textContent = text;
      section.hidden = false;
      all.hidden = true;
      showMore();
    }

    if (hint) hint.hidden = true;
    input.removeAttribute("aria-describedby");
    more.addEventListener("click", function () {
      var first = shown;
      showMore();
      var next = list.children[first];
      if (next) next.querySelector("a").focus();
    });
    var typed = input.value;  // typed while the index was on its way: keep it
    input.value = typed || readQuery();
    apply();
    if (typed) writeQuery(typed.trim());
    input.addEventListener("input", function () {
      apply();
      writeQuery(input.value.trim());
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      apply();
      writeQuery(input.value.trim());
    });
  }

  function ready(form) {
    var index = window.RADAR_SEARCH_INDEX;
    if (index && index.docs) setup(form, new Searcher(index));
  }

  /** Fetch the stemmers and the index once, in the order given; set the page up when all ran. */
  function load(form) {
    var sources = (form.getAttribute("data-scripts") || "").split(" ").filter(Boolean);
    var pending = sources.length;
    sources.forEach(function (source) {
      var script = document.createElement("script");
      script.src = source;
      script.async = false;  // run in insertion order: the stemmers before the index
      script.addEventListener("load", function () {
        pending -= 1;
        if (pending === 0) ready(form);
      });
      document.head.appendChild(script);
    });
  }

  function start() {
    var form = document.querySelector("form.search-form");
    if (!form) return;
    var started = false;
    function use() {
      if (started) return;
      started = true;
      form.removeEventListener("focusin", use);
      form.removeEventListener("input", use);
      load(form);
    }
    if (readQuery()) use();
    else {
      form.addEventListener("focusin", use);
      form.addEventListener("input", use);
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
