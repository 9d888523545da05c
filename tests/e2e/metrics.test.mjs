// Metrics page: group by tier, counts add up to the total, the trend chart, CSV export, and
// an inverted range named by the door.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withBrowser, openPage, screenshot } from './harness.mjs';

const ctx = withBrowser();

const DIMENSIONS = ['escalation_tier', 'issue_category', 'customer_segment', 'owner', 'severity',
  'root_cause', 'day', 'week', 'month'];
const METRICS = ['escalation_count', 'escalation_rate', 'mttr_escalations', 'mtta', 'sla_compliance',
  'breach_count', 're_escalation_count', 'stalled_count'];

async function pick(page, prefix, names, wanted) {
  for (const n of names) await page.setChecked(`#${prefix}-${n}`, wanted.includes(n));
}

test('tier counts add up, the trend is drawn, CSV downloads, an inverted range is refused', async () => {
  const page = await openPage(ctx.browser, ctx.server.url);
  await page.click('#nav-metrics');
  assert.equal(await page.getAttribute('#nav-metrics', 'aria-current'), 'page');
  assert.equal(await page.inputValue('#metrics-start'), '2025-01-01');
  assert.equal(await page.inputValue('#metrics-end'), '2025-03-31');

  await pick(page, 'dim', DIMENSIONS, ['escalation_tier']);
  await pick(page, 'metric', METRICS, ['escalation_count']);
  await page.waitForFunction(() => document.querySelectorAll('#metrics-table thead th').length === 2);
  const header = await page.$$eval('#metrics-table thead th', (ths) => ths.map((t) => t.textContent));
  assert.deepEqual(header, ['escalation_tier', 'escalation_count']);

  const rows = await page.$$eval('#metrics-table tbody tr', (trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
  assert.ok(rows.length >= 2, `one row per tier, got ${JSON.stringify(rows)}`);
  const totals = await page.$$eval('#metrics-totals th', (ths) => ths.map((t) => t.textContent));
  assert.equal(totals[0], 'Total');
  const sum = rows.reduce((s, r) => s + Number(r[1]), 0);
  assert.equal(Number(totals[1]), sum, 'the groups add up to the total');
  assert.ok(sum > 0);

  const bars = await page.$$eval('#chart-trend rect.bar', (rs) => rs.map((r) => Number(r.getAttribute('height'))));
  assert.ok(bars.length >= 12, `a bar a week of the quarter, got ${bars.length}`);
  assert.ok(bars.some((h) => h > 0));
  assert.match(await page.getAttribute('#chart-trend', 'aria-label'), /per week/);
  assert.ok((await page.$$('#chart-causes rect.bar')).length > 0, 'the Pareto has bars');

  const href = await page.getAttribute('#metrics-csv', 'href');
  assert.ok(href.startsWith('data:text/csv'), href.slice(0, 40));
  const csv = decodeURIComponent(href.slice(href.indexOf(',') + 1));
  assert.match(csv, /^escalation_tier,escalation_count\r\n/);
  assert.match(csv, new RegExp(`Total,${sum}\\r\\n$`));
  await screenshot(page, 'metrics');

  await page.fill('#metrics-end', '2024-12-01');
  await page.waitForFunction(() => /parameters\.date_range\.end/.test(document.querySelector('#metrics-error')?.textContent ?? ''));
  assert.equal(await page.$('#metrics-table'), null, 'no stale table under the error');
  assert.deepEqual(page.errors, []);
  await page.close();
});
