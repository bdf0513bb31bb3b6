// The clinic's web form: built from the rule set's form description (GET /rulesets/{name}/form),
// sending the answers given so far to POST /recommend as they change. No framework, no build step.
"use strict";

const state = { ruleSet: null, form: null, timer: null, seq: 0 };
const $ = (id) => document.getElementById(id);

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") e.className = v;
    else if (k === "text") e.textContent = v;
    else e.setAttribute(k, v);
  }
  for (const c of children) if (c != null) e.append(c);
  return e;
}

async function start() {
  const sets = await (await fetch("/rulesets")).json();
  const select = $("ruleset");
  for (const s of sets) select.append(el("option", { value: s.name, text: `${s.name}: ${s.id} ${s.version}` }));
  const preferred = sets.find((s) => s.isDefault) || sets[0];
  select.value = preferred.name;
  select.addEventListener("change", () => load(select.value));
  await load(preferred.name);
}

async function load(name) {
  state.ruleSet = name;
  state.form = await (await fetch(`/rulesets/${encodeURIComponent(name)}/form`)).json();
  $("ruleset-info").textContent = `sha256 ${state.form.sha256.slice(0, 12)}…`;
  render(state.form);
  update();
}

/** Ask tier 1 first; then the rest grouped by dimension (each in ask-tier order); then any question without one. */
function render(form) {
  const root = $("form");
  root.replaceChildren();
  const byTier = (a, b) => (a.ask ?? 99) - (b.ask ?? 99);
  const groups = [];
  const first = form.criteria.filter((c) => c.ask === 1);
  if (first.length) groups.push({ title: "Ask first", criteria: first });
  const rest = form.criteria.filter((c) => c.ask !== 1);
  const dimensionNames = new Map(form.dimensions.map((d) => [d.dimension, d.label]));
  for (const n of [...new Set(rest.map((c) => c.dimension).filter((d) => d != null))].sort((a, b) => a - b)) {
    const name = dimensionNames.get(n);
    groups.push({ title: `Dimension ${n}${name ? ": " + name : ""}`, criteria: rest.filter((c) => c.dimension === n).sort(byTier) });
  }
  const other = rest.filter((c) => c.dimension == null).sort(byTier);
  if (other.length) groups.push({ title: "Other questions", criteria: other });
  for (const g of groups) {
    const fs = el("fieldset", {}, el("legend", { text: g.title }));
    for (const c of g.criteria) fs.append(question(c));
    root.append(fs);
  }
}

function question(c) {
  const row = el("div", { class: "q" + (c.required ? " required" : ""), id: `q-${c.id}`, "data-criterion": c.id });
  const label = el("label", { for: `a-${c.id}` }, el("span", { class: "name", text: c.label }));
  if (c.description) label.append(el("span", { class: "help", text: c.description }));
  let input;
  if (c.kind === "boolean") {
    input = el("select", { id: `a-${c.id}`, name: c.id },
      el("option", { value: "", text: "not asked yet" }), el("option", { value: "true", text: "yes" }), el("option", { value: "false", text: "no" }));
  } else if (c.kind === "integer") {
    input = el("input", { id: `a-${c.id}`, name: c.id, type: "number", min: c.min, max: c.max, step: 1, placeholder: `${c.min} to ${c.max}` });
  } else if (c.kind === "enum") {
    input = el("select", { id: `a-${c.id}`, name: c.id }, el("option", { value: "", text: "not asked yet" }));
    for (const v of c.values) input.append(el("option", { value: v.code, text: v.label }));
  } else {
    input = el("div", { class: "set", id: `a-${c.id}`, role: "group", "aria-label": c.label });
    for (const v of c.values) {
      input.append(el("label", {}, el("input", { type: "checkbox", name: c.id, value: v.code }), " " + v.label));
    }
    input.append(el("label", {}, el("input", { type: "checkbox", name: c.id, value: "", "data-none": "true" }), " none of these"));
  }
  input.addEventListener("input", schedule);
  input.addEventListener("change", schedule);
  row.append(label, input);
  return row;
}

