// storyline: progressive enhancement only; every page works without it.
// Never builds HTML from data: results are inserted with textContent.
(function () {
  "use strict";
  var input = document.getElementById("q");
  var list = document.getElementById("search-results");
  if (!input) { return; }
  var mode = document.body.getAttribute("data-mode");
  if (mode === "report") {
    input.addEventListener("input", function () {
      var needle = input.value.trim().toLowerCase();
      var rows = document.querySelectorAll("[data-filter]");
      for (var i = 0; i < rows.length; i++) {
        var hay = rows[i].getAttribute("data-filter").toLowerCase();
        rows[i].hidden = needle !== "" && hay.indexOf(needle) === -1;
      }
    });
    return;
  }
  if (!list) { return; }
  var timer = null;
  function show(hits) {
    list.textContent = "";
    hits.forEach(function (hit) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = hit.href;
      a.textContent = hit.title || hit.article_id;
      li.appendChild(a);
      if (hit.snippet) {
        var span = document.createElement("span");
        span.className = "muted";
        span.textContent = " — " + hit.snippet;
        li.appendChild(span);
      }
      list.appendChild(li);
    });
    list.setAttribute("data-count", String(hits.length));
  }
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var q = input.value.trim();
      if (q.length < 2) { show([]); return; }
      fetch("/api/search?q=" + encodeURIComponent(q) + "&limit=20")
        .then(function (r) { return r.ok ? r.json() : { hits: [] }; })
        .then(function (data) { show(data.hits || []); })
        .catch(function () { show([]); });
    }, 200);
  });
})();
// A citation may point into a folded list of duplicates: unfold it so the target shows.
(function () {
  "use strict";
  function reveal() {
    var id = decodeURIComponent(location.hash.slice(1));
    var node = id ? document.getElementById(id) : null;
    for (; node; node = node.parentElement) {
      if (node.tagName === "DETAILS") { node.open = true; }
    }
  }
  window.addEventListener("hashchange", reveal);
  reveal();
})();
