// The escalations list: filters, sort, opening a row with working back and forward buttons,
// and a 10,000-escalation workspace that still answers a keystroke quickly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withBrowser, openPage, screenshot } from './harness.mjs';

const ctx = withBrowser();

const count = async (page) =>
  Number((await page.textContent('[data-testid=escalation-count]')).match(/^(\d+)/)[1]);

/** The shown rows' cells of one column, by its data-label. */
const column = (page, label) =>
  page.$$eval(`#escalation-list tbody td[data-label="${label}"]`, (tds) => tds.map((td) => td.textContent.trim()));

/** Waits until the count reads differently from `before`. */
const countChanged = (page, before) =>
  page.waitForFunction(
    (b) => document.querySelector('[data-testid=escalation-count]')?.textContent !== b,
    before,
  );

test('filter by tier and status, sort by age, open a row, go back and forward', async () => {
  const page = await openPage(ctx.browser, `${ctx.server.url}#/escalations`);
  await page.waitForSelector('#escalation-list tbody tr');
  const total = await count(page);
  assert.ok(total >= 200, `the demo workspace is listed (saw ${total})`);
  assert.equal(await page.getAttribute('#nav-escalations', 'aria-current'), 'page');

  let before = await page.textContent('[data-testid=escalation-count]');
  // The demo de-escalates most escalations to tier 1 by the end, and closes some of them.
  await page.selectOption('#filter-tier', '1');
  await countChanged(page, before);
  const tier1 = await count(page);
  assert.ok(tier1 > 0 && tier1 < total, `tier 1 is a part of the list (${tier1} of ${total})`);
  assert.deepEqual(new Set(await column(page, 'Tier')), new Set(['1']));

  before = await page.textContent('[data-testid=escalation-count]');
  await page.selectOption('#filter-status', 'closed');
  await countChanged(page, before);
  const closed1 = await count(page);
  assert.ok(closed1 > 0 && closed1 < tier1, `closed tier 1 is fewer (${closed1} of ${tier1})`);
  assert.deepEqual(new Set(await column(page, 'Status')), new Set(['closed']));
  assert.deepEqual(new Set(await column(page, 'Tier')), new Set(['1']));

  await page.click('#sort-age');
  await page.waitForSelector('th[aria-sort=descending] #sort-age');
  const opened = await page.$$eval('#escalation-list tbody td.age time', (ts) => ts.map((t) => t.getAttribute('datetime')));
  assert.equal(opened.length, closed1);
  assert.deepEqual(opened, [...opened].sort(), 'oldest first: opening times ascend');
  await page.click('#sort-age');
  await page.waitForSelector('th[aria-sort=ascending] #sort-age');
  const newest = await page.$$eval('#escalation-list tbody td.age time', (ts) => ts.map((t) => t.getAttribute('datetime')));
  assert.deepEqual(newest, [...opened].reverse(), 'a second click reverses the order');
  await screenshot(page, 'escalations-filtered');

  const id = await page.textContent('#escalation-list tbody tr:first-child td:first-child a');
  await page.click(`#escalation-list tbody tr:first-child td:first-child a`);
  await page.waitForFunction((id) => document.querySelector('#detail-id')?.textContent === id, id);
  assert.equal(new URL(page.url()).hash, `#/escalations/${id}`);
  assert.equal(await page.title(), `${id} · Escalations · Escalon`);

  await page.goBack();
  await page.waitForSelector('#escalation-list');
  assert.equal(await count(page), closed1, 'the filters are still set after coming back');
  assert.equal(await page.$eval('#filter-tier', (s) => s.value), '1');
  assert.equal(
    await page.evaluate(() => document.activeElement?.textContent),
    id,
    'focus returns to the row that was opened',
  );
  await page.goForward();
  await page.waitForFunction((id) => document.querySelector('#detail-id')?.textContent === id, id);

  // A deep link survives a reload; clearing the filters brings every escalation back.
  await page.reload();
  await page.waitForFunction((id) => document.querySelector('#detail-id')?.textContent === id, id);
  await page.click('#nav-escalations');
  await page.click('#clear-filters');
  await page.waitForFunction((n) => document.querySelector('[data-testid=escalation-count]')?.textContent.startsWith(`${n} `), total);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('an unknown route says so instead of showing another page', async () => {
  const page = await openPage(ctx.browser, `${ctx.server.url}#/escalation/ESC-2025-001`);
  await page.waitForSelector('#not-found');
  assert.equal(await page.textContent('#page-title'), 'Page not found');
  assert.equal(await page.$$eval('[aria-current=page]', (a) => a.length), 0);
  await page.click('#not-found a');
  await page.waitForFunction(() => document.querySelector('#page-title')?.textContent === 'Dashboard');
  await page.close();
});

/** `n` small escalations over a few weeks: every tier, status, segment and SLA state. */
function volume(config, n) {
  const owners = ['ana@corp', 'bob@corp', 'chen@corp', 'dana@corp', ''];
  const segments = ['smb', 'mid_market', 'enterprise', 'strategic'];
  const end = Date.parse('2025-03-31T12:00:00Z');
  const escalations = [];
  for (let i = 0; i < n; i++) {
    const id = `VOL-${String(i).padStart(5, '0')}`;
    const t0 = end - i * 4 * 60_000;
    const at = (min) => new Date(t0 + min * 60_000).toISOString().replace('.000Z', 'Z');
    const events = [{
      id: `${id}-1`, at: at(0), actor: 't', kind: 'created', ticket: `T${i}`, tier: 1 + (i % 4),
      customer: { name: `Customer ${i % 97}`, segment: segments[i % 4] },
    }];
    const owner = owners[i % 5];
    if (owner) events.push({ id: `${id}-2`, at: at(10), actor: 't', kind: 'owner_assigned', owner });
    const status = ['in_progress', 'pending_customer', 'resolved', null][i % 7 % 4];
    if (owner && status) events.push({ id: `${id}-3`, at: at(20), actor: 't', kind: 'status_changed', status });
    escalations.push({ id, events });
  }
  return { schema_version: 1, config, escalations };
}

test('10,000 escalations: the list opens and a keystroke filters it quickly', async () => {
  // The demo's config, from the export link, with 10,000 escalations of our own, stored as
  // the app stores a workspace (one page: each Playwright page has its own storage).
  const page = await openPage(ctx.browser, `${ctx.server.url}#/data`);
  const href = await page.getAttribute('#export', 'href');
  const demo = JSON.parse(decodeURIComponent(href.slice(href.indexOf(',') + 1)));
  const doc = JSON.stringify({ ...volume(demo.config, 10_000), schema_version: demo.schema_version });
  await page.evaluate((doc) => {
    localStorage.setItem('escalon.workspace', doc);
    location.hash = '#/escalations';
  }, doc);
  const opened = Date.now();
  await page.reload();
  await page.waitForFunction(() => document.querySelector('[data-testid=escalation-count]')?.textContent.startsWith('10000 '), null, { timeout: 60_000 });
  const openMs = Date.now() - opened;
  assert.equal(await page.$$eval('#escalation-list tbody tr', (rows) => rows.length), 100, 'one window of rows');

  // Keystroke to rows updated, measured in the page: the input event, then the next frame
  // after the count has changed.
  const typeMs = await page.evaluate(async () => {
    const input = document.querySelector('#escalation-search');
    const count = document.querySelector('[data-testid=escalation-count]');
    const times = [];
    // Each step changes how many match: 1,000, 100, 10, then back to 100.
    for (const [q, n] of [['vol-09', 1000], ['vol-099', 100], ['vol-0999', 10], ['vol-099', 100], ['vol-0999', 10]]) {
      const t0 = performance.now();
      input.value = q;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((done) => {
        const check = () => (count.textContent.startsWith(`${n} `) ? done() : requestAnimationFrame(check));
        check();
      });
      times.push(performance.now() - t0);
    }
    return times;
  });
  assert.equal(await count(page), 10, 'VOL-09990 to VOL-09999');
  assert.deepEqual(await column(page, 'Id'), Array.from({ length: 10 }, (_, i) => `VOL-0999${i}`).sort((a, b) => {
    const tier = (id) => 1 + (Number(id.slice(4)) % 4);
    return tier(b) - tier(a) || a.localeCompare(b);
  }), 'highest tier first, then by id');

  const sortStart = Date.now();
  await page.fill('#escalation-search', '');
  await page.click('#sort-sla');
  await page.waitForSelector('th[aria-sort=descending] #sort-sla');
  const sortMs = Date.now() - sortStart;
  assert.equal((await column(page, 'SLA'))[0], 'Breached', 'the most urgent first');

  console.log(`10,000 escalations: list open ${openMs} ms, keystrokes ${typeMs.map((t) => t.toFixed(0)).join('/')} ms, clear+sort ${sortMs} ms`);
  // Only a hang fails here; the figures above are for the README.
  assert.ok(Math.max(...typeMs) < 5_000, `a keystroke took ${Math.max(...typeMs)} ms`);
  await screenshot(page, 'escalations-10000');
  assert.deepEqual(page.errors, []);
  await page.close();
});
