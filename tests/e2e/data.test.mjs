// Data page: export, a bad import that changes nothing, reset, import the export back, restore.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withBrowser, openPage, screenshot } from './harness.mjs';

const ctx = withBrowser();

async function exported(page) {
  const href = await page.getAttribute('#export', 'href');
  return JSON.parse(decodeURIComponent(href.slice(href.indexOf(',') + 1)));
}

async function total(page) {
  await page.click('#nav-dashboard');
  return Number(await page.textContent('[data-testid=kpi-total]'));
}

test('export, reject a bad import, reset, import the export back, restore the backup', async () => {
  const page = await openPage(ctx.browser, ctx.server.url);
  // Record one escalation so the export differs from the demo.
  await page.click('#nav-new');
  await page.fill('#ticket', 'TICKET-EXPORT-1');
  await page.waitForSelector('#decision-tier');
  await page.click('#record');
  await page.waitForFunction(() => /Recorded as/.test(document.querySelector('#recorded')?.textContent ?? ''));
  const withOne = await total(page);

  await page.click('#nav-data');
  const doc = await exported(page);
  assert.equal(doc.escalations.length, withOne);

  await page.fill('#import-text', JSON.stringify({ ...doc, schema_version: 999 }));
  await page.click('#import');
  assert.match(await page.textContent('#data-report'), /Not imported: .*schema_version/);
  assert.equal(await total(page), withOne, 'a refused import changes nothing');

  await page.click('#nav-data');
  await page.click('#reset');
  assert.equal(await total(page), withOne - 1);

  await page.click('#nav-data');
  await page.fill('#import-text', JSON.stringify(doc));
  await page.click('#import');
  assert.match(await page.textContent('#data-report'), /^Imported/);
  assert.deepEqual(await exported(page), doc, 'the import equals the export');
  await screenshot(page, 'data');

  await page.click('#restore');
  assert.equal(await total(page), withOne - 1, 'the backup is the state before the import');
  assert.deepEqual(page.errors, []);
  await page.close();
});
