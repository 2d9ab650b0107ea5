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
    if (!response.ok) { throw new Error(data.error || ("The server answered " + response.status)); }
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
      for (const f of k.fields) { $(f.api).value = ""; }
      say("Added. Next one?");
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
      say("Photo added.");
      refresh();
    } catch (e) { say(e.message, true); }
    $("photo").value = "";
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
    return b;
  }

  const reactions = [["build", "➕ Build on it"], ["like", "♥ Like"], ["surprising", "✨ Surprising"], ["more", "❓ Tell me more"]];

  function render() {
    if (!view) { return; }
    $("board-title").textContent = view.title;
    document.title = view.title + " · Moodboard";
    const goals = $("goals");
    goals.replaceChildren(...view.goals.map((g) => { const li = document.createElement("li"); li.textContent = g; return li; }));
    $("step").textContent = view.instruction;
    $("prompt").hidden = !view.prompt;
    $("prompt").textContent = view.prompt;
    const select = $("theme");
    const chosen = select.value;
    select.replaceChildren(new Option("No theme", ""), ...view.themes.map((t) => new Option(t.name, t.id)));
    select.value = view.themes.some((t) => t.id === chosen) ? chosen : "";
    const adding = view.phase === "collect" || view.phase === "off";
    $("add").hidden = !adding;
    $("ideas-section").hidden = false;
    $("ideas-heading").textContent = view.private ? "Your ideas" : "Ideas";
    $("hidden-note").hidden = !view.private;
    $("hidden-note").textContent = "Private collect: nobody sees anyone else's ideas until the next step.";
    $("dots-left").hidden = view.phase !== "vote";
    $("dots-left").textContent = "Dots left: " + view.dots_left + " (tap an idea to give it a dot)";
    const list = $("ideas");
    list.replaceChildren(...view.items.map((item) => {
      const li = document.createElement("li");
      if (item.mine) { li.classList.add("mine"); }
      if (item.picture) {
        const img = document.createElement("img");
        img.className = "picture";
        img.loading = "lazy";
        img.decoding = "async";
        img.alt = item.title || item.text || "picture";
        img.src = api("pictures/" + encodeURIComponent(item.picture) + "?participant=" + encodeURIComponent(participant));
        li.append(img);
      }
      if (item.swatch) {
        const swatch = document.createElement("div");
        swatch.className = "swatch";
        swatch.style.background = item.swatch;
        swatch.setAttribute("role", "img");
        swatch.setAttribute("aria-label", "colour " + item.swatch);
        li.append(swatch);
      }
      const text = document.createElement("div");
      const head = item.title || (item.swatch ? "" : item.url);
      text.textContent = head ? head + (item.text ? " — " + item.text : "") : (item.text || item.swatch || "");
      li.append(text);
      const meta = document.createElement("div");
      meta.className = "meta";
      const parts = [];
      if (item.by) { parts.push("said by " + item.by); }
      if (item.title && item.url) { parts.push(item.url); }
      if (item.contributor) { parts.push("from " + item.contributor); }
      if (item.mine) { parts.push("yours"); }
      if (item.dots !== null && item.dots !== undefined) { parts.push(item.dots + " dots"); }
      meta.textContent = parts.join(" · ");
      li.append(meta);
      const actions = document.createElement("div");
      actions.className = "actions";
      if (view.phase === "vote") {
        actions.append(button("● Give a dot" + (item.my_dots ? " (" + item.my_dots + ")" : ""), null,
          () => act("dots", { item: item.id }), "Give a dot to: " + text.textContent));
        if (item.my_dots > 0) {
          actions.append(button("Take a dot back", null, () => act("dots/remove", { item: item.id }), "Take a dot back from: " + text.textContent));
        }
      }
      if (view.phase === "react") {
        for (const [name, label] of reactions) {
          const on = item.my_reactions.includes(name);
          actions.append(button(label, on, () => act("reactions", { item: item.id, reaction: name }), label + ": " + text.textContent));
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
        input.placeholder = "Yes, and…";
        input.setAttribute("aria-label", "Reply to: " + text.textContent);
        row.append(input, button("Reply", null, () => { if (input.value.trim()) { act("replies", { item: item.id, text: input.value }); } }, "Send reply to: " + text.textContent));
        li.append(row);
      }
      if (actions.childElementCount) { li.append(actions); }
      return li;
    }));
  }

  async function refresh() {
    if (!participant) { return; }
    try {
      const response = await fetch(api("board?participant=" + encodeURIComponent(participant)));
      if (response.ok) { view = await response.json(); render(); }
    } catch (e) { say("Not connected; trying again…", true); }
  }

  function listen() {
    if (events) { events.close(); }
    events = new EventSource(api("events?participant=" + encodeURIComponent(participant)));
    events.addEventListener("board", (e) => { view = JSON.parse(e.data); render(); });
  }

  function show() {
    $("join").hidden = !!participant;
    $("add").hidden = !participant;
    if (participant) { refresh(); listen(); }
  }

  document.addEventListener("DOMContentLoaded", () => {
    $("join-button").addEventListener("click", join);
    $("add-button").addEventListener("click", add);
    $("photo").addEventListener("change", photo);
    buildForm(JSON.parse($("kinds-data").textContent));
    show();
  });
})();
