import type { Page } from 'playwright-core';

/** How the grid is moved for one sample: its scrollbar dragged to a row, or a pager button pressed. */
export type GridMove =
  | { kind: 'scroll'; row: number; total: number }
  | { kind: 'button'; name: 'Next page' | 'Previous page' | 'Last page' | 'First page'; expectRow: number };

export interface GridLanding {
  /** Move → every row in the grid's viewport shows its data (ms, the page's own clock, one-frame resolution). */
  ms: number;
  /** Row indexes (0-based) of the first and last row in the viewport once they showed. */
  first: number;
  last: number;
  /** The first row's cell texts by column id, for comparing with the core. */
  cells: Record<string, string>;
}

/**
 * Runs in the page, as source text: a function handed over by Playwright is re-printed by the TypeScript
 * loader with helpers the page does not have. It moves the grid, then checks every animation frame until the
 * rows inside AG Grid's viewport are new (none of them was in view before), include the expected row, and all
 * show data (AG Grid renders a row whose block is still loading without cell text).
 */
const PROBE = String.raw`async (move) => {
  const box = document.querySelector('[data-testid="result-grid"]');
  const viewport = box && box.querySelector('.ag-body-viewport');
  if (!viewport) throw new Error('the result grid is not on screen');
  const indexOf = (row) => Number(row.getAttribute('row-index'));
  const inView = () => {
    const edge = viewport.getBoundingClientRect();
    const rows = [];
    for (const row of box.querySelectorAll('.ag-center-cols-container [role="row"][row-index]')) {
      const rect = row.getBoundingClientRect();
      if (rect.height > 0 && rect.bottom > edge.top + 2 && rect.top < edge.bottom - 2) rows.push(row);
    }
    return rows.sort((a, b) => indexOf(a) - indexOf(b));
  };
  const shows = (row) => {
    const cell = row.querySelector('[col-id="startTime"]');
    return !row.classList.contains('ag-row-loading') && cell !== null && cell.textContent.trim() !== '';
  };
  const before = new Set(inView().map(indexOf));
  let expected;
  const started = performance.now();
  if (move.kind === 'scroll') {
    const rowHeight = inView()[0]?.offsetHeight || 34;
    // AG Grid maps the scrollbar linearly onto the rows, also when it has to shrink a very tall table.
    const span = move.total * rowHeight - viewport.clientHeight;
    viewport.scrollTop = (move.row * rowHeight / span) * (viewport.scrollHeight - viewport.clientHeight);
    expected = move.row;
  } else {
    const button = [...document.querySelectorAll('nav.pager button')].find((b) => b.textContent.trim() === move.name);
    if (!button || button.disabled) throw new Error('the "' + move.name + '" button is not available');
    button.click();
    expected = move.expectRow;
  }
  return new Promise((done, fail) => {
    const check = () => {
      const rows = inView();
      const fresh = rows.length > 0 && rows.every((row) => !before.has(indexOf(row)));
      const near = rows.some((row) => Math.abs(indexOf(row) - expected) <= 2);
      if (fresh && near && rows.every(shows)) {
        const cells = {};
        for (const cell of rows[0].querySelectorAll('[role="gridcell"][col-id]')) {
          cells[cell.getAttribute('col-id')] = cell.textContent.trim();
        }
        done({ ms: performance.now() - started, first: indexOf(rows[0]), last: indexOf(rows[rows.length - 1]), cells });
      } else if (performance.now() - started > 30000) {
        fail(new Error('rows near ' + expected + ' never showed; in view: ' +
          rows.map((row) => indexOf(row) + (shows(row) ? '' : '(loading)')).join(', ')));
      } else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
}`;

/** Moves the grid and waits until the rows it lands on show their data. */
export async function moveGrid(page: Page, move: GridMove): Promise<GridLanding> {
  return (await page.evaluate(`(${PROBE})(${JSON.stringify(move)})`)) as GridLanding;
}
