// Shared e2e plumbing: a static server for dist/ on loopback and a headless Chromium.
import { createServer } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { before, after } from 'node:test';
import { inflateRawSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export function env(name) {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set (cargo xtask test sets it)`);
  return v;
}

/**
 * Serves `root` on 127.0.0.1 at a free port; returns {url, close}. `mounts` maps a URL
 * prefix to another folder (e.g. the embed package, wherever the target folder is).
 */
export async function serveStatic(root, headers = {}, mounts = {}) {
  const server = createServer(async (req, res) => {
    let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let base = root;
    for (const [prefix, dir] of Object.entries(mounts)) {
      if (path.startsWith(prefix)) {
        base = dir;
        path = path.slice(prefix.length - 1);
      }
    }
    const file = normalize(join(base, path.endsWith('/') ? path + 'index.html' : path));
    if (!file.startsWith(normalize(base))) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...headers });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((ok) => server.close(ok)) };
}

/** Headless Chromium with the flags this network needs; collects page errors. */
export async function launch() {
  const browser = await chromium.launch({
    executablePath: env('CHROMIUM'),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  return browser;
}

/** Opens a page that records console errors and uncaught exceptions in `page.errors`. */
export async function openPage(browser, url, viewport = { width: 1280, height: 800 }) {
  const page = await browser.newPage({ viewport });
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && page.errors.push(m.text()));
  await page.goto(url);
  return page;
}

export async function screenshot(page, name) {
  const dir = env('ESCALON_SCREENSHOTS');
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * Registers a static server and a browser for the calling test file, started before its
 * tests and closed after them. Defaults to the release app in ESCALON_DIST; returns an
 * object whose `server` and `browser` are set once started.
 */
export function withBrowser({ root = () => env('ESCALON_DIST'), headers = {}, mounts = () => ({}) } = {}) {
  const ctx = {};
  before(async () => {
    ctx.server = await serveStatic(root(), headers, mounts());
    ctx.browser = await launch();
  });
  after(async () => {
    await ctx.browser?.close();
    await ctx.server?.close();
  });
  return ctx;
}

/**
 * The workspace document stored under `key` (parsed), or null. The app stores it deflated and
 * packed 15 bits to a character (web/src/packed.rs); this unpacks it the way the app does, with
 * Node's own inflate, so a test also checks the format is plain DEFLATE.
 */
export async function storedDocument(page, key = 'escalon.workspace') {
  const raw = await page.evaluate((k) => localStorage.getItem(k), key);
  if (raw === null) return null;
  const MARKER = 'escalon:deflate15:';
  if (!raw.startsWith(MARKER)) return JSON.parse(raw);
  const rest = raw.slice(MARKER.length);
  const colon = rest.indexOf(':');
  const len = Number(rest.slice(0, colon));
  const bytes = Buffer.alloc(len);
  let acc = 0, bits = 0, n = 0;
  for (let i = colon + 1; i < rest.length && n < len; i++) {
    acc = ((acc << 15) | rest.charCodeAt(i)) >>> 0;
    bits += 15;
    while (bits >= 8 && n < len) {
      bits -= 8;
      bytes[n++] = (acc >>> bits) & 0xff;
    }
    acc &= (1 << bits) - 1;
  }
  return JSON.parse(inflateRawSync(bytes).toString('utf8'));
}

/** Every route of the app, with the page title it shows. */
export const ROUTES = [
  ['#/', 'Dashboard'],
  ['#/escalations', 'Escalations'],
  ['#/escalations/ESC-2025-001', 'Escalations'],
  ['#/new', 'New escalation'],
  ['#/metrics', 'Metrics'],
  ['#/settings', 'Settings'],
  ['#/data', 'Data'],
  ['#/about', 'About'],
];

/** Shows `route` and waits for its title and a moment for the page's own rendering. */
export async function show(page, route, title) {
  await page.evaluate((r) => { location.hash = r; }, route);
  await page.waitForFunction((t) => document.querySelector('#page-title')?.textContent === t, title);
  await page.waitForTimeout(150);
}

/**
 * Whether the app asks before the page goes away: it cancels `beforeunload`, which makes the
 * browser show its "Leave site?" question. (Headless Chromium closes without showing it, so
 * the event is dispatched here and its cancellation read.)
 */
export const asksBeforeLeaving = (page) => page.evaluate(() => {
  const e = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(e);
  return e.defaultPrevented;
});

/**
 * Two tabs of one browser profile (so they share localStorage) on the app's dashboard.
 * Returns them with the uncaught errors of both and the context to close.
 */
export async function twoTabs(browser, url) {
  const context = await browser.newContext();
  const tabs = [await context.newPage(), await context.newPage()];
  const errors = [];
  for (const p of tabs) {
    p.on('pageerror', (e) => errors.push(String(e)));
    await p.goto(url);
    await p.waitForSelector('[data-testid=kpi-total]');
  }
  return { context, tabs, errors };
}
