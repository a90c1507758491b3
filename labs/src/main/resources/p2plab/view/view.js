// P2P Lab live view: draws the frames the server streams (see p2plab.labs.view.Frames).
// Frames go into a queue; the animation loop plays the queue at the chosen speed, so live
// runs and recordings share the pause / step / speed controls.
"use strict";

const HOP_COLOURS = ["#ffffff", "#ffd400", "#ff8c00", "#ff3b30", "#ff2d95", "#b14cff", "#3fa9ff", "#00e5c0"];
const ROLE_STYLE = {
  peer: { colour: "#3fa9ff", r: 5 },
  index_server: { colour: "#ffd400", r: 18 },
  supernode: { colour: "#ff8c00", r: 11 },
  ordinary_node: { colour: "#3fa9ff", r: 4 },
  tracker: { colour: "#ffd400", r: 16 },
  seed: { colour: "#00e676", r: 9 },
  leecher: { colour: "#3fa9ff", r: 7 },
};
const DEAD = "#555555";
const EVENTS_PER_FRAME = 12;      // at speed 1: about 700 messages a second at 60 frames a second
const LIVE_CATCH_UP = 0.8;        // seconds: a live page never lags more than this behind

const state = {
  mode: "live",
  network: null, overlay: null,
  nodes: new Map(),               // label -> {id, role, alive, details, x, y}
  edges: [],                      // [a, b] labels
  adjacency: new Map(),
  searches: new Map(),            // trace key -> figures
  current: null,                  // the latest search's key
  pulses: [],                     // short-lived drawings: {from, to, colour, until, dup}
  breaking: [],                   // links that just broke, drawn red and fading: {a, b, since}
  broken: [],                     // the last links that broke, "a-b", for the tests
  lookup: null,                   // Kademlia: the latest lookup, {origin, queried: [labels in order], messages}
  queue: [],                      // events not played yet, with the frames between them
  arrived: { key: null, messages: 0 }, // the latest search's messages as they arrive, before they are played
  played: 0, batches: 0, received: 0, maxLagMs: 0, lagOver1s: 0,
  paused: false, speed: 1, frames: 0, fpsSince: performance.now(), fps: 0,
  errors: [],
};

// ---- receiving ----

let socket = null;

function connect() {
  const ws = new WebSocket(`ws://${location.host}/events`);
  socket = ws;
  ws.onopen = () => status("connected");
  ws.onclose = () => { status("disconnected: reload when the shell serves again"); };
  ws.onmessage = (m) => receive(JSON.parse(m.data));
}

function receive(frame) {
  if (frame.frame === "hello") {
    state.mode = frame.mode;
    status(frame.mode === "replay" ? "replaying a recording" : "live");
  } else if (frame.frame === "topology") {
    state.queue.push({ topology: frame });
  } else if (frame.frame === "batch") {
    state.batches++;
    // A pause in the traffic ends a Kademlia lookup: the next queries are a new one, even from the same node.
    if (state.lastBatchAt !== undefined && frame.at - state.lastBatchAt > 500) state.queue.push({ pauseInTraffic: true });
    state.lastBatchAt = frame.at;
    if (state.mode === "live") {
      const lag = Date.now() - frame.at;
      state.maxLagMs = Math.max(state.maxLagMs, lag);
      if (lag > 1000) state.lagOver1s++;
    }
    state.received += frame.events.length;
    for (const e of frame.events) {
      state.queue.push(e);
      if (e.kind === "sent" && e.search) {
        if (e.search !== state.arrived.key) state.arrived = { key: e.search, messages: 0 };
        state.arrived.messages++;
      }
    }
  }
}

// ---- playing ----

