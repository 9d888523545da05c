// Pages stay inside the window at common widths and with long text the user typed: the
// regressions of the web audit of 2026-11-29 (the dashboard scrolled sideways at 768-1280 px,
// a 300-letter summary widened the detail page to 2,857 px, SLA policies overflowed 375 px).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withBrowser, openPage, screenshot, ROUTES, show } from './harness.mjs';

const ctx = withBrowser();

/** The page's width beyond the window and the last elements that stick out, or null. */
async function overflow(page, width) {
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
  if (scroll <= width) return null;
  const wide = await page.evaluate((w) => [...document.querySelectorAll('body *')]
    .filter((e) => e.getBoundingClientRect().right > w + 1)
    .slice(-3)
    .map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}`), width);
  return `${scroll}px (${wide.join(', ')})`;
}

test('every page fits the window at 768 and 1280 px', async () => {
  const found = [];
  for (const width of [768, 1280]) {
    const page = await openPage(ctx.browser, ctx.server.url, { width, height: 800 });
    for (const [route, title] of ROUTES) {
      await show(page, route, title);
      const over = await overflow(page, width);
      if (over) found.push(`${route} at ${width}: ${over}`);
    }
    assert.deepEqual(page.errors, []);
    await page.close();
  }
  assert.deepEqual(found, []);
});

test('SLA policy clocks fit 375 px', async () => {
  const page = await openPage(ctx.browser, ctx.server.url, { width: 375, height: 800 });
  await show(page, '#/settings', 'Settings');
  await page.click('#settings-sla');
  await page.click('#sla-tier-3');
  await page.waitForSelector('#sla-t3', { state: 'visible' });
  const over = await overflow(page, 375);
  if (over) await screenshot(page, 'narrow-settings-sla');
  assert.equal(over, null);
  await page.close();
});

test('a summary with no spaces wraps on the detail page', async () => {
  const page = await openPage(ctx.browser, ctx.server.url, { width: 375, height: 800 });
  await show(page, '#/new', 'New escalation');
  await page.fill('#ticket', 'LONG-1');
  await page.fill('#summary', `https://example.com/${'x'.repeat(300)}`);
  await page.waitForSelector('#decision-tier');
  await page.click('#record');
  await page.waitForFunction(() => /Recorded as/.test(document.querySelector('#recorded')?.textContent ?? ''));
  const id = (await page.textContent('#recorded')).match(/ESC-\d+-\d+/)[0];
  await show(page, `#/escalations/${id}`, 'Escalations');
  await page.waitForSelector('#detail-summary');
  const over = await overflow(page, 375);
  if (over) await screenshot(page, 'narrow-long-summary');
  assert.equal(over, null);
  assert.deepEqual(page.errors, []);
  await page.close();
});
