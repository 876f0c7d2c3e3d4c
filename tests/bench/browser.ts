/**
 * browser: headless Chromium against Jalon (Hocuspocus has no app to compare with).
 * - portfolio route JS: every script the portfolio page loads, gzip-compressed, summed;
 * - project room first render: navigation start → all 300 milestone cards on the board;
 * - remote change: a status changed by another client (the driver) → visible on the card;
 * - throttled first visits (CPU 4×, DevTools' "Slow 4G", cache off, a fresh context each): the
 *   portfolio's and the room's first contentful paint, the room's board (all cards), and the gzip
 *   size of every script the room loaded before its board showed.
 */
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { docName } from '../../shared/doc/index.ts';
import { updateMilestone } from '../../shared/doc/write-milestones.ts';
import { milestoneStatuses } from '../../shared/vocabularies.ts';
import type { JalonConn } from './clients.ts';
import { percentile, round } from './lib.ts';
import type { Seeded } from './seed.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Where the first visit's time went: the app's script run (DOMContentLoaded), the document's
 * join sent and its first sync applied (the provider's marks); with roomFirstPaintedMs (the
 * cards laid out and painted) beside the figure itself. A plain-text script, like the one below.
 */
const FIRST_VISIT_STEPS = `(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const mark = (prefix) => {
    const m = performance.getEntriesByType('mark').find((e) => e.name.startsWith(prefix));
    return m ? Math.round(m.startTime) : null;
  };
  return {
    roomFirstScriptsRunMs: nav ? Math.round(nav.domContentLoadedEventEnd) : null,
    roomFirstJoinSentMs: mark('jalon:join project:'),
    roomFirstSyncedMs: mark('jalon:synced project:'),
  };
})()`;

/**
 * Chrome DevTools' "Slow 4G" preset (front_end/core/sdk/NetworkManager.ts, `Slow4GConditions`,
 * Chrome 119+): 1.6 Mbit/s down and 750 kbit/s up, each × 0.9, and 150 ms RTT × 3.75, the factors
 * DevTools applies so that its per-request throttling approximates a real link of that kind.
 */
const SLOW_4G = {
  offline: false,
  latency: 150 * 3.75,
  downloadThroughput: ((1.6 * 1000 * 1000) / 8) * 0.9,
  uploadThroughput: ((750 * 1000) / 8) * 0.9,
};
const CPU_SLOWDOWN = 4;

type Browser = Awaited<ReturnType<typeof chromium.launch>>;

/**
 * One first visit under throttling, in a fresh context (nothing cached, cache disabled):
 * navigation → `until` resolves in the page; the first contentful paint; and the gzip (-9) size
 * of every script whose response arrived before `until` did.
 */
async function throttledFirstVisit(
  b: Browser,
  url: string,
  cookie: string,
  path: string,
  expectedCards: number | null,
) {
  const context = await b.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    await context.addCookies(cookieList(cookie, url));
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    let shown = false;
    const bodies: Promise<number>[] = [];
    page.on('response', (res) => {
      if (shown || res.request().resourceType() !== 'script') return;
      bodies.push(
        res
          .body()
          .then((body) => gzipSync(body, { level: 9 }).byteLength)
          .catch(() => 0),
      );
    });
    await page.goto(`${url}${path}`, { waitUntil: 'commit', timeout: 60_000 });
    let boardMs: number | null = null;
    if (expectedCards !== null) {
      const handle = await page.waitForFunction(
        (n) => document.querySelectorAll('.ms-card').length >= n && performance.now(),
        expectedCards,
        { polling: 'raf', timeout: 60_000 },
      );
      boardMs = (await handle.jsonValue()) as number;
    }
    shown = true;
    // A function, not a string: the page's CSP forbids evaluating strings.
    const fcp = await page.waitForFunction(
      () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? false,
      undefined,
      { timeout: 60_000 },
    );
    const jsBytes = (await Promise.all(bodies)).reduce((a, n) => a + n, 0);
    return {
      firstContentMs: round((await fcp.jsonValue()) as number, 0),
      boardMs: boardMs === null ? null : round(boardMs, 0),
      jsKb: round(jsBytes / 1024, 1),
      scripts: bodies.length,
    };
  } finally {
    await context.close();
  }
}

const cookieList = (cookie: string, url: string) =>
  cookie.split('; ').map((pair) => {
    const i = pair.indexOf('=');
    return { name: pair.slice(0, i), value: pair.slice(i + 1), url };
  });

