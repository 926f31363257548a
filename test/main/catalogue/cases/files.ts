import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { ExpectStatic } from 'vitest';
import { openCache } from '../../../../main/cache';
import { CACHE_DIR_NAME } from '../../../../main/core/app-info';
import { CACHE_FILE_NAME } from '../../../../main/core/cache-holder';
import { SavedReportStore } from '../../../../main/core/saved-reports';
import { SettingsStore } from '../../../../main/core/settings-store';
import { mountTinyDisk } from '../../export/support/tiny-disk';
import type { CatalogueContext } from '../context';
import type { CoreHandle } from '../core-handle';
import { FAST_CONNECTION } from '../fast-service';
import type { CatalogueCase, Observation } from '../types';
import { messageOf } from '../types';

/** Export and cache files in trouble: folders that refuse writes, full disks, cache files ReportDesk cannot use. */

async function exportTo(ctx: CatalogueContext, file: string): Promise<Observation> {
  const params = ctx.params('interactions', -7, -1);
  await ctx.demo.call('reports/run', { requestId: 'export-source', params });
  ctx.demo.exportTo = file;
  try {
    const answer = await ctx.demo.answer('export/start', {
      requestId: 'export',
      params,
      view: { page: { size: 100 } },
      columns: ['startTime', 'direction', 'mediaType', 'firstQueue', 'agents', 'ani', 'handle'],
      format: 'csv',
    });
    return { message: messageOf(answer) };
  } finally {
    ctx.demo.exportTo = null;
  }
}

/** What a supervisor has set up before the cache went wrong: it must all still be there afterwards. */
const SEEDED_REPORT = 'Morning queues';

function seedUserFiles(dataDir: string): void {
  new SettingsStore(dataDir).update({ durationFormat: 'seconds', timeZone: 'Europe/London' });
  new SavedReportStore(dataDir).save({
    name: SEEDED_REPORT,
    params: {
      report: 'queue-performance',
      connectionId: 'demo',
      from: '2026-01-05',
      to: '2026-01-09',
      timeZone: 'Europe/London',
      granularity: 'P1D',
      filters: {},
    },
    preset: 'last-week',
    columns: ['queue', 'offered'],
    sort: null,
    columnFilters: [],
  });
}

async function expectUserFilesKept(core: CoreHandle, expect: ExpectStatic): Promise<void> {
  expect(await core.call('settings/get')).toMatchObject({ durationFormat: 'seconds', timeZone: 'Europe/London' });
  expect((await core.call('saved/list')).map((item) => item.name)).toEqual([SEEDED_REPORT]);
}

const cacheFile = (dataDir: string) => join(dataDir, CACHE_DIR_NAME, CACHE_FILE_NAME);
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** A cache as this version writes it, then changed by `spoil` (with better-sqlite3, or byte by byte). */
function preparedCache(dataDir: string, spoil: (file: string) => void): void {
  seedUserFiles(dataDir);
  mkdirSync(join(dataDir, CACHE_DIR_NAME), { recursive: true });
  openCache({ file: cacheFile(dataDir) }).close();
  spoil(cacheFile(dataDir));
}

/**
 * A cache file that cannot be used is set aside at the first report and a fresh one started; the run itself
 * succeeds, and the notice (app/info) carries the message.
 */
async function setAside(ctx: CatalogueContext, expect: ExpectStatic, spoil: (file: string) => void) {
  let original = '';
  const core = ctx.freshCore((dataDir) =>
    preparedCache(dataDir, (file) => {
      spoil(file);
      original = sha256(file);
    }),
  );
  const result = await core.call('reports/run', {
    requestId: 'after',
    params: ctx.params('queue-performance', -2, -2),
  });
  expect(result.state).toBe('done');
  const [notice, ...more] = (await core.call('app/info')).notices;
  expect(more).toEqual([]);
  const movedTo = /"(cache\.sqlite\.corrupt-[^"]+)"/.exec(notice ?? '')?.[1];
  expect(movedTo).toBeDefined();
  expect(sha256(join(core.dataDir, CACHE_DIR_NAME, movedTo!))).toBe(original);
  await expectUserFilesKept(core, expect);
  return { message: notice ?? null };
}

