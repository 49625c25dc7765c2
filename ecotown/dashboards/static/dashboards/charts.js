// Draws the dashboards' charts from the JSON the page embeds (json_script "dashboard-charts"); every label and
// unit comes translated from the server (dashboards/charts.py). The map is Thailand's 77 provinces from a
// GeoJSON served with the static files (no tiles); a click on a province opens its dashboard.
(function () {
  const source = document.getElementById("dashboard-charts");
  if (!source || !window.echarts) return;
  const charts = JSON.parse(source.textContent);
  const drawn = [];

  function draw(holder, option) {
    const chart = echarts.init(holder, null, { renderer: "svg" });
    chart.setOption(option);
    drawn.push(chart);
    return chart;
  }

  function drawMap(holder, map) {
    const byCode = Object.fromEntries(map.data.map((row) => [row.name, row]));
    const encode = echarts.format.encodeHTML;
    fetch(map.geojson)
      .then((response) => (response.ok ? response.json() : Promise.reject(response.status)))
      .then((geojson) => {
        echarts.registerMap("thailand", geojson);
        const chart = draw(holder, {
          tooltip: {
            trigger: "item",
            formatter: (item) => {
              const row = byCode[item.name];
              if (!row) return "";
              return `<strong>${encode(row.province)}</strong><br>${encode(map.labels.areas)}: ${row.areas}` +
                ` · ${encode(map.labels.certified)}: ${row.certified}<br>${encode(map.labels.best)}: ` +
                encode(map.level_names[row.value]);
            },
          },
          visualMap: {
            type: "piecewise",
            left: 0,
            bottom: 0,
            pieces: map.level_names.map((label, level) => ({ value: level, label: label, color: map.colours[level] })),
          },
          series: [{
            type: "map",
            map: "thailand",
            nameProperty: "code",
            roam: true,
            data: map.data,
            itemStyle: { borderColor: "#ffffff", borderWidth: 0.5 },
            emphasis: { label: { show: false }, itemStyle: { areaColor: "#ffc107" } },
          }],
        });
        chart.on("click", (item) => {
          if (!byCode[item.name]) return;
          window.location.href = map.province_url.replace(`/${map.marker}/`, `/${encodeURIComponent(item.name)}/`);
        });
        holder.dataset.drawn = "true";
      })
      .catch(() => {
        holder.textContent = holder.dataset.missing;
        holder.classList.add("dashboard-map-missing");
      });
  }

  document.querySelectorAll("[data-chart]").forEach((holder) => {
    const option = charts[holder.dataset.chart];
    if (!option) return;
    if (holder.dataset.chart === "map") drawMap(holder, option);
    else draw(holder, option);
  });
  window.addEventListener("resize", () => drawn.forEach((chart) => chart.resize()));
})();
