// calculate-metrics in WASM under Node, on the same workspace as the native divan bench
// (core/benches/metrics.rs): its SplitMix64 generator is ported here draw for draw, so both
// figures are over identical escalations (100,000 by default, ten events each).
//
// Run by `cargo xtask bench` (ESCALON_EMBED_PKG set). Prints a Markdown fragment on stdout.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { escalations, csv } from './generate.mjs';

const pkg = process.env.ESCALON_EMBED_PKG;
if (!pkg) throw new Error('set ESCALON_EMBED_PKG (cargo xtask bench does)');
const N = Number(process.env.BENCH_ESCALATIONS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

const escalon = await import(pathToFileURL(join(pkg, 'escalon.js')).href);
await escalon.init(readFileSync(join(pkg, 'escalon_embed_bg.wasm')));

let t0 = performance.now();
const doc = escalon.Engine.demo().exportWorkspace();
doc.escalations = escalations(N);
const text = JSON.stringify(doc);
const generateMs = performance.now() - t0;
// BENCH_DUMP=file writes the document, BENCH_CSV=file its facts as CSV, and either stops the
// harness: the same data for the CLI, pandas and DuckDB (`cargo xtask bench` uses both).
if (process.env.BENCH_DUMP || process.env.BENCH_CSV) {
  if (process.env.BENCH_DUMP) writeFileSync(process.env.BENCH_DUMP, text);
  if (process.env.BENCH_CSV) writeFileSync(process.env.BENCH_CSV, csv(doc.escalations));
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
