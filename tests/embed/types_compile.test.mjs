// The package's escalon.d.ts as a TypeScript host meets it: it compiles under --strict, and
// typical calls type-check, `detail: 'scores'` narrowing answers to Scores. Regression: the
// file named the DOM's Request and Response where the module declares its own, so every
// strict TypeScript host got "Generic type 'Response' requires 1 type argument(s)".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pkg } from './load.mjs';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

function compile(usage) {
  const dir = mkdtempSync(join(tmpdir(), 'escalon-dts-'));
  copyFileSync(join(pkg, 'escalon.d.ts'), join(dir, 'escalon.d.ts'));
  writeFileSync(join(dir, 'usage.ts'), usage);
  try {
    execFileSync(process.execPath, [tsc, '--noEmit', '--strict', '--target', 'es2022',
      '--module', 'es2022', '--moduleResolution', 'bundler', 'escalon.d.ts', 'usage.ts'], { cwd: dir });
    return '';
  } catch (e) {
    return String(e.stdout);
  }
}

test('escalon.d.ts compiles under strict TypeScript and types a host\'s calls', () => {
  const errors = compile(`
import { init, Engine, determineEscalation, type Scores, type Decision } from './escalon';
await init();
const engine: Engine = Engine.create();
const params = { issue: { severity: 'high', impact: 'single_user' }, customer: { segment: 'smb' } } as const;
const batch = engine.determineEscalations([params], { detail: 'scores' });
const first = batch[0];
if (first.ok) { const s: Scores = first.result; const p: number | undefined = s.points['severity']; void p; }
const fromText = engine.determineEscalations('[]', { detail: 'scores' });
if (fromText[0]?.ok) { const r: Decision | Scores = fromText[0].result; void r; }
const one = determineEscalation({ ...params, detail: 'scores' });
if (one.ok) { const s: Scores = one.result; void s.urgency_score; }
const full = engine.determineEscalation(params, '2025-01-22T10:00:00Z');
if (full.ok) { const d: Decision = full.result; void d.reasons[0].why; } else { void full.error.path; }
`);
  assert.equal(errors, '', errors);
});

test('a wrong use is a type error, so the check above can fail', () => {
  for (const wrong of [
    // A full decision is not Scores.
    `const r = Engine.create().determineEscalation({ issue: { severity: 'high', impact: 'single_user' }, customer: { segment: 'smb' } });
if (r.ok) { const s: Scores = r.result; void s; }`,
    // A ticket's own detail wins over the batch's: its answer may be a Decision.
    `const r = Engine.create().determineEscalations([{ issue: { severity: 'high', impact: 'single_user' }, customer: { segment: 'smb' }, detail: 'full' }], { detail: 'scores' });
if (r[0].ok) { const s: Scores = r[0].result; void s; }`,
  ]) {
    const errors = compile(`import { Engine, type Scores } from './escalon';\n${wrong}\n`);
    assert.match(errors, /error TS/, wrong);
  }
});
