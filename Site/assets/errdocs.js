// errdocs default theme. Everything here is an enhancement: without JavaScript every error is
// listed on the index, every recovery snippet is visible and code can be selected by hand.
//
// - Recovery-code tabs (ARIA tab pattern) that remember the reader's language across pages.
// - Copy buttons on every code block and on the error code.
// - The index's instant search and filters, over assets/search-index.js, loaded on first use.
//
// Catalog text is only ever inserted with textContent, never as HTML.
(function () {
  "use strict";
  var script = document.currentScript;
  var root = (script && script.getAttribute("data-root")) || "";
  var storageKey = "errdocs.language";

  function element(name, className, text) {
    var node = document.createElement(name);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function remembered() {
    try { return window.localStorage.getItem(storageKey); } catch (e) { return null; }
  }

  function remember(language) {
    try { window.localStorage.setItem(storageKey, language); } catch (e) { /* storage disabled */ }
  }

  // Tabs ---------------------------------------------------------------------------------

  function setUpTabs(container) {
    var list = container.querySelector('[role="tablist"]');
    var tabs = Array.prototype.slice.call(container.querySelectorAll('[role="tab"]'));
    var panels = Array.prototype.slice.call(container.querySelectorAll('[role="tabpanel"]'));
    if (!list || tabs.length === 0) { return; }

    function select(tab, focus) {
      tabs.forEach(function (other, index) {
        var selected = other === tab;
        other.setAttribute("aria-selected", selected ? "true" : "false");
        other.tabIndex = selected ? 0 : -1;
        panels[index].hidden = !selected;
      });
      if (focus) { tab.focus(); }
    }

    tabs.forEach(function (tab, index) {
      tab.addEventListener("click", function () {
        select(tab, false);
        remember(tab.getAttribute("data-language"));
      });
      tab.addEventListener("keydown", function (event) {
        var next = null;
        if (event.key === "ArrowRight") { next = tabs[(index + 1) % tabs.length]; }
        if (event.key === "ArrowLeft") { next = tabs[(index - 1 + tabs.length) % tabs.length]; }
        if (event.key === "Home") { next = tabs[0]; }
        if (event.key === "End") { next = tabs[tabs.length - 1]; }
        if (next) {
          event.preventDefault();
          select(next, true);
          remember(next.getAttribute("data-language"));
        }
      });
    });

    var preferred = remembered();
    var initial = tabs.filter(function (tab) { return tab.getAttribute("data-language") === preferred; })[0] || tabs[0];
    list.hidden = false;
    select(initial, false);
  }

  // Copy buttons -------------------------------------------------------------------------

  function copyText(text, done) {
    function fallback() {
      var area = element("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var copied = false;
      try { copied = document.execCommand("copy"); } catch (e) { copied = false; }
      document.body.removeChild(area);
      done(copied);
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () { done(true); }, fallback);
    } else {
      fallback();
    }
  }

  function copyButton(label, text) {
    var button = element("button", "copy", "Copy");
    button.type = "button";
    button.setAttribute("aria-label", label);
    var status = element("span", "copy-status");
    status.setAttribute("role", "status");
    button.addEventListener("click", function () {
      copyText(text(), function (copied) {
        status.textContent = copied ? "Copied" : "Press Ctrl+C to copy";
        button.textContent = copied ? "Copied" : "Copy";
        window.setTimeout(function () { status.textContent = ""; button.textContent = "Copy"; }, 2000);
      });
    });
    return [button, status];
  }

  function addCopyButtons() {
    Array.prototype.forEach.call(document.querySelectorAll("main pre"), function (pre) {
      var wrapper = element("div", "code-block");
      pre.parentNode.insertBefore(wrapper, pre);
      copyButton("Copy code", function () { return pre.textContent; }).forEach(function (node) { wrapper.appendChild(node); });
      wrapper.appendChild(pre);
    });
    var code = document.querySelector(".error-code");
    var value = code && code.querySelector("code");
    if (value) {
      copyButton("Copy error code", function () { return value.textContent; }).forEach(function (node) { code.appendChild(node); });
    }
  }

  // Search and filters -------------------------------------------------------------------

  var firstBatch = 100;

  function setUpFinder(form) {
    var input = form.querySelector("#search");
    var status = form.querySelector("#filter-status");
    var family = form.querySelector("#filter-family");
    var retry = form.querySelector("#filter-retry");
    var results = form.querySelector("#results");
    var count = form.querySelector("#result-count");
    var all = document.querySelector(".all-errors");
    var index = null;
    var waiting = [];
    var loading = false;

    function load(then) {
      if (index) { then(); return; }
      waiting.push(then);
      if (loading) { return; }
      loading = true;
      var tag = element("script");
      tag.src = root + "assets/search-index.js";
      tag.onload = function () {
        index = prepare(window.errdocsSearchIndex);
        waiting.splice(0).forEach(function (callback) { callback(); });
      };
      tag.onerror = function () { count.textContent = "The search index could not be loaded."; };
      document.head.appendChild(tag);
    }

    function prepare(data) {
      var at = {};
      data.fields.forEach(function (name, position) { at[name] = position; });
      return data.errors.map(function (row) {
        var entry = {};
        Object.keys(at).forEach(function (name) { entry[name] = row[at[name]]; });
        entry.lowerCode = entry.code.toLowerCase();
        entry.lowerTitle = entry.title.toLowerCase();
        entry.lowerSummary = entry.summary.toLowerCase();
        entry.everything = [entry.lowerCode, entry.lowerTitle, entry.lowerSummary, entry.status, entry.smtp,
          entry.event.toLowerCase(), entry.family].join(" ");
        return entry;
      });
    }

    // Higher is better; 0 means no match. Exact codes first, then status and SMTP codes, then
    // words in codes, titles and summaries. Every word of the query must match somewhere.
    function score(entry, query, words) {
      var total = 0;
      if (entry.lowerCode === query) { total += 1000; }
      if (entry.smtp && (entry.smtp === query || entry.status + " " + entry.smtp === query)) { total += 900; }
      if (entry.status && entry.status === query) { total += 800; }
      if (entry.event && entry.event.toLowerCase() === query) { total += 800; }
      for (var i = 0; i < words.length; i++) {
        var word = words[i];
        if (entry.everything.indexOf(word) === -1) { return 0; }
        if (entry.lowerCode.indexOf(word) === 0) { total += 50; } else if (entry.lowerCode.indexOf(word) > 0) { total += 30; }
        if (entry.status.indexOf(word) === 0 || entry.smtp.indexOf(word) === 0) { total += 40; }
        if (entry.lowerTitle.indexOf(word) !== -1) { total += 20; }
        if (entry.lowerSummary.indexOf(word) !== -1) { total += 3; }
      }
      return total + 1;
    }

    function matches() {
      var query = input.value.trim().toLowerCase();
      var words = query.split(/\s+/).filter(Boolean);
      var found = [];
      index.forEach(function (entry) {
        if (status.value && entry.statusClass !== status.value) { return; }
        if (family.value && entry.family !== family.value) { return; }
        if (retry.value && entry.retryable !== (retry.value === "retryable")) { return; }
        var value = words.length ? score(entry, query, words) : 1;
        if (value > 0) { found.push({ entry: entry, score: value }); }
      });
      found.sort(function (a, b) {
        return b.score - a.score || (a.entry.code < b.entry.code ? -1 : a.entry.code > b.entry.code ? 1 : 0);
      });
      return found.map(function (match) { return match.entry; });
    }

    function item(entry) {
      var li = element("li", "result");
      li.setAttribute("data-code", entry.code);
      li.setAttribute("data-family", entry.family);
      li.setAttribute("data-status", entry.status);
      li.setAttribute("data-status-class", entry.statusClass);
      li.setAttribute("data-retryable", entry.retryable ? "true" : "false");
      var link = element("a");
      link.href = root + entry.link;
      link.appendChild(element("code", "", entry.code));
      link.appendChild(document.createTextNode(" "));
      link.appendChild(element("span", "result-title", entry.title));
      li.appendChild(link);
      var label = entry.event ? "event: " + entry.event : entry.smtp ? "SMTP " + entry.status + " " + entry.smtp : entry.status;
      li.appendChild(document.createTextNode(" "));
      li.appendChild(element("span", "badge", label));
      if (entry.deprecated) {
        li.appendChild(document.createTextNode(" "));
        li.appendChild(element("span", "badge badge-deprecated", "Deprecated"));
      }
      li.appendChild(element("p", "muted", entry.summary));
      return li;
    }

    function show(list, from, to) {
      var fragment = document.createDocumentFragment();
      for (var i = from; i < Math.min(to, list.length); i++) { fragment.appendChild(item(list[i])); }
      results.appendChild(fragment);
    }

    function update() {
      var active = input.value.trim() !== "" || status.value || family.value || retry.value;
      results.textContent = "";
      if (!active) {
        results.hidden = true;
        all.hidden = false;
        count.textContent = "";
        return;
      }
      var list = matches();
      all.hidden = true;
      results.hidden = false;
      count.textContent = list.length === 1 ? "1 error" : list.length + " errors";
      show(list, 0, firstBatch);
      if (list.length > firstBatch) {
        var more = element("li", "more");
        var button = element("button", "", "Show all " + list.length + " errors");
        button.type = "button";
        button.addEventListener("click", function () {
          results.removeChild(more);
          show(list, firstBatch, list.length);
        });
        more.appendChild(button);
        results.appendChild(more);
      }
    }

    function changed() { load(update); }

    form.hidden = false;
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    input.addEventListener("input", changed);
    [status, family, retry].forEach(function (select) { select.addEventListener("change", changed); });
    form.addEventListener("focusin", function () { load(function () {}); });

    // Searches can be linked to: index.html?q=429&retry=retryable
    var params = new URLSearchParams(window.location.search);
    var fromURL = false;
    [["q", input], ["status", status], ["family", family], ["retry", retry]].forEach(function (pair) {
      var value = params.get(pair[0]);
      if (value) { pair[1].value = value; fromURL = true; }
    });
    if (fromURL) { changed(); }
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-tabs]"), setUpTabs);
  addCopyButtons();
  var finder = document.querySelector("form.finder");
  if (finder) { setUpFinder(finder); }
})();
