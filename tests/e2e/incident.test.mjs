// Major incident on the escalation detail page: declare the demo's open P1, set the bridge,
// join, post a status update, stand down; the panel shows it ended and the audit trail
// lists every step. All of it goes through the door (`major-incident`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withBrowser, openPage, screenshot } from './harness.mjs';

const ctx = withBrowser();
// The demo's one open P1 (Hooli Media, tier 3): eligible by priority.
const ID = 'ESC-2025-197';

async function openEscalation(page, id) {
  await page.click('#nav-escalations');
  await page.fill('#escalation-search', id);
  await page.click(`#open-${id}`);
  await page.waitForFunction((id) => document.querySelector('#detail-id')?.textContent === id, id);
}

const timelineText = (page) => page.$$eval('#timeline tr', (rows) => rows.map((r) => r.textContent).join(' | '));

test('declare, bridge, status update and stand down on a P1', async () => {
  const page = await openPage(ctx.browser, ctx.server.url);
  await openEscalation(page, ID);
  const eventsBefore = await page.$$eval('#timeline tr', (rows) => rows.length);

  await page.fill('#mi-reason', 'Checkout down for <b>all</b> customers');
  await page.click('#mi-declare');
  await page.waitForSelector('#mi-state');
  assert.match(await page.textContent('#mi-state'), /Active since .*: Checkout down for <b>all<\/b> customers/);
  assert.match(await page.textContent('#mi-next-update'), /Next status update due/);

  // The bridge link is an attribute, and its text is text.
  await page.fill('#mi-url', 'https://meet.example.com/mi?a=1&b="2"');
  await page.click('#mi-set-bridge');
  await page.waitForSelector('#mi-bridge-link');
  assert.equal(await page.getAttribute('#mi-bridge-link', 'href'), 'https://meet.example.com/mi?a=1&b="2"');
  assert.equal(await page.textContent('#mi-bridge-link'), 'https://meet.example.com/mi?a=1&b="2"');
  // A refused link names the field and changes nothing.
  await page.fill('#mi-url', 'javascript:alert(1)');
  await page.click('#mi-set-bridge');
  await page.waitForSelector('#mi-error');
  assert.match(await page.textContent('#mi-error'), /^parameters\.url: /);
  assert.equal(await page.getAttribute('#mi-bridge-link', 'href'), 'https://meet.example.com/mi?a=1&b="2"');

  for (const who of ['lee.novak@company.com', 'dana.kim@company.com']) {
    await page.fill('#mi-participant', who);
    await page.click('#mi-join');
    await page.waitForSelector(`#mi-participants li[data-participant="${who}"]`);
  }
  assert.equal(await page.$('#mi-error'), null, 'a success clears the error');
  await page.click('#mi-participants li[data-participant="dana.kim@company.com"] .mi-leave');
  await page.waitForFunction(() => document.querySelectorAll('#mi-participants li').length === 1);

  await page.fill('#mi-update-text', 'Rolled back the payment gateway; monitoring');
  await page.click('#mi-post-update');
  await page.waitForFunction(() => /1 posted/.test(document.querySelector('#mi-next-update')?.textContent ?? ''));

  await screenshot(page, 'major-incident-active');

  // A stand-down without a summary is refused, naming the field.
  await page.click('#mi-stand-down');
  await page.waitForSelector('#mi-error');
  assert.match(await page.textContent('#mi-error'), /^parameters\.summary: /);
  await page.fill('#mi-summary', 'Gateway restored after the rollback');
  await page.check('#mi-resolved');
  await page.click('#mi-stand-down');
  await page.waitForSelector('#mi-ended');
  assert.match(await page.textContent('#mi-state'), /Stood down/);
  assert.match(await page.textContent('#mi-ended'), /^Stood down at .* after \d+ min \(resolved\): Gateway restored after the rollback$/);
  assert.equal(await page.$('#mi-join'), null, 'the bridge is closed');
  assert.equal(await page.textContent('#detail-status'), 'resolved');
  assert.match(await page.textContent('#mi-ineligible'), /Cannot be declared again: it is resolved/);

  // The audit trail lists every step, user text as text.
  const trail = await timelineText(page);
  for (const line of [
    'Declared a major incident: Checkout down for <b>all</b> customers',
    'Bridge link set: https://meet.example.com/mi?a=1&b="2"',
    'lee.novak@company.com joined the bridge',
    'dana.kim@company.com left the bridge',
    'Status update: Rolled back the payment gateway; monitoring',
    'Major incident stood down (resolved): Gateway restored after the rollback',
  ]) {
    assert.ok(trail.includes(line), `${line} in ${trail}`);
  }
  assert.equal(await page.$('#timeline b'), null, 'user text is never markup');
  // declare, set_bridge, 2 joins, leave, update, stand down, resolved
  assert.equal(await page.$$eval('#timeline tr', (rows) => rows.length), eventsBefore + 8);

  await screenshot(page, 'major-incident');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('an ineligible escalation says why it cannot be declared', async () => {
  const page = await openPage(ctx.browser, ctx.server.url);
  await openEscalation(page, 'ESC-2025-001');
  await page.waitForSelector('#mi-ineligible');
  assert.match(await page.textContent('#mi-ineligible'), /only priority P1 or tier 4/);
  assert.equal(await page.$('#mi-declare'), null);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('typing in the panel is kept while visiting other pages, until it is sent', async () => {
  const page = await openPage(ctx.browser, ctx.server.url);
  await openEscalation(page, ID);
  await page.fill('#mi-reason', 'Checkout down');
  await page.click('#mi-declare');
  await page.waitForSelector('#mi-state');
  assert.equal(await page.inputValue('#mi-url'), '', 'the declare was sent: nothing to keep');
  await page.fill('#mi-url', 'https://meet.example.com/kept');
  await page.fill('#mi-update-text', 'Still investigating the gateway');
  await page.fill('#mi-summary', 'Half-written summary');
  await page.check('#mi-resolved');

  await page.click('#back-to-list');
  await page.waitForSelector('#escalation-search');
  await openEscalation(page, ID);
  await page.waitForSelector('#mi-url');
  assert.equal(await page.inputValue('#mi-url'), 'https://meet.example.com/kept');
  assert.equal(await page.inputValue('#mi-update-text'), 'Still investigating the gateway');
  assert.equal(await page.inputValue('#mi-summary'), 'Half-written summary');
  assert.equal(await page.isChecked('#mi-resolved'), true);

  // Sending one field empties that field only.
  await page.click('#mi-post-update');
  await page.waitForFunction(() => /1 posted/.test(document.querySelector('#mi-next-update')?.textContent ?? ''));
  assert.equal(await page.inputValue('#mi-update-text'), '');
  assert.equal(await page.inputValue('#mi-url'), 'https://meet.example.com/kept');
  assert.deepEqual(page.errors, []);
  await page.close();
});
