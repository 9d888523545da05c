// Settings > Calendars and SLA policies: a calendar with a split shift and an overnight
// window survives a reload; a shrunk first-response target previews the escalations whose
// SLA state flips before it is saved; a bad time zone is refused by path and stores nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withBrowser, openPage, screenshot, storedDocument } from './harness.mjs';

const ctx = withBrowser();

async function openSettings(page, section) {
  await page.click('#nav-settings');
  await page.click(`#settings-${section}`);
}

const storedConfig = async (page) => (await storedDocument(page))?.config ?? null;

/** Adds a calendar and returns its index in the form. */
async function addCalendar(page, name) {
  await page.waitForSelector('#cal-add');
  const i = await page.$$eval('fieldset.calendar', (l) => l.length);
  await page.click('#cal-add');
  await page.fill(`#cal-${i}-name`, name);
  return i;
}

test('a calendar with a split shift and an overnight window is saved and survives a reload', async () => {
  const page = await openPage(ctx.browser, ctx.server.url);
  await openSettings(page, 'calendars');
  // Built-ins are shown as information, not as editable calendars.
  assert.match(await page.textContent('.settings'), /24\/7.*business/s);
  const i = await addCalendar(page, 'support-desk');
  await page.fill(`#cal-${i}-tz`, 'Europe/Berlin');
  // Monday: 08:00-12:00 and 13:00-17:00.
  await page.fill(`#cal-${i}-mon-0-start`, '08:00');
  await page.fill(`#cal-${i}-mon-0-end`, '12:00');
  await page.click(`#cal-${i}-mon-add`);
  await page.fill(`#cal-${i}-mon-1-start`, '13:00');
  await page.fill(`#cal-${i}-mon-1-end`, '17:00');
  // Friday night into Saturday morning.
  await page.fill(`#cal-${i}-fri-0-start`, '22:00');
  await page.fill(`#cal-${i}-fri-0-end`, '06:00');
  assert.match(await page.textContent(`#cal-${i}-fri-0-hint`), /after midnight, on Saturday/);
  assert.equal(await page.textContent(`#cal-${i}-mon-0-hint`), '');
  // A yearly holiday.
  await page.click(`#cal-${i}-holiday-add`);
  await page.fill(`#cal-${i}-holiday-0-date`, '2025-12-25');
  await page.check(`#cal-${i}-holiday-0-yearly`);

  await page.click('#cal-preview');
  await page.waitForSelector('#cal-whatif');
  assert.match(await page.textContent('#cal-whatif'), /Preview \(not saved\)/);
  assert.equal((await storedConfig(page))?.calendars?.['support-desk'], undefined, 'a preview saves nothing');
  await page.click('#cal-save');
  await page.waitForFunction(() => /^Saved/.test(document.querySelector('#cal-whatif')?.textContent ?? ''));
  await screenshot(page, 'settings-calendars');

  await page.reload();
  await openSettings(page, 'calendars');
  await page.waitForSelector(`#cal-${i}-name`);
  assert.equal(await page.inputValue(`#cal-${i}-name`), 'support-desk');
  assert.equal(await page.getAttribute(`#cal-${i}-name`, 'readonly'), '', 'saved calendars keep their name');
  assert.equal(await page.inputValue(`#cal-${i}-tz`), 'Europe/Berlin');
  assert.equal(await page.inputValue(`#cal-${i}-mon-1-start`), '13:00');
  assert.equal(await page.inputValue(`#cal-${i}-fri-0-end`), '06:00');
  assert.equal(await page.isChecked(`#cal-${i}-holiday-0-yearly`), true);
  const stored = (await storedConfig(page)).calendars['support-desk'];
  assert.deepEqual(stored.hours.mon, [['08:00', '12:00'], ['13:00', '17:00']]);
  assert.deepEqual(stored.hours.fri, [['22:00', '06:00']]);
  assert.deepEqual(stored.holidays, ['--12-25']);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a shrunk first-response target previews the escalations whose SLA flips, then saves', async () => {
  const page = await openPage(ctx.browser, ctx.server.url);
  await openSettings(page, 'sla');
  await page.click('#sla-tier-3');
  await page.waitForSelector('#sla-t3-first_response-target');
  assert.equal(await page.inputValue('#sla-t3-first_response-target'), '60');
  await page.fill('#sla-t3-first_response-target', '1');
  await page.click('#sla-preview');
  await page.waitForSelector('#sla-whatif');
  const preview = await page.textContent('#sla-whatif');
  assert.match(preview, /Preview \(not saved\)/);
  assert.match(preview, /first_response: \w+ → breached/);
  assert.equal((await storedConfig(page))?.sla_policies?.length ?? 0, 0, 'a preview saves nothing');
  await screenshot(page, 'settings-sla');

  await page.click('#sla-save');
  await page.waitForFunction(() => /^Saved/.test(document.querySelector('#sla-whatif')?.textContent ?? ''));
  await page.reload();
  await openSettings(page, 'sla');
  await page.click('#sla-tier-3');
  await page.waitForSelector('#sla-t3-first_response-target');
  assert.equal(await page.inputValue('#sla-t3-first_response-target'), '1');
  const policy = (await storedConfig(page)).sla_policies.find((p) => p.tier === 3);
  assert.equal(policy.first_response.target_minutes, 1);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('an unknown time zone is refused naming the field, and nothing is stored', async () => {
  const page = await openPage(ctx.browser, ctx.server.url);
  await openSettings(page, 'calendars');
  const before = await page.evaluate(() => localStorage.getItem('escalon.workspace'));
  const i = await addCalendar(page, 'moon-base');
  await page.fill(`#cal-${i}-tz`, 'Mars/Olympus');
  await page.click('#cal-save');
  await page.waitForSelector('#cal-error');
  const error = await page.textContent('#cal-error');
  assert.match(error, /Not saved/);
  assert.match(error, /parameters\.value\.moon-base\.timezone/);
  assert.match(error, /Mars\/Olympus/);

  await page.reload();
  await openSettings(page, 'calendars');
  await page.waitForSelector('#cal-add');
  assert.equal(await page.evaluate(() => localStorage.getItem('escalon.workspace')), before);
  assert.equal(await page.$(`#cal-${i}-name`), null, 'the refused calendar is not there');
  assert.deepEqual(page.errors, []);
  await page.close();
});

// Web audit of 2026-11-29: Tiers and Rules could only be saved, not previewed first.
test('lowering a tier threshold previews the escalations that would move, saving nothing', async () => {
  const page = await openPage(ctx.browser, ctx.server.url);
  await openSettings(page, 'tiers');
  await page.waitForSelector('#tier3-min-score');
  const before = (await storedConfig(page))?.tiers ?? null;
  await page.fill('#tier3-min-score', '40');
  await page.click('#tiers-preview');
  await page.waitForSelector('#tiers-whatif');
  const preview = await page.textContent('#tiers-whatif');
  assert.match(preview, /Preview \(not saved\)/);
  assert.match(preview, /2 → 3/, 'an open tier 2 escalation would open at tier 3');
  assert.deepEqual((await storedConfig(page))?.tiers ?? null, before, 'a preview saves nothing');
  assert.deepEqual(page.errors, []);
  await page.close();
});
