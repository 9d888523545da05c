// Dashboard on the demo workspace with the browser's clock pinned to the day after the demo
// ends: tiles agree with the escalations list, the at-risk list opens an escalation, every
// chart has bars and an accessible summary.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withBrowser, screenshot } from './harness.mjs';

const ctx = withBrowser();

// The demo's escalations run to 31 March 2025; at this instant some are still open.
const DEMO_NOW = new Date('2025-04-01T09:00:00Z');
const OPEN_STATUSES = ['open', 'acknowledged', 'in_progress', 'pending_customer', 'pending_vendor', 'monitoring'];
const CHARTS = ['dash-volume', 'dash-mttr', 'dash-sla', 'dash-rate', 'dash-causes'];

/** A page whose Date.now() is `at` from the first script on, collecting errors like openPage. */
async function pinnedPage(at) {
  const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.clock.setFixedTime(at);
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && page.errors.push(m.text()));
  await page.goto(ctx.server.url);
  await page.waitForSelector('#dash-timing');
  return page;
}

const tile = async (page, id) => Number((await page.textContent(`[data-testid=${id}]`)).replace(/,/g, ''));

async function listCount(page, status) {
  await page.selectOption('#filter-status', status);
  await page.waitForFunction(
    (s) => document.querySelector('#filter-status')?.value === s,
    status,
  );
  const text = await page.textContent('[data-testid=escalation-count]');
  const m = /^(\d+) escalations/.exec(text);
  assert.ok(m, text);
  return Number(m[1]);
}

test('tiles match the list, the at-risk list opens an escalation, every chart has bars', async () => {
  const page = await pinnedPage(DEMO_NOW);
  assert.match(await page.textContent('#dash-timing'), /^Figures at 2025-04-01 09:00 UTC/);

  const total = await tile(page, 'kpi-total');
  const openByTier = [];
  for (const t of [1, 2, 3, 4]) openByTier.push(await tile(page, `kpi-open-tier${t}`));
  const open = openByTier.reduce((a, b) => a + b, 0);
  const atRisk = await tile(page, 'kpi-at-risk');
  const breached = await tile(page, 'kpi-breached');
  assert.ok(open > 0, 'the demo has open escalations on 1 April');
  assert.ok(await tile(page, 'kpi-stalled') <= open, 'only open escalations stall');
  assert.match(await page.textContent('[data-testid=kpi-mttr]'), /^\d+ (d \d+ h|h \d+ m|m)$/);
  assert.match(await page.textContent('[data-testid=kpi-mttr-target]'), /^target ≤ .*: target (met|missed)$/);
  assert.match(await page.textContent('[data-testid=kpi-sla-target]'), /^target ≥ 90 %: target (met|missed)$/);

  // The at-risk list: one row per escalation counted by the two tiles, breached first.
  const rows = await page.$$eval('#at-risk tbody tr', (trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
  assert.ok(rows.length > 0, 'the demo has escalations at risk on 1 April');
  assert.equal(rows.length, atRisk + breached);
  assert.ok(rows.length <= open);
  const states = rows.map((r) => r[4]);
  assert.deepEqual(states, [...states].sort(), 'breached before warning');
  for (const r of rows) assert.match(r[5], r[4] === 'breached' ? /^overdue by / : / left$/);

  for (const id of CHARTS) {
    assert.ok((await page.$$(`#${id} rect.bar`)).length > 0, `${id} has bars`);
    assert.ok((await page.getAttribute(`#${id}`, 'aria-label')).length > 10, `${id} is labelled`);
    assert.ok((await page.textContent(`#${id} > title`)).length > 0);
    const cells = await page.$$eval(`#${id}`, (svgs) =>
      svgs[0].closest('figure').querySelectorAll('table.visually-hidden tbody td').length);
    assert.ok(cells > 0, `${id} has its figures as a table`);
  }
  assert.ok(await page.$('#dash-causes polyline.cumulative'), 'the Pareto has its cumulative line');
  assert.ok((await page.$$('#dash-sla rect.bar.s2')).length > 0, 'compliance is grouped per clock');
  await screenshot(page, 'dashboard-full');

  // Open the most urgent escalation from the list.
  const first = rows[0][0];
  await page.click(`#at-risk tbody tr:first-child a`);
  await page.waitForFunction((id) => document.querySelector('#detail-id')?.textContent?.includes(id), first);
  assert.equal(await page.getAttribute('#nav-escalations', 'aria-current'), 'page');

  // The list, filtered by each open status, has as many escalations as the tiles.
  await page.click('#nav-escalations');
  await page.waitForSelector('#filter-status');
  let listed = 0;
  for (const s of OPEN_STATUSES) listed += await listCount(page, s);
  assert.equal(listed, open, 'open by tier adds up to the open escalations of the list');
  assert.equal(await listCount(page, ''), total);
  assert.deepEqual(page.errors, []);
  await page.close();
});
