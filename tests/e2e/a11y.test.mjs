// Accessibility on every page: no horizontal scrolling at 375 px, every control labelled,
// headings in order, text contrast at least 4.5:1 (3:1 for large text), and a skip link
// that leads keyboard users past the navigation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withBrowser, openPage, screenshot, ROUTES, show } from './harness.mjs';

const ctx = withBrowser();

/** What the page breaks, as readable lines (empty when nothing). */
function audit() {
  const problems = [];
  const describe = (el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;
  const visible = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';

  for (const el of document.querySelectorAll('input, select, textarea')) {
    if (el.type === 'hidden' || !visible(el)) continue;
    const named = el.labels?.length || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') || el.title;
    if (!named) problems.push(`unlabelled ${describe(el)}`);
  }

  let last = 0;
  for (const h of document.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
    if (!visible(h)) continue;
    const level = Number(h.tagName[1]);
    if (level > last + 1) problems.push(`heading ${describe(h)} "${h.textContent.trim().slice(0, 30)}" skips from h${last} to h${level}`);
    last = level;
  }

  const rgb = (c) => (c.match(/[\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const background = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] > 0.5)) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const seen = new Set();
  for (const node of document.querySelectorAll('body *')) {
    const own = [...node.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!own || !visible(node) || node.closest('svg, [disabled], [aria-hidden=true]')) continue;
    const style = getComputedStyle(node);
    const ratio = ((a, b) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05))(lum(rgb(style.color)), lum(background(node)));
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    const key = `${describe(node)} ${style.color}`;
    if (ratio < (large ? 3 : 4.5) && !seen.has(key)) {
      seen.add(key);
      problems.push(`contrast ${ratio.toFixed(2)} of ${describe(node)} "${node.textContent.trim().slice(0, 20)}"`);
    }
  }
  return problems;
}

test('every page fits 375 px wide, labels its controls, orders its headings, has readable text', async () => {
  const page = await openPage(ctx.browser, ctx.server.url, { width: 375, height: 800 });
  const found = [];
  for (const [route, title] of ROUTES) {
    await show(page, route, title);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > 375) {
      const wide = await page.evaluate(() => [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > 376)
        .slice(-3)
        .map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}`));
      found.push(`${route}: ${width}px wide (${wide.join(', ')})`);
      await screenshot(page, `narrow-${route.replace(/[^a-z0-9]+/gi, '-')}`);
    }
    for (const p of await page.evaluate(audit)) found.push(`${route}: ${p}`);
  }
  assert.deepEqual(found, []);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a keyboard user skips the navigation, and a tab moves focus to the new page', async () => {
  const page = await openPage(ctx.browser, ctx.server.url);
  await page.waitForSelector('#page-title');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link');
  assert.ok(await page.evaluate(() => document.activeElement.getBoundingClientRect().top >= 0), 'the skip link shows when focused');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
  assert.equal(new URL(page.url()).hash, '', 'skipping does not change the route');

  await page.focus('#nav-escalations');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'page-title');
  assert.equal(await page.textContent('#page-title'), 'Escalations');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'escalation-search', 'the search is the first control of the list');
  assert.deepEqual(page.errors, []);
  await page.close();
});
