// The release build, served from a static folder, in headless Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withBrowser, openPage, screenshot } from './harness.mjs';

const ctx = withBrowser();

test('the app renders on the demo workspace', async () => {
  const page = await openPage(ctx.browser, ctx.server.url);
  await page.waitForSelector('#page-title');
  assert.equal(await page.textContent('#page-title'), 'Dashboard');
  assert.equal(await page.textContent('[data-testid=workspace-name]'), 'Demo workspace');
  await screenshot(page, 'dashboard');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('clicking a tab changes the page', async () => {
  const page = await openPage(ctx.browser, ctx.server.url);
  await page.click('#nav-escalations');
  await page.waitForFunction(() => document.querySelector('#page-title')?.textContent === 'Escalations');
  assert.equal(await page.getAttribute('#nav-escalations', 'aria-current'), 'page');
  await page.click('#nav-about');
  const version = await page.textContent('#engine-version');
  assert.match(version, /^\d+\.\d+\.\d+$/);
  await screenshot(page, 'about');
  assert.deepEqual(page.errors, []);
  await page.close();
});