function play(item) {
  if (item.topology) { setTopology(item.topology); return; }
  if (item.pauseInTraffic) { if (state.lookup) state.lookup.done = true; return; }
  state.played++;
  const n = state.nodes.get(item.peer);
  switch (item.kind) {
    case "killed": if (n) n.alive = false; break;
    case "revived": case "up": if (n) n.alive = true; break;
    case "role": if (n) n.role = item.role; break;
    case "sent": if (item.search) searchSent(item); else if (state.overlay === "kademlia") lookupSent(item); break;
    case "delivered": if (item.search) searchDelivered(item); else if (state.overlay === "kademlia") lookupDelivered(item); break;
  }
}

function figuresOf(key, origin) {
  let s = state.searches.get(key);
  if (!s) {
    s = { key, origin, messages: 0, queries: 0, receivers: new Set(), hits: new Set(), hopOf: new Map(), hops: 0 };
    s.hopOf = bfs(origin);
    state.searches.set(key, s);
    state.current = key;
    for (const node of state.nodes.values()) node.hop = undefined;
    const asker = state.nodes.get(origin);
    if (asker) asker.hop = 0;
  }
  return s;
}

function isQuery(type) { return /\/(Query|Search)$/.test(type); }
function isHit(type) { return /\/(QueryHit|SearchResponse|Result|Hit)/.test(type); }

function searchSent(e) {
  const s = figuresOf(e.search, e.peer);
  s.messages++;
  // The first answer a peer sends for a search is its own hit (the others it passes on).
  if (isHit(e.type) && !s.receivedHit?.has(e.peer)) s.hits.add(e.peer);
}

function searchDelivered(e) {
  const s = figuresOf(e.search, e.peer);
  if (isHit(e.type)) { (s.receivedHit ??= new Set()).add(e.peer); return; }
  if (!isQuery(e.type)) return;
  s.queries++;
  const dup = s.receivers.has(e.peer);
  s.receivers.add(e.peer);
  const hop = s.hopOf.get(e.peer) ?? 0;
  s.hops = Math.max(s.hops, hop);
  const n = state.nodes.get(e.peer);
  if (n && !dup) n.hop = hop;
  const from = sender(s, e.peer, hop);
  state.pulses.push({ from, to: e.peer, colour: dup ? "#ff0000" : HOP_COLOURS[Math.min(hop, HOP_COLOURS.length - 1)],
    until: performance.now() + 600 / state.speed, dup });
}

// Kademlia's messages carry no search key: a lookup is the run of queries one node sends,
// and its path is the nodes they reach, in order; on the ID circle it closes in on the key.
function isLookupQuery(type) { return /\/(find_node|get_peers)$/.test(type); }

function lookupSent(e) {
  if (isLookupQuery(e.type)) {
    if (!state.lookup || state.lookup.origin !== e.peer || state.lookup.done) {
      state.lookup = { origin: e.peer, queried: [], messages: 0, done: false };
    }
    state.lookup.messages++;
  } else if (e.type === "kademlia/response" && state.lookup && state.lookup.queried.includes(e.peer)) {
    state.lookup.messages++;
  }
}

function lookupDelivered(e) {
  const l = state.lookup;
  if (!l || !isLookupQuery(e.type) || e.peer === l.origin) return;
  l.queried.push(e.peer);
  const colour = HOP_COLOURS[Math.min(1 + Math.floor(l.queried.length / 3), HOP_COLOURS.length - 1)];
  state.pulses.push({ from: l.origin, to: e.peer, colour, until: performance.now() + 900 / state.speed, dup: false });
}

/** A neighbour one ring closer to the asker: where the query most likely came from. */
function sender(s, peer, hop) {
  for (const m of state.adjacency.get(peer) ?? []) if (s.hopOf.get(m) === hop - 1) return m;
  return s.origin;
}

function bfs(origin) {
  const hop = new Map([[origin, 0]]);
  const todo = [origin];
  while (todo.length) {
    const a = todo.shift();
    for (const b of state.adjacency.get(a) ?? []) if (!hop.has(b)) { hop.set(b, hop.get(a) + 1); todo.push(b); }
  }
  return hop;
}

