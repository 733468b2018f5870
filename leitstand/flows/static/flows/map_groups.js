// The integration map of a large landscape: departments (or capabilities) as nodes sized by
// their systems, the data flows between them added up as arrows, one per method category.
// Data comes from the json_script "group-data"; no inline scripts (Content-Security-Policy).
(function () {
  "use strict";

  const COLOURS = { manual: "#dc3545", file: "#fd7e14", automated: "#198754" };

  const container = document.getElementById("group-map");
  const source = document.getElementById("group-data");
  if (!container || !source || typeof cytoscape === "undefined") return;
  const graph = JSON.parse(source.textContent);
  const text = graph.text;
  const number = new Intl.NumberFormat(document.documentElement.lang || "en", { maximumFractionDigits: 0 });
  const maxSystems = Math.max(1, ...graph.groups.map((g) => g.systems));
  const maxFlows = Math.max(1, ...graph.links.map((l) => l.flows + l.planned));

  function caption(figures) {
    return `${number.format(figures.flows + figures.planned)} · ${number.format(figures.hours)} h`;
  }

  const nodes = graph.groups.map((group) => ({
    group: "nodes",
    data: {
      id: group.id, label: `${group.label} (${number.format(group.systems)})`, name: group.label,
      systems: group.systems, within: group.within, url: group.url, colour: group.colour,
      share: Math.sqrt(group.systems / maxSystems),
    },
  }));
  const edges = graph.links.map((link) => ({
    group: "edges",
    data: Object.assign({}, link, {
      colour: COLOURS[link.category], caption: caption(link), onlyPlanned: link.flows === 0,
      width: 1.5 + 10 * Math.sqrt((link.flows + link.planned) / maxFlows),
    }),
  }));

  // Groups that all exchange data with each other: a force layout only piles them up, so they
  // go on a circle, smaller, biggest first.
  const dense = edges.length > 3 * nodes.length;
  nodes.sort((a, b) => b.data.systems - a.data.systems);
  nodes.forEach((node) => { node.data.size = dense ? 22 + 38 * node.data.share : 34 + 86 * node.data.share; });
  const cy = cytoscape({
    container,
    elements: nodes.concat(edges),
    style: [
      { selector: "node", style: {
        "background-color": "data(colour)", width: "data(size)", height: "data(size)",
        "z-index-compare": "manual", "z-index": 2, // a click on a group is the group's

        "border-color": "#495057", "border-width": 1, label: "data(label)", "font-size": 13,
        "text-valign": "bottom", "text-margin-y": 4, "text-wrap": "wrap", "text-max-width": 140,
        "text-background-color": "#ffffff", "text-background-opacity": 0.8, "text-background-padding": 1,
      } },
      { selector: "edge", style: {
        width: "data(width)", "line-color": "data(colour)", "target-arrow-color": "data(colour)",
        "z-index-compare": "manual", "z-index": 1,
        "target-arrow-shape": "triangle", "curve-style": "bezier", "arrow-scale": 1.1,
        opacity: dense ? 0.35 : 0.7,
      } },
      { selector: "edge[?onlyPlanned]", style: { "line-style": "dashed", opacity: 0.5 } },
      { selector: "edge.labelled", style: {
        label: "data(caption)", "font-size": 11, "text-background-color": "#ffffff",
        "text-background-opacity": 0.85, "text-background-padding": 1,
      } },
      { selector: ".faded", style: { opacity: 0.08, "text-opacity": 0.15 } },
      { selector: ".hidden", style: { display: "none" } },
      { selector: "node:selected", style: { "border-width": 4, "border-color": "#0d6efd" } },
      { selector: "edge:selected", style: { "overlay-color": "#0d6efd", "overlay-opacity": 0.25 } },
    ],
    layout: dense ? {
      name: "circle", animate: false, padding: 30, avoidOverlap: false,
      radius: Math.max(160, 14 * nodes.length),
    } : {
      name: "fcose", quality: "default", randomize: true, animate: false, nodeRepulsion: 45000,
      idealEdgeLength: 220, nodeSeparation: 120, packComponents: true, padding: 30,
    },
    minZoom: 0.1,
    maxZoom: 3,
    boxSelectionEnabled: false,
  });
  container.cy = cy;
  cy.one("render", () => {
    container.dataset.ready = "true";
    container.dataset.completeMs = String(Math.round(performance.now()));
  });

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

  function flowRows(figures) {
    const flows = number.format(figures.flows) + (figures.planned ? ` (+ ${number.format(figures.planned)} ${text.planned})` : "");
    const hours = number.format(figures.hours) + (figures.unknown ? ` (${number.format(figures.unknown)} ${text.unknown})` : "");
    return [[text.flows, flows], [text.hours, hours]];
  }

  function showGroup(node) {
    const d = node.data();
    const within = d.within;
    panel.replaceChildren(
      element("h2", { class: "h6", id: "map-panel-title" }, d.name),
      definitionList([
        [text.systems, number.format(d.systems)],
        [text.within, `${number.format(within.flows + within.planned)} · ${number.format(within.hours)} h`],
      ]),
      element("a", { class: "btn btn-sm btn-primary", href: d.url, id: "map-open" }, text.open),
    );
  }

  function showLink(edge) {
    const d = edge.data();
    const title = `${edge.source().data("name")} → ${edge.target().data("name")}`;
    panel.replaceChildren(
      element("h2", { class: "h6", id: "map-panel-title" }, title),
      definitionList([[text.method, text.categories[d.category]], ...flowRows(d)]),
    );
  }

  function focus(target) {
    cy.batch(() => {
      cy.elements().addClass("faded").removeClass("labelled");
      const near = target.isNode() ? target.closedNeighborhood() : target.union(target.connectedNodes());
      near.removeClass("faded");
      near.edges().addClass("labelled");
    });
  }

  function clearFocus() {
    cy.elements().removeClass("faded labelled");
    panel.replaceChildren();
    hint.hidden = false;
  }

  cy.on("tap", "node", (event) => { hint.hidden = true; showGroup(event.target); focus(event.target); });
  cy.on("tap", "edge", (event) => { hint.hidden = true; showLink(event.target); focus(event.target); });
  cy.on("tap", (event) => { if (event.target === cy) clearFocus(); });

  // ---- filter by method category ----
  const category = document.getElementById("filter-category");
  category.addEventListener("change", () => {
    cy.batch(() => {
      cy.edges().forEach((edge) => {
        edge.toggleClass("hidden", Boolean(category.value) && edge.data("category") !== category.value);
      });
    });
  });
  document.getElementById("map-fit").addEventListener("click", () => cy.fit(cy.elements(":visible"), 30));
})();
