// Bulk triage, side by side in one Node process: Escalon's engine.determineEscalations
// (through the embed ES module, reasons included) against json-rules-engine and
// json-logic-js running Escalon's default scoring tables and rules translated to each
// (bench/rules/*.json). Every ticket must get the same tier and score from all three, or
// this exits non-zero before printing a single figure: a fast wrong answer is no result.
//
// Run by `cargo xtask bench`, which sets ESCALON_EMBED_PKG and BENCH_MODULES.
// Prints a Markdown fragment on stdout (the figures); progress goes to stderr.
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const pkg = process.env.ESCALON_EMBED_PKG;
const modules = process.env.BENCH_MODULES;
if (!pkg || !modules) throw new Error('set ESCALON_EMBED_PKG and BENCH_MODULES (cargo xtask bench does)');
if (typeof globalThis.gc !== 'function') throw new Error('run with node --expose-gc (cargo xtask bench does)');
const TICKETS = Number(process.env.BENCH_TICKETS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 11);

/**
 * The package's two builds of the engine, each in its own module instance (the glue keeps
 * one instance per module, so the speed build is loaded from a copy of the package files).
 */
async function load(wasmFile) {
  let dir = pkg;
  if (wasmFile !== 'escalon_embed_bg.wasm') {
    dir = mkdtempSync(join(tmpdir(), 'escalon-speed-'));
    for (const f of ['escalon.js', 'escalon_embed.js']) copyFileSync(join(pkg, f), join(dir, f));
  }
  const m = await import(pathToFileURL(join(dir, 'escalon.js')).href);
  await m.init(readFileSync(join(pkg, wasmFile)));
  return m.Engine.create();
}
const builds = {
  size: await load('escalon_embed_bg.wasm'),
  speed: await load('escalon_embed_speed_bg.wasm'),
};
const require = createRequire(join(modules, 'package.json'));
const jre = require('json-rules-engine');
const jsonLogic = require('json-logic-js');
const here = new URL('.', import.meta.url);
const jreRules = JSON.parse(readFileSync(new URL('rules/json-rules-engine.json', here)));
const logicRules = JSON.parse(readFileSync(new URL('rules/json-logic.json', here)));

// mulberry32: a fixed seed gives the same 10,000 tickets on every run and machine.
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEVERITY = ['low', 'medium', 'high', 'critical'];
const IMPACT = ['single_user', 'single_customer', 'multiple_customers', 'all_customers'];
const SEGMENT = ['smb', 'mid_market', 'enterprise', 'strategic'];
const SENTIMENT = ['positive', 'neutral', 'concerned', 'frustrated', 'angry'];
const CATEGORY = ['performance', 'outage', 'bug', 'integration', 'authentication', 'billing', 'security'];

/** Tickets as a helpdesk would send them: some optional fields left out. */
function tickets(n) {
  const r = rng(20250122);
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const out = [];
  for (let k = 0; k < n; k++) {
    const issue = { id: `T-${k}`, severity: pick(SEVERITY), impact: pick(IMPACT), category: pick(CATEGORY) };
    if (r() < 0.8) issue.duration_hours = Math.round(r() * 720) / 10;
    if (r() < 0.6) issue.affected_users = Math.floor(r() ** 3 * 5000);
    const customer = { segment: pick(SEGMENT), contract_value: Math.floor(r() ** 2 * 1_500_000) };
    if (r() < 0.9) customer.health_score = Math.floor(r() * 101);
    const t = { issue, customer };
    if (r() < 0.85) {
      t.context = { previous_escalations: Math.floor(r() * 6) };
      if (r() < 0.9) t.context.customer_sentiment = pick(SENTIMENT);
    }
    out.push(t);
  }
  return out;
}

/** The flat facts both peers read; the defaults are Escalon's (neutral, 0, absent). */
function flat(t) {
  return {
    severity: t.issue.severity,
    impact: t.issue.impact,
    category: t.issue.category,
    duration_hours: t.issue.duration_hours ?? 0,
    affected_users: t.issue.affected_users ?? 0,
    segment: t.customer.segment,
    health_score: t.customer.health_score ?? null,
    contract_value: t.customer.contract_value ?? 0,
    previous_escalations: t.context?.previous_escalations ?? 0,
    customer_sentiment: t.context?.customer_sentiment ?? 'neutral',
  };
}