function figures() {
  const s = state.current && state.searches.get(state.current);
  if (!s) return null;
  const reached = new Set(s.receivers); reached.delete(s.origin);
  return { search: s.key, origin: s.origin, hops: s.hops, messages: s.messages,
    duplicates: s.queries - s.receivers.size, reached: reached.size, hits: s.hits.size };
}

// ---- layout ----

function setTopology(t) {
  const before = state.nodes;
  const sameNetwork = t.network === state.network;
  state.network = t.network; state.overlay = t.overlay;
  state.nodes = new Map();
  for (const p of t.peers) {
    const old = sameNetwork ? before.get(p.id) : undefined;
    state.nodes.set(p.id, { ...p, role: p.role, x: old?.x, y: old?.y, hop: old?.hop });
  }
  const edges = t.edges.filter(([a, b]) => state.nodes.has(a) && state.nodes.has(b));
  if (sameNetwork) linksBroke(state.edges, edges);
  else state.breaking = [];
  state.edges = edges;
  state.adjacency = new Map();
  for (const [a, b] of state.edges) {
    if (!state.adjacency.has(a)) state.adjacency.set(a, []);
    if (!state.adjacency.has(b)) state.adjacency.set(b, []);
    state.adjacency.get(a).push(b); state.adjacency.get(b).push(a);
  }
  if ([...state.nodes.values()].some((n) => n.x === undefined)) layout();
  document.getElementById("title").textContent = t.network ? `${t.network} (${t.overlay})` : "P2P Lab: no network yet";
  document.getElementById("swarm").hidden = t.overlay !== "bittorrent";
  resize();
}

const BREAK_MS = 2000;

/** Links in the old graph but not the new one break: they stay a moment, red and fading, where they were. */
function linksBroke(before, after) {
  const now = new Set(after.map(([a, b]) => `${a}-${b}`));
  const since = performance.now();
  for (const [a, b] of before) {
    if (now.has(`${a}-${b}`)) continue;
    state.breaking.push({ a, b, since });
    state.broken.push(`${a}-${b}`);
  }
  if (state.broken.length > 1000) state.broken.splice(0, state.broken.length - 1000);
}

/** Roles drawn apart: hubs (index server, tracker) in the middle, supernodes on a ring with their children around them, everyone else by force. */
function layout() {
  const nodes = [...state.nodes.values()];
  if (state.overlay === "kademlia") { idCircle(nodes); return; }
  const hubs = nodes.filter((n) => n.role === "index_server" || n.role === "tracker");
  const supers = nodes.filter((n) => n.role === "supernode");
  hubs.forEach((n, i) => { n.x = i * 0.05; n.y = 0; n.fx = n.x; n.fy = n.y; });
  supers.forEach((n, i) => {
    const a = (2 * Math.PI * i) / supers.length;
    n.x = 0.6 * Math.cos(a); n.y = 0.6 * Math.sin(a); n.fx = n.x; n.fy = n.y;
  });
  const rest = nodes.filter((n) => n.fx === undefined);
  if (hubs.length || supers.length) {
    // Star overlays: ordinary nodes in a ring around their supernode, everyone else in a ring around the hub.
    const around = new Map();
    for (const n of rest) {
      const anchor = (state.adjacency.get(n.id) ?? []).map((m) => state.nodes.get(m)).find((m) => m && m.role === "supernode");
      const key = anchor ? anchor.id : "";
      if (!around.has(key)) around.set(key, []);
      around.get(key).push(n);
    }
    for (const [key, children] of around) {
      const anchor = state.nodes.get(key);
      const r = anchor ? Math.min(0.3, 0.5 * Math.sin(Math.PI / Math.max(2, supers.length))) : 0.8;
      children.forEach((n, j) => {
        const a = (2 * Math.PI * j) / children.length;
        n.x = (anchor ? anchor.x : 0) + r * Math.cos(a); n.y = (anchor ? anchor.y : 0) + r * Math.sin(a);
      });
    }
    return;
  }
  const links = state.edges.map(([a, b]) => ({ source: a, target: b }));
  const sim = d3.forceSimulation(rest).force("charge", d3.forceManyBody().strength(-30).theta(1.2))
    .force("link", d3.forceLink(links).id((d) => d.id).distance(30)).force("center", d3.forceCenter(0, 0)).stop();
  sim.tick(nodes.length > 500 ? 120 : 250);
  const xs = d3.extent(rest, (n) => n.x), ys = d3.extent(rest, (n) => n.y);
  const span = Math.max(xs[1] - xs[0], ys[1] - ys[0]) || 1;
  for (const n of rest) { n.x = ((n.x - xs[0]) / span - 0.5) * 1.9; n.y = ((n.y - ys[0]) / span - 0.5) * 1.9; }
}

