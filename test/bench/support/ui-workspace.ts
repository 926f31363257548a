import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Core } from '../../../main/core/core';
import type { Dispatch } from '../../../main/core/dispatcher';
import { startBrowserHost, type BrowserHost } from '../../host/server';
import { openBrowser, type BrowserSession } from '../../support/browser';
import { createTestCore } from '../../support/test-core';
import type { CachedRange } from './ui-data-dir';
import { FIRST_SCREEN_SCRIPT, firstScreenMs, runAndTime } from './ui-page-timing';

export interface Workspace {
  /** The untimed core, for ground-truth questions that must not count as the grid's calls. */
  core: Core;
  host: BrowserHost;
  browser: BrowserSession;
  page: Page;
  /** Every `reports/page` call the page made, in ms from the host handing it to the core to the answer. */
  pageCallMs: number[];
  /** Resolves once no `reports/page` call has been in flight for `quietMs`. */
  settle(quietMs?: number): Promise<void>;
  close(): Promise<void>;
}

export interface WorkspaceOptions {
  dataDir: string;
  rendererDir: string;
  /** The browser's wall clock at page load (epoch ms). Timers, animation frames and performance.now are untouched. */
  browserNow: number;
}

/**
 * The browser host over a prepared data folder with the core's network cut (a cached report must run
 * offline), every `reports/page` call timed where the host hands it to the core, and Chromium on top.
 */
export async function openWorkspace(options: WorkspaceOptions): Promise<Workspace> {
  if (!existsSync(join(options.rendererDir, 'index.html'))) throw new Error('Build the renderer first: npm run build');
  const core = createTestCore(options.dataDir);
  core.network.set(false);
  const pageCallMs: number[] = [];
  let inFlight = 0;
  let lastSettled = performance.now();
  const dispatch: Dispatch = async (name, input) => {
    if (name !== 'reports/page') return core.dispatch(name, input);
    inFlight += 1;
    const startedAt = performance.now();
    try {
      return await core.dispatch(name, input);
    } finally {
      const now = performance.now();
      pageCallMs.push(now - startedAt);
      inFlight -= 1;
      lastSettled = now;
    }
  };
  const host = await startBrowserHost({ core: { ...core, dispatch }, rendererDir: options.rendererDir });
  const browser = await openBrowser();
  await browser.context.addInitScript({ content: shiftedDateScript(options.browserNow) });
  await browser.context.addInitScript({ content: FIRST_SCREEN_SCRIPT });
  return {
    core,
    host,
    browser,
    page: browser.page,
    pageCallMs,
    settle: async (quietMs = 150) => {
      while (inFlight > 0 || performance.now() - lastSettled < quietMs) await delay(20);
    },
    close: async () => {
      await browser.close();
      await host.close();
      await core.close();
    },
  };
}

/**
 * The benchmark org's conversations end in 2024; the form refuses ranges more than about two years back from
 * its "today" (renderer/src/query/retention.ts), so the page's Date starts at `now` instead. Only Date moves:
 * timers, animation frames and performance.now, which the measurements use, stay real.
 */
function shiftedDateScript(now: number): string {
  return `(() => {
    const Native = Date;
    const shift = ${now} - Native.now();
    function BenchDate(...args) {
      if (!new.target) return new Native(Native.now() + shift).toString();
      return args.length === 0 ? new Native(Native.now() + shift) : new Native(...args);
    }
    BenchDate.prototype = Native.prototype;
    BenchDate.now = () => Native.now() + shift;
    BenchDate.parse = Native.parse;
    BenchDate.UTC = Native.UTC;
    globalThis.Date = BenchDate;
  })();`;
}

const delay = (ms: number) => new Promise((done) => setTimeout(done, ms));

export interface FirstScreen {
  /** Navigation start → the frame that shows the report picker, per fresh page load (ms). */
  loads: number[];
  /** First contentful paint of each load, from the browser's own timing (ms). */
  paints: number[];
}

/** Opens the app in `count` fresh tabs, one after another, and times each until the report picker is shown. */
export async function measureFirstScreen(workspace: Workspace, count: number): Promise<FirstScreen> {
  const loads: number[] = [];
  const paints: number[] = [];
  for (let i = 0; i < count; i++) {
    const tab = await workspace.browser.context.newPage();
    try {
      await tab.goto(workspace.host.url);
      loads.push(await firstScreenMs(tab));
      const paint = await tab.evaluate<number | null>(
        "performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null",
      );
      if (paint !== null) paints.push(paint);
    } finally {
      await tab.close();
    }
  }
  return { loads, paints };
}

export interface CachedRun {
  /** Run pressed → the outcome line shown (the core's offline plan against the coverage map). */
  runMs: number;
  /**
   * Run pressed → row 0 and the row count shown: adds the first page with its count of every row, and loading
   * the grid's code, which the app fetches with the first result.
   */
  firstRowsMs: number;
  /** The same, for the same report run again in the same page (grid code loaded, core warm). */
  againRowsMs: number;
  outcome: string;
  /** The row count under the grid. */
  total: number;
}

/** Interactions over the whole cached range (Custom dates), run offline: it must come from the cache. */
export async function runCachedInteractions(workspace: Workspace, range: CachedRange): Promise<CachedRun> {
  const { page } = workspace;
  await page.goto(workspace.host.url);
  await page.getByLabel('Interactions', { exact: true }).check();
  await page.getByLabel('Date range').selectOption('custom');
  await page.getByLabel('From', { exact: true }).fill(range.from);
  await page.getByLabel('To', { exact: true }).fill(range.to);
  const fromCache = async () => {
    const timing = await runAndTime(page);
    if (timing.rowsMs === null || !timing.text.includes('From this computer’s cache')) {
      throw new Error(`the cached run did not come from the cache: ${timing.state}: ${timing.text}`);
    }
    return { ...timing, rowsMs: timing.rowsMs };
  };
  const first = await fromCache();
  await workspace.settle();
  const again = await fromCache();
  await workspace.settle();
  const count = (await page.getByTestId('row-count').textContent()) ?? '';
  const total = Number(/of ([\d,]+)$/.exec(count)?.[1]?.replaceAll(',', ''));
  return {
    runMs: first.outcomeMs,
    firstRowsMs: first.rowsMs,
    againRowsMs: again.rowsMs,
    outcome: first.text,
    total,
  };
}
