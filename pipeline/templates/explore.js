// The report index's interactive parts, in plain JavaScript (no library, no network):
// the party graph (zoom, pan, hover, filters, labels that never overlap), the agreements
// table's search and filters, and the timeline's bars picking out their events.
(() => {
  const SVG = "http://www.w3.org/2000/svg";
  const element = (name, attributes) => {
    const node = document.createElementNS(SVG, name);
    for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
    return node;
  };

  // --- the agreements table: search, type and action filters, or the events of a timeline bar
  const table = document.getElementById("agreements-table");
  const search = document.getElementById("agreements-search");
  let picked = null; // the ids of the rows a timeline bar picked, or null
  function filterTable() {
    if (!table) return;
    const words = (search.value || "").toLowerCase().split(/\s+/).filter(Boolean);
    const selects = [...document.querySelectorAll(".table-controls select[data-column]")];
    let shown = 0;
    for (const row of table.tBodies[0].rows) {
      const text = row.textContent.toLowerCase();
      const visible = words.every((word) => text.includes(word))
        && selects.every((select) => !select.value || row.cells[select.dataset.column].textContent.trim() === select.value)
        && (picked === null || picked.has(row.id));
      row.hidden = !visible;
      row.classList.toggle("picked", picked !== null && visible);
      shown += visible;
    }
    document.getElementById("agreements-shown").textContent = `${shown} of ${table.tBodies[0].rows.length} shown`;
  }
  if (table) {
    search.addEventListener("input", filterTable);
    document.querySelectorAll(".table-controls select").forEach((select) => select.addEventListener("change", filterTable));
    document.getElementById("agreements-clear").addEventListener("click", () => {
      picked = null;
      search.value = "";
      document.querySelectorAll(".table-controls select").forEach((select) => { select.value = ""; });
      filterTable();
    });
    document.querySelectorAll(".timeline-bar").forEach((bar) => bar.addEventListener("click", () => {
      picked = new Set(bar.dataset.events.split(" "));
      filterTable();
    }));
    filterTable();
  }

  // --- the party graph
  const svg = document.getElementById("party-graph");
  const source = document.getElementById("graph-data");
  if (!svg || !source) return;
  const data = JSON.parse(source.textContent);
  const tip = document.getElementById("graph-tip");
  const world = element("g", {});
  svg.append(world);
  const byId = new Map(data.nodes.map((node) => [node.id, node]));
  const radius = (node) => 5 + 3 * Math.sqrt(node.n);

  const edges = data.edges.map((edge) => {
    const [a, b] = [byId.get(edge.source), byId.get(edge.target)];
    const line = element("line", { class: "edge", x1: a.x, y1: a.y, x2: b.x, y2: b.y, "stroke-width": 1 + 1.5 * Math.log2(edge.weight) });
    world.append(line);
    return { line, a, b };
  });
  for (const node of data.nodes) {
    const group = element("g", { class: "node", "data-id": node.id, "data-kind": node.kind, "data-country": node.country });
    group.append(element("circle", { cx: node.x, cy: node.y, r: radius(node), fill: node.colour }));
    const label = element("text", { x: node.x, y: node.y - radius(node) - 4, "text-anchor": "middle" });
    label.textContent = node.label;
    group.append(label);
    world.append(group);
    node.group = group;
    node.text = label;
    group.addEventListener("mouseenter", (event) => showTip(node, event));
    group.addEventListener("mouseleave", () => { tip.hidden = true; });
  }

  function showTip(node, event) {
    tip.replaceChildren();
    const title = document.createElement("strong");
    title.textContent = `${node.name}${node.country ? ` (${node.country})` : ""} · ${node.kind}`;
    const list = document.createElement("ul");
    for (const agreement of node.agreements) {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = agreement.href;
      link.textContent = agreement.text;
      item.append(link);
      list.append(item);
    }
    tip.append(title, document.createTextNode(` · ${node.agreements.length} agreement events`), list);
    const box = svg.parentElement.getBoundingClientRect();
    tip.style.left = `${Math.min(event.clientX - box.left + 12, box.width - 300)}px`;
    tip.style.top = `${event.clientY - box.top + 12}px`;
    tip.hidden = false;
  }

  // Zoom and pan move the view box; labels are re-placed after each move.
  const full = { x: -60, y: -60, w: Math.max(data.width, 200) + 120, h: Math.max(data.height, 150) + 120 };
  let view = { ...full };
  function applyView() {
    svg.setAttribute("viewBox", `${view.x} ${view.y} ${view.w} ${view.h}`);
    placeLabels();
  }
  svg.addEventListener("wheel", (event) => {
    event.preventDefault();
    const factor = event.deltaY > 0 ? 1.2 : 1 / 1.2;
    const box = svg.getBoundingClientRect();
    const px = view.x + ((event.clientX - box.left) / box.width) * view.w;
    const py = view.y + ((event.clientY - box.top) / box.height) * view.h;
    view = { x: px - (px - view.x) * factor, y: py - (py - view.y) * factor, w: view.w * factor, h: view.h * factor };
    applyView();
  }, { passive: false });
  let drag = null;
  svg.addEventListener("pointerdown", (event) => { drag = { x: event.clientX, y: event.clientY, view: { ...view } }; });
  svg.addEventListener("pointerup", () => { drag = null; });
  svg.addEventListener("pointerleave", () => { drag = null; });
  svg.addEventListener("pointermove", (event) => {
    if (!drag) return;
    const box = svg.getBoundingClientRect();
    view = { ...drag.view, x: drag.view.x - ((event.clientX - drag.x) / box.width) * view.w, y: drag.view.y - ((event.clientY - drag.y) / box.height) * view.h };
    applyView();
  });
  document.getElementById("graph-reset").addEventListener("click", () => { view = { ...full }; applyView(); });

  // Labels never overlap: the busiest parties place theirs first, and a label that would
  // cover one already placed stays hidden (shown on hover, or once zoomed in enough).
  function placeLabels() {
    // Text keeps one size on screen, so zooming in makes room between labels.
    // The view box is fitted whole into the element, so the tighter of the two ratios is the scale.
    const unitsPerPixel = Math.max(view.w / (svg.clientWidth || 800), view.h / (svg.clientHeight || 560));
    world.setAttribute("font-size", 12 * unitsPerPixel);
    const taken = [];
    for (const node of data.nodes) {
      node.group.classList.remove("label-hidden");
      if (node.group.classList.contains("hidden")) continue;
      const box = node.text.getBBox();
      const clash = taken.some((other) => box.x < other.x + other.width && other.x < box.x + box.width
        && box.y < other.y + other.height && other.y < box.y + box.height);
      if (clash) node.group.classList.add("label-hidden");
      else taken.push(box);
    }
  }

  // Filters hide the parties of other kinds or countries, and the links to them.
  const kind = document.getElementById("graph-kind");
  const country = document.getElementById("graph-country");
  function filterGraph() {
    for (const node of data.nodes) {
      const visible = (!kind.value || node.kind === kind.value) && (!country.value || node.country === country.value);
      node.group.classList.toggle("hidden", !visible);
    }
    for (const edge of edges) {
      edge.line.classList.toggle("hidden", edge.a.group.classList.contains("hidden") || edge.b.group.classList.contains("hidden"));
    }
    svg.dataset.shown = data.nodes.filter((node) => !node.group.classList.contains("hidden")).length;
    placeLabels();
  }
  kind.addEventListener("change", filterGraph);
  country.addEventListener("change", filterGraph);
  applyView();
  filterGraph();
})();
