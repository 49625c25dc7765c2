// The mass balance as a Sankey diagram (ECharts): inputs flow into the factory, outputs flow out of it.
(function () {
  const holder = document.getElementById("balance-sankey");
  const source = document.getElementById("balance-sankey-data");
  if (!holder || !source || !window.echarts) return;
  const data = JSON.parse(source.textContent);
  const chart = echarts.init(holder, null, { renderer: "svg" });
  chart.setOption({
    tooltip: { trigger: "item", valueFormatter: (value) => `${value.toLocaleString()} t` },
    series: [{ type: "sankey", data: data.nodes, links: data.links, nodeAlign: "justify",
               emphasis: { focus: "adjacency" }, lineStyle: { color: "gradient", curveness: 0.5 } }],
  });
  window.addEventListener("resize", () => chart.resize());
})();
