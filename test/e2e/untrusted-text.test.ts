import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core/core';
import { startBrowserHost, type BrowserHost } from '../host/server';
import { ARTIFACTS_DIR, openBrowser, type BrowserSession } from '../support/browser';
import { makeTempDir } from '../support/temp-dir';
import { REPO_ROOT, createTestCore } from '../support/test-core';

const rendererDir = resolve(REPO_ROOT, 'out', 'renderer');
const LONG = 240_000;

/**
 * Names and free text come from the API and may hold HTML or script: the Demo organization has a queue named
 * `… "Gold" & <b>VIP</b> – …` . They must show as text in the
 * grid and the detail panel; nothing may be parsed as markup or run.
 */
describe('text from Genesys renders as text, never as markup', () => {
  const data = makeTempDir('e2e-untrusted');
  let core: Core;
  let host: BrowserHost;
  let browser: BrowserSession;
  let page: Page;
  const dialogs: string[] = [];

  beforeAll(async () => {
    if (!existsSync(join(rendererDir, 'index.html'))) throw new Error('Build the renderer first: npm run build');
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    core = createTestCore(data.path);
    host = await startBrowserHost({ core, rendererDir });
    browser = await openBrowser();
    page = browser.page;
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await core?.close();
    data.remove();
  });

  const grid = () => page.getByTestId('result-grid');
  /** Elements that would exist only if API text had been parsed as HTML. */
  const injected = () => page.locator('#root b, #root script, #root img[onerror]').count();

  /** Runs a report for yesterday and waits for the grid of *that* report (a column only it has). */
  async function run(report: string, ownColumn: string): Promise<void> {
    await page.getByLabel(report, { exact: true }).check();
    await page.getByLabel('Date range').selectOption('yesterday');
    await page.getByRole('button', { name: 'Run report' }).click();
    await grid()
      .locator(`.ag-row:not(.ag-row-pinned) [role="gridcell"][col-id="${ownColumn}"]`)
      .first()
      .waitFor({ timeout: 60_000 })
      .catch(async (error: unknown) => {
        await page.screenshot({ path: join(ARTIFACTS_DIR, `untrusted-text-debug-${ownColumn}.png`) });
        throw error;
      });
    await page.locator('.run-outcome[data-state="done"]').waitFor({ timeout: LONG });
  }

  it('shows a queue name with HTML in it literally in the grid', { timeout: LONG }, async () => {
    await page.goto(host.url);
    await run('Queue performance', 'queue');
    const cells = grid().locator('[role="gridcell"][col-id="queue"]');
    await expect
      .poll(() => cells.allTextContents(), { timeout: 30_000 })
      .toContainEqual(expect.stringContaining('"Gold" & <b>VIP</b>'));
    expect(await injected()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'untrusted-text-queues.png') });
  });

  it('shows that queue name literally in the Interactions grid and the detail panel', { timeout: LONG }, async () => {
    await run('Interactions', 'startTime');
    const queues = grid().locator('.ag-row:not(.ag-row-pinned) [role="gridcell"][col-id="firstQueue"]');
    const marked = queues.filter({ hasText: '<b>VIP</b>' }).first();
    await marked.waitFor({ timeout: 30_000 });
    expect(await marked.textContent()).toContain('"Gold" & <b>VIP</b>');
    await marked.click();
    const panel = page.locator('.detail-panel');
    await panel.waitFor();
    await expect.poll(() => panel.textContent(), { timeout: 30_000 }).toContain('"Gold" & <b>VIP</b>');
    expect(await injected()).toBe(0);
    expect(dialogs).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'untrusted-text-detail.png') });
  });
});
