// The package's speed build (escalon_embed_speed_bg.wasm) is the same engine as its size
// build behind the same glue: every seed request and a batch of tickets get the very same
// answers from both. Loaded from a copy of the package files, since the glue keeps one
// instance per module and the size build is already loaded in this process.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { escalon as size, pkg } from './load.mjs';

const dir = mkdtempSync(join(tmpdir(), 'escalon-speed-'));
for (const f of ['escalon.js', 'escalon_embed.js']) copyFileSync(join(pkg, f), join(dir, f));
const speed = await import(pathToFileURL(join(dir, 'escalon.js')).href);
await speed.init(readFileSync(join(pkg, 'escalon_embed_speed_bg.wasm')));

const NOW = '2025-01-22T10:00:00Z';
/** Event ids and MIME boundaries come from the host's clock and random source (two runs
 * never share them); everything else must match. */
const sameRun = (response) => JSON.parse(JSON.stringify(response).replace(/[0-9a-f]{10,}/g, 'ID'));
const seedDir = new URL('../fixtures/seed/', import.meta.url);

test('the speed build answers every seed request as the size build does', () => {
  const seeds = readdirSync(seedDir).filter((f) => f.endsWith('.yaml'));
  assert.equal(seeds.length, 5);
  for (const file of seeds) {
    const request = { ...parseYaml(readFileSync(new URL(file, seedDir), 'utf8')), now: NOW };
    const want = sameRun(size.Engine.demo().run(request));
    assert.deepEqual(sameRun(speed.Engine.demo().run(request)), want, file);
  }
});

test('the speed build triages a batch as the size build does, at every detail', () => {
  const severities = ['low', 'medium', 'high', 'critical'];
  const list = severities.flatMap((severity, k) => [
    { issue: { id: `T-${k}`, severity, impact: 'multiple_customers', duration_hours: 10 * k },
      customer: { segment: 'enterprise', health_score: 20 * k, id: 'acme' } },
    { issue: { severity, impact: 'single_user' }, customer: { segment: 'gold' } },
  ]);
  for (const detail of ['full', 'triage', 'scores']) {
    const want = size.Engine.demo().determineEscalations(list, { detail, now: NOW });
    assert.deepEqual(speed.Engine.demo().determineEscalations(list, { detail, now: NOW }), want, detail);
  }
});
