// Settings: a template edited in the app previews live for a real escalation, a broken one
// is refused with its line, and a saved one is what notifications use after a reload. A
// rule made in the builder is saved and changes the tier the New escalation page previews.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withBrowser, openPage, screenshot } from './harness.mjs';

const ctx = withBrowser();

async function openSettings(page, section) {
  await page.click('#nav-settings');
  await page.click(`#settings-${section}`);
}

const previewText = (page) => page.textContent('#template-preview');

async function waitForPreview(page, expected) {
  await page.waitForFunction(
    (expected) => document.querySelector('#template-preview')?.textContent === expected,
    expected,
  );
}

test('escalation_alert subject: live preview, broken template refused, saved one used', async () => {
  const page = await openPage(ctx.browser, ctx.server.url);
  await openSettings(page, 'templates');
  await page.waitForSelector('#template-source');
  assert.equal(await page.inputValue('#template-type'), 'escalation_alert');
  assert.equal(await page.inputValue('#template-part'), 'subject');
  assert.equal(await page.inputValue('#template-escalation'), 'ESC-2025-001');
  // The shipped template is shown and rendered with the escalation's data.
  assert.match(await page.inputValue('#template-source'), /kind\.internal/);
  assert.match(await previewText(page), /^\[ESC-2025-001\] Escalation alert: Northwind Logistics, tier 3/);

  // Typing re-renders the preview; user data and markup stay text.
  await page.fill('#template-source', '<b>{{ customer.name }}</b> / {{ escalation.ticket }}');
  await waitForPreview(page, '<b>Northwind Logistics</b> / TICKET-12345');
  assert.equal(await page.$('#template-preview b'), null, 'the preview is never markup');

  // A broken template names its line next to the editor, and saving it is refused.
  await page.fill('#template-source', 'Alert for\n{{ customer.name');
  await page.waitForSelector('#template-error');
  assert.match(await page.textContent('#template-error'), /line 2/);
  await page.click('#template-save');
  await page.waitForFunction(() => /Not saved/.test(document.querySelector('#template-status')?.textContent ?? ''));
  assert.match(await page.textContent('#template-status'), /parameters\.value\[\d+\]\.source.*line 2/);

  // A valid one saves; the origin line says it is an edited template.
  await page.fill('#template-source', 'E2E {{ customer.name }} [{{ escalation.id }}]');
  await waitForPreview(page, 'E2E Northwind Logistics [ESC-2025-001]');
  assert.equal(await page.$('#template-error'), null);
  await page.click('#template-save');
  await page.waitForFunction(() => /^Saved/.test(document.querySelector('#template-status')?.textContent ?? ''));
  assert.match(await page.textContent('#template-origin'), /edited template for this type/);
  await screenshot(page, 'settings-templates');

  // After a reload, the escalation's notification preview uses the saved template.
  await page.reload();
  await page.click('#nav-escalations');
  await page.fill('#escalation-search', 'ESC-2025-001');
  await page.click('#open-ESC-2025-001');
  await page.selectOption('#notify-type', 'escalation_alert');
  await page.selectOption('#notify-channel', 'email');
  await page.click('#notify-preview');
  await page.waitForSelector('#notify-subject');
  assert.equal(await page.textContent('#notify-subject'), 'E2E Northwind Logistics [ESC-2025-001]');

  // Revert to default brings the shipped template back, for the editor and the engine.
  await openSettings(page, 'templates');
  await page.waitForSelector('#template-source');
  assert.equal(await page.inputValue('#template-source'), 'E2E {{ customer.name }} [{{ escalation.id }}]');
  await page.click('#template-revert');
  await page.waitForFunction(() => /^Saved/.test(document.querySelector('#template-status')?.textContent ?? ''));
  assert.match(await page.inputValue('#template-source'), /kind\.internal/);
  assert.match(await page.textContent('#template-origin'), /shipped/);
  assert.equal(await page.isDisabled('#template-revert'), true);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a rule built in the builder is saved and raises the New escalation preview', async () => {
  const page = await openPage(ctx.browser, ctx.server.url);
  await page.click('#nav-new');
  await page.waitForSelector('#decision-tier');
  assert.doesNotMatch(await page.textContent('#decision-tier'), /Tier 4/, 'a medium technical ticket is not tier 4');

  await openSettings(page, 'rules');
  const shipped = await page.$$eval('.rule-editor', (els) => els.length);
  assert.ok(shipped >= 8, `the shipped rules are listed (saw ${shipped})`);
  await page.click('#rules-add');
  const key = await page.$$eval('.rule-editor', (els) => els.at(-1).dataset.key);
  const id = (name) => `#rule-${key}-${name}`;
  await page.fill(id('id'), 'e2e_technical');
  await page.fill(id('description'), 'Every technical issue is business critical');
  await page.fill(id('fact-0'), 'facts.category');
  await page.selectOption(id('op-0'), '==');
  await page.fill(id('value-0'), 'technical');
  await page.selectOption(id('min-tier'), '4');

  // The built rule shows as JSON Logic; broken JSON names its position.
  await page.click(id('show-json'));
  const json = JSON.parse(await page.inputValue(id('json')));
  assert.deepEqual(json.when, { '==': [{ var: 'facts.category' }, 'technical'] });
  assert.equal(json.effect.min_tier, 4);
  await page.fill(id('json'), '{\n  "id": "e2e_technical",\n  "when": \n}');
  await page.waitForSelector(id('json-error'));
  assert.match(await page.textContent(id('json-error')), /line 4, column 1/);
  // JSON of the builder's shape opens in the builder again.
  await page.fill(id('json'), JSON.stringify(json, null, 2));
  await page.click(id('builder'));
  assert.equal(await page.inputValue(id('value-0')), 'technical');
  await page.click('#rules-save');
  await page.waitForFunction(() => /^Saved/.test(document.querySelector('#rules-status')?.textContent ?? ''));
  await screenshot(page, 'settings-rules');

  // After a reload the rule is still there and the decision preview obeys it.
  await page.reload();
  await page.click('#nav-new');
  await page.waitForFunction(() => /Tier 4/.test(document.querySelector('#decision-tier')?.textContent ?? ''));
  await openSettings(page, 'rules');
  const legends = await page.$$eval('.rule-editor legend', (els) => els.map((e) => e.textContent));
  assert.ok(legends.includes('e2e_technical'), legends.join(', '));
  assert.deepEqual(page.errors, []);
  await page.close();
});
