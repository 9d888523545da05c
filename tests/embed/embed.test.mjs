// Smoke test of the embed ES module in Node: it loads from bytes and answers through the door.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const pkg = process.env.ESCALON_EMBED_PKG;
if (!pkg) throw new Error('ESCALON_EMBED_PKG must point at the built package (cargo xtask test sets it)');

const mod = await import(pathToFileURL(join(pkg, 'escalon_embed.js')).href);
mod.initSync({ module: readFileSync(join(pkg, 'escalon_embed_bg.wasm')) });

test('version matches the crate version', () => {
  const cargo = readFileSync(new URL('../../Cargo.toml', import.meta.url), 'utf8');
  const crateVersion = cargo.match(/^version = "([^"]+)"/m)[1];
  assert.equal(mod.version(), crateVersion);
});

test('garbage comes back as an error object, and the module keeps working', () => {
  const bad = JSON.parse(mod.run('{oops'));
  assert.equal(bad.ok, false);
  assert.equal(bad.error.code, 'invalid_json');
  const unknown = JSON.parse(mod.run(JSON.stringify({ action: 'nope', parameters: {} })));
  assert.equal(unknown.error.code, 'unknown_action');
  assert.equal(unknown.error.path, 'action');
});

test('a .d.ts is generated next to the module', () => {
  const dts = readFileSync(join(pkg, 'escalon_embed.d.ts'), 'utf8');
  assert.match(dts, /export function run\(request: string\): string;/);
});
