// Draws the area's boundary from its GeoJSON with ECharts' geo component: no map tiles are needed.
(function () {
  const holder = document.getElementById("area-map");
  const source = document.getElementById("area-boundary");
  if (!holder || !source || !window.echarts) return;
  const boundary = JSON.parse(source.textContent);
  echarts.registerMap("area", boundary);
  const chart = echarts.init(holder, null, { renderer: "svg" });
  chart.setOption({
    geo: {
      map: "area",
      roam: true,
      itemStyle: { areaColor: "#cfe8da", borderColor: "#1f6f4a", borderWidth: 1.5 },
      emphasis: { itemStyle: { areaColor: "#a8d5bc" }, label: { show: true } },
    },
  });
  window.addEventListener("resize", () => chart.resize());
})();
