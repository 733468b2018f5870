// The portfolio matrix: technical health (x) against business criticality (y), one bubble per
// assessed system, sized by its annual cost and coloured by its recommendation. Clicking a
// bubble opens the system. Data comes from the page (json_script); no inline script (CSP).
(() => {
  const GOLDEN_ANGLE = 2.39996;

  function spread(points) {
    // Systems with the same two scores share a cell: place them around its centre.
    const cells = new Map();
    points.forEach((p) => {
      const key = `${p.x}:${p.y}`;
      if (!cells.has(key)) cells.set(key, []);
      cells.get(key).push(p);
    });
    cells.forEach((members) => {
      members.sort((a, b) => b.r - a.r || a.name.localeCompare(b.name));
      members.forEach((p, i) => {
        const distance = members.length === 1 ? 0 : 0.36 * Math.sqrt((i + 0.5) / members.length);
        p.px = p.x + distance * Math.cos(i * GOLDEN_ANGLE);
        p.py = p.y + distance * Math.sin(i * GOLDEN_ANGLE);
      });
    });
  }

  const quadrants = {
    id: "quadrants",
    beforeDatasetsDraw(chart, _args, options) {
      const { ctx, chartArea, scales } = chart;
      const x = scales.x.getPixelForValue(2.5);
      const y = scales.y.getPixelForValue(2.5);
      ctx.save();
      ctx.fillStyle = "rgba(213, 94, 0, 0.06)";
      ctx.fillRect(chartArea.left, chartArea.top, x - chartArea.left, y - chartArea.top);
      ctx.strokeStyle = "#adb5bd";
      ctx.setLineDash([4, 4]);
      ctx.beginPath();
      ctx.moveTo(x, chartArea.top);
      ctx.lineTo(x, chartArea.bottom);
      ctx.moveTo(chartArea.left, y);
      ctx.lineTo(chartArea.right, y);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.fillStyle = "#6c757d";
      ctx.font = "12px system-ui, sans-serif";
      ctx.textBaseline = "top";
      ctx.fillText(options.topLeft, chartArea.left + 6, chartArea.top + 6);
      ctx.textAlign = "right";
      ctx.fillText(options.topRight, chartArea.right - 6, chartArea.top + 6);
      ctx.textBaseline = "bottom";
      ctx.fillText(options.bottomRight, chartArea.right - 6, chartArea.bottom - 6);
      ctx.textAlign = "left";
      ctx.fillText(options.bottomLeft, chartArea.left + 6, chartArea.bottom - 6);
      ctx.restore();
    },
  };

  function axis(title, labels) {
    // Room above and below the outer rows for the quadrant labels; ticks only at 1 to 4.
    return {
      min: 0.3,
      max: 4.7,
      title: { display: true, text: title, font: { weight: "bold" } },
      grid: { display: false },
      afterBuildTicks: (scale) => {
        scale.ticks = [1, 2, 3, 4].map((value) => ({ value }));
      },
      ticks: { autoSkip: false, callback: (value) => `${value} ${labels[value - 1]}` },
    };
  }

  function draw(canvas, data) {
    spread(data.points);
    const money = new Intl.NumberFormat(document.documentElement.lang || "en", {
      style: "currency", currency: "EUR", maximumFractionDigits: 0,
    });
    const datasets = data.strategies
      .map((s) => ({
        label: s.label,
        data: data.points.filter((p) => p.strategy === s.key)
          .map((p) => ({ x: p.px, y: p.py, r: p.r, point: p })),
        backgroundColor: `${s.colour}cc`,
        borderColor: (context) => (context.raw && context.raw.point.overridden ? "#212529" : s.colour),
        borderWidth: (context) => (context.raw && context.raw.point.overridden ? 3 : 1),
        hoverBorderColor: "#212529",
        hoverBorderWidth: 2,
      }))
      .filter((dataset) => dataset.data.length);
    const chart = new window.Chart(canvas, {
      type: "bubble",
      data: { datasets },
      options: {
        maintainAspectRatio: false,
        animation: false,
        scales: { x: axis(data.text.x, data.health), y: axis(data.text.y, data.criticality) },
        plugins: {
          legend: { position: "bottom", labels: { usePointStyle: true } },
          quadrants: data.text.quadrants,
          tooltip: {
            callbacks: {
              title: (items) => items[0].raw.point.name,
              label: (item) => {
                const p = item.raw.point;
                const cost = p.cost === null ? data.text.unknown : money.format(p.cost);
                const lines = [`${item.dataset.label}${p.overridden ? ` (${data.text.overridden})` : ""}`,
                  `${data.text.cost}: ${cost}`];
                return lines;
              },
              footer: () => data.text.open,
            },
          },
        },
        onClick: (_event, elements) => {
          if (!elements.length) return;
          const element = elements[0];
          window.location.href = chart.data.datasets[element.datasetIndex].data[element.index].point.url;
        },
        onHover: (event, elements) => {
          event.native.target.style.cursor = elements.length ? "pointer" : "default";
        },
      },
      plugins: [quadrants],
    });
    canvas.chart = chart;
    canvas.dataset.ready = "true";
  }

  document.addEventListener("DOMContentLoaded", () => {
    const source = document.getElementById("portfolio-data");
    const canvas = document.getElementById("portfolio-chart");
    if (source && canvas && window.Chart) draw(canvas, JSON.parse(source.textContent));
  });
})();
