// Typing outlives the page showing it: the New escalation form and an escalation's progress
// form keep what was typed while the user visits other pages, and closing the page with
// typing not yet recorded asks first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withBrowser, openPage, asksBeforeLeaving } from './harness.mjs';

const ctx = withBrowser();
const value = (page, sel) => page.inputValue(sel);

test('the New escalation form keeps its typing across pages until it is recorded', async () => {
  const page = await openPage(ctx.browser, ctx.server.url);
  await page.click('#nav-new');
  await page.fill('#ticket', 'TICKET-DRAFT-1');
  await page.fill('#summary', 'Exports time out for the EU region');
  await page.selectOption('#severity', 'critical');
  assert.equal(await asksBeforeLeaving(page), true);

  await page.click('#nav-metrics');
  await page.click('#nav-new');
  assert.equal(await value(page, '#ticket'), 'TICKET-DRAFT-1');
  assert.equal(await value(page, '#summary'), 'Exports time out for the EU region');
  assert.equal(await value(page, '#severity'), 'critical');

  await page.waitForSelector('#decision-tier');
  await page.click('#record');
  await page.waitForFunction(() => /Recorded as/.test(document.querySelector('#recorded')?.textContent ?? ''));
  assert.equal(await asksBeforeLeaving(page), false, 'recorded typing is saved');
  await page.fill('#summary', 'Exports time out for every region');
  assert.equal(await asksBeforeLeaving(page), true, 'typing after the record is not');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("an escalation's progress form keeps its typing across pages, apart from other escalations'", async () => {
  const page = await openPage(ctx.browser, `${ctx.server.url}#/escalations/ESC-2025-001`);
  await page.waitForSelector('#progress-note');
  await page.selectOption('#progress-status', 'in_progress');
  await page.fill('#progress-note', 'Waiting on the vendor');
  assert.equal(await asksBeforeLeaving(page), true);

  await page.evaluate(() => { location.hash = '#/escalations/ESC-2025-002'; });
  await page.waitForFunction(() => document.title.startsWith('ESC-2025-002'));
  assert.equal(await value(page, '#progress-note'), '', "another escalation's form is its own");
  await page.click('#nav-dashboard');
  await page.evaluate(() => { location.hash = '#/escalations/ESC-2025-001'; });
  await page.waitForFunction(() => document.title.startsWith('ESC-2025-001'));
  assert.equal(await value(page, '#progress-note'), 'Waiting on the vendor');
  assert.equal(await value(page, '#progress-status'), 'in_progress');

  await page.click('#progress-submit');
  await page.waitForFunction(() => /Recorded/.test(document.querySelector('#progress-outcome')?.textContent ?? ''));
  assert.equal(await value(page, '#progress-note'), '');
  assert.equal(await asksBeforeLeaving(page), false);
  assert.deepEqual(page.errors, []);
  await page.close();
});