export const filesCases: CatalogueCase[] = [
  {
    id: 'files-export-read-only-folder',
    area: 'Files',
    situation: 'An export is saved into a folder that cannot be written (read-only share, no permission).',
    shown: 'The export dialog.',
    message:
      "ReportDesk can't save in the folder “{folder}”: it is read-only or you don't have permission to write there. Choose another folder, such as Documents. Nothing was saved.",
    advice: 'Choose another folder, such as Documents.',
    run: async (ctx, expect) => {
      // chmod cannot stop root (our CI user); there a sysfs folder refuses new files just as a read-only share does.
      const asRoot = process.getuid?.() === 0;
      const folder = asRoot ? '/sys/kernel' : join(ctx.tempDir('read-only'), 'locked');
      if (!asRoot) {
        mkdirSync(folder);
        chmodSync(folder, 0o555);
      }
      try {
        const seen = await exportTo(ctx, join(folder, 'report.csv'));
        expect(existsSync(join(folder, 'report.csv'))).toBe(false);
        return seen;
      } finally {
        if (!asRoot) chmodSync(folder, 0o755);
      }
    },
  },
  {
    id: 'files-export-folder-gone',
    area: 'Files',
    situation: 'The folder chosen for an export disappears before it is written (a USB stick pulled out).',
    shown: 'The export dialog.',
    message: "The folder “{folder}” doesn't exist any more. Choose another folder. Nothing was saved.",
    advice: 'Choose another folder.',
    run: (ctx) => exportTo(ctx, join(ctx.tempDir('gone'), 'stick', 'report.csv')),
  },
  {
    id: 'files-export-name-is-a-folder',
    area: 'Files',
    situation: 'An export is saved under a name that a folder already has.',
    shown: 'The export dialog.',
    message: 'There is a folder called “report.csv” there already. Choose another file name. Nothing was saved.',
    outcome: 'The folder is left as it was.',
    advice: 'Choose another file name.',
    run: async (ctx, expect) => {
      const folder = ctx.tempDir('taken');
      mkdirSync(join(folder, 'report.csv'));
      writeFileSync(join(folder, 'report.csv', 'keep.txt'), 'keep');
      const seen = await exportTo(ctx, join(folder, 'report.csv'));
      expect(readdirSync(folder)).toEqual(['report.csv']);
      expect(readFileSync(join(folder, 'report.csv', 'keep.txt'), 'utf8')).toBe('keep');
      return seen;
    },
  },
  {
    id: 'files-export-disk-full',
    area: 'Files',
    situation: 'The disk fills up in the middle of an export.',
    shown: 'The export dialog.',
    message:
      "There isn't enough free space to save “report.csv”. Free up some space or choose another drive, then export again. Nothing was saved.",
    outcome: 'The half-written file is removed; an earlier export of the same name is left exactly as it was.',
    advice: 'Free up space or choose another drive, then export again.',
    run: async (ctx, expect) => {
      // A real 24 KiB file system (tmpfs; needs Linux and root, as in CI): ENOSPC arrives mid-write.
      const disk = mountTinyDisk(24);
      if ('unavailable' in disk) return { skipped: disk.unavailable };
      try {
        const earlier = join(disk.path, 'report.csv');
        writeFileSync(earlier, 'last week’s export');
        const seen = await exportTo(ctx, earlier);
        expect(readdirSync(disk.path)).toEqual(['report.csv']);
        expect(readFileSync(earlier, 'utf8')).toBe('last week’s export');
        return seen;
      } finally {
        disk.remove();
      }
    },
  },
  {
    id: 'files-sync-disk-full',
    area: 'Files',
    situation: 'The disk fills up while a report downloads into the cache (SQLITE_FULL).',
    shown: 'The run screen.',
    message:
      'The disk is full, so ReportDesk could not save more report data. Everything saved before this point is kept. Free some disk space and run the report again; it will continue where it stopped.',
    outcome: 'Days saved before stay readable; once there is room, running again completes the report.',
    advice: 'Free disk space, then run the report again.',
    run: async (ctx, expect) => {
      const service = await ctx.fast();
      const kept = ctx.params('interactions', -3, -3, FAST_CONNECTION);
      expect((await service.reports.run({ requestId: 'kept', params: kept, refresh: false })).state).toBe('done');
      // The connection may grow the file by two more pages: the next report's data does not fit.
      const pages = Number(service.cache.db.pragma('page_count', { simple: true }));
      service.cache.db.pragma(`max_page_count = ${pages + 2}`);
      const params = ctx.params('interactions', -7, -4, FAST_CONNECTION);
      const full = await service.reports.run({ requestId: 'full', params, refresh: false });
      expect(full.state).toBe('failed');
      const rows = (p: typeof params) =>
        [...service.reports.rows(p, { filters: [], page: { size: 1000 }, count: false })]
          .map((row) => String(row.conversationId))
          .sort();
      expect(rows(kept)).toEqual(ctx.truthIds(kept));
      service.cache.db.pragma('max_page_count = 1073741823');
      expect((await service.reports.run({ requestId: 'room', params, refresh: false })).state).toBe('done');
      expect(rows(params)).toEqual(ctx.truthIds(params));
      return { message: full.message };
    },
  },
  {
    id: 'files-cache-newer-version',
    area: 'Files',
    situation: 'The cache file was written by a newer ReportDesk (the app was downgraded, or a shared profile).',
    shown: 'The run screen.',
    message:
      'This report cache was saved by a newer version of ReportDesk. Update ReportDesk to use it. The file was left untouched, so the newer version can still open it.',
    outcome: 'The cache file is not changed by a single byte; settings and saved reports are all there.',
    advice: 'Install the newer ReportDesk again (or clear the cache in Settings to start over with this version).',
    run: async (ctx, expect) => {
      let before = '';
      const core = ctx.freshCore((dataDir) =>
        preparedCache(dataDir, (file) => {
          const db = new Database(file);
          db.pragma('user_version = 999');
          db.close();
          before = sha256(file);
        }),
      );
      const answer = await core.answer('reports/run', {
        requestId: 'newer',
        params: ctx.params('interactions', -2, -2),
      });
      expect(sha256(cacheFile(core.dataDir))).toBe(before);
      await expectUserFilesKept(core, expect);
      return { message: messageOf(answer) };
    },
  },
  {
    id: 'files-cache-corrupt',
    area: 'Files',
    situation: 'The cache file is damaged (pages overwritten: a disk fault, a bad copy).',
    shown: 'A notice after the first report of the session (app information).',
    message:
      'The report cache file was damaged and could not be read, so ReportDesk set it aside as "{file}" and started a fresh cache. Reports will download their data again the next time you run them. Nothing else was deleted.',
    outcome:
      'The report runs on a fresh cache; the damaged file is kept, byte for byte, under the new name; settings and saved reports are all there.',
    advice: 'Nothing to do; the damaged file may be deleted, or sent with a bug report.',
    run: (ctx, expect) =>
      setAside(ctx, expect, (file) => {
        const bytes = readFileSync(file);
        bytes.fill(0x55, 3 * 4096);
        writeFileSync(file, bytes);
      }),
  },
  {
    id: 'files-cache-not-a-database',
    area: 'Files',
    situation: 'The cache file was overwritten with something that is not a database.',
    shown: 'A notice after the first report of the session (app information).',
    message:
      'The report cache file was damaged and could not be read, so ReportDesk set it aside as "{file}" and started a fresh cache. Reports will download their data again the next time you run them. Nothing else was deleted.',
    outcome: 'As for a damaged file.',
    advice: 'Nothing to do.',
    run: (ctx, expect) => setAside(ctx, expect, (file) => writeFileSync(file, 'Quarterly notes\n'.repeat(500))),
  },
  {
    id: 'files-cache-foreign',
    area: 'Files',
    situation: 'The cache file is another program’s SQLite database.',
    shown: 'A notice after the first report of the session (app information).',
    message:
      'The report cache file belonged to another program, so ReportDesk set it aside as "{file}" and started a fresh cache. Reports will download their data again the next time you run them. Nothing else was deleted.',
    outcome: 'The other program’s file is kept, byte for byte, under the new name.',
    advice: 'If another program needs that file, move it back where that program expects it.',
    run: (ctx, expect) =>
      setAside(ctx, expect, (file) => {
        writeFileSync(file, '');
        const db = new Database(file);
        db.exec("CREATE TABLE notes(text); INSERT INTO notes VALUES ('not ReportDesk');");
        db.close();
      }),
  },
  {
    id: 'files-settings-damaged',
    area: 'Files',
    situation: 'settings.json was hand-edited and one value is invalid (a delimiter of "|").',
    shown: 'Nothing: the app starts.',
    message: null,
    outcome: 'The invalid setting falls back to its default; every other setting is kept.',
    advice: 'Check the CSV delimiter in Settings.',
    run: async (ctx, expect) => {
      const core = ctx.freshCore((dataDir) =>
        writeFileSync(
          join(dataDir, 'settings.json'),
          JSON.stringify({ durationFormat: 'seconds', csvDelimiter: '|', timeZone: 'Europe/London' }),
        ),
      );
      const settings = await core.call('settings/get');
      expect(settings).toMatchObject({ durationFormat: 'seconds', timeZone: 'Europe/London' });
      expect([',', ';']).toContain(settings.csvDelimiter);
      return { message: null };
    },
  },
  {
    id: 'files-saved-report-damaged',
    area: 'Files',
    situation: 'One entry of saved-reports.json is damaged.',
    shown: 'Nothing: the saved reports list opens.',
    message: null,
    outcome: 'Only the damaged entry is left out; every other saved report is kept.',
    advice: 'Save the missing report again.',
    run: async (ctx, expect) => {
      const core = ctx.freshCore((dataDir) => {
        seedUserFiles(dataDir);
        const file = join(dataDir, 'saved-reports.json');
        const entries = JSON.parse(readFileSync(file, 'utf8')) as unknown[];
        writeFileSync(file, JSON.stringify([...entries, { id: 'x', name: 'Half written', params: { report: 7 } }]));
      });
      expect((await core.call('saved/list')).map((item) => item.name)).toEqual([SEEDED_REPORT]);
      return { message: null };
    },
  },
];