/** Kademlia: each node on a circle at the angle of its id (the first 32 bits, from its details), 0 at the top, clockwise. */
function idCircle(nodes) {
  for (const n of nodes) {
    const id = parseInt((n.details?.id ?? "0").slice(0, 8), 16) || 0;
    const a = (id / 2 ** 32) * 2 * Math.PI - Math.PI / 2;
    n.x = 0.9 * Math.cos(a); n.y = 0.9 * Math.sin(a); n.fx = n.x; n.fy = n.y;
  }
}

// ---- drawing ----

const graph = document.getElementById("graph");
const swarm = document.getElementById("swarm");
const g = graph.getContext("2d");
const sw = swarm.getContext("2d");

function resize() {
  for (const c of [graph, swarm]) {
    c.width = c.clientWidth * devicePixelRatio; c.height = c.clientHeight * devicePixelRatio;
  }
}

function screen(n) {
  const s = Math.min(graph.width, graph.height) * 0.47;
  return [graph.width / 2 + n.x * s, graph.height / 2 + n.y * s];
}

function styleOf(n) { return ROLE_STYLE[n.role] ?? ROLE_STYLE.peer; }

function draw(now) {
  g.fillStyle = "#000"; g.fillRect(0, 0, graph.width, graph.height);
  const k = devicePixelRatio * (state.nodes.size > 400 ? 0.7 : 1.5);
  g.lineWidth = Math.max(1, devicePixelRatio); g.strokeStyle = "#3a3a3a";
  g.beginPath();
  for (const [a, b] of state.edges) {
    const na = state.nodes.get(a), nb = state.nodes.get(b);
    const [x1, y1] = screen(na), [x2, y2] = screen(nb);
    g.moveTo(x1, y1); g.lineTo(x2, y2);
  }
  g.stroke();
  drawBreaking(now);
  const s = state.current && state.searches.get(state.current);
  for (const n of state.nodes.values()) {
    const st = styleOf(n); const [x, y] = screen(n);
    g.beginPath(); g.arc(x, y, st.r * k, 0, 2 * Math.PI);
    g.fillStyle = !n.alive ? DEAD : n.hop !== undefined ? HOP_COLOURS[Math.min(n.hop, HOP_COLOURS.length - 1)] : st.colour;
    g.fill();
    if (n.role === "seed" || n.details?.["free-rider"]) {
      g.lineWidth = 3 * devicePixelRatio; g.strokeStyle = n.details?.["free-rider"] ? "#ff3b30" : "#fff"; g.stroke();
    }
    if (s && s.hits.has(n.id)) {
      g.lineWidth = 4 * devicePixelRatio; g.strokeStyle = "#00e676";
      g.beginPath(); g.arc(x, y, (st.r + 6) * k, 0, 2 * Math.PI); g.stroke();
    }
  }
  state.pulses = state.pulses.filter((p) => p.until > now);
  g.lineWidth = 3 * devicePixelRatio;
  for (const p of state.pulses) {
    const a = state.nodes.get(p.from), b = state.nodes.get(p.to);
    if (!a || !b) continue;
    const [x1, y1] = screen(a), [x2, y2] = screen(b);
    g.strokeStyle = p.colour; g.beginPath(); g.moveTo(x1, y1); g.lineTo(x2, y2); g.stroke();
    if (p.dup) { g.font = `bold ${20 * devicePixelRatio}px sans-serif`; g.fillStyle = "#ff0000"; g.fillText("×", x2 + 6, y2 - 6); }
  }
  if (state.overlay === "kademlia") drawLookup();
  if (!swarm.hidden) drawSwarm();
}