/** Score and tier from the fired factors and rules, as core/src/decide/mod.rs does. */
function finish(tiers, reasons, minTier) {
  const sum = reasons.reduce((s, x) => s + x.points, 0);
  const score = Math.max(0, Math.min(100, sum));
  const byScore = tiers.find(([min]) => score >= min)[1];
  return { tier: Math.max(byScore, minTier), score, reasons };
}

function makeJre() {
  const engine = new jre.Engine([], { allowUndefinedFacts: true });
  for (const r of jreRules.rules) engine.addRule(new jre.Rule(r));
  return async (t) => {
    const { events } = await engine.run(flat(t));
    let minTier = 1;
    const reasons = [];
    for (const e of events) {
      if (e.params.points) reasons.push({ factor: e.params.factor, points: e.params.points });
      if (e.params.min_tier) minTier = Math.max(minTier, e.params.min_tier);
    }
    return finish(jreRules.tiers, reasons, minTier);
  };
}

function makeLogic() {
  const factors = Object.entries(logicRules.factors);
  return (t) => {
    const data = flat(t);
    const reasons = [];
    for (const [factor, expr] of factors) reasons.push({ factor, points: jsonLogic.apply(expr, data) });
    let minTier = 1;
    for (const r of logicRules.rules) {
      if (!jsonLogic.truthy(jsonLogic.apply(r.when, data))) continue;
      if (r.points) reasons.push({ factor: `rule:${r.id}`, points: r.points });
      if (r.min_tier) minTier = Math.max(minTier, r.min_tier);
    }
    return finish(logicRules.tiers, reasons, minTier);
  };
}

/** One build's answers at one detail: this alone is what the timed rounds run. */
function askEscalon(engine, list, detail) {
  return engine.determineEscalations(list, detail ? { detail } : {});
}

/**
 * Tier and score of every ticket from one build's answers, checking each answer. Run on
 * the untimed pass only: reading the answers back is the bench's work, not the engine's.
 */
function checkEscalon(answers, detail) {
  if (!Array.isArray(answers)) throw new Error(`determineEscalations refused the list: ${JSON.stringify(answers)}`);
  return answers.map((a, k) => {
    if (!a.ok) throw new Error(`ticket ${k}: ${JSON.stringify(a.error)}`);
    const r = a.result;
    // Reasons in every answer: sentences (full, triage) or each factor's points (scores),
    // which must add up to the score.
    if (detail === 'scores') {
      const sum = Object.values(r.points ?? {}).reduce((s, p) => s + p, 0);
      if (sum !== r.urgency_score) throw new Error(`ticket ${k}: points add up to ${sum}, not ${r.urgency_score}`);
    } else if (!r.reasons?.length) {
      throw new Error(`ticket ${k}: no reasons`);
    }
    return { tier: r.tier, score: r.urgency_score };
  });
}

const DETAILS = [
  ['full', undefined, 'full answers'],
  ['triage', 'triage', "`{detail: 'triage'}`: reasons as sentences, no briefing"],
  ['scores', 'scores', "`{detail: 'scores'}`: each factor's points, no sentences"],
];
const rows = [];
for (const [build, engine] of Object.entries(builds)) {
  for (const [name, detail, answer] of DETAILS) {
    const ask = (list) => askEscalon(engine, list, detail);
    rows.push({ key: `escalon ${build} ${name}`, build, answer, run: ask, check: (list) => checkEscalon(ask(list), detail) });
  }
}

const jreDecide = makeJre();
const logicDecide = makeLogic();
async function runJre(list) {
  const out = [];
  for (const t of list) out.push(await jreDecide(t));
  return out;
}
const runLogic = (list) => list.map(logicDecide);

const list = tickets(TICKETS);

