import type { ReportPage } from '../../../preload/contract/workspace-types';
import type { ReportParams } from '../../../preload/contract/report-params';
import { formatCell } from '../../../renderer/src/format/cell';
import { BENCH_CONNECTION_ID, type CachedRange } from './ui-data-dir';
import { moveGrid, type GridLanding, type GridMove } from './ui-grid-probe';
import type { Workspace } from './ui-workspace';
import { BENCH_TIME_ZONE } from './org-conversations';

const PAGE = 100;

export interface GridSample {
  kind: 'far scroll' | 'next page' | 'last page' | 'first far scroll';
  /** Move → the rows in view show their data, in the page (ms). */
  ms: number;
  /** The `reports/page` calls the core answered during the sample, each in ms. */
  coreMs: number[];
  /** Move → the grid's first call left the page (ms). */
  sentMs: number;
  /** The last call's answer arrived in the page (ms after the move). */
  answeredMs: number;
  row: number;
}

/** Whether the pager's row numbers match the rows in view after far scrolls. */
export interface PagerCheck {
  checked: number;
  wrong: number;
  example: string | null;
}

export interface GridWalk {
  /** Moves that made the grid fetch a page (the figures). */
  samples: GridSample[];
  /** Moves that landed on a block the grid still held (no fetch): counted, not timed. */
  alreadyFetched: number;
  /** Landed rows compared with the core's own answer for the same row (start time and every text column). */
  checkedRows: number;
  pager: PagerCheck;
}

/** A small seeded generator, so every run visits the same rows. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Walks the grid as a supervisor skimming a long result would: drags the scrollbar far down to a block of 100
 * rows the grid has not fetched yet, then presses "Next page"; `cycles` times, then "Last page". Each landing
 * starts 10–40 rows into its block, so the rows in view and AG Grid's buffer of 10 rows around them need
 * exactly that block, and the next page is never fetched ahead. Every landing is checked against the core's
 * answer for the same row, and after each far scroll the pager's "Rows a–b of n" against the rows in view.
 */
export async function walkGrid(
  workspace: Workspace,
  range: CachedRange,
  total: number,
  cycles: number,
): Promise<GridWalk> {
  const { page } = workspace;
  const blocks = Math.ceil(total / PAGE);
  const used = new Set<number>([0, 1, blocks - 2, blocks - 1]);
  const next = random(0x5eed + total);
  const free = (block: number) => !used.has(block) && !used.has(block + 1) && block + 1 < blocks;
  const pickBlock = (): number => {
    let block = 2 + Math.floor(next() * (blocks - 4));
    for (let attempt = 0; attempt < 200 && !free(block); attempt++) block = 2 + Math.floor(next() * (blocks - 4));
    if (!free(block)) block = [...Array(blocks).keys()].find(free) ?? -1;
    if (block < 0) throw new Error(`${total} rows have too few unvisited blocks for ${cycles} jumps`);
    used.add(block).add(block + 1);
    return block;
  };

  const samples: GridSample[] = [];
  const pager: PagerCheck = { checked: 0, wrong: 0, example: null };
  let checkedRows = 0;
  let alreadyFetched = 0;
  const sample = async (kind: GridSample['kind'], move: GridMove): Promise<GridLanding> => {
    await workspace.settle();
    const from = workspace.pageCallMs.length;
    const landing = await moveGrid(page, move);
    await workspace.settle();
    used.add(Math.floor(landing.first / PAGE)).add(Math.floor(landing.last / PAGE));
    await checkLanding(workspace, range, landing);
    checkedRows += 1;
    const coreMs = workspace.pageCallMs.slice(from);
    if (coreMs.length === 0 || landing.calls.length === 0) {
      alreadyFetched += 1; // a block the grid still held: not a page fetch, so not a sample
      return landing;
    }
    samples.push({
      kind,
      ms: landing.ms,
      coreMs,
      sentMs: Math.min(...landing.calls.map((call) => call.sentAt)),
      answeredMs: Math.max(...landing.calls.map((call) => call.answeredAt)),
      row: landing.first,
    });
    return landing;
  };

  const landRow = (block: number) => block * PAGE + 10 + Math.floor(next() * 30);
  await sample('first far scroll', { kind: 'scroll', row: landRow(pickBlock()), total });
  for (let cycle = 0; cycle < cycles; cycle++) {
    const landing = await sample('far scroll', { kind: 'scroll', row: landRow(pickBlock()), total });
    const shown = await pagerFirstRow(workspace);
    pager.checked += 1;
    if (Math.abs(shown - (landing.first + 1)) > 1) {
      pager.wrong += 1;
      pager.example ??= `rows ${landing.first + 1}… in view, the pager says "${await rowCountText(workspace)}"`;
    }
    // "Next page" goes to the page after the one the pager names, right or wrong.
    const pagerPage = (await page.locator('.pager-page').textContent()) ?? '';
    const pageNumber = Number(/Page ([\d,]+)/.exec(pagerPage)?.[1]?.replaceAll(',', ''));
    if (!Number.isInteger(pageNumber)) throw new Error(`the pager shows "${pagerPage}"`);
    await sample('next page', { kind: 'button', name: 'Next page', expectRow: pageNumber * PAGE });
  }
  await sample('last page', { kind: 'button', name: 'Last page', expectRow: (blocks - 1) * PAGE });
  return { samples, checkedRows, alreadyFetched, pager };
}

async function rowCountText(workspace: Workspace): Promise<string> {
  return (await workspace.page.getByTestId('row-count').textContent()) ?? '';
}

/** The first row number in the pager's "Rows 1,201–1,213 of 1,000,000" (1-based). */
async function pagerFirstRow(workspace: Workspace): Promise<number> {
  const text = await rowCountText(workspace);
  const first = /^Rows ([\d,]+)/.exec(text)?.[1];
  if (first === undefined) throw new Error(`the pager shows "${text}"`);
  return Number(first.replaceAll(',', ''));
}

/** The row the grid shows must be the row the core has at that index: same start time, same texts. */
async function checkLanding(workspace: Workspace, range: CachedRange, landing: GridLanding): Promise<void> {
  const params: ReportParams = {
    report: 'interactions',
    connectionId: BENCH_CONNECTION_ID,
    from: range.from,
    to: range.to,
    timeZone: BENCH_TIME_ZONE,
    granularity: 'P1D',
    filters: {},
  };
  const answer = await workspace.core.dispatch('reports/page', {
    params,
    view: { page: { size: PAGE, number: Math.floor(landing.first / PAGE) + 1 }, count: false },
  });
  if (!answer.ok) throw new Error(`the core could not answer row ${landing.first}: ${answer.error.message}`);
  const truth = (answer.value as ReportPage).rows[landing.first % PAGE];
  if (!truth) throw new Error(`the core has no row ${landing.first}`);
  const format = { durationFormat: 'hms', timeZone: BENCH_TIME_ZONE } as const;
  for (const [column, text] of Object.entries(landing.cells)) {
    const value = truth[column];
    if (value === undefined) continue;
    let expected: string;
    if (column === 'startTime') expected = formatCell(value, 'datetime', format);
    else if (typeof value === 'string') expected = value.trim();
    else continue; // numbers are dressed in the browser's locale; start times and texts are not
    if (text !== expected) {
      throw new Error(`row ${landing.first}, column ${column}: the grid shows "${text}", the core has "${expected}"`);
    }
  }
}
