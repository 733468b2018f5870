// The integration map: systems as nodes, data flows as arrows (cytoscape + fcose).
// Data comes from the json_script "map-data"; no inline scripts (Content-Security-Policy).
(function () {
  "use strict";

  const COLOURS = { manual: "#dc3545", file: "#fd7e14", automated: "#198754" };
  const NO_DEPARTMENT = "#adb5bd";
  const SLICES = 6;
  const LARGE = 300; // above this many systems: instant clustered layout instead of fcose

  const container = document.getElementById("flow-map");
  const source = document.getElementById("map-data");
  if (!container || !source || typeof cytoscape === "undefined") return;
  const graph = JSON.parse(source.textContent);
  const text = graph.text;
  const number = new Intl.NumberFormat(document.documentElement.lang || "en", { maximumFractionDigits: 0 });
  const money = new Intl.NumberFormat(document.documentElement.lang || "en", { style: "currency", currency: "EUR", maximumFractionDigits: 0 });
  const colourOf = new Map(graph.departments.map((d) => [d.id, d.colour]));
  const departmentName = new Map(graph.departments.map((d) => [d.id, d.name]));
  const dataName = new Map(graph.dataObjects.map((d) => [d.id, d.name]));
  const methodLabel = new Map(graph.methods.map((m) => [m.value, m.label]));
  const large = graph.nodes.length > LARGE;

  const maxCost = Math.max(1, ...graph.nodes.map((n) => n.cost || 0));
  const maxHours = Math.max(1, ...graph.edges.map((e) => e.hours || 0));

  function nodeData(node) {
    const known = node.departments.filter((id) => colourOf.has(id)).slice(0, SLICES);
    const data = {
      id: node.id, pk: node.pk, label: node.label, cost: node.cost, blast: node.blast,
      departments: node.departments, shadow: node.shadow,
      size: node.cost === null ? 26 : 26 + 54 * Math.sqrt(node.cost / maxCost),
      fill: known.length ? "#ffffff" : NO_DEPARTMENT,
      border: node.shadow ? "#212529" : (node.cost === null ? "#6c757d" : "#495057"),
      borderStyle: node.shadow ? "dotted" : (node.cost === null ? "dashed" : "solid"),
      borderWidth: node.shadow ? 3 : (node.cost === null ? 2 : 1),
    };
    for (let i = 0; i < SLICES; i += 1) {
      data[`p${i}c`] = known[i] !== undefined ? colourOf.get(known[i]) : NO_DEPARTMENT;
      data[`p${i}s`] = known[i] !== undefined ? 100 / known.length : 0;
    }
    return { group: "nodes", data };
  }

  function edgeData(edge) {
    return {
      group: "edges",
      data: {
        id: edge.id, pk: edge.pk, source: edge.source, target: edge.target,
        method: edge.method, category: edge.category, data: edge.data, hours: edge.hours,
        planned: edge.planned, colour: COLOURS[edge.category],
        width: 1.5 + 7 * Math.sqrt((edge.hours || 0) / maxHours),
      },
    };
  }

  const pieStyle = {};
  for (let i = 0; i < SLICES; i += 1) {
    pieStyle[`pie-${i + 1}-background-color`] = `data(p${i}c)`;
    pieStyle[`pie-${i + 1}-background-size`] = `data(p${i}s)`;
  }

  const style = [
    { selector: "node", style: Object.assign({}, large ? {} : pieStyle, {
      "background-color": "data(fill)", width: "data(size)", height: "data(size)",
      "border-color": "data(border)", "border-style": "data(borderStyle)", "border-width": "data(borderWidth)",
      label: large ? "" : "data(label)", "font-size": 13, "text-valign": "bottom", "text-margin-y": 4,
      "text-wrap": "wrap", "text-max-width": 120, "min-zoomed-font-size": large ? 9 : 0,
      "text-background-color": "#ffffff", "text-background-opacity": 0.8, "text-background-padding": 1,
    }) },
    { selector: "edge", style: {
      width: "data(width)", "line-color": "data(colour)", "target-arrow-color": "data(colour)",
      "target-arrow-shape": "triangle", "curve-style": large ? "haystack" : "bezier",
      "arrow-scale": 1.1, opacity: 0.85,
    } },
    { selector: "edge[?planned]", style: { "line-style": "dashed", opacity: 0.6 } },
    { selector: ".faded", style: { opacity: 0.12, "text-opacity": 0.2 } },
    { selector: ".hidden, .pending", style: { display: "none" } },
    { selector: "node.labelled", style: { label: "data(label)" } },
    { selector: "node.centre", style: { label: "data(label)", "border-width": 5, "border-color": "#0d6efd", "border-style": "double", "font-weight": "bold" } },
    { selector: "node:selected", style: { "overlay-color": "#0d6efd", "overlay-opacity": 0.2, "border-width": 3, "border-color": "#0d6efd" } },
    { selector: "edge:selected", style: { "overlay-color": "#0d6efd", "overlay-opacity": 0.25 } },
  ];

  function clusteredPositions(nodes) {
    // One square block per first department, blocks in rows: instant for thousands of systems.
    const groups = new Map();
    nodes.forEach((node) => {
      const key = node.data.departments.length ? node.data.departments[0] : 0;
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(node);
    });
    const spacing = 70;
    const blocksPerRow = Math.ceil(Math.sqrt(groups.size));
    let column = 0; let rowTop = 0; let left = 0; let rowHeight = 0;
    groups.forEach((members) => {
      const side = Math.ceil(Math.sqrt(members.length));
      members.forEach((node, index) => {
        node.position = { x: left + (index % side) * spacing, y: rowTop + Math.floor(index / side) * spacing };
      });
      left += (side + 2) * spacing;
      rowHeight = Math.max(rowHeight, (side + 2) * spacing);
      column += 1;
      if (column === blocksPerRow) { column = 0; left = 0; rowTop += rowHeight; rowHeight = 0; }
    });
  }

  const nodes = graph.nodes.map(nodeData);
  if (large) clusteredPositions(nodes);
  const cy = cytoscape({
    container,
    elements: large ? nodes : nodes.concat(graph.edges.map(edgeData)),
    style,
    layout: large ? { name: "preset" } : {
      name: "fcose",
      quality: "default", randomize: true, animate: false, nodeRepulsion: 6500,
      idealEdgeLength: 90, nodeSeparation: 80, packComponents: true, padding: 20,
      tilingPaddingVertical: 30, tilingPaddingHorizontal: 40,
    },
    minZoom: 0.05,
    maxZoom: 3,
    textureOnViewport: large,
    hideEdgesOnViewport: large,
    pixelRatio: large ? 1 : "auto",
    boxSelectionEnabled: false,
  });
  container.cy = cy;
  if (graph.centre) cy.getElementById(graph.centre).addClass("centre");
  cy.one("render", () => {
    container.dataset.renderedMs = String(Math.round(performance.now()));
    if (large) addEdgesInSteps(graph.edges.map(edgeData));
    else finished();
  });

  function finished() {
    container.dataset.ready = "true";
    container.dataset.completeMs = String(Math.round(performance.now()));
  }

  function addEdgesInSteps(edges) {
    // Thousands of arrows: add them hidden, a slice per frame so the page keeps answering,
    // then show them all at once (drawing after every slice would redraw the map each time).
    const slice = 1000;
    let start = 0;
    edges.forEach((edge) => { edge.classes = "pending"; });
    function step() {
      cy.batch(() => cy.add(edges.slice(start, start + slice)));
      start += slice;
      if (start < edges.length) {
        window.requestAnimationFrame(step);
        return;
      }
      cy.batch(() => cy.edges(".pending").removeClass("pending"));
      cy.one("render", finished);
    }
    window.requestAnimationFrame(step);
  }

  // ---- details panel ----
  const hint = document.getElementById("map-panel-hint");
  const panel = document.getElementById("map-panel-content");

  function element(tag, attributes, content) {
    const el = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([key, value]) => el.setAttribute(key, value));
    if (content !== undefined) el.textContent = content;
    return el;
  }

  function definitionList(rows) {
    const dl = element("dl");
    rows.forEach(([term, value]) => { dl.append(element("dt", {}, term), element("dd", {}, value)); });
    return dl;
  }

  function showNode(node) {
    const d = node.data();
    const departments = d.departments.map((id) => departmentName.get(id)).filter(Boolean);
    const title = element("h2", { class: "h6", id: "map-panel-title" }, d.label);
    if (d.shadow) title.append(" ", element("span", { class: "badge text-bg-warning" }, text.shadow));
    panel.replaceChildren(
      title,
      definitionList([
        [text.departments, departments.length ? departments.join(", ") : text.none],
        [text.cost, d.cost === null ? text.unknown : money.format(d.cost)],
        // a part of the landscape (a neighbourhood) has no blast radius: it needs the whole
        ...(d.blast === null ? [] : [[text.dependents, number.format(d.blast)]]),
      ]),
      element("a", { class: "btn btn-sm btn-primary", href: graph.urls.system.replace("{id}", d.pk), id: "map-open" }, text.open_system),
    );
  }

  function showEdge(edge) {
    const d = edge.data();
    const title = `${edge.source().data("label")} → ${edge.target().data("label")}`;
    const data = d.data.map((id) => dataName.get(id)).filter(Boolean);
    const rows = [
      [text.method, methodLabel.get(d.method) + (d.planned ? ` (${text.planned})` : "")],
      [text.data, data.length ? data.join(", ") : "—"],
      [text.hours, d.hours === null ? text.unknown : number.format(d.hours)],
    ];
    panel.replaceChildren(
      element("h2", { class: "h6", id: "map-panel-title" }, title),
      definitionList(rows),
      element("a", { class: "btn btn-sm btn-primary", href: graph.urls.integration.replace("{id}", d.pk), id: "map-open" }, text.open_flow),
    );
  }

  function focus(target) {
    cy.batch(() => {
      cy.elements().addClass("faded").removeClass("labelled");
      const near = target.closedNeighborhood().union(target.connectedNodes());
      near.removeClass("faded");
      near.nodes().addClass("labelled");
    });
  }

  function clearFocus() {
    cy.elements().removeClass("faded labelled");
    panel.replaceChildren();
    hint.hidden = false;
  }

  cy.on("tap", "node", (event) => { hint.hidden = true; showNode(event.target); focus(event.target); });
  cy.on("tap", "edge", (event) => { hint.hidden = true; showEdge(event.target); focus(event.target); });
  cy.on("tap", (event) => { if (event.target === cy) clearFocus(); });

  // ---- filters ----
  const department = document.getElementById("filter-department");
  const dataObject = document.getElementById("filter-data");
  const method = document.getElementById("filter-method");

  function edgeMatches(d) {
    const wanted = method.value;
    if (wanted.startsWith("category:") && d.category !== wanted.slice(9)) return false;
    if (wanted && !wanted.startsWith("category:") && d.method !== wanted) return false;
    return !dataObject.value || d.data.includes(Number(dataObject.value));
  }

  function applyFilters() {
    const dept = department.value ? Number(department.value) : null;
    const edgeFilter = Boolean(method.value || dataObject.value);
    cy.batch(() => {
      cy.elements().removeClass("hidden faded");
      cy.nodes().forEach((node) => {
        if (dept !== null && !node.data("departments").includes(dept)) node.addClass("hidden");
      });
      cy.edges().forEach((edge) => {
        if (!edgeMatches(edge.data()) || edge.source().hasClass("hidden") || edge.target().hasClass("hidden")) edge.addClass("hidden");
      });
      if (edgeFilter) {
        cy.nodes().forEach((node) => {
          const shown = node.connectedEdges().filter((edge) => !edge.hasClass("hidden"));
          if (!node.hasClass("hidden") && shown.length === 0) node.addClass("faded");
        });
      }
    });
  }

  [department, dataObject, method].forEach((select) => select.addEventListener("change", applyFilters));
  document.getElementById("filter-reset").addEventListener("click", () => {
    window.setTimeout(() => { applyFilters(); clearFocus(); cy.fit(undefined, 30); }, 0);
  });
  document.getElementById("map-fit").addEventListener("click", () => cy.fit(cy.elements(":visible"), 30));
})();
