// The single-file build (`cargo xtask dist` writes dist-single/escalon.html) opened from
// file:// with every network request refused: the app runs on the demo workspace and saves.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { env, launch, screenshot } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the single-file build opens from file:// offline and keeps what is recorded', async () => {
  const url = pathToFileURL(env('ESCALON_SINGLE')).href;
  const context = await browser.newContext();
  const requested = [];
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (u.startsWith('file:') || u.startsWith('blob:') || u.startsWith('data:')) return route.continue();
    requested.push(u);
    return route.abort();
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForSelector('[data-testid=kpi-total]');
  assert.match(await page.textContent('[data-testid=kpi-total]'), /^\d{3}$/, 'the demo workspace');
  await screenshot(page, 'single-file');

  await page.click('#nav-new');
  await page.fill('#ticket', 'TICKET-OFFLINE-1');
  await page.waitForSelector('#decision-tier');
  await page.click('#record');
  await page.waitForFunction(() => /Recorded as/.test(document.querySelector('#recorded')?.textContent ?? ''));
  await page.reload();
  await page.click('#nav-escalations');
  await page.fill('#escalation-search', 'TICKET-OFFLINE-1');
  assert.match(await page.textContent('[data-testid=escalation-count]'), /^1 escalations/);
  assert.deepEqual(requested, [], 'nothing left the machine');
  assert.deepEqual(errors, []);
  await context.close();
});
