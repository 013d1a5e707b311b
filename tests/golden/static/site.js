// Progressive enhancement only: every page works without this file but search.
(function () {
  document.querySelectorAll(".access-date").forEach(function (el) {
    var locale = (el.getAttribute("data-lang") || "en-GB").replace("_", "-");
    el.textContent = new Date().toLocaleDateString(locale, { day: "numeric", month: "long", year: "numeric" });
  });
  var box = document.getElementById("search");
  if (box && window.PagefindUI) {
    var ui = new PagefindUI({ element: "#search", baseUrl: box.getAttribute("data-base"), showSubResults: true, showImages: false });
    var q = new URLSearchParams(window.location.search).get("q");
    if (q) ui.triggerSearch(q);
  }
})();
