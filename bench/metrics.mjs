// calculate-metrics in WASM under Node, on the same workspace as the native divan bench
// (core/benches/metrics.rs): its SplitMix64 generator is ported here draw for draw, so both
// figures are over identical escalations (100,000 by default, ten events each).
//
// Run by `cargo xtask bench` (ESCALON_EMBED_PKG set). Prints a Markdown fragment on stdout.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const pkg = process.env.ESCALON_EMBED_PKG;
if (!pkg) throw new Error('set ESCALON_EMBED_PKG (cargo xtask bench does)');
const N = Number(process.env.BENCH_ESCALATIONS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

const escalon = await import(pathToFileURL(join(pkg, 'escalon.js')).href);
await escalon.init(readFileSync(join(pkg, 'escalon_embed_bg.wasm')));

const MASK = (1n << 64n) - 1n;
let state = 0x0be4c4n;
/** SplitMix64 modulo n, exactly as the Rust bench draws. */
function next(n) {
  state = (state + 0x9e3779b97f4a7c15n) & MASK;
  let z = state;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK;
  return Number((z ^ (z >> 31n)) % BigInt(n));
}

const CATEGORIES = ['performance', 'outage', 'bug', 'integration', 'authentication', 'data_integrity', 'billing', 'security'];
const SEGMENTS = ['smb', 'mid_market', 'enterprise', 'strategic'];
const SEVERITIES = ['low', 'medium', 'high', 'critical'];
const OWNERS = ['a@x', 'b@x', 'c@x', 'd@x', 'e@x', 'f@x'];
const CAUSES = ['bad_deployment', 'memory_leak', 'expired_certificate', 'webhook_retry_bug', 'customer_data', 'unindexed_query'];
const START = Date.parse('2025-01-01T00:00:00Z');
const MIN = 60_000;

function escalation(n) {
  const id = `ESC-${String(n).padStart(6, '0')}`;
  let t = START + next(90 * 24 * 60) * MIN;
  const events = [];
  const push = (at, kind) => {
    events.push({ id: `${id}-e${String(events.length).padStart(2, '0')}`, at: new Date(at).toISOString(), actor: 'bench', ...kind });
  };
  const step = (lo, hi) => (t += (lo + next(hi - lo)) * MIN);
  const tier = 1 + next(4);
  const segment = SEGMENTS[next(4)];
  const severity = SEVERITIES[next(4)];
  const category = CATEGORIES[next(8)];
  push(t, { kind: 'created', ticket: `T-${n}`, customer: { segment }, tier, severity, category });
  push(step(5, 300), { kind: 'acknowledged' });
  const owner = OWNERS[next(6)];
  push(step(0, 10), { kind: 'owner_assigned', owner });
  push(step(5, 60), { kind: 'status_changed', status: 'in_progress' });
  push(step(5, 30), { kind: 'notification_generated', notification_type: 'handoff', recipients: [] });
  push(step(30, 600), { kind: 'action_taken', action: 'investigated' });
  push(step(30, 900), { kind: 'action_taken', action: 'mitigated' });
  if (next(20) === 0) {
    for (const a of ['escalated internally', 'waiting on vendor', 'patched staging']) {
      push(step(60, 1200), { kind: 'action_taken', action: a });
    }
  } else {
    const resolved = step(60, 3000);
    push(resolved, { kind: 'status_changed', status: 'resolved' });
    push(resolved, { kind: 'note', text: `Root cause: ${CAUSES[next(6)]}` });
    push(step(1440, 4320), { kind: 'status_changed', status: 'closed' });
  }
  return { id, events };
}

let t0 = performance.now();
const doc = escalon.Engine.demo().exportWorkspace();
doc.escalations = Array.from({ length: N }, (_, n) => escalation(n));
const text = JSON.stringify(doc);
const generateMs = performance.now() - t0;
// BENCH_DUMP=file writes the document and stops: the same data for the CLI or other tools.
if (process.env.BENCH_DUMP) {
  writeFileSync(process.env.BENCH_DUMP, text);
  process.exit(0);
}
t0 = performance.now();
const engine = escalon.Engine.fromWorkspace(text);
const loadMs = performance.now() - t0;
console.error(`generated ${N} escalations (${(text.length / 1e6).toFixed(0)} MB of JSON) in ${generateMs.toFixed(0)} ms; loaded in ${loadMs.toFixed(0)} ms`);

const requests = {
  seed_request: {
    date_range: { start: '2025-01-01', end: '2025-01-31' },
    dimensions: ['escalation_tier', 'issue_category', 'customer_segment'],
    metrics: ['escalation_count', 'mttr_escalations', 'escalation_rate', 'sla_compliance'],
  },
  seed_request_without_sla: {
    date_range: { start: '2025-01-01', end: '2025-01-31' },
    dimensions: ['escalation_tier', 'issue_category', 'customer_segment'],
    metrics: ['escalation_count', 'mttr_escalations', 'escalation_rate'],
  },
};

const medians = {};
for (const [name, parameters] of Object.entries(requests)) {
  const once = () => {
    const r = engine.calculateMetrics(parameters, '2025-04-01T00:00:00Z');
    if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
    return r;
  };
  const first = once();
  const times = [];
  for (let k = 0; k < RUNS; k++) {
    const s = performance.now();
    once();
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  medians[name] = Math.round(times[Math.floor(times.length / 2)]);
  console.error(`${name}: median ${medians[name]} ms over ${RUNS} runs (${first.result.escalations} escalations in range)`);
}
// A Markdown fragment on stdout: xtask pastes it into BENCHMARKS.md as it is.
console.log(`${N.toLocaleString('en-US')} escalations, ${(N * 10).toLocaleString('en-US')} events (the native bench's generator, ported); loading the document (\`Engine.fromWorkspace\`, ${(text.length / 1e6).toFixed(0)} MB of JSON): ${Math.round(loadMs).toLocaleString('en-US')} ms; medians of ${RUNS} runs:

| request | WASM median |
|---|---:|
${Object.entries(medians).map(([k, v]) => `| ${k} | ${v} ms |`).join('\n')}`);
