// New escalation: the engine's decision previews live, and recording adds it to the list.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withBrowser, openPage, screenshot } from './harness.mjs';

const ctx = withBrowser();

async function countShown(page) {
  const text = await page.textContent('[data-testid=escalation-count]');
  return Number(text.match(/^(\d+)/)[1]);
}

test('a severe multi-customer ticket previews at a high tier with reasons, then records', async () => {
  const page = await openPage(ctx.browser, ctx.server.url);
  await page.click('#nav-escalations');
  const before = await countShown(page);
  assert.ok(before > 100, `the demo workspace has its escalations (saw ${before})`);

  await page.click('#nav-new');
  await page.fill('#ticket', 'TICKET-E2E-1');
  await page.fill('#customer', 'Globex <script>alert(1)</script>');
  await page.selectOption('#severity', 'critical');
  await page.selectOption('#impact', 'all_customers');
  await page.selectOption('#segment', 'strategic');
  await page.fill('#health', '20');
  await page.selectOption('#sentiment', 'angry');
  await page.waitForFunction(() => /Tier [34]/.test(document.querySelector('#decision-tier')?.textContent ?? ''));
  const score = Number(await page.textContent('#decision-score'));
  const points = await page.$$eval('#decision-reasons tr td:nth-child(2)', (tds) =>
    tds.reduce((sum, td) => sum + Number(td.textContent), 0));
  assert.equal(points, score, 'the reasons add up to the score shown');
  await screenshot(page, 'new-escalation');

  await page.click('#record');
  await page.waitForFunction(() => /Recorded as ESC-/.test(document.querySelector('#recorded')?.textContent ?? ''));
  await page.click('#nav-escalations');
  assert.equal(await countShown(page), before + 1);
  await page.fill('#escalation-search', 'TICKET-E2E-1');
  assert.equal(await countShown(page), 1);
  // The customer's name is shown as text, never run as markup.
  assert.ok((await page.content()).includes('Globex &lt;script&gt;'));
  await screenshot(page, 'escalations');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a bad number names the field instead of deciding', async () => {
  const page = await openPage(ctx.browser, ctx.server.url);
  await page.click('#nav-new');
  await page.fill('#health', '250');
  await page.waitForSelector('#decision-error');
  assert.match(await page.textContent('#decision-error'), /parameters\.customer\.health_score/);
  assert.equal(await page.isDisabled('#record'), true);
  await page.close();
});
