// Draw every chart from its Vega-Lite spec (served by /api/chart/...) and auto-submit selectors.
"use strict";

function drawCharts() {
  document.querySelectorAll("figure.chart[data-spec-url]").forEach(async (figure) => {
    const body = figure.querySelector(".chart-body");
    try {
      const response = await fetch(figure.dataset.specUrl, { headers: { Accept: "application/json" } });
      const payload = await response.json();
      if (!response.ok) {
        body.textContent = "Chart unavailable: " + ((payload.error && payload.error.message) || response.status);
        figure.classList.add("unavailable");
        return;
      }
      await window.vegaEmbed(body, payload, { actions: false, renderer: "svg" });
      figure.classList.add("drawn");
    } catch (err) {
      body.textContent = "Chart unavailable: " + err.message;
      figure.classList.add("unavailable");
    }
  });
}

function autoSubmit() {
  document.querySelectorAll("select.autosubmit").forEach((select) => {
    select.addEventListener("change", () => select.form.submit());
  });
}

document.addEventListener("DOMContentLoaded", () => {
  autoSubmit();
  drawCharts();
});
