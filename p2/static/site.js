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

  var box = document.getElementById("search");
  var optionsEl = document.getElementById("search-options");
  if (!box || !optionsEl || !window.PagefindUI) return;
  var options = JSON.parse(optionsEl.textContent);
  var params = new URLSearchParams(window.location.search);
  var order = document.getElementById("search-order");

  var ui = new PagefindUI({
    element: "#search", bundlePath: options.bundlePath, baseUrl: options.baseUrl, translations: options.translations, mergeIndex: options.mergeIndex,
    openFilters: options.openFilters, showSubResults: false, showImages: false, showEmptyFilters: false,
    sort: params.get("order") === "newest" ? { date: "desc" } : null,
  });

  // ?q= fills the box and runs the search; &order=newest sorts by date. The URL follows what the
  // reader types, so a search can be linked; changing the order reloads with the new URL.
  var query = params.get("q") || "";
  function url() {
    var next = new URL(window.location.href);
    if (query) next.searchParams.set("q", query); else next.searchParams.delete("q");
    if (order.value === "newest") next.searchParams.set("order", "newest"); else next.searchParams.delete("order");
    return next;
  }
  order.value = params.get("order") === "newest" ? "newest" : "relevance";
  order.parentNode.hidden = false;
  order.addEventListener("change", function () { window.location.replace(url()); });
  box.addEventListener("input", function (event) {
    if (!event.target.classList.contains("pagefind-ui__search-input")) return;
    query = event.target.value;
    history.replaceState(null, "", url());
  });
  if (query) ui.triggerSearch(query);
})();
