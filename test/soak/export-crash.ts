/**
 * Kills an exporting process with SIGKILL at seeded random moments (CSV and XLSX, half the time replacing an
 * earlier export of the same name) and checks the folder: the export's name holds nothing, the earlier file byte
 * for byte, or the complete new file — never part of one. Temporary files a killed process cannot clean up are
 * counted. Afterwards a new export to the same names must complete and read back whole.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { exportReport } from '../../main/export/index';
import { STALE_TEMP_FILE_MS } from '../../main/export/stale-temp-files';
import { seededRandom } from '../../main/simulator/server/faults';
import { machineDescription } from '../bench/report';
import { ABOUT, COLUMNS, optionsFor, ordinaryRows } from '../main/export/support/fixture';
import { readXlsx } from '../main/export/support/read-xlsx';
import { makeTempDir } from '../support/temp-dir';
import type { ExportCrashFigures, ExportCrashPoint } from './figures';
import { startTsChild } from '../support/ts-child';

const EXPORT_CHILD = join(import.meta.dirname, 'export-child.ts');
const TEMP_FILE = /^\.reportdesk-export-.*\.tmp$/;

type Format = 'csv' | 'xlsx';

export interface ExportCrashOptions {
  profile: 'short' | 'long';
  /** Kill points per format. */
  pointsPerFormat: number;
  seed: string;
  rows: Record<Format, number>;
}

/** Short in `npm test`; 20 points (10 per format) on larger files under `npm run soak`. */
export const EXPORT_CRASH_PROFILES: Record<ExportCrashOptions['profile'], Omit<ExportCrashOptions, 'seed'>> = {
  short: { profile: 'short', pointsPerFormat: 3, rows: { csv: 30_000, xlsx: 15_000 } },
  long: { profile: 'long', pointsPerFormat: 10, rows: { csv: 150_000, xlsx: 60_000 } },
};

const sha = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');
const tempFiles = (folder: string): string[] => readdirSync(folder).filter((name) => TEMP_FILE.test(name));

/** Exports in a child process; with `killAfterMs`, SIGKILLs it that long after it printed "start". */
async function exportInChild(file: string, rows: number, killAfterMs?: number): Promise<{ exportMs: number | null }> {
  const child = startTsChild(EXPORT_CHILD, { file, rows });
  let startedAt = 0;
  let exportMs: number | null = null;
  let timer: NodeJS.Timeout | undefined;
  for await (const line of child.lines) {
    if (line === 'start') {
      startedAt = performance.now();
      if (killAfterMs !== undefined) timer = setTimeout(() => child.process.kill('SIGKILL'), killAfterMs);
    } else if (line.startsWith('done')) {
      exportMs = performance.now() - startedAt;
    }
  }
  clearTimeout(timer);
  const { code, signal } = await child.exited;
  if (signal !== 'SIGKILL' && code !== 0) throw new Error(`the exporting process failed (code ${code})`);
  return { exportMs };
}

/** Whether `file` is a complete export of `rows` rows: byte for byte the reference CSV, or an XLSX that reads back whole. */
async function isComplete(file: string, format: Format, rows: number, referenceCsv: string): Promise<boolean> {
  if (format === 'csv') return sha(file) === referenceCsv;
  try {
    const workbook = await readXlsx(file);
    return workbook.worksheets[0]?.actualRowCount === rows + 1;
  } catch {
    return false;
  }
}

