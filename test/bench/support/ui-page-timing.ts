import type { Page } from 'playwright-core';

/*
 * Timings taken by the page itself, on its own clock (performance.now, whose zero is the start of the
 * navigation), to the animation frame in which the change is on screen. Playwright's waits poll at up to
 * 500 ms intervals, far too coarse for these figures. Page code is source text: a function handed over by
 * Playwright is re-printed by the TypeScript loader with helpers the page does not have.
 */

/** Installed before any page script: notes the frame in which the report picker first shows "Interactions". */
export const FIRST_SCREEN_SCRIPT = String.raw`(() => {
  const shown = () =>
    [...document.querySelectorAll('[data-testid="report-picker"] .report-name')].some(
      (name) => name.textContent.trim() === 'Interactions',
    );
  const observer = new MutationObserver(() => {
    if (!shown()) return;
    observer.disconnect();
    requestAnimationFrame(() => { window.__benchFirstScreenMs = performance.now(); });
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
})();`;

/** Navigation start → the frame that shows the report picker, for a page opened with FIRST_SCREEN_SCRIPT. */
export async function firstScreenMs(page: Page): Promise<number> {
  // Not waitForFunction: it evaluates its text with eval, which the app's Content-Security-Policy forbids.
  return page.evaluate<number>(String.raw`new Promise((done, fail) => {
    const check = () => {
      if (window.__benchFirstScreenMs !== undefined) done(window.__benchFirstScreenMs);
      else if (performance.now() > 60000) fail(new Error('the report picker did not show within a minute'));
      else requestAnimationFrame(check);
    };
    check();
  })`);
}

export interface RunTiming {
  /** The run's final state ('done', 'offline-missing', …) and its outcome text. */
  state: string;
  text: string;
  /** Run pressed → the outcome shown. */
  outcomeMs: number;
  /** Run pressed → row 0 shows data and the row count is known; null when the run did not end in 'done'. */
  rowsMs: number | null;
}

const RUN_PROBE = String.raw`async () => {
  const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Run report');
  if (!button || button.disabled) throw new Error('the Run report button is not available');
  // A second run replaces the outcome, the grid and its pager with new elements: only those count.
  const find = {
    outcome: () => document.querySelector('.run-outcome[data-state]'),
    cell: () => document.querySelector(
      '[data-testid="result-grid"] .ag-grid-scrolling-container [row-index="0"] [col-id="startTime"]',
    ),
    count: () => document.querySelector('[data-testid="row-count"]'),
  };
  const old = { outcome: find.outcome(), cell: find.cell(), count: find.count() };
  const fresh = (name) => {
    const element = find[name]();
    return element !== null && element !== old[name] ? element : null;
  };
  const started = performance.now();
  button.click();
  return new Promise((done, fail) => {
    let outcomeMs = null;
    const check = () => {
      const now = performance.now() - started;
      const outcome = fresh('outcome');
      if (outcome && outcomeMs === null) outcomeMs = now;
      const state = outcome ? outcome.getAttribute('data-state') : null;
      const cell = fresh('cell');
      const count = fresh('count');
      const counted = count !== null && / of [\d,]+$/.test(count.textContent);
      if (state !== null && state !== 'done') done({ state, text: outcome.textContent, outcomeMs, rowsMs: null });
      else if (state === 'done' && cell && cell.textContent.trim() !== '' && counted) {
        done({ state, text: outcome.textContent, outcomeMs, rowsMs: now });
      } else if (now > 300000) fail(new Error('the run showed no outcome and rows within 5 minutes'));
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
}`;

/** Presses Run and times the outcome line and the first rows of the grid. */
export async function runAndTime(page: Page): Promise<RunTiming> {
  return page.evaluate<RunTiming>(`(${RUN_PROBE})()`);
}
