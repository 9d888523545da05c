// Escalation detail: opened from the list; progress, SLA clocks, notifications, handoff and
// de-escalation all go through the door and show their answers as text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withBrowser, openPage, screenshot } from './harness.mjs';

const ctx = withBrowser();

async function openEscalation(page, id) {
  await page.click('#nav-escalations');
  await page.fill('#escalation-search', id);
  await page.click(`#open-${id}`);
  await page.waitForFunction((id) => document.querySelector('#detail-id')?.textContent === id, id);
}

test('ESC-2025-001: update, clocks, notification, handoff and de-escalation check', async () => {
  const page = await openPage(ctx.browser, ctx.server.url);
  await openEscalation(page, 'ESC-2025-001');
  assert.equal(await page.textContent('#detail-ticket'), 'TICKET-12345');
  assert.equal(await page.textContent('#detail-customer'), 'Northwind Logistics');
  assert.match(await page.textContent('#detail-tier'), /Tier 3/);
  const eventsBefore = await page.$$eval('#timeline tr', (rows) => rows.length);
  assert.ok(eventsBefore >= 9, `the demo log is shown whole (saw ${eventsBefore})`);

  // A progress update becomes events at the top of the timeline.
  await page.selectOption('#progress-status', 'in_progress');
  await page.fill('#progress-note', 'E2E note <b>not bold</b>');
  await page.fill('#progress-action', 'Rolled back to v2.3.3');
  await page.click('#progress-submit');
  await page.waitForFunction(() => /Recorded 3 events/.test(document.querySelector('#progress-outcome')?.textContent ?? ''));
  assert.equal(await page.textContent('#detail-status'), 'in_progress');
  const top = await page.$$eval('#timeline tr', (rows) => rows.slice(0, 3).map((r) => r.textContent));
  assert.ok(top.some((t) => t.includes('Note: E2E note <b>not bold</b>')), top.join(' | '));
  assert.ok(top.some((t) => t.includes('Action: Rolled back to v2.3.3')), top.join(' | '));
  assert.equal(await page.$$eval('#timeline tr', (rows) => rows.length), eventsBefore + 3);
  assert.equal(await page.$('#timeline b'), null, 'user text is never markup');

  // A refused update names the field.
  await page.selectOption('#progress-status', 'archived');
  await page.click('#progress-submit');
  await page.waitForSelector('#progress-error');
  assert.match(await page.textContent('#progress-error'), /^parameters\.update\.status: /);

  // SLA clocks render and count down each second.
  for (const kind of ['first_response', 'next_update', 'resolution']) {
    await page.waitForSelector(`#clock-${kind}`);
  }
  assert.match(await page.textContent('#clock-first_response'), /met/);
  const first = await page.textContent('#clock-resolution .clock-countdown');
  await page.waitForFunction(
    (first) => document.querySelector('#clock-resolution .clock-countdown')?.textContent !== first,
    first,
    { timeout: 5000 },
  );

  // An email preview shows its subject; nothing is recorded by a preview.
  const eventsNow = await page.$$eval('#timeline tr', (rows) => rows.length);
  await page.selectOption('#notify-type', 'escalation_alert');
  await page.selectOption('#notify-channel', 'email');
  await page.click('#notify-preview');
  await page.waitForSelector('#notify-subject');
  assert.match(await page.textContent('#notify-subject'), /\[ESC-2025-001\] Escalation alert/);
  assert.match(await page.textContent('#notify-html'), /<html|<p|<table/i, 'HTML is shown as source text');
  assert.match(await page.getAttribute('#notify-download', 'href'), /^data:message\/rfc822/);
  assert.equal(await page.$$eval('#timeline tr', (rows) => rows.length), eventsNow);
  await page.click('#notify-record');
  await page.waitForFunction(() => /recorded/.test(document.querySelector('#notify-status')?.textContent ?? ''));
  assert.equal(await page.$$eval('#timeline tr', (rows) => rows.length), eventsNow + 1);

  // The handoff brief is Markdown text with a download link.
  assert.match(await page.textContent('#handoff-markdown'), /# Handoff brief: ESC-2025-001/);
  assert.match(await page.getAttribute('#handoff-download', 'href'), /^data:text\/markdown/);

  // The de-escalation check answers criteria without recording anything.
  await page.check('#deesc-root-cause');
  await page.fill('#deesc-root-cause-text', 'memory leak in the session cache');
  await page.check('#deesc-confirmed');
  await page.click('#deesc-check');
  await page.waitForSelector('#deesc-recommendation');
  assert.equal(await page.textContent('#deesc-recommendation'), 'hold');
  assert.match(await page.textContent('#deesc-unmet'), /fix_applied/);
  assert.match(
    await page.textContent('[data-criterion=root_cause_documented]'),
    /memory leak in the session cache/,
  );
  assert.equal(await page.$$eval('#timeline tr', (rows) => rows.length), eventsNow + 1);

  await screenshot(page, 'escalation-detail');
  await page.click('#back-to-list');
  await page.waitForSelector('#escalation-search');

  // Leaving the page keeps the checklist: its ticks and text are there on coming back.
  await openEscalation(page, 'ESC-2025-001');
  assert.equal(await page.isChecked('#deesc-root-cause'), true);
  assert.equal(await page.inputValue('#deesc-root-cause-text'), 'memory leak in the session cache');
  assert.equal(await page.isChecked('#deesc-confirmed'), true);
  assert.equal(await page.isChecked('#deesc-fix'), false);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('an archived escalation is read-only', async () => {
  const page = await openPage(ctx.browser, ctx.server.url);
  await openEscalation(page, 'ESC-2025-002');
  await page.waitForSelector('#read-only-notice');
  assert.equal(await page.isDisabled('#progress-status'), true);
  assert.equal(await page.isDisabled('#notify-record'), true);
  assert.equal(await page.isDisabled('#deesc-check'), true);
  // Reading still works: the clocks and the brief.
  await page.waitForSelector('#clock-resolution');
  await page.waitForSelector('#handoff-markdown');
  assert.deepEqual(page.errors, []);
  await page.close();
});
