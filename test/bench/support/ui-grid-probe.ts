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
  /** The bridge's calls to the host during the move (the browser's resource timing), ms after the move. */
  calls: { sentAt: number; answeredAt: number }[];
}

/**
 * Runs in the page, as source text: a function handed over by Playwright is re-printed by the TypeScript
 * loader with helpers the page does not have. It moves the grid, then checks every animation frame until the
 * rows inside AG Grid's viewport are new (none of them was in view before), include the expected row, and all
 * show data (AG Grid renders a row whose block is still loading with empty cells).
 */
const PROBE = String.raw`async (move) => {
  const box = document.querySelector('[data-testid="result-grid"]');
  // AG Grid 36: the body and header scroll in .ag-grid-viewport; the vertical scrollbar spans the body rows.
  const viewport = box && box.querySelector('.ag-grid-viewport');
  const scrollbar = box && box.querySelector('.ag-body-vertical-scroll-viewport');
  if (!viewport || !scrollbar) throw new Error('the result grid is not on screen');
  const indexOf = (row) => Number(row.getAttribute('row-index'));
  const inView = () => {
    const body = scrollbar.getBoundingClientRect();
    const rows = [];
    for (const row of box.querySelectorAll('.ag-grid-scrolling-container [role="row"][row-index]')) {
      const rect = row.getBoundingClientRect();
      if (rect.height > 0 && rect.bottom > body.top + 2 && rect.top < body.bottom - 2) rows.push(row);
    }
    return rows.sort((a, b) => indexOf(a) - indexOf(b));
  };
  const shows = (row) => {
    const cell = row.querySelector('[col-id="startTime"]');
    return cell !== null && cell.textContent.trim() !== '';
  };
  const before = new Set(inView().map(indexOf));
  performance.clearResourceTimings();
  const started = performance.now();
  let landed;
  if (move.kind === 'scroll') {
    const rowHeight = inView()[0]?.offsetHeight || 34;
    // AG Grid maps the scroll position linearly onto the rows, also when it shrinks a table too tall for the
    // browser; this puts move.row at the top of the body.
    const rowsSpan = move.total * rowHeight - scrollbar.clientHeight;
    viewport.scrollTop = ((move.row * rowHeight) / rowsSpan) * (viewport.scrollHeight - viewport.clientHeight);
    landed = (rows) => Math.abs(indexOf(rows[0]) - move.row) <= 3;
  } else {
    const button = [...document.querySelectorAll('nav.pager button')].find((b) => b.textContent.trim() === move.name);
    if (!button || button.disabled) throw new Error('the "' + move.name + '" button is not available');
    button.click();
    landed = (rows) => rows.some((row) => indexOf(row) === move.expectRow);
  }
  return new Promise((done, fail) => {
    const check = () => {
      const rows = inView();
      const fresh = rows.length > 0 && rows.every((row) => !before.has(indexOf(row)));
      if (fresh && landed(rows) && rows.every(shows)) {
        const cells = {};
        for (const cell of rows[0].querySelectorAll('[role="gridcell"][col-id]')) {
          cells[cell.getAttribute('col-id')] = cell.textContent.trim();
        }
        const ms = performance.now() - started;
        const calls = performance
          .getEntriesByType('resource')
          .filter((entry) => entry.name.endsWith('/__reportdesk/invoke') && entry.startTime >= started)
          .map((entry) => ({ sentAt: entry.startTime - started, answeredAt: entry.responseEnd - started }));
        done({ ms, first: indexOf(rows[0]), last: indexOf(rows[rows.length - 1]), cells, calls });
      } else if (performance.now() - started > 30000) {
        fail(new Error('the grid never landed on ' + JSON.stringify(move) + '; in view: ' +
          rows.map((row) => indexOf(row) + (shows(row) ? '' : ' (empty)')).join(', ')));
      } else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
}`;

/** Moves the grid and waits until the rows it lands on show their data. */
export async function moveGrid(page: Page, move: GridMove): Promise<GridLanding> {
  return page.evaluate<GridLanding>(`(${PROBE})(${JSON.stringify(move)})`);
}