/** Broken links: thick red, fading out over BREAK_MS, with a gap in the middle where they snapped. */
function drawBreaking(now) {
  state.breaking = state.breaking.filter((l) => now - l.since < BREAK_MS / Math.min(1, state.speed));
  g.lineWidth = 5 * devicePixelRatio;
  for (const l of state.breaking) {
    const a = state.nodes.get(l.a), b = state.nodes.get(l.b);
    if (!a || !b) continue;
    const [x1, y1] = screen(a), [x2, y2] = screen(b);
    const age = (now - l.since) / (BREAK_MS / Math.min(1, state.speed));
    const gap = 0.1 + 0.3 * age; // the two halves pull apart as it fades
    g.strokeStyle = `rgba(255, 40, 40, ${1 - age})`;
    g.beginPath();
    g.moveTo(x1, y1); g.lineTo(x1 + (x2 - x1) * (0.5 - gap / 2), y1 + (y2 - y1) * (0.5 - gap / 2));
    g.moveTo(x2, y2); g.lineTo(x2 + (x1 - x2) * (0.5 - gap / 2), y2 + (y1 - y2) * (0.5 - gap / 2));
    g.stroke();
  }
}

/** The lookup's path: from the asker through the nodes it queried, in order, closing in on the key. */
function drawLookup() {
  const l = state.lookup;
  if (!l) return;
  const o = state.nodes.get(l.origin);
  if (!o) return;
  const d = devicePixelRatio;
  g.lineWidth = 4 * d; g.strokeStyle = "#00e5c0"; g.setLineDash([10 * d, 6 * d]);
  g.beginPath(); g.moveTo(...screen(o));
  for (const id of l.queried) { const n = state.nodes.get(id); if (n) g.lineTo(...screen(n)); }
  g.stroke(); g.setLineDash([]);
  for (const [i, id] of l.queried.entries()) {
    const n = state.nodes.get(id); if (!n) continue;
    const [x, y] = screen(n);
    g.beginPath(); g.arc(x, y, 9 * d, 0, 2 * Math.PI); g.fillStyle = "#00e5c0"; g.fill();
    if (i === l.queried.length - 1) { g.lineWidth = 4 * d; g.strokeStyle = "#fff"; g.stroke(); }
  }
  const [ox, oy] = screen(o);
  g.beginPath(); g.arc(ox, oy, 12 * d, 0, 2 * Math.PI); g.fillStyle = "#fff"; g.fill();
  g.font = `bold ${22 * d}px sans-serif`; g.fillStyle = "#fff"; g.textBaseline = "top";
  g.fillText(`lookup from ${l.origin}: ${l.queried.length} nodes queried, ${l.messages} messages`, 10 * d, 10 * d);
  g.textBaseline = "alphabetic";
}

/**
 * What the swarm holds, from each peer's details: "<file>" is "have/total pieces  down D KiB/s  up U KiB/s ...",
 * "<file> bitfield" the pieces it has, in hex as on the wire (piece 0 is the high bit of the first byte).
 */