export async function runExportCrashes(
  options: ExportCrashOptions,
  log: (line: string) => void = console.log,
): Promise<ExportCrashFigures> {
  const started = performance.now();
  const dir = makeTempDir('export-crash');
  try {
    const random = seededRandom(options.seed);
    const points: ExportCrashPoint[] = [];
    const setup = { csvRows: options.rows.csv, xlsxRows: options.rows.xlsx, csvMs: 0, xlsxMs: 0 };
    const afterwards = { complete: true, tempFilesBefore: 0, madeOld: 0, removed: 0 };
    for (const format of ['csv', 'xlsx'] as const) {
      const rows = options.rows[format];
      const folder = join(dir.path, format);
      mkdirSync(folder);
      // An uninterrupted export: how long writing takes, and (CSV) the exact bytes of a complete file.
      const reference = join(dir.path, `reference.${format}`);
      const { exportMs } = await exportInChild(reference, rows);
      const referenceCsv = format === 'csv' ? sha(reference) : '';
      setup[`${format}Ms`] = Math.round(exportMs ?? 0);
      // The "earlier export" a new one replaces: smaller, so it can never be mistaken for the new file.
      const earlier = join(dir.path, `earlier.${format}`);
      await exportReport({
        file: earlier,
        columns: COLUMNS,
        rows: ordinaryRows(500),
        options: optionsFor(),
        about: ABOUT,
      });
      const earlierSha = sha(earlier);
      log(`export crash (${format}): ${rows} rows take ${setup[`${format}Ms`]} ms; seed ${options.seed}`);

      const target = join(folder, `Queue performance.${format}`);
      for (let i = 1; i <= options.pointsPerFormat; i++) {
        const n = points.length + 1;
        const replacing = i % 2 === 0;
        rmSync(target, { force: true });
        if (replacing) copyFileSync(earlier, target);
        const before = new Set(tempFiles(folder));
        // A little past the end too, so some kills land after the file was put in place.
        const killAtMs = Math.round(random() * (exportMs ?? 0) * 1.05);
        await exportInChild(target, rows, killAtMs);
        const left = tempFiles(folder).filter((name) => !before.has(name)).length;
        const unexpected = readdirSync(folder).filter(
          (name) => !TEMP_FILE.test(name) && name !== `Queue performance.${format}`,
        );
        let finalFile: ExportCrashPoint['finalFile'];
        if (!existsSync(target)) finalFile = 'absent';
        else if (sha(target) === earlierSha) finalFile = 'previous';
        else finalFile = (await isComplete(target, format, rows, referenceCsv)) ? 'complete' : 'partial';
        const passed = finalFile !== 'partial' && !(finalFile === 'absent' && replacing) && unexpected.length === 0;
        points.push({ n, format, killAtMs, replacing, finalFile, tempFilesLeft: left, passed });
        log(
          `  point ${n}: ${format} SIGKILL ${killAtMs} ms into the export${replacing ? ' (replacing an earlier file)' : ''}: ` +
            `${finalFile}, ${left} temp file(s) left${passed ? '' : ' — FAILED'}`,
        );
      }
      // The next export to the same folder, with the killed ones' temporary files still there: all but the newest
      // made an hour old, as if the crashes were long ago. It removes exactly those and leaves the recent one.
      const left = tempFiles(folder).map((name) => join(folder, name));
      const newest = left.reduce((a, b) => (statSync(a).mtimeMs >= statSync(b).mtimeMs ? a : b), left[0] ?? '');
      const anHourAgo = (Date.now() - STALE_TEMP_FILE_MS - 60_000) / 1000;
      for (const path of left.filter((candidate) => candidate !== newest)) utimesSync(path, anHourAgo, anHourAgo);
      await exportReport({
        file: target,
        columns: COLUMNS,
        rows: ordinaryRows(rows),
        options: optionsFor(),
        about: ABOUT,
      });
      const remaining = tempFiles(folder).map((name) => join(folder, name));
      afterwards.complete &&= await isComplete(target, format, rows, referenceCsv);
      afterwards.tempFilesBefore += left.length;
      afterwards.madeOld += Math.max(0, left.length - 1);
      afterwards.removed += left.length - remaining.length;
      if (left.length > 0 && !(remaining.length === 1 && remaining[0] === newest)) afterwards.complete = false;
    }
    return {
      kind: 'export-crash',
      profile: options.profile,
      date: new Date().toISOString(),
      machine: machineDescription(),
      seed: options.seed,
      seconds: Math.round((performance.now() - started) / 100) / 10,
      setup,
      points,
      afterwards,
      tested: points.length,
      passed: points.filter((point) => point.passed).length,
    };
  } finally {
    dir.remove();
  }
}
