// storyline report: draw figures, open citations, jump to cited spans. No network.
(function () {
  "use strict";
  function drawFigures() {
    document.querySelectorAll("[data-figure]").forEach(function (div) {
      var data = document.getElementById(div.getAttribute("data-figure"));
      if (!data || typeof Plotly === "undefined") return;
      var fig = JSON.parse(data.textContent);
      if (fig.layout && fig.layout.height) div.style.height = fig.layout.height + "px";
      Plotly.newPlot(div, fig.data, fig.layout, { displaylogo: false, responsive: true });
    });
  }
  function closeAll(except) {
    document.querySelectorAll(".cite-wrap.open").forEach(function (w) {
      if (w !== except) {
        w.classList.remove("open");
        w.querySelector(".cite").setAttribute("aria-expanded", "false");
      }
    });
  }
  function keepOnScreen(pop) {
    pop.style.left = "";
    var r = pop.getBoundingClientRect();
    var over = r.right - (document.documentElement.clientWidth - 12);
    if (over > 0) pop.style.left = (pop.offsetLeft - over) + "px";
  }
  function showSpan(id) {
    var el = document.getElementById(id);
    if (!el) return;
    var d = el.closest("details");
    if (d) d.open = true;
    document.querySelectorAll(".flash").forEach(function (f) { f.classList.remove("flash"); });
    el.classList.add("flash");
    el.scrollIntoView({ block: "center" });
  }
  document.addEventListener("click", function (ev) {
    var btn = ev.target.closest(".cite");
    if (btn) {
      var wrap = btn.parentElement;
      closeAll(wrap);
      var open = wrap.classList.toggle("open");
      btn.setAttribute("aria-expanded", open ? "true" : "false");
      if (open) keepOnScreen(wrap.querySelector(".cite-pop"));
      return;
    }
    var link = ev.target.closest("a[href^='#']");
    if (link) {
      var id = link.getAttribute("href").slice(1);
      if (id.indexOf("span-") === 0 || id.indexOf("article-") === 0) {
        ev.preventDefault();
        closeAll(null);
        showSpan(id);
        history.replaceState(null, "", "#" + id);
      }
      return;
    }
    if (!ev.target.closest(".cite-pop")) closeAll(null);
  });
  document.addEventListener("keydown", function (ev) { if (ev.key === "Escape") closeAll(null); });
  drawFigures();
  if (location.hash) showSpan(location.hash.slice(1));
})();
