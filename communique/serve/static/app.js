// communique web UI: the network page (force layout on SVG, zoom, pan, drag, click-through). No inline
// scripts anywhere: the CSP allows only this file.
"use strict";

const SVG_NS = "http://www.w3.org/2000/svg";

function svgEl(name, attrs) {
  const el = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, v);
  return el;
}

function layout(nodes, edges, width, height) {
  // a small spring-electrical layout, run to rest before drawing (deterministic start on a circle)
  const n = nodes.length;
  nodes.forEach((d, i) => {
    const a = (2 * Math.PI * i) / Math.max(1, n);
    d.x = width / 2 + (width / 3) * Math.cos(a);
    d.y = height / 2 + (height / 3) * Math.sin(a);
  });
  const byId = new Map(nodes.map((d) => [d.id, d]));
  const links = edges.map((e) => ({ s: byId.get(e.source), t: byId.get(e.target), w: e.weight }))
    .filter((l) => l.s && l.t);
  const k = Math.sqrt((width * height) / Math.max(1, n)) * 0.6;
  for (let step = 0; step < 300; step++) {
    const temp = (1 - step / 300) * 20 + 0.5;
    for (const d of nodes) { d.dx = 0; d.dy = 0; }
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const a = nodes[i], b = nodes[j];
        let dx = a.x - b.x, dy = a.y - b.y;
        const dist = Math.max(0.01, Math.hypot(dx, dy));
        const f = (k * k) / dist;
        dx /= dist; dy /= dist;
        a.dx += dx * f; a.dy += dy * f; b.dx -= dx * f; b.dy -= dy * f;
      }
    }
    for (const l of links) {
      let dx = l.s.x - l.t.x, dy = l.s.y - l.t.y;
      const dist = Math.max(0.01, Math.hypot(dx, dy));
      const f = (dist * dist) / k;
      dx /= dist; dy /= dist;
      l.s.dx -= dx * f; l.s.dy -= dy * f; l.t.dx += dx * f; l.t.dy += dy * f;
    }
    for (const d of nodes) {
      d.dx += (width / 2 - d.x) * 0.3; d.dy += (height / 2 - d.y) * 0.3;   // gravity keeps components near
      const len = Math.max(0.01, Math.hypot(d.dx, d.dy));
      d.x += (d.dx / len) * Math.min(len, temp);
      d.y += (d.dy / len) * Math.min(len, temp);
    }
  }
  return links;
}

function fitView(nodes, aspect) {
  // the smallest box of the canvas's aspect that holds every node, with a margin for labels
  if (!nodes.length) return { x: 0, y: 0, w: 900, h: 600 };
  const xs = nodes.map((d) => d.x), ys = nodes.map((d) => d.y);
  const x0 = Math.min(...xs) - 40, x1 = Math.max(...xs) + 120, y0 = Math.min(...ys) - 30, y1 = Math.max(...ys) + 30;
  let w = x1 - x0, h = y1 - y0;
  if (w / h < aspect) w = h * aspect; else h = w / aspect;
  return { x: (x0 + x1) / 2 - w / 2 + 40, y: (y0 + y1) / 2 - h / 2, w, h };
}

function drawNetwork(svg, data) {
  const width = 900, height = 600;
  const centre = new URLSearchParams(svg.dataset.src.split("?")[1] || "").get("actor_id");
  const links = layout(data.nodes, data.edges, width, height);
  const view = fitView(data.nodes, width / height);
  const setView = () => svg.setAttribute("viewBox", `${view.x} ${view.y} ${view.w} ${view.h}`);
  const root = svgEl("g");
  svg.appendChild(root);
  const lines = links.map((l) => {
    const line = svgEl("line", { "stroke-width": Math.min(6, 0.8 + Math.log2(1 + l.w)) });
    root.appendChild(line);
    return line;
  });
  const maxEvents = Math.max(1, ...data.nodes.map((d) => d.events || 1));
  const groups = data.nodes.map((d) => {
    const g = svgEl("g", { class: "node", "data-id": d.id });
    const c = svgEl("circle", { r: 4 + 10 * Math.sqrt((d.events || 1) / maxEvents), class: `k-${d.kind}` + (d.id === centre ? " centre" : "") });
    const title = svgEl("title");
    title.textContent = `${d.name} (${d.events} events)`;
    c.appendChild(title);
    const label = svgEl("text", { dx: 8, dy: 3 });
    label.textContent = d.name;
    g.appendChild(c); g.appendChild(label);
    root.appendChild(g);
    return g;
  });
  const redraw = () => {
    links.forEach((l, i) => {
      lines[i].setAttribute("x1", l.s.x); lines[i].setAttribute("y1", l.s.y);
      lines[i].setAttribute("x2", l.t.x); lines[i].setAttribute("y2", l.t.y);
    });
    data.nodes.forEach((d, i) => groups[i].setAttribute("transform", `translate(${d.x},${d.y})`));
  };
  redraw();
  setView();
  const toSvg = (evt) => {
    const r = svg.getBoundingClientRect();
    return { x: view.x + ((evt.clientX - r.left) / r.width) * view.w, y: view.y + ((evt.clientY - r.top) / r.height) * view.h };
  };
  let drag = null;
  groups.forEach((g, i) => {
    g.addEventListener("pointerdown", (evt) => {
      evt.stopPropagation();
      drag = { node: data.nodes[i], moved: false };
      svg.setPointerCapture(evt.pointerId);
    });
  });
  svg.addEventListener("pointerdown", (evt) => { drag = { pan: toSvg(evt), moved: false }; });
  svg.addEventListener("pointermove", (evt) => {
    if (!drag) return;
    const p = toSvg(evt);
    drag.moved = true;
    if (drag.node) { drag.node.x = p.x; drag.node.y = p.y; redraw(); }
    else { view.x -= p.x - drag.pan.x; view.y -= p.y - drag.pan.y; setView(); }
  });
  svg.addEventListener("pointerup", (evt) => {
    if (drag && drag.node && !drag.moved) window.location.href = "/actors/" + encodeURIComponent(drag.node.id);
    drag = null;
  });
  svg.addEventListener("wheel", (evt) => {
    evt.preventDefault();
    const p = toSvg(evt);
    const f = evt.deltaY > 0 ? 1.15 : 1 / 1.15;
    view.x = p.x - (p.x - view.x) * f; view.y = p.y - (p.y - view.y) * f;
    view.w *= f; view.h *= f;
    setView();
  }, { passive: false });
}

document.addEventListener("DOMContentLoaded", () => {
  const svg = document.getElementById("network");
  if (!svg) return;
  const status = document.getElementById("network-status");
  fetch(svg.dataset.src, { headers: { accept: "application/json" } })
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`))))
    .then((data) => {
      drawNetwork(svg, data);
      status.textContent = `${data.nodes.length} actors, ${data.edges.length} links`;
      svg.dataset.ready = "true";
    })
    .catch((err) => { status.textContent = `Could not load the network: ${err.message}`; });
});
