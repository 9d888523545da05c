// Time to first render of the web app in headless Chromium, with a workspace of 1,000
// generated escalations (bench/generate.mjs, the metrics benches' data) already in the
// browser's storage, against the demo workspace (nothing stored) for scale.
//
// Each run is a fresh browser context (empty cache and storage): the document is written to
// localStorage by an init script before the app's first script runs, then the clock starts at
// `page.goto` and stops when the dashboard's total tile shows the stored count, polled every
// animation frame. So the figure covers fetching and compiling the wasm, parsing and
// validating the document, folding every log and painting the dashboard.
//
// Run by `cargo xtask bench` (ESCALON_DIST: a release build, ESCALON_EMBED_PKG for the demo
// config, CHROMIUM). Prints a Markdown fragment on stdout.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { serveStatic, launch, env } from '../tests/e2e/harness.mjs';
import { escalations } from './generate.mjs';

const N = Number(process.env.BENCH_RENDER_ESCALATIONS ?? 1000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const KEY = 'escalon.workspace'; // web/src/storage.rs KEY

const pkg = env('ESCALON_EMBED_PKG');
const escalon = await import(pathToFileURL(join(pkg, 'escalon.js')).href);
await escalon.init(readFileSync(join(pkg, 'escalon_embed_bg.wasm')));
const doc = escalon.Engine.demo().exportWorkspace();
const demoCount = doc.escalations.length;
doc.escalations = escalations(N);
const stored = JSON.stringify(doc);

const server = await serveStatic(env('ESCALON_DIST'));
const browser = await launch();

/** Milliseconds from navigation to the total tile reading `count`, in a fresh context. */
async function once(text, count) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  if (text !== null) await context.addInitScript(([k, v]) => localStorage.setItem(k, v), [KEY, text]);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const t0 = performance.now();
  await page.goto(server.url, { waitUntil: 'commit' });
  await page.waitForFunction(
    (want) => document.querySelector('[data-testid=kpi-total]')?.textContent.replace(/,/g, '') === String(want),
    count,
    { polling: 'raf', timeout: 120_000 },
  );
  const ms = performance.now() - t0;
  await context.close();
  if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
  return ms;
}

async function median(text, count, label) {
  await once(text, count); // warm-up: the OS file cache and Chromium's start
  const times = [];
  for (let k = 0; k < RUNS; k++) times.push(await once(text, count));
  times.sort((a, b) => a - b);
  const m = times[Math.floor(times.length / 2)];
  console.error(`${label}: median ${m.toFixed(0)} ms (${times.map((t) => t.toFixed(0)).join(', ')})`);
  return m;
}

/**
 * Release sizes of the build just timed and of the embed package, raw and gzip -9, in KiB.
 * The gzip program, as the README's table is measured (Node's zlib writes about 0.6 % more).
 */
function sizes() {
  const kib = (n) => `${Math.round(n / 1024).toLocaleString('en-US')} KB`;
  const measure = (dir, pick) => readdirSync(dir).filter(pick).reduce((acc, f) => {
    const bytes = readFileSync(join(dir, f));
    const gzipped = execFileSync('gzip', ['-9c', join(dir, f)], { maxBuffer: 1 << 28 });
    return { raw: acc.raw + bytes.length, gzip: acc.gzip + gzipped.length };
  }, { raw: 0, gzip: 0 });
  const dist = process.env.ESCALON_DIST;
  const rows = [
    ['web app: wasm', measure(dist, (f) => f.endsWith('.wasm'))],
    ['web app: js + css + html', measure(dist, (f) => /\.(js|css|html)$/.test(f))],
    ['embed: `escalon_embed_bg.wasm` (size build)', measure(pkg, (f) => f === 'escalon_embed_bg.wasm')],
    ['embed: js (glue + wrapper)', measure(pkg, (f) => f === 'escalon.js' || f === 'escalon_embed.js')],
    ['embed: `escalon_embed_speed_bg.wasm` (speed build, optional)', measure(pkg, (f) => f === 'escalon_embed_speed_bg.wasm')],
  ];
  const web = rows[0][1].gzip + rows[1][1].gzip;
  const embed = rows[2][1].gzip + rows[3][1].gzip;
  return `Release sizes of that build and of the embed package (gzip -9; KB = 1,024 bytes):

| what | raw | gzip |
|---|---:|---:|
${rows.map(([what, m]) => `| ${what} | ${kib(m.raw)} | ${kib(m.gzip)} |`).join('\n')}
| web app in all (issue 7 goal: 400 KB) | | ${kib(web)} |
| embed in all, size build (issue 8 goal: 200 KB) | | ${kib(embed)} |`;
}

try {
  const big = await median(stored, N, `${N} stored escalations`);
  const demo = await median(null, demoCount, 'demo workspace');
  const version = await browser.version();
  console.log(`Chromium ${version}, headless, viewport 1280x800; release build (\`trunk build --release\`); medians of ${RUNS} runs after a warm-up, each in a fresh context:

| workspace | stored document | first render |
|---|---:|---:|
| ${N.toLocaleString('en-US')} generated escalations, ${(N * 10).toLocaleString('en-US')} events, in localStorage | ${(stored.length / 1e6).toFixed(1)} MB | ${Math.round(big).toLocaleString('en-US')} ms |
| the demo workspace (${demoCount} escalations, nothing stored) | | ${Math.round(demo).toLocaleString('en-US')} ms |

${sizes()}`);
} finally {
  await browser.close();
  await server.close();
}
