// An area's exchange network (ECharts graph): factories as nodes sized by what they supply, exchanges as
// arrows from supplier to receiver — solid when realised, dashed while a candidate.
(function () {
  const holder = document.getElementById("symbiosis-network");
  const source = document.getElementById("symbiosis-network-data");
  if (!holder || !source || !window.echarts) return;
  const data = JSON.parse(source.textContent);
  const largest = Math.max(1, ...data.nodes.map((node) => node.value));
  const nodes = data.nodes.map((node) => ({ ...node, symbolSize: 12 + 28 * Math.sqrt(node.value / largest) }));
  const links = data.links.map((link) => ({
    ...link,
    lineStyle: { type: link.realised ? "solid" : "dashed", width: link.realised ? 3 : 1.5,
                 color: link.realised ? "#198754" : "#6c757d" },
  }));
  const chart = echarts.init(holder, null, { renderer: "svg" });
  chart.setOption({
    tooltip: {
      formatter: (item) => item.dataType === "edge"
        ? `${item.data.material}: ${item.data.value.toLocaleString()} ${item.data.unit} · ${item.data.status}`
        : item.data.name,
    },
    series: [{
      type: "graph", layout: "force", roam: true, draggable: true, data: nodes, links: links,
      label: { show: true, position: "right", fontSize: 11 }, edgeSymbol: ["none", "arrow"], edgeSymbolSize: 8,
      force: { repulsion: 220, edgeLength: 120 }, emphasis: { focus: "adjacency" },
    }],
  });
  window.addEventListener("resize", () => chart.resize());
})();
