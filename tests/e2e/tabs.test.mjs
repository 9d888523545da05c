// Two tabs on the same workspace: each records its own escalation and update; neither
// overwrites the other, and each sees the other's work through the storage event.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withBrowser, screenshot, storedDocument, twoTabs } from './harness.mjs';

const ctx = withBrowser();

async function record(page, ticket) {
  await page.click('#nav-new');
  await page.fill('#ticket', ticket);
  await page.waitForSelector('#decision-tier');
  await page.click('#record');
  await page.waitForFunction(() => /Recorded as/.test(document.querySelector('#recorded')?.textContent ?? ''));
}

/** The ticket of every stored escalation, as the tabs' shared localStorage holds them. */
async function storedTickets(page) {
  return (await storedDocument(page)).escalations
    .map((e) => e.events.find((ev) => ev.kind === 'created')?.ticket);
}

async function shown(page, search) {
  await page.click('#nav-escalations');
  await page.fill('#escalation-search', search);
  return (await page.textContent('[data-testid=escalation-count]')).trim();
}

test('two tabs editing the same workspace keep both tabs\' events', async () => {
  const { context, tabs: [a, b], errors } = await twoTabs(ctx.browser, ctx.server.url);
  await record(a, 'TICKET-TAB-A');
  await record(b, 'TICKET-TAB-B');
  await record(a, 'TICKET-TAB-A2');

  const tickets = await storedTickets(a);
  for (const t of ['TICKET-TAB-A', 'TICKET-TAB-B', 'TICKET-TAB-A2']) {
    assert.ok(tickets.includes(t), `${t} is stored`);
  }
  // B took in A's escalations without a reload (the storage event arrives asynchronously).
  await shown(b, 'TICKET-TAB-A');
  await b.waitForFunction(() => /^\s*2 escalations/.test(
    document.querySelector('[data-testid=escalation-count]')?.textContent ?? ''));
  await screenshot(b, 'tabs');
  for (const p of [a, b]) {
    await p.reload();
    assert.match(await shown(p, 'TICKET-TAB'), /^3 escalations/);
  }
  assert.deepEqual(errors, []);
  await context.close();
});
