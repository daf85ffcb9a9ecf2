// errdocs default theme: recovery-code tabs (ARIA tab pattern) that remember the reader's
// language across pages. Without JavaScript every snippet stays visible.
(function () {
  "use strict";
  var storageKey = "errdocs.language";

  function remembered() {
    try { return window.localStorage.getItem(storageKey); } catch (e) { return null; }
  }

  function remember(language) {
    try { window.localStorage.setItem(storageKey, language); } catch (e) { /* storage disabled */ }
  }

  function setUp(container) {
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

  Array.prototype.forEach.call(document.querySelectorAll("[data-tabs]"), setUp);
})();