/** The answers given so far; a question not answered is left out (unknown). */
function answers() {
  const out = {};
  for (const c of state.form.criteria) {
    if (c.kind === "set") {
      const boxes = [...document.querySelectorAll(`input[type=checkbox][name="${c.id}"]`)];
      const none = boxes.find((b) => b.dataset.none);
      const chosen = boxes.filter((b) => b.checked && !b.dataset.none).map((b) => b.value);
      if (chosen.length > 0) out[c.id] = chosen;
      else if (none && none.checked) out[c.id] = [];
      continue;
    }
    const v = $(`a-${c.id}`).value;
    if (v === "") continue;
    out[c.id] = c.kind === "boolean" ? v === "true" : c.kind === "integer" ? Number(v) : v;
  }
  return out;
}

function schedule() {
  clearTimeout(state.timer);
  state.timer = setTimeout(update, 150);
}

async function update() {
  const seq = ++state.seq;
  const response = await fetch(`/recommend?ruleSet=${encodeURIComponent(state.ruleSet)}&whatIf=true`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(answers()),
  });
  const body = await response.json();
  if (seq !== state.seq) return; // a newer answer is already on its way
  if (!response.ok) return showProblem(body);
  showRecommendation(body);
}

function showProblem(problem) {
  const out = $("result");
  out.replaceChildren(el("div", { class: "status insufficient", text: "Some answers do not fit" }));
  const list = el("ul", { class: "reasons" });
  for (const messages of Object.values(problem.errors || {})) for (const m of messages) list.append(el("li", { text: m }));
  out.append(list);
}

function levelText(d) {
  return d.level ? d.level.name : `cannot be determined yet: at least ${d.floor.name}, up to ${d.ceiling.name}`;
}

function showRecommendation(rec) {
  const out = $("result");
  // An override the clinician is filling in survives a redraw while the indicated level is the same.
  const previousOverride = $("override");
  out.replaceChildren();
  const words = { recommended: "Recommended", provisional: "Provisional: not every level is decided yet", insufficient: "Insufficient: required answers are missing; rely on no level yet" };
  out.append(el("div", { class: `status ${rec.status}`, id: "status", text: words[rec.status] }));
  const flags = [...rec.flags.map((f) => f.text), ...rec.possibleFlags.map((f) => "Possibly, once missing answers are known: " + f.text)];
  if (flags.length) {
    const box = el("div", { class: "flags", id: "flags" }, el("strong", { text: "Needs clinical review" }));
    const ul = el("ul", { class: "reasons" });
    for (const f of flags) ul.append(el("li", { text: f }));
    box.append(ul);
    out.append(box);
  }
  for (const d of state.form.decisions) {
    const r = rec.decisions[d.id];
    const block = el("div", { class: "decision", id: `d-${d.id}` }, el("div", { text: d.label }), el("div", { class: "level", text: levelText(r) }));
    if (r.because.length) {
      const ul = el("ul", { class: "reasons" });
      for (const b of r.because) ul.append(el("li", { text: b.text }));
      block.append(ul);
    }
    out.append(block);
  }
  document.querySelectorAll(".q.ask-next").forEach((q) => q.classList.remove("ask-next"));
  if (rec.askFirst.length) {
    const labels = rec.askFirst.map((id) => state.form.criteria.find((c) => c.id === id)?.label || id);
    out.append(el("p", { id: "ask-next" }, el("strong", { text: "Ask next: " }), labels.join(", ")));
    for (const id of rec.askFirst) $(`q-${id}`)?.classList.add("ask-next");
  }
  out.append(dimensions(rec));
  if (rec.notes.length) {
    const ul = el("ul", { class: "reasons", id: "notes" });
    for (const n of rec.notes) ul.append(el("li", { text: n }));
    out.append(el("div", {}, el("strong", { text: "Notes" }), ul));
  }
  if (previousOverride?.dataset.key === overrideKey(rec)) {
    // Kept as the clinician left it; a record made for the earlier answers no longer applies.
    previousOverride.querySelector("#override-result").replaceChildren();
    out.append(previousOverride);
  } else {
    out.append(overridePanel(rec));
  }
  out.append(el("p", { class: "muted", text: `Rule set ${rec.ruleSet.id} ${rec.ruleSet.version}, sha256 ${rec.ruleSet.sha256}. ${rec.disclaimer}` }));
}

/** What an override panel is for: the rule set, the decision and the level indicated. */
function overrideKey(rec) {
  const first = state.form.decisions[0];
  return `${rec.ruleSet.sha256} ${first.id} ${rec.decisions[first.id].floor.id}`;
}

