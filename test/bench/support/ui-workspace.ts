import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Core } from '../../../main/core/core';
import type { Dispatch } from '../../../main/core/dispatcher';
import { startBrowserHost, type BrowserHost } from '../../host/server';
import { openBrowser, type BrowserSession } from '../../support/browser';
import { createTestCore } from '../../support/test-core';
import type { CachedRange } from './ui-data-dir';

/** One `reports/page` call as the core answered it (the core side of a grid page: SQL, names, row building). */
export interface PageCall {
  /** performance.now() in this process when the host handed the call to the core. */
  startedAt: number;
  ms: number;
}

export interface Workspace {
  /** The untimed core, for ground-truth questions that must not count as the grid's calls. */
  core: Core;
  host: BrowserHost;
  browser: BrowserSession;
  page: Page;
  pageCalls: PageCall[];
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
  const pageCalls: PageCall[] = [];
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
      pageCalls.push({ startedAt, ms: now - startedAt });
      inFlight -= 1;
      lastSettled = now;
    }
  };
  const host = await startBrowserHost({ core: { ...core, dispatch }, rendererDir: options.rendererDir });
  const browser = await openBrowser();
  await browser.context.addInitScript({ content: shiftedDateScript(options.browserNow) });
  return {
    core,
    host,
    browser,
    page: browser.page,
    pageCalls,
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
  /** Navigation → the report picker shows the report names, per fresh page load (ms). */
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
      const started = performance.now();
      await tab.goto(workspace.host.url);
      await tab.getByTestId('report-picker').getByText('Interactions', { exact: true }).waitFor();
      loads.push(performance.now() - started);
      const paint = (await tab.evaluate(
        "performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null",
      )) as number | null;
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
  /** Run pressed → the first grid rows shown (adds the first page with its row count). */
  firstRowsMs: number;
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
  const started = performance.now();
  await page.getByRole('button', { name: 'Run report' }).click();
  const outcome = page.locator('.run-outcome[data-state]');
  await outcome.waitFor({ timeout: 120_000 });
  const runMs = performance.now() - started;
  const state = await outcome.getAttribute('data-state');
  const text = (await outcome.textContent()) ?? '';
  if (state !== 'done' || !text.includes('From this computer’s cache')) {
    throw new Error(`the cached run did not come from the cache: ${state ?? 'no state'}: ${text}`);
  }
  await page
    .locator('[data-testid="result-grid"] .ag-grid-scrolling-container [row-index="0"] [col-id="startTime"]')
    .filter({ hasText: /\d/ })
    .waitFor({ timeout: 120_000 });
  const firstRowsMs = performance.now() - started;
  const count = page.getByTestId('row-count');
  await count.filter({ hasText: / of [\d,]+$/ }).waitFor({ timeout: 120_000 });
  const total = Number(/of ([\d,]+)$/.exec((await count.textContent()) ?? '')?.[1]?.replaceAll(',', ''));
  return { runMs, firstRowsMs, outcome: text, total };
}
