// Data page: export, a bad import that changes nothing (each problem listed with its path),
// reset, import the export back, restore, merge by event id with conflicts reported.
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

async function problems(page) {
  return page.$$eval('#data-problems li', (lis) => lis.map((li) => li.textContent));
}

async function record(page, ticket) {
  await page.click('#nav-new');
  await page.fill('#ticket', ticket);
  await page.waitForSelector('#decision-tier');
  await page.click('#record');
  await page.waitForFunction(() => /Recorded as/.test(document.querySelector('#recorded')?.textContent ?? ''));
}

test('export, reject a bad import, reset, import the export back, restore the backup', async () => {
  const page = await openPage(ctx.browser, ctx.server.url);
  await record(page, 'TICKET-EXPORT-1');
  const withOne = await total(page);

  await page.click('#nav-data');
  const doc = await exported(page);
  assert.equal(doc.escalations.length, withOne);

  await page.fill('#import-text', JSON.stringify({ ...doc, schema_version: 999 }));
  await page.click('#import');
  assert.match(await page.textContent('#data-report'), /^Not imported:/);
  assert.match((await problems(page))[0], /^schema_version: .*999/);
  assert.equal(await total(page), withOne, 'a refused import changes nothing');

  // Two broken events in different escalations: both are named, down to the field.
  const broken = structuredClone(doc);
  broken.escalations[0].events[0].at = 'yesterday';
  broken.escalations[2].events[0].actor = 42;
  await page.click('#nav-data');
  await page.fill('#import-text', JSON.stringify(broken));
  await page.click('#merge');
  const listed = await problems(page);
  assert.equal(listed.length, 2, listed.join(' | '));
  assert.match(listed[0], /^escalations\[0\]\.events\[0\]\.at: /);
  assert.match(listed[1], /^escalations\[2\]\.events\[0\]\.actor: /);
  assert.equal(await total(page), withOne, 'a refused merge changes nothing');

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

test('merge from a file keeps both logs once each and names conflicting events', async () => {
  const page = await openPage(ctx.browser, ctx.server.url);
  await page.click('#nav-data');
  const demo = await exported(page);
  await record(page, 'TICKET-MERGE-HERE');
  const here = await total(page);

  // Another device's copy: the demo plus its own escalation, and one demo event changed.
  const other = structuredClone(demo);
  const extra = structuredClone(demo.escalations[0]);
  extra.id = 'ESC-2099-001';
  extra.events = extra.events.map((e, i) => ({ ...e, id: `other-${i}` }));
  other.escalations.push(extra);
  other.escalations[1].events[0].actor = 'someone else';
  await page.click('#nav-data');
  await page.setInputFiles('#import-file', {
    name: 'other.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(other)),
  });
  await page.waitForFunction(() => document.querySelector('#import-text').value.length > 0);
  await page.click('#merge');
  assert.match(await page.textContent('#data-report'), /Merged: 1 new escalations, \d+ new events/);
  const listed = await problems(page);
  assert.equal(listed.length, 1, listed.join(' | '));
  assert.match(listed[0], /^escalations\[1\]\.events\[0\]: event .* differs/);
  assert.equal(await total(page), here + 1, 'both sides kept; shared escalations once');

  // The same document again (leaving the page cleared the box): nothing new.
  await page.click('#nav-data');
  await page.fill('#import-text', JSON.stringify(other));
  await page.click('#merge');
  assert.match(await page.textContent('#data-report'), /Merged: 0 new escalations, 0 new events/);
  await page.click('#restore');
  assert.equal(await total(page), here + 1, 'the backup is the state before the last merge');
  assert.deepEqual(page.errors, []);
  await page.close();
});