export async function browser(url: string, cookie: string, seeded: Seeded, connect: () => JalonConn) {
  const b = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  const conn = connect();
  try {
    const context = await b.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addCookies(cookieList(cookie, url));

    // Portfolio: the scripts of the route, as the browser fetched them.
    const page = await context.newPage();
    const scripts = new Map<string, number>();
    const bodies: Promise<void>[] = [];
    page.on('response', (res) => {
      if (res.request().resourceType() !== 'script') return;
      bodies.push(
        res
          .body()
          .then((body) => void scripts.set(res.url(), gzipSync(body, { level: 9 }).byteLength))
          .catch(() => undefined),
      );
    });
    await page.goto(`${url}/`, { waitUntil: 'networkidle', timeout: 30_000 });
    await page.waitForTimeout(200);
    // Every body read, not only those read by now: on a busy machine some came after the wait.
    await Promise.all(bodies);
    const portfolioJsGzip = [...scripts.values()].reduce((a, b) => a + b, 0);

    // Project room: navigation start → 300 cards rendered (first visit, then warm visits).
    const roomUrl = `${url}/projects/${seeded.browser}`;
    const expectedCards = seeded.milestoneIds[seeded.browser]!.length;
    const renders: number[] = [];
    /** the first visit's steps (ms from navigation start), from the app's User Timing marks */
    let firstVisit: Record<string, number | null> = {};
    for (let i = 0; i < 3; i++) {
      const room = await context.newPage();
      await room.goto(roomUrl, { waitUntil: 'commit', timeout: 30_000 });
      // No named helpers inside page functions: the TypeScript loader would add its own.
      const handle = await room.waitForFunction(
        (n) => {
          if (document.querySelectorAll('.ms-card').length < n) return false;
          // Breakdown only: this poll runs in a frame's callbacks, before that frame's layout
          // and paint; a task queued from here runs once they are done.
          const w = window as unknown as { __benchPainted?: Promise<number> };
          w.__benchPainted ??= new Promise((resolve) => setTimeout(() => resolve(performance.now()), 0));
          return performance.now();
        },
        expectedCards,
        { polling: 'raf', timeout: 30_000 },
      );
      renders.push((await handle.jsonValue()) as number);
      if (i === 0)
        firstVisit = {
          ...(await room.evaluate(FIRST_VISIT_STEPS)),
          roomFirstPaintedMs: round((await room.evaluate('window.__benchPainted')) as number, 0),
        };
      if (i < 2) await room.close();
    }
    const room = context.pages().at(-1)!;

    // Throttled first visits, before the driver's edits below change the room.
    const portfolioThrottled = await throttledFirstVisit(b, url, cookie, '/', null);
    const roomThrottled = await throttledFirstVisit(
      b,
      url,
      cookie,
      `/projects/${seeded.browser}`,
      expectedCards,
    );

    // Remote change: the driver (another client, as the same lead) sets a status.
    const handle = conn.join(docName(seeded.browser));
    await handle.synced;
    const ids = seeded.milestoneIds[seeded.browser]!;
    const visible: number[] = [];
    for (let i = 0; i < 10; i++) {
      const id = ids[i * 7]!;
      const current = (await room.getAttribute(`[data-card-id="${id}"]`, 'data-status')) ?? 'planned';
      const status = milestoneStatuses.find((s) => s !== current && s !== 'done') ?? 'in_progress';
      // A plain-text script: the page must not depend on helpers the TypeScript loader adds.
      const armed = `window.__benchSeen = new Promise((resolve, reject) => {
        const sel = '[data-card-id="' + CSS.escape(${JSON.stringify(id)}) + '"]';
        const check = () => document.querySelector(sel)?.getAttribute('data-status') === ${JSON.stringify(status)};
        const observer = new MutationObserver(() => {
          if (!check()) return;
          observer.disconnect();
          clearTimeout(timer);
          resolve(performance.timeOrigin + performance.now());
        });
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error('status change not visible in 10 s'));
        }, 10000);
        observer.observe(document.body, { subtree: true, attributes: true, childList: true });
      }); true`;
      await room.evaluate(armed);
      const t0 = performance.timeOrigin + performance.now();
      updateMilestone(handle.doc, id, { status: status as never }, seeded.users.lead);
      const seenAt = (await room.evaluate('window.__benchSeen')) as number;
      visible.push(seenAt - t0);
    }
    return {
      portfolioJsGzipKb: round(portfolioJsGzip / 1024, 1),
      portfolioScripts: scripts.size,
      roomCards: expectedCards,
      roomFirstRenderMs: round(renders[0]!, 0),
      roomRenderWarmMs: round(percentile(renders.slice(1), 50), 0),
      ...firstVisit,
      remoteVisibleP50Ms: round(percentile(visible, 50), 1),
      remoteVisibleMaxMs: round(Math.max(...visible), 1),
      roomFirstVisitJsKb: roomThrottled.jsKb,
      roomFirstVisitScripts: roomThrottled.scripts,
      roomThrottledFirstContentMs: roomThrottled.firstContentMs,
      roomThrottledBoardMs: roomThrottled.boardMs,
      portfolioThrottledFirstContentMs: portfolioThrottled.firstContentMs,
    };
  } finally {
    conn.close();
    await b.close();
  }
}
