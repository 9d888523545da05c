// The embed example under a strict Content-Security-Policy, in headless Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { env, withBrowser, openPage, screenshot } from './harness.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:";
// The repo root: the example imports the built package from target/embed/pkg, which is
// mounted from wherever the build put it.
const ctx = withBrowser({
  root: () => fileURLToPath(new URL('../../', import.meta.url)),
  headers: { 'content-security-policy': CSP },
  mounts: () => ({ '/target/embed/pkg/': env('ESCALON_EMBED_PKG') }),
});

test('the helpdesk example shows tier, reasons and a live SLA countdown under CSP', async () => {
  const page = await openPage(ctx.browser, ctx.server.url + 'examples/helpdesk.html');
  await page.waitForSelector('body[data-ready=true]', { timeout: 15000 });
  assert.match(await page.textContent('#tier'), /^Tier [34] · P[12]$/);
  const reasons = await page.$$('#reasons tr');
  assert.ok(reasons.length >= 4, `reasons shown (${reasons.length})`);
  const first = await page.textContent('#clock-first-response');
  assert.match(first, /First response: (running|warning|breached), -?\d+ min left/);
  await screenshot(page, 'embed-helpdesk');
  assert.deepEqual(page.errors, [], 'no CSP violation or script error');
  await page.close();
});
