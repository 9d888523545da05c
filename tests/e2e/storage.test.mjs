// The workspace survives a reload, and an unreadable save is kept aside, never overwritten.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withBrowser, screenshot } from './harness.mjs';

const ctx = withBrowser();

test('a recorded escalation is still there after a reload', async () => {
  const context = await ctx.browser.newContext();
  const page = await context.newPage();
  await page.goto(ctx.server.url);
  await page.click('#nav-new');
  await page.fill('#ticket', 'TICKET-PERSIST-1');
  await page.waitForSelector('#decision-tier');
  await page.click('#record');
  await page.waitForFunction(() => /Recorded as/.test(document.querySelector('#recorded')?.textContent ?? ''));
  await page.reload();
  await page.click('#nav-escalations');
  await page.fill('#escalation-search', 'TICKET-PERSIST-1');
  assert.match(await page.textContent('[data-testid=escalation-count]'), /^1 escalations/);
  await context.close();
});

test('corrupt storage opens the demo, says so, and keeps the unreadable text', async () => {
  const context = await ctx.browser.newContext();
  await context.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('escalon.workspace', '{"schema_version": 1, "config": {broken');
      sessionStorage.setItem('seeded', '1');
    }
  });
  const page = await context.newPage();
  await page.goto(ctx.server.url);
  await page.waitForSelector('#storage-notice');
  assert.match(await page.textContent('#storage-notice'), /could not be opened/);
  const kept = await page.evaluate(() => localStorage.getItem('escalon.workspace.unreadable'));
  assert.equal(kept, '{"schema_version": 1, "config": {broken');
  assert.match(await page.textContent('[data-testid=kpi-total]'), /^\d{3}$/);
  await screenshot(page, 'storage-notice');
  await context.close();
});