// Same answers first: tier and score for every ticket, from every build, detail and peer.
const want = rows[0].check(list);
const others = Object.fromEntries(rows.slice(1).map((r) => [r.key, r.check(list)]));
others['json-rules-engine'] = await runJre(list);
others['json-logic-js'] = runLogic(list);
for (const [name, got] of Object.entries(others)) {
  const bad = want.findIndex((w, k) => w.tier !== got[k].tier || w.score !== got[k].score);
  if (bad >= 0) {
    console.error(`MISMATCH ${name} on ticket ${bad}: escalon ${JSON.stringify(want[bad])}, ` +
      `${name} ${JSON.stringify(got[bad])}\n${JSON.stringify(list[bad])}`);
    process.exit(1);
  }
}
const tierCounts = [1, 2, 3, 4].map((t) => want.filter((w) => w.tier === t).length);
console.error(`all ${TICKETS} tickets agree; tiers 1-4: ${tierCounts.join(' / ')}`);

/**
 * Each engine's tickets/second in each of RUNS rounds, after one warm-up round. Each round
 * times every engine once, in turn: shared cloud cores slow down and speed up over seconds,
 * and timing one engine's runs back to back gave that drift to whichever engine ran during
 * it (json-logic-js alone moved from 26,000 to 47,000 tickets/s between runs).
 * Needs `node --expose-gc`.
 */
async function measureAll(engines) {
  const rounds = Object.fromEntries(Object.keys(engines).map((k) => [k, []]));
  for (let round = -1; round < RUNS; round++) {
    for (const [name, fn] of Object.entries(engines)) {
      // Each run starts on a collected heap, so no engine pays for the garbage of the one
      // before it (Escalon's answers are megabytes of text).
      globalThis.gc();
      const t0 = process.hrtime.bigint();
      await fn(list);
      const s = Number(process.hrtime.bigint() - t0) / 1e9;
      if (round >= 0) rounds[name].push(TICKETS / s);
    }
  }
  for (const [name, xs] of Object.entries(rounds)) {
    console.error(`${name}: ${Math.round(median(xs))} tickets/s (runs: ${xs.map(Math.round).join(', ')})`);
  }
  return rounds;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const rounds = await measureAll({
  ...Object.fromEntries(rows.map((r) => [r.key, r.run])),
  'json-rules-engine': runJre,
  'json-logic-js': runLogic,
});
const rates = Object.fromEntries(Object.entries(rounds).map(([k, xs]) => [k, median(xs)]));
/**
 * A ratio is the median over rounds of the two engines' ratio in that round: engines timed
 * seconds apart share the machine's state of the moment, so the drift that moves each
 * engine's own figure from round to round mostly cancels out of their ratio.
 */
const ratio = (key, peer) => median(rounds[key].map((x, r) => x / rounds[peer][r]));
// A Markdown fragment on stdout: xtask pastes it into BENCHMARKS.md as it is.
const fmt = (x) => Math.round(x).toLocaleString('en-US');
const vs = (key, peer) => `${ratio(key, peer).toFixed(2)}x`;
const nRules = { 'json-rules-engine': jreRules.rules.length, 'json-logic-js': Object.keys(logicRules.factors).length + logicRules.rules.length };
const BUILD = { size: '`escalon_embed_bg.wasm` (size)', speed: '`escalon_embed_speed_bg.wasm` (speed)' };
const escalonRows = rows.map((r) => `| Escalon ${BUILD[r.build]} | ${r.answer} | ${fmt(rates[r.key])} | ${vs(r.key, 'json-rules-engine')} | ${vs(r.key, 'json-logic-js')} |`);
console.log(`${fmt(TICKETS)} tickets (tiers 1-4: ${tierCounts.join(' / ')}), median of ${RUNS} timed rounds (each engine once a round, in turn) after one warm-up round; each ratio is the median of the two engines' ratios round by round, Node ${process.version}; all agreed on tier and score for every ticket.

| engine | answer | tickets/s | vs json-rules-engine | vs json-logic-js |
|---|---|---:|---:|---:|
${escalonRows.join('\n')}
| json-rules-engine 7.3 | ${nRules['json-rules-engine']} rules (one per band) | ${fmt(rates['json-rules-engine'])} | | |
| json-logic-js 2.0 | ${nRules['json-logic-js']} expressions | ${fmt(rates['json-logic-js'])} | | |

Escalon evaluates 9 factor tables and 8 JSON Logic rules per ticket and returns its reasons at every detail.`);
