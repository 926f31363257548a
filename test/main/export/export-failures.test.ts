import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExportError, exportReport, type ExportFormat } from '../../../main/export';
import type { ReportRow } from '../../../preload/contract/reports';
import { UserFacingError } from '../../../main/core/errors';
import { makeTempDir } from '../../support/temp-dir';
import { ABOUT, COLUMNS, optionsFor, ordinaryRows } from './support/fixture';
import { mountTinyDisk } from './support/tiny-disk';

const FORMATS: ExportFormat[] = ['csv', 'xlsx'];

/** Yields rows, calling `atRow` once when that many have been handed out. */
function* rowsThen(count: number, atRow: number, action: () => void): Generator<ReportRow> {
  const rows = ordinaryRows(count);
  for (let i = 0; i < rows.length; i++) {
    if (i === atRow) action();
    yield rows[i]!;
  }
}

async function failure(promise: Promise<unknown>): Promise<ExportError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ExportError);
  return error as ExportError;
}

// Generous: the suite writes real files, and CI runs many suites at once.
describe('an export that does not finish leaves nothing behind', { timeout: 30_000 }, () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => (dir = makeTempDir('export-fail')));
  afterEach(() => dir.remove());

  const request = (format: ExportFormat, rows: Iterable<ReportRow>, signal?: AbortSignal, file?: string) => ({
    file: file ?? join(dir.path, `report.${format}`),
    columns: COLUMNS,
    rows,
    options: optionsFor(),
    about: ABOUT,
    signal,
  });

  it.each(FORMATS)('Cancel in the middle of a %s export deletes the partial file', async (format) => {
    const controller = new AbortController();
    const progress: number[] = [];
    const error = await failure(
      exportReport({
        ...request(
          format,
          rowsThen(20_000, 12_000, () => controller.abort()),
          controller.signal,
        ),
        onProgress: (p) => progress.push(p.rows),
      }),
    );
    expect(error.reason).toBe('cancelled');
    expect(error.message).toMatch(/No file was saved/);
    expect(progress.at(-1)).toBeGreaterThan(0);
    expect(readdirSync(dir.path)).toEqual([]);
  });

  it.each(FORMATS)('Cancel pressed while a fast %s export runs is heard before it ends', async (format) => {
    // The rows come from a synchronous source and the writes rarely wait, yet a Cancel arriving from outside
    // (here a timer, in the app an IPC message) must get its turn. 200,000 rows take far longer than 30 ms.
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const error = await failure(exportReport(request(format, ordinaryRows(200_000), controller.signal)));
    expect(error.reason).toBe('cancelled');
    expect(readdirSync(dir.path)).toEqual([]);
  });

  it.each(FORMATS)('Cancel keeps a %s file that was already there exactly as it was', async (format) => {
    const file = join(dir.path, `report.${format}`);
    writeFileSync(file, 'the previous export');
    const controller = new AbortController();
    await failure(
      exportReport(
        request(
          format,
          rowsThen(5000, 3000, () => controller.abort()),
          controller.signal,
        ),
      ),
    );
    expect(readdirSync(dir.path)).toEqual([`report.${format}`]);
    expect(readFileSync(file, 'utf8')).toBe('the previous export');
  });

  it('an export cancelled before it starts writes nothing', async () => {
    const controller = new AbortController();
    controller.abort();
    expect((await failure(exportReport(request('csv', ordinaryRows(10), controller.signal)))).reason).toBe('cancelled');
    expect(readdirSync(dir.path)).toEqual([]);
  });

  it.each(FORMATS)('a failing row source (%s) passes its own error on and leaves no file', async (format) => {
    const broken = new Error('database is locked');
    const rows = rowsThen(5000, 2500, () => {
      throw broken;
    });
    await expect(exportReport(request(format, rows))).rejects.toBe(broken);
    expect(readdirSync(dir.path)).toEqual([]);
  });

  it('replaces an existing file only when the new one is complete', async () => {
    const file = join(dir.path, 'report.csv');
    writeFileSync(file, 'old');
    const result = await exportReport(request('csv', ordinaryRows(100)));
    expect(readFileSync(file, 'utf8')).toMatch(/^\uFEFF"Conversation"/);
    expect(readdirSync(dir.path)).toEqual(['report.csv']);
    expect(result.bytes).toBe(readFileSync(file).length);
  });

  it('explains a folder it may not write to', async () => {
    // chmod cannot stop root, who is who our CI container runs tests as. There, a sysfs folder stands in: the
    // kernel refuses to create files in it even for root (EACCES), which is exactly what a read-only share says.
    const asRoot = process.getuid?.() === 0;
    let folder = join(dir.path, 'locked');
    if (asRoot) {
      folder = '/sys/kernel';
    } else {
      mkdirSync(folder);
      chmodSync(folder, 0o555);
    }
    try {
      const error = await failure(exportReport(request('xlsx', ordinaryRows(10), undefined, join(folder, 'q.xlsx'))));
      expect(error.reason).toBe('read-only');
      expect(error.message).toContain(`“${folder}”`);
      expect(error.message).toMatch(/read-only or you don't have permission.*Nothing was saved\.$/);
      expect(existsSync(join(folder, 'q.xlsx'))).toBe(false);
    } finally {
      if (!asRoot) chmodSync(folder, 0o755);
    }
  });

  it('explains a folder that is gone, and a folder where the file should be', async () => {
    const gone = await failure(exportReport(request('csv', [], undefined, join(dir.path, 'nope', 'q.csv'))));
    expect(gone.reason).toBe('folder-missing');
    mkdirSync(join(dir.path, 'taken.csv'));
    const folder = await failure(exportReport(request('csv', [], undefined, join(dir.path, 'taken.csv'))));
    expect(folder.reason).toBe('is-folder');
    expect(readdirSync(dir.path)).toEqual(['taken.csv']);
  });

  it.for(FORMATS)('a disk filling up in the middle of a %s export says so and leaves no file', async (format, ctx) => {
    const disk = mountTinyDisk(256);
    if ('unavailable' in disk) {
      console.warn(`NOTICE: disk-full test skipped — ${disk.unavailable}`);
      ctx.skip(disk.unavailable);
      return;
    }
    try {
      const error = await failure(
        exportReport(request(format, ordinaryRows(40_000), undefined, join(disk.path, `big.${format}`))),
      );
      expect(error.reason).toBe('disk-full');
      expect(error.message).toMatch(/isn't enough free space to save “big\.\w+”.*Nothing was saved\.$/);
      expect(readdirSync(disk.path)).toEqual([]);
    } finally {
      disk.remove();
    }
  });

  it('refuses requests it cannot honour before touching the disk', async () => {
    const base = request('csv', []);
    await expect(exportReport({ ...base, file: join(dir.path, 'x.csv'), format: 'xlsx' })).rejects.toThrow(
      /ends in \.csv but the export is set to XLSX/,
    );
    await expect(exportReport({ ...base, file: join(dir.path, 'x.txt') })).rejects.toThrow(/\.csv or \.xlsx/);
    await expect(exportReport({ ...base, columns: [] })).rejects.toThrow(/at least one column/);
    await expect(exportReport({ ...base, options: optionsFor({ timeZone: 'Mars/Olympus' }) })).rejects.toBeInstanceOf(
      UserFacingError,
    );
    expect(readdirSync(dir.path)).toEqual([]);
  });

  it('honours an explicit format when the name has no known extension', async () => {
    const result = await exportReport({
      ...request('csv', ordinaryRows(3)),
      file: join(dir.path, 'q.txt'),
      format: 'csv',
    });
    expect(result.format).toBe('csv');
    expect(readdirSync(dir.path)).toEqual(['q.txt']);
  });
});
