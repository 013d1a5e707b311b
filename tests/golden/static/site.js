// Progressive enhancement only: every page works without this file but search.
(function () {
  document.querySelectorAll(".access-date").forEach(function (el) {
    var locale = (el.getAttribute("data-lang") || "en-GB").replace("_", "-");
    var now = new Date();
    // The same form as every other Vietnamese date of the site (Intl writes "19 tháng 9, 2024").
    el.textContent = locale.indexOf("vi") === 0
      ? now.getDate() + " tháng " + (now.getMonth() + 1) + " năm " + now.getFullYear()
      : now.toLocaleDateString(locale, { day: "numeric", month: "long", year: "numeric" });
  });
})();

// ===== Search page =====
// Pagefind's JS API (not its default UI), so that what a reader types decides what is found:
// - a word typed with tones matches that word with those tones (Pagefind's exactDiacritics),
//   wherever the tone mark sits ("khoá" = "khóa"); one mark typed means every word is taken as typed;
//   a query typed without any mark matches every toned form;
// - d typed for đ (a letter of its own, which Pagefind does not fold) is tried both ways;
// - whole words only: Pagefind matches prefixes ("to" → "tổng"), but a Vietnamese word is one
//   syllable, so a page is kept and a word highlighted only where the typed word itself stands;
// - the typed words next to each other, in order (a name), rank first;
// - filters and counts are computed here from the results, so every group renders once both the
//   index and the results are in, whatever their order of arrival.
(function () {
  var optionsEl = document.getElementById("search-options");
  var form = document.getElementById("search-form");
  if (!optionsEl || !form) return;
  var options = JSON.parse(optionsEl.textContent);
  var S = options.strings;
  var lang = document.documentElement.lang || "vi";
  var input = document.getElementById("search-q");
  var order = document.getElementById("search-order");
  var message = document.getElementById("search-message");
  var list = document.getElementById("search-results");
  var filtersEl = document.getElementById("search-filters");
  var toggle = document.getElementById("search-filter-toggle");
  var more = document.getElementById("search-more");
  var PAGE = Number(optionsEl.getAttribute("data-page")) || 10; // results shown at a time
  // Up to this many candidates, every page is read (whole words checked) before anything is shown;
  // above, pages are read as they are shown and the count is Pagefind's: a bound, said as one
  // ("up to N results"), until every candidate has been read.
  var VERIFY_ALL = Number(optionsEl.getAttribute("data-read-all")) || 150;

  var params = new URLSearchParams(window.location.search);
  input.value = params.get("q") || "";
  order.value = params.get("order") === "newest" ? "newest" : "relevance";

  // --- words ---
  var TONES = /[\u0300\u0301\u0303\u0309\u0323]/g; // huyền, sắc, ngã, hỏi, nặng
  function lower(w) { return w.normalize("NFC").toLocaleLowerCase(lang); }
  function bare(w) { return w.normalize("NFD").replace(/\p{M}/gu, "").normalize("NFC"); } // keeps đ
  function toneKey(w) { // the same for "khoá" and "khóa": letters without the tone, then the tone
    var d = w.normalize("NFD");
    var tone = (d.match(TONES) || []).join("");
    return d.replace(TONES, "").normalize("NFC") + "|" + tone;
  }
  function words(text) { return (text.match(/[\p{L}\p{N}\p{M}]+/gu) || []).map(lower); }
  function withBar(w) { return w.indexOf("d") < 0 ? [w] : [w, w.replace(/d/g, "đ")]; }
  function placements(w) { // the tone on either vowel of oa, oe, uy ("hoà"/"hòa")
    var d = w.normalize("NFD");
    var tone = (d.match(TONES) || [""])[0];
    var base = d.replace(TONES, "").normalize("NFC");
    // Only a pair that ends the vowel run: "uyê" in "Nguyễn", "chuyến" carries its tone on the ê.
    var m = tone && /(o[ae]|uy)(?![aăâeêioôơuưy])/i.exec(base);
    if (!m) return [w];
    var put = function (i) { return (base.slice(0, i + 1) + tone + base.slice(i + 1)).normalize("NFC"); };
    return [w, put(m.index), put(m.index + 1)];
  }
  function terms(query, ignoreTones) {
    // A reader who types one mark (a tone, or â, ê, ô, ơ, ư, ă) types them all: in "Hoa Kỳ" or
    // "Việt Nam" every word is taken as typed ("hoa" is not "hòa", "nam" is not "năm").
    var toned = !ignoreTones && words(query).some(function (w) { return bare(w) !== w; });
    return words(query).map(function (w) {
      if (ignoreTones) w = bare(w);
      var variants = [];
      withBar(w).forEach(function (v) { (toned ? placements(v) : [v]).forEach(function (p) { if (variants.indexOf(p) < 0) variants.push(p); }); });
      var keys = variants.map(toned ? toneKey : bare);
      return {
        word: w, toned: toned, variants: variants,
        matches: function (c) { return keys.indexOf(toned ? toneKey(c) : bare(c)) >= 0; },
      };
    });
  }

  // --- Pagefind: one instance that keeps tones, one that folds them, each over every part ---
  var pagefind = null;
  function load() {
    if (pagefind) return pagefind;
    pagefind = import(options.bundlePath + "pagefind.js").then(function (pf) {
      function instance(exact) { // one at a time: they share Pagefind's worker
        var i = pf.createInstance({ basePath: options.bundlePath, baseUrl: options.baseUrl, exactDiacritics: exact });
        return options.mergeIndex.reduce(function (done, m) {
          return done.then(function () { return i.mergeIndex(m.bundlePath, { baseUrl: m.baseUrl, exactDiacritics: exact }); });
        }, i.init()).then(function () { return i; });
      }
      return instance(true).then(function (exact) {
        return instance(false).then(function (folded) {
          return folded.filters().then(function (groups) {
            return { exact: exact, folded: folded, groups: groups, newest: null };
          });
        });
      });
    });
    return pagefind;
  }

  function dateOrder(pf) { // every page's place, newest first; asked the first time it is needed
    if (!pf.newest) {
      pf.newest = pf.folded.search(null, { sort: { date: "desc" } }).then(function (r) {
        var at = {};
        r.results.forEach(function (x, i) { at[x.id] = i; });
        return at;
      });
    }
    return pf.newest;
  }

  // The checked filter values as Pagefind takes them: a result set too large to read every page
  // of is filtered by Pagefind itself (a page read carries its own filter values).
  function pagefindFilters() {
    var f = {};
    Object.keys(selected).forEach(function (g) { if (selected[g].size) f[g] = { any: Array.from(selected[g]) }; });
    return f;
  }
  function has(c, g, v) {
    return c.data ? (c.data.filters[g] || []).indexOf(v) >= 0 : false;
  }

  // --- one search: candidates from Pagefind, checked against the page's own words ---
  function candidates(pf, ts, filters) {
    var counts = null, fewest = Infinity; // the filter counts of the narrowest word: at least the true ones
    return Promise.all(ts.map(function (t) {
      return Promise.all(t.variants.map(function (v) {
        return (t.toned ? pf.exact : pf.folded).search(v, filters ? { filters: filters } : {});
      }))
        .then(function (answers) {
          answers.forEach(function (a) {
            if (a.results.length && a.results.length < fewest) { fewest = a.results.length; counts = a.filters; }
          });
          var found = new Map();
          answers.forEach(function (a) {
            a.results.forEach(function (r) {
              var had = found.get(r.id);
              if (!had) found.set(r.id, { score: r.score, at: new Set(r.words), result: r });
              else { had.score = Math.max(had.score, r.score); r.words.forEach(function (p) { had.at.add(p); }); }
            });
          });
          return found;
        });
    })).then(function (perWord) {
      var out = [];
      perWord[0].forEach(function (first, id) {
        if (!perWord.every(function (m) { return m.has(id); })) return;
        var score = 0, together = 0;
        perWord.forEach(function (m, i) {
          score += m.get(id).score;
          if (i > 0) m.get(id).at.forEach(function (p) { if (perWord[i - 1].get(id).at.has(p - 1)) together += 1; });
        });
        // until the page's text is read, positions tell which typed words stand next to each other
        out.push({ id: id, result: first.result, score: score, longest: together ? 2 : 1, times: together, data: null });
      });
      out.counts = counts || {};
      return out;
    });
  }

  function check(c, ts) { // load the page's text; whole words only
    return c.result.data().then(function (d) {
      var tokens = d.content.split(/\s+/);
      var hits = tokens.map(function (tok) {
        var core = words(tok);
        for (var i = 0; i < ts.length; i++) {
          if (core.some(ts[i].matches)) return i;
        }
        return -1;
      });
      var seen = new Set(), run = 0, longest = 0, times = 0;
      tokens.forEach(function (tok) { // every typed word somewhere, a part of "Díaz-Canel" too
        words(tok).forEach(function (w) { ts.forEach(function (t, i) { if (t.matches(w)) seen.add(i); }); });
      });
      hits.forEach(function (h, i) { // the longest run of typed words in their order, and how often
        if (h < 0) { run = 0; return; }
        run = h > 0 && hits[i - 1] === h - 1 ? run + 1 : 1;
        if (run > longest) { longest = run; times = 0; }
        if (run === longest) times += 1;
      });
      c.data = d; c.tokens = tokens; c.hits = hits;
      c.ok = seen.size === ts.length;
      c.longest = longest; c.times = times;
      return c;
    });
  }

  function byRelevance(a, b) {
    return b.longest - a.longest || b.times - a.times || b.score - a.score || (a.id < b.id ? -1 : 1);
  }

  // --- state and rendering ---
  var run = 0, state = null;
  var selected = {}; // group → Set of values

  function passes(c, except) { // any value checked within a group, every group
    return Object.keys(selected).every(function (g) {
      if (g === except || !selected[g].size) return true;
      var ok = false;
      selected[g].forEach(function (v) { if (has(c, g, v)) ok = true; });
      return ok;
    });
  }

  function say(template, count, term) {
    return template.replace("[COUNT]", count).replace("[SEARCH_TERM]", term);
  }

  function search() {
    var query = input.value.trim();
    var mine = ++run;
    syncUrl(query);
    if (!words(query).length) {
      list.textContent = ""; filtersEl.textContent = ""; message.textContent = ""; more.hidden = true; toggle.hidden = true;
      list.setAttribute("aria-busy", "false");
      state = null;
      return Promise.resolve();
    }
    message.textContent = say(S.searching, "", query);
    list.setAttribute("aria-busy", "true");
    return load().then(function (pf) {
      return find(pf, terms(query), mine).then(function (answer) {
        // nothing with the tones typed (a slip of the keyboard?): the same words without them, said so
        if (!answer || answer.kept.length || !answer.ts.some(function (t) { return t.toned; })) return answer;
        return find(pf, terms(query, true), mine).then(function (loose) {
          if (loose && loose.kept.length) loose.loose = true;
          return loose && loose.kept.length ? loose : answer;
        });
      }).then(function (answer) {
        if (!answer || mine !== run) return;
        state = {
          pf: pf, ts: answer.ts, query: query, loose: !!answer.loose, all: answer.kept,
          checked: answer.checked, counts: answer.counts, shown: 0,
        };
        return render(mine);
      });
    }).catch(function (err) {
      if (mine !== run) return;
      message.textContent = String(err && err.message || err);
      list.setAttribute("aria-busy", "false");
    });
  }

  function find(pf, ts, mine) { // candidates, read and ranked; null when a newer search began
    return candidates(pf, ts).then(function (found) {
      if (mine !== run) return null;
      if (found.length > VERIFY_ALL) { // too many to read: Pagefind filters, pages are read as shown
        var filters = pagefindFilters();
        var narrowed = Object.keys(filters).length ? candidates(pf, ts, filters) : Promise.resolve(found);
        return narrowed.then(function (rows) {
          if (mine !== run) return null;
          rows.sort(byRelevance);
          return { ts: ts, kept: rows, checked: false, counts: found.counts };
        });
      }
      found.sort(byRelevance);
      return Promise.all(found.map(function (c) { return check(c, ts); })).then(function () {
        if (mine !== run) return null;
        var kept = found.filter(function (c) { return c.ok; }).sort(byRelevance);
        return { ts: ts, kept: kept, checked: true };
      });
    });
  }

  function visible() {
    var rows = state.checked ? state.all.filter(function (c) { return passes(c, null); }) : state.all;
    if (order.value !== "newest") return Promise.resolve(rows);
    return dateOrder(state.pf).then(function (at) {
      return rows.slice().sort(function (a, b) { return (at[a.id] || 0) - (at[b.id] || 0); });
    });
  }

  function render(mine) {
    return visible().then(function (rows) { if (mine === run) return show(rows, mine); });
  }

  function counted(rows) { // the message: an exact count once every row is read, else a bound
    var read = state.checked || rows.every(function (c) { return c.data; });
    if (!read) return say(state.loose ? S.without_tones_up_to : S.up_to_results, rows.length, state.query);
    var n = state.checked ? rows.length : rows.filter(function (c) { return c.ok; }).length;
    if (state.loose) return say(S.without_tones, n, state.query);
    return say(n === 1 ? S.one_result : n ? S.many_results : S.zero_results, n, state.query);
  }

  function show(rows, mine) {
    message.textContent = counted(rows);
    renderFilters();
    list.textContent = "";
    state.rows = rows; state.shown = 0;
    return showMore(mine);
  }

  function showMore(mine) {
    var rows = state.rows, start = state.shown;
    var batch = [];
    var need = PAGE;
    function next(i) { // unchecked candidates (a very large set) are checked as they are shown
      if (mine !== run) return Promise.resolve();
      if (need === 0 || i >= rows.length) { state.shown = i; return Promise.resolve(); }
      var c = rows[i];
      return (c.data ? Promise.resolve(c) : check(c, state.ts)).then(function () {
        if (c.ok) { batch.push(c); need -= 1; }
        return next(i + 1);
      });
    }
    return next(start).then(function () {
      if (mine !== run) return;
      batch.forEach(function (c) { list.appendChild(item(c)); });
      more.hidden = state.shown >= rows.length;
      if (!state.checked) message.textContent = counted(rows); // exact once the last is read
      list.setAttribute("aria-busy", "false");
    });
  }

  function item(c) {
    var d = c.data;
    var li = document.createElement("li");
    li.className = "search-result";
    var a = document.createElement("a");
    a.className = "result-link";
    a.href = d.url;
    a.textContent = (d.meta && d.meta.title) || d.url;
    var h = document.createElement("h2");
    h.className = "result-title";
    h.appendChild(a);
    li.appendChild(h);
    var tags = document.createElement("ul");
    tags.className = "result-tags";
    (options.meta || []).forEach(function (k) {
      if (!d.meta || !d.meta[k]) return;
      var t = document.createElement("li");
      t.className = "result-tag";
      t.textContent = k + ": " + d.meta[k];
      tags.appendChild(t);
    });
    if (tags.childNodes.length) li.appendChild(tags);
    li.appendChild(excerpt(c));
    return li;
  }

  function excerpt(c) { // the page's own words, the typed ones marked (text nodes only: no markup from content)
    var tokens = c.tokens, hits = c.hits, LEN = 30;
    var best = 0, bestScore = -1;
    hits.forEach(function (h, i) { // the window with the most typed words, in order, next to each other
      if (h < 0) return;
      var from = Math.max(0, i - 6), seen = new Set(), n = 0, run = 0, longest = 0;
      for (var j = from; j < Math.min(tokens.length, from + LEN); j++) {
        if (hits[j] < 0) { run = 0; continue; }
        seen.add(hits[j]); n += 1;
        run = j > from && hits[j] > 0 && hits[j - 1] === hits[j] - 1 ? run + 1 : 1;
        longest = Math.max(longest, run);
      }
      var score = seen.size * 1000 + longest * 100 + n;
      if (score > bestScore) { bestScore = score; best = from; }
    });
    var p = document.createElement("p");
    p.className = "result-excerpt";
    var end = Math.min(tokens.length, best + LEN);
    if (best > 0) p.appendChild(document.createTextNode("… "));
    for (var i = best; i < end; i++) {
      var tok = tokens[i];
      if (!tok) continue;
      if (hits[i] >= 0) markWords(p, tok, state.ts);
      else p.appendChild(document.createTextNode(tok));
      if (i + 1 < end) p.appendChild(document.createTextNode(" "));
    }
    if (end < tokens.length) p.appendChild(document.createTextNode(" …"));
    return p;
  }

  function markWords(p, tok, ts) { // "Lam's": only "Lam" lights up
    var re = /[\p{L}\p{N}\p{M}]+/gu, at = 0, m;
    while ((m = re.exec(tok))) {
      var w = lower(m[0]);
      if (!ts.some(function (t) { return t.matches(w); })) continue;
      if (m.index > at) p.appendChild(document.createTextNode(tok.slice(at, m.index)));
      var mark = document.createElement("mark");
      mark.textContent = m[0];
      p.appendChild(mark);
      at = m.index + m[0].length;
    }
    if (at < tok.length) p.appendChild(document.createTextNode(tok.slice(at)));
  }

  function renderFilters() {
    var pf = state.pf;
    filtersEl.textContent = "";
    var any = false;
    options.filters.forEach(function (g) {
      if (!pf.groups[g]) return;
      var counts = [];
      Object.keys(pf.groups[g]).forEach(function (v) {
        var n = 0;
        if (state.checked) state.all.forEach(function (c) { if (has(c, g, v) && passes(c, g)) n += 1; });
        else n = (state.counts[g] || {})[v] || 0;
        var on = !!(selected[g] && selected[g].has(v));
        if (n || on) counts.push({ value: v, count: n, on: on });
      });
      if (!counts.length) return;
      any = true;
      counts.sort(g === options.yearFilter
        ? function (a, b) { return b.value.localeCompare(a.value); }
        : function (a, b) { return b.count - a.count || a.value.localeCompare(b.value, lang); });
      var box = document.createElement("details");
      box.className = "filter-group";
      if (options.openFilters.indexOf(g) >= 0) box.open = true;
      var sum = document.createElement("summary");
      sum.className = "filter-name";
      sum.textContent = g;
      box.appendChild(sum);
      var ul = document.createElement("ul");
      counts.forEach(function (f) {
        var li = document.createElement("li");
        var label = document.createElement("label");
        var cb = document.createElement("input");
        cb.type = "checkbox"; cb.name = g; cb.value = f.value; cb.checked = f.on;
        cb.addEventListener("change", function () {
          (selected[g] = selected[g] || new Set())[cb.checked ? "add" : "delete"](f.value);
          if (state.checked) render(run); else search(); // a large set: Pagefind filters it
        });
        var count = document.createElement("span");
        count.className = "filter-count";
        count.textContent = (state.checked ? "" : "≤\u00a0") + f.count; // Pagefind's, before pages are read: a bound
        label.appendChild(cb);
        label.appendChild(document.createTextNode(" " + f.value + " "));
        label.appendChild(count);
        li.appendChild(label);
        ul.appendChild(li);
      });
      box.appendChild(ul);
      filtersEl.appendChild(box);
    });
    toggle.hidden = !any;
    filtersEl.setAttribute("data-groups", String(filtersEl.children.length));
  }

  // --- the URL follows what the reader types, so a search can be linked ---
  function syncUrl(query) {
    var next = new URL(window.location.href);
    if (query) next.searchParams.set("q", query); else next.searchParams.delete("q");
    if (order.value === "newest") next.searchParams.set("order", "newest"); else next.searchParams.delete("order");
    if (next.href !== window.location.href) history.replaceState(null, "", next);
  }

  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(search, 200);
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); clearTimeout(timer); search(); });
  order.addEventListener("change", function () {
    syncUrl(input.value.trim());
    if (state) render(run);
  });
  more.addEventListener("click", function () { if (state) showMore(run); });
  toggle.addEventListener("click", function () {
    var open = toggle.getAttribute("aria-expanded") !== "true";
    toggle.setAttribute("aria-expanded", String(open));
    filtersEl.classList.toggle("open", open);
  });
  if (input.value.trim()) search(); else load();
})();