/** Record where the person is actually placed when it is not the indicated level, and why; downloads the audit record. */
function overridePanel(rec) {
  const first = state.form.decisions[0];
  const indicated = rec.decisions[first.id].floor;
  const box = el("details", { id: "override" }, el("summary", { text: `Place elsewhere than indicated (${first.label})` }));
  box.dataset.key = overrideKey(rec);
  const level = el("select", { id: "override-level" });
  for (const l of first.levels) level.append(el("option", { value: l.id, text: l.name }));
  level.value = indicated.id;
  const reason = el("select", { id: "override-reason" });
  for (const r of state.form.overrideReasons) reason.append(el("option", { value: r.code, text: r.display }));
  const comment = el("input", { id: "override-comment", type: "text", placeholder: "comment (kept in the audit record only)" });
  const hint = el("p", { class: "muted", id: "override-hint" });
  const showHint = () => {
    const i = first.levels.findIndex((l) => l.id === indicated.id);
    hint.textContent = reason.value === "service-not-available" && i + 1 < first.levels.length
      ? `Not available: consider ${first.levels[i + 1].name}, the next more intensive level, rather than less care.`
      : "";
  };
  reason.addEventListener("change", showHint);
  showHint();
  const record = el("button", { type: "button", id: "override-record", text: "Record and download the audit record" });
  const result = el("p", { id: "override-result" });
  record.addEventListener("click", async () => {
    const response = await fetch(`/audit/record?ruleSet=${encodeURIComponent(state.ruleSet)}`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ assessment: answers(), override: { decision: first.id, actual: level.value, reason: reason.value, comment: comment.value || null } }),
    });
    const text = await response.text();
    if (!response.ok) { result.textContent = "Not recorded: " + text; return; }
    const audit = JSON.parse(text);
    result.textContent = `Recorded at ${audit.recordedAt}: indicated ${audit.override.indicated}, placed ${audit.override.actual} (${audit.override.reason}).`;
    const link = el("a", { href: URL.createObjectURL(new Blob([text], { type: "application/json" })), download: "placement-audit.json", text: "audit record" });
    result.append(" ", link);
  });
  box.append(el("label", {}, "Placed at ", level), " ", el("label", {}, "because ", reason), " ", comment, hint, record, result);
  return box;
}

/**
 * The dimensions (criteria and facts labelled "(dimension N)") as bars over their ratings, beside the
 * level of care; a red mark shows the nearest rating at which the levels would change (from what-if).
 */
function dimensions(rec) {
  const box = el("div", { class: "dims", id: "dimensions" }, el("strong", { text: "Dimensions" }));
  const rows = [];
  for (const d of state.form.dimensions) {
    let index = -1;
    if (d.source === "fact") {
      const f = rec.facts[d.id];
      index = f ? d.values.findIndex((v) => v.code === String(f.floor)) : -1;
    } else {
      const given = rec.assessment[d.id];
      index = given === undefined ? -1 : d.values.findIndex((v) => v.code === String(given));
    }
    rows.push({ d, index });
  }
  rows.sort((a, b) => a.d.dimension - b.d.dimension);
  for (const { d, index } of rows) {
    const bar = el("div", { class: "bar", title: index < 0 ? "not known yet" : d.values[index].label });
    for (let i = 1; i < d.values.length; i++) {
      const tick = el("span", { class: "tick" });
      tick.style.left = `${(100 * i) / (d.values.length - 1)}%`;
      bar.append(tick);
    }
    if (index >= 0) {
      const fill = el("span", { class: "fill" });
      fill.style.width = `${Math.max(2, (100 * index) / (d.values.length - 1))}%`;
      bar.append(fill);
    }
    const change = (rec.whatIf || []).find((w) => w.criterion === d.id);
    const at = change ? d.values.findIndex((v) => v.label === change.to) : -1;
    if (at >= 0) {
      const mark = el("span", { class: "threshold", title: change.text });
      mark.style.left = `${(100 * at) / (d.values.length - 1)}%`;
      bar.append(mark);
    }
    box.append(el("div", { class: "dim", "data-dimension": d.dimension, "data-threshold": at >= 0 ? change.to : "" },
      el("span", { text: `${d.dimension}. ${d.label}: ${index < 0 ? "not known yet" : d.values[index].label}` }), bar));
  }
  const first = state.form.decisions[0];
  box.append(el("div", { class: "muted", text: `${first.label}: ${levelText(rec.decisions[first.id])}` }));
  return box;
}

start();