function swarmOf() {
  const peers = [], availability = [];
  for (const n of state.nodes.values()) {
    if (n.role === "tracker") continue;
    const p = { id: n.id, alive: n.alive, seed: n.role === "seed", freeRider: !!n.details?.["free-rider"],
      have: 0, total: 0, down: 0, up: 0, bits: [] };
    for (const [key, v] of Object.entries(n.details ?? {})) {
      const m = /^(\d+)\/(\d+) pieces\s+down ([\d.]+) KiB\/s\s+up ([\d.]+) KiB\/s/.exec(v);
      if (m) { p.have += +m[1]; p.total += +m[2]; p.down += +m[3]; p.up += +m[4]; }
      if (key.endsWith(" bitfield")) p.bits.push(...bitsOf(v, +(/^\d+\/(\d+)/.exec(n.details[key.slice(0, -9)] ?? "")?.[1] ?? v.length * 4)));
    }
    p.bits.forEach((b, i) => { availability[i] = (availability[i] ?? 0) + (b && p.alive ? 1 : 0); });
    peers.push(p);
  }
  for (let i = 0; i < availability.length; i++) availability[i] ??= 0;
  return { peers, availability };
}

function bitsOf(hex, count) {
  const bits = [];
  for (let i = 0; i < count; i++) bits.push((parseInt(hex[i >> 2] ?? "0", 16) >> (3 - (i & 3))) & 1);
  return bits;
}

/**
 * Top: the piece-availability strip, one column per piece as tall as the number of running peers holding it
 * (rarest first fills the short columns first). Below: one bar per peer, one cell per piece it holds;
 * seeds labelled, free-riders red, rates beside the bar.
 */
function drawSwarm() {
  const { peers, availability } = swarmOf();
  const W = swarm.width, H = swarm.height, d = devicePixelRatio;
  sw.fillStyle = "#000"; sw.fillRect(0, 0, W, H);
  const font = 20 * d, label = 7 * font, rates = 11 * font;
  sw.font = `bold ${font}px sans-serif`; sw.fillStyle = "#fff"; sw.textBaseline = "middle";
  const stripH = Math.min(H * 0.3, 90 * d), top = font * 1.4;
  const pieces = availability.length, most = Math.max(1, peers.filter((p) => p.alive).length);
  sw.fillText(`piece availability (${pieces} pieces; short columns are the rare pieces)`, 8, font * 0.7);
  const cw = (W - label - rates) / Math.max(1, pieces);
  availability.forEach((c, i) => {
    const h = (stripH - 4) * c / most;
    sw.fillStyle = c === 0 ? "#ff3b30" : c === 1 ? "#ff8c00" : "#ffd400";
    sw.fillRect(label + i * cw, top + stripH - Math.max(h, 2), Math.max(1, cw - (cw > 4 ? 1 : 0)), Math.max(h, 2));
  });
  const rowsTop = top + stripH + 6 * d, rowH = Math.max(3 * d, (H - rowsTop) / Math.max(1, peers.length));
  peers.forEach((p, r) => {
    const y = rowsTop + r * rowH, full = p.total > 0 && p.have === p.total;
    const colour = !p.alive ? DEAD : p.freeRider ? "#ff3b30" : full ? "#00e676" : "#3fa9ff";
    sw.fillStyle = "#222"; sw.fillRect(label, y + 1, W - label - rates, rowH - 2);
    sw.fillStyle = colour;
    if (p.bits.length) p.bits.forEach((b, i) => { if (b) sw.fillRect(label + i * cw, y + 1, Math.max(1, cw - (cw > 4 ? 1 : 0)), rowH - 2); });
    else if (p.total) sw.fillRect(label, y + 1, (W - label - rates) * p.have / p.total, rowH - 2);
    if (rowH >= font * 0.8) {
      sw.fillStyle = colour;
      sw.fillText(`${p.id}${p.seed ? " seed" : ""}${p.freeRider ? " free" : ""}`, 4, y + rowH / 2);
      sw.fillStyle = "#fff";
      sw.fillText(`↓${p.down.toFixed(0)} ↑${p.up.toFixed(0)} KiB/s`, W - rates + 8, y + rowH / 2);
    }
  });
}

