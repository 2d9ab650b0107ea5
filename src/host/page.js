// The participant page: join, add ideas, vote, react. Everything from the server is
// put on the page with textContent, never as markup.
"use strict";
(function () {
  const base = location.pathname.replace(/\/$/, "");
  const api = (path) => base + "/api/" + path;
  const $ = (id) => document.getElementById(id);
  const key = "moodboard-participant:" + base;
  let participant = sessionStorage.getItem(key);
  let view = null;
  let events = null;
  let ended = false;
  // When the view came, and how long its timer had left then (the phone's clock may differ).
  let viewAt = 0;
  let words = {};
  const plural = new Intl.PluralRules(document.documentElement.lang || "en");

  // The page's words, in the language the server chose: `t("page-from", { who })`.
  function t(id, args) {
    let w = words[id];
    if (w === undefined) { return id; }
    if (typeof w !== "string") { w = w[plural.select(args.count)] || w.other; }
    for (const [name, value] of Object.entries(args || {})) { w = w.split("{" + name + "}").join(String(value)); }
    return w;
  }

  function say(text, problem) {
    $("message").textContent = text || "";
    $("message").className = problem ? "problem" : "";
  }

  async function call(path, body, options) {
    const init = Object.assign({ method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) }, options || {});
    const response = await fetch(api(path), init);
    let data = {};
    try { data = await response.json(); } catch (e) { data = {}; }
    if (response.status === 404 && path !== "join" && data.error === "unknown participant") {
      // The facilitator restarted the invitation: join again.
      sessionStorage.removeItem(key);
      participant = null;
      show();
    }
    if (response.status === 507) { throw new Error(t("page-full")); }
    if (!response.ok) { throw new Error(data.error || String(response.status)); }
    return data;
  }

  async function join() {
    try {
      const data = await call("join", { name: $("name").value.trim() });
      participant = data.participant;
      sessionStorage.setItem(key, participant);
      show();
    } catch (e) { say(e.message, true); }
  }

  // The kinds of idea phones may add, with their fields, come in the page from the server
  // (#kinds-data): one input per field name, labelled for the kind chosen.
  let kinds = [];

  function kind() {
    const checked = document.querySelector("input[name=kind]:checked");
    return kinds.find((k) => checked && k.name === checked.value) || kinds[0];
  }

  // The form itself is in the page (one input per field name, made by the server);
  // this labels it for the kind chosen.
  function buildForm(list) {
    kinds = list;
    for (const r of document.querySelectorAll("input[name=kind]")) { r.addEventListener("change", kindChanged); }
    for (const k of kinds) {
      for (const f of k.fields.filter((f) => f.multiline)) {
        $(f.api).addEventListener("keydown", (e) => { if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { add(); } });
      }
    }
    kindChanged();
  }

  function kindChanged() {
    const k = kind();
    if (!k) { return; }
    for (const row of $("fields").children) { row.hidden = true; }
    for (const f of k.fields) {
      $("row-" + f.api).hidden = false;
      $("label-" + f.api).textContent = f.label;
      const input = $(f.api);
      input.placeholder = f.hint;
      input.maxLength = f.max;
    }
  }

  async function add() {
    const k = kind();
    const body = { participant, kind: k.name, theme: $("theme").value || null, anonymous: $("anonymous").checked };
    for (const f of k.fields) { body[f.api] = $(f.api).value; }
    try {
      await call("items", body);
      // Emptied for the next idea, unless the next one was already being typed.
      for (const f of k.fields) { if ($(f.api).value === body[f.api]) { $(f.api).value = ""; } }
      say(t("page-added"));
      refresh();
    } catch (e) { say(e.message, true); }
  }

  async function photo() {
    const file = $("photo").files[0];
    if (!file) { return; }
    try {
      const anonymous = $("anonymous").checked ? "&anonymous=true" : "";
      await call("images?participant=" + encodeURIComponent(participant) + anonymous, null,
        { body: file, headers: { "Content-Type": file.type || "image/jpeg" } });
      say(t("page-photo-added"));
      refresh();
    } catch (e) { say(e.message, true); }
    $("photo").value = "";
  }

  // A sketch drawn with a finger, a pen or the mouse, in the sketch's own units (the
  // board's sketches are 480 × 360): each stroke the points it went through, sent whole.
  const AREA = { w: 480, h: 360 };
  const MAX_POINTS_PER_STROKE = 2000;
  const MAX_STROKES = 1000;
  const sketch = { strokes: [], current: null, ink: "#262626" };

  function paperPoint(e) {
    const r = $("sketch-paper").getBoundingClientRect();
    const x = Math.min(Math.max((e.clientX - r.left) * AREA.w / r.width, 0), AREA.w);
    const y = Math.min(Math.max((e.clientY - r.top) * AREA.h / r.height, 0), AREA.h);
    const pressure = e.pointerType === "mouse" ? 0.5 : Math.min(Math.max(e.pressure || 0.5, 0), 1);
    return [Math.round(x * 10) / 10, Math.round(y * 10) / 10, pressure];
  }

  function drawSketch() {
    const paper = $("sketch-paper");
    const g = paper.getContext("2d");
    g.clearRect(0, 0, paper.width, paper.height);
    g.lineCap = "round";
    g.lineJoin = "round";
    for (const s of sketch.strokes.concat(sketch.current ? [sketch.current] : [])) {
      g.strokeStyle = s.colour;
      g.fillStyle = s.colour;
      g.lineWidth = s.width;
      g.beginPath();
      g.moveTo(s.points[0][0], s.points[0][1]);
      if (s.points.length === 1) {
        g.arc(s.points[0][0], s.points[0][1], s.width / 2, 0, 2 * Math.PI);
        g.fill();
        continue;
      }
      for (const p of s.points.slice(1)) { g.lineTo(p[0], p[1]); }
      g.stroke();
    }
    $("sketch-undo").disabled = sketch.strokes.length === 0;
  }

  function penDown(e) {
    if (sketch.strokes.length >= MAX_STROKES) { say(t("page-sketch-full"), true); return; }
    e.preventDefault();
    $("sketch-paper").setPointerCapture(e.pointerId);
    sketch.current = { colour: sketch.ink, width: 7, pressure: e.pointerType !== "mouse", points: [paperPoint(e)] };
    drawSketch();
  }

  function penMove(e) {
    const s = sketch.current;
    if (!s) { return; }
    e.preventDefault();
    const p = paperPoint(e);
    const last = s.points[s.points.length - 1];
    if (s.points.length < MAX_POINTS_PER_STROKE && Math.hypot(p[0] - last[0], p[1] - last[1]) >= 1.5) {
      s.points.push(p);
      drawSketch();
    }
  }

  function penUp() {
    if (sketch.current) { sketch.strokes.push(sketch.current); }
    sketch.current = null;
    drawSketch();
  }

  async function sendSketch() {
    if (sketch.strokes.length === 0) { say(t("page-sketch-empty"), true); return; }
    const body = { area: AREA, strokes: sketch.strokes, theme: $("theme").value || null };
    const anonymous = $("anonymous").checked ? "&anonymous=true" : "";
    try {
      await call("sketches?participant=" + encodeURIComponent(participant) + anonymous, body);
      sketch.strokes = [];
      drawSketch();
      say(t("page-sketch-sent"));
      refresh();
    } catch (e) { say(e.message, true); }
  }

  function setUpSketch() {
    const paper = $("sketch-paper");
    paper.addEventListener("pointerdown", penDown);
    paper.addEventListener("pointermove", penMove);
    paper.addEventListener("pointerup", penUp);
    paper.addEventListener("pointercancel", penUp);
    $("sketch-open").addEventListener("click", () => {
      $("sketch").hidden = !$("sketch").hidden;
      $("sketch-open").setAttribute("aria-expanded", String(!$("sketch").hidden));
      // The whole paper in view, so that a finger lands on it and not on the page.
      if (!$("sketch").hidden) { $("sketch").scrollIntoView({ block: "center" }); }
    });
    $("sketch-undo").addEventListener("click", () => { sketch.strokes.pop(); drawSketch(); });
    $("sketch-send").addEventListener("click", sendSketch);
    for (const b of document.querySelectorAll(".ink")) {
      b.style.background = b.dataset.ink;
      b.addEventListener("click", () => {
        sketch.ink = b.dataset.ink;
        for (const other of document.querySelectorAll(".ink")) { other.setAttribute("aria-pressed", String(other === b)); }
      });
    }
    drawSketch();
  }

  async function act(path, body) {
    try { await call(path, Object.assign({ participant }, body)); refresh(); } catch (e) { say(e.message, true); }
  }

  function button(label, pressed, onClick, name) {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = label;
    if (name) { b.setAttribute("aria-label", name); }
    if (pressed !== null) { b.setAttribute("aria-pressed", pressed ? "true" : "false"); }
    b.addEventListener("click", onClick);
    if (ended) { b.disabled = true; }
    return b;
  }

  const reactions = [["build", "➕", "reaction-build-on"], ["like", "♥", "reaction-like"], ["surprising", "✨", "reaction-surprise"], ["more", "❓", "reaction-question"]];

  function clock(ms) {
    const s = Math.max(0, Math.ceil(ms / 1000));
    return Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
  }

  // The step and the timer, at the top in every step.
  function status() {
    if (!view) { return; }
    let line = t("page-step", { step: t("phase-" + view.phase) });
    if (view.time_left !== null && view.time_left !== undefined) {
      line += " · " + t("page-time-left", { time: clock(view.time_left - (Date.now() - viewAt)) });
    }
    $("status").textContent = line;
  }

  function render() {
    if (!view) { return; }
    $("board-title").textContent = view.title;
    document.title = view.title + " · Moodboard";
    const goals = $("goals");
    goals.replaceChildren(...view.goals.map((g) => { const li = document.createElement("li"); li.textContent = g; return li; }));
    status();
    $("step").textContent = words["phase-" + view.phase + "-hint"] || "";
    $("prompt").hidden = !view.prompt;
    $("prompt").textContent = view.prompt;
    const select = $("theme");
    const chosen = select.value;
    select.replaceChildren(new Option(t("page-no-theme"), ""), ...view.themes.map((th) => {
      // A locked frame takes no ideas from phones: shown, not offered.
      const option = new Option(th.locked ? t("page-theme-locked", { theme: th.name }) : th.name, th.id);
      option.disabled = th.locked;
      return option;
    }));
    select.value = view.themes.some((th) => th.id === chosen && !th.locked) ? chosen : "";
    const adding = (view.phase === "collect" || view.phase === "off") && !ended;
    $("add").hidden = !adding;
    $("ideas-section").hidden = false;
    $("ideas-heading").textContent = view.private ? t("page-your-ideas") : (words["page-ideas"] || $("ideas-heading").textContent);
    $("hidden-note").hidden = !view.private;
    $("hidden-note").textContent = t("page-private-note");
    const voting = view.phase === "vote";
    $("dots-left").hidden = !voting;
    $("dots-left").textContent = view.dots_left > 0 ? t("page-dots-left", { count: view.dots_left }) : t("page-no-dots-left");
    const list = $("ideas");
    // The board's themes as sections, in the sidebar's order, then the unsorted ideas.
    const themed = new Map(view.themes.map((th) => [th.id, []]));
    const unsorted = [];
    for (const item of view.items) { (themed.get(item.theme) || unsorted).push(item); }
    const sections = view.themes.filter((th) => themed.get(th.id).length)
      .map((th) => [th, themed.get(th.id)]);
    if (unsorted.length) { sections.push([null, unsorted]); }
    const heading = (th) => {
      const li = document.createElement("li");
      li.className = "theme";
      li.setAttribute("role", "heading");
      li.setAttribute("aria-level", "3");
      if (th) { li.style.borderLeftColor = th.colour; }
      li.textContent = th ? (th.locked ? t("page-theme-locked", { theme: th.name }) : th.name) : t("page-no-theme");
      return li;
    };
    const rows = [];
    for (const [th, items] of sections) {
      if (sections.length > 1 || th) { rows.push(heading(th)); }
      rows.push(...items.map(card));
    }
    list.replaceChildren(...rows);
  }

  function card(item) {
    const voting = view.phase === "vote";
    const li = document.createElement("li");
    if (item.mine) { li.classList.add("mine"); }
    if (item.picture) {
      const img = document.createElement("img");
      img.className = "picture";
      img.loading = "lazy";
      img.decoding = "async";
      img.alt = item.title || item.text || t("page-picture");
      img.src = api("pictures/" + encodeURIComponent(item.picture) + "?participant=" + encodeURIComponent(participant));
      img.addEventListener("click", () => li.classList.toggle("open"));
      li.append(img);
    }
    if (item.swatch) {
      const swatch = document.createElement("div");
      swatch.className = "swatch";
      swatch.style.background = item.swatch;
      swatch.setAttribute("role", "img");
      swatch.setAttribute("aria-label", t("page-colour", { name: item.swatch }));
      li.append(swatch);
    }
    const text = document.createElement("div");
    const head = item.title || (item.swatch ? "" : item.url);
    text.textContent = head ? head + (item.text ? " — " + item.text : "") : (item.text || item.swatch || "");
    li.append(text);
    const name = text.textContent;
    const meta = document.createElement("div");
    meta.className = "meta";
    const parts = [];
    if (item.locked) { parts.push(t("page-locked")); }
    if (item.by) { parts.push(t("page-said-by", { by: item.by })); }
    if (item.title && item.url) { parts.push(item.url); }
    if (item.contributor) { parts.push(t("page-from", { who: item.contributor })); }
    if (item.mine) { parts.push(t("page-yours")); }
    if (item.dots !== null && item.dots !== undefined) { parts.push(t("page-dots", { count: item.dots })); }
    meta.textContent = parts.join(" · ");
    li.append(meta);
    const actions = document.createElement("div");
    actions.className = "actions";
    if (voting) {
      const give = button(t("page-give-dot") + (item.my_dots ? " (" + item.my_dots + ")" : ""), null,
        () => act("dots", { item: item.id }), t("page-give-dot-to", { name }));
      if (view.dots_left <= 0) {
        // Not allowed now, and the page says why (beside the button and on it).
        give.disabled = true;
        give.title = t("page-no-dots-left");
      }
      actions.append(give);
      if (item.my_dots > 0) {
        actions.append(button(t("page-take-dot"), null, () => act("dots/remove", { item: item.id }), t("page-take-dot-from", { name })));
      }
    }
    if (view.phase === "react") {
      for (const [reaction, mark, id] of reactions) {
        const on = item.my_reactions.includes(reaction);
        const label = mark + " " + t(id);
        actions.append(button(label, on, () => act("reactions", { item: item.id, reaction }), label + ": " + name));
      }
      for (const r of item.replies) {
        const p = document.createElement("div");
        p.className = "meta";
        p.textContent = (r.by ? r.by + ": " : "") + r.text;
        li.append(p);
      }
      const row = document.createElement("div");
      row.className = "reply";
      const input = document.createElement("input");
      input.maxLength = 500;
      input.placeholder = t("page-reply-hint");
      input.disabled = ended;
      input.setAttribute("aria-label", t("page-reply-to", { name }));
      row.append(input, button(t("page-reply"), null, () => { if (input.value.trim()) { act("replies", { item: item.id, text: input.value }); } }, t("page-reply-send", { name })));
      li.append(row);
    }
    if (actions.childElementCount) { li.append(actions); }
    return li;
  }

  function received(data) {
    view = data;
    viewAt = Date.now();
    render();
  }

  // A whole view (the answer to a refresh, a stream's first event): kept unless the page
  // has a newer one already (a refresh can come back after the stream's next change).
  function whole(data) {
    if (view && data.generation < view.generation) { return; }
    received(data);
  }

  // What changed since the stream's last event: the cards new or changed (in the
  // board's order), the ones gone, and the board's other fields.
  function changed(data) {
    if (!view) { return; }
    const cards = new Map(view.items.map((item) => [item.id, item]));
    for (const id of data.removed) { cards.delete(id); }
    for (const item of data.items) { cards.set(item.id, item); }
    delete data.removed;
    data.items = Array.from(cards.values());
    received(data);
  }

  async function refresh() {
    if (!participant || ended) { return; }
    try {
      const response = await fetch(api("board?participant=" + encodeURIComponent(participant)));
      if (response.ok) { whole(await response.json()); }
    } catch (e) { say(t("page-offline"), true); }
  }

  function listen() {
    if (events) { events.close(); }
    events = new EventSource(api("events?participant=" + encodeURIComponent(participant)));
    events.addEventListener("board", (e) => {
      // Back after a blip: the message that said so goes.
      if ($("message").textContent === t("page-offline")) { say(""); }
      // A new stream starts from its own whole view: what it sends next is relative to it.
      received(JSON.parse(e.data));
    });
    events.addEventListener("changes", (e) => changed(JSON.parse(e.data)));
    // The facilitator stopped inviting: the page keeps what it showed, and says so.
    events.addEventListener("ended", () => {
      ended = true;
      events.close();
      say(t("page-ended"));
      $("message").className = "ended";
      render();
    });
    // The browser tries again by itself; until then, the page says it is not connected.
    events.addEventListener("error", () => { if (!ended) { say(t("page-offline"), true); } });
  }

  function show() {
    $("join").hidden = !!participant;
    $("add").hidden = !participant;
    if (participant) { refresh(); listen(); }
  }

  document.addEventListener("DOMContentLoaded", () => {
    words = JSON.parse($("words").textContent);
    setInterval(status, 1000);
    $("join-button").addEventListener("click", join);
    $("add-button").addEventListener("click", add);
    $("photo").addEventListener("change", photo);
    setUpSketch();
    buildForm(JSON.parse($("kinds-data").textContent));
    show();
  });
})();