function showFigures() {
  const f = figures();
  for (const key of ["hops", "messages", "duplicates", "reached", "hits"]) {
    document.getElementById(`f-${key}`).textContent = f ? f[key] : "–";
  }
  const nodes = [...state.nodes.values()];
  document.getElementById("n-peers").textContent = nodes.length;
  document.getElementById("n-alive").textContent = nodes.filter((n) => n.alive).length;
  document.getElementById("n-links").textContent = state.edges.length;
}

function legend() {
  const items = [["#3fa9ff", "peer"], ["#ffd400", "index server / tracker (hub)"], ["#ff8c00", "supernode (larger)"],
    ["#00e676", "seed / hit"], [DEAD, "killed"], ["#ff0000", "duplicate query (×)"], ["#ff2828", "link breaking (red, fading)"], ["#00e5c0", "Kademlia lookup path"]];
  HOP_COLOURS.slice(0, 6).forEach((c, i) => items.push([c, `query at hop ${i}`]));
  document.getElementById("legend").innerHTML = items.map(([c, t]) => `<li><i style="background:${c}"></i>${t}</li>`).join("");
}

function status(text) { document.getElementById("status").textContent = text; }

// ---- the loop ----

function frame(now) {
  if (!state.paused) {
    let budget = Math.ceil(EVENTS_PER_FRAME * state.speed);
    // Live: never lag more than LIVE_CATCH_UP seconds of play behind the network.
    if (state.mode === "live") budget = Math.max(budget, state.queue.length - Math.ceil(EVENTS_PER_FRAME * 60 * LIVE_CATCH_UP * state.speed));
    playSome(budget);
  }
  draw(now); showFigures();
  state.frames++;
  if (now - state.fpsSince >= 1000) { state.fps = state.frames * 1000 / (now - state.fpsSince); state.frames = 0; state.fpsSince = now; }
  requestAnimationFrame(frame);
}

function playSome(count) {
  let i = 0;
  for (; i < state.queue.length && count > 0; i++) {
    const item = state.queue[i];
    play(item);
    if (!item.topology && !item.pauseInTraffic) count--;
  }
  state.queue.splice(0, i);
}

document.getElementById("pause").onclick = () => {
  state.paused = !state.paused;
  document.getElementById("pause").textContent = state.paused ? "Play" : "Pause";
};
document.getElementById("step").onclick = () => { state.paused = true; document.getElementById("pause").textContent = "Play"; playSome(1); };
document.getElementById("speed").oninput = (e) => {
  state.speed = +e.target.value; document.getElementById("speedValue").textContent = `${state.speed}×`;
  // A live simulated network follows the control too (the shell's `network speed`); over TCP only the animation does.
  if (state.mode === "live" && socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ speed: state.speed }));
};
window.addEventListener("resize", resize);

// What the browser tests read.
window.p2pView = {
  nodes: () => [...state.nodes.values()].map((n) => ({ id: n.id, role: n.role, alive: n.alive })),
  links: () => state.edges.map(([a, b]) => `${a}-${b}`),
  broken: () => [...state.broken], breaking: () => state.breaking.length,
  positions: () => [...state.nodes.values()].map((n) => ({ id: n.id, x: n.x, y: n.y, nodeId: n.details?.id })),
  lookup: () => state.lookup && { origin: state.lookup.origin, queried: [...state.lookup.queried], messages: state.lookup.messages },
  swarm: () => { const s = swarmOf(); return { availability: s.availability, peers: s.peers.map(({ bits, ...p }) => p) }; },
  figures, idle: () => state.queue.length === 0, arrived: () => state.arrived,
  stats: () => ({ fps: state.fps, batches: state.batches, received: state.received, played: state.played, maxLagMs: state.maxLagMs, lagOver1s: state.lagOver1s, queued: state.queue.length }),
};

legend(); resize(); connect(); requestAnimationFrame(frame);
