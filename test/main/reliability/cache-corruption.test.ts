/**
 * A damaged or foreign cache file found when ReportDesk starts: through the real core (as the app and the browser
 * host run it), the file is set aside with a timestamp, a fresh cache takes its place, the first `app/info` of
 * the session tells the user in plain words, and every other file in the data folder is untouched. Writes
 * docs/reliability/cache-corruption.json for docs/reliability.md.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openCache } from '../../../main/cache/index';
import { CACHE_FILE_NAME } from '../../../main/core/cache-holder';
import type { Core } from '../../../main/core/core';
import type { AppInfo } from '../../../preload/contract/types';
import { generateConversations } from '../cache/support/conversations';
import { makeTempDir } from '../../support/temp-dir';
import { createTestCore } from '../../support/test-core';
import { writeFigures, type CorruptionCase, type CorruptionFigures } from '../../soak/figures';

const sha = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

/** A real cache holding 400 conversations, closed so everything is in the main file. */
function realCache(file: string): void {
  const cache = openCache({ file });
  cache.upsertConversations(
    'demo',
    generateConversations({ start: Date.UTC(2024, 4, 1), spanMs: 86_400_000, count: 400 }),
  );
  cache.close();
}

interface Case {
  name: string;
  /** How the file came to be, in the words of docs/reliability.md. */
  how: string;
  make(file: string): void;
  /** What start-up should conclude: set aside (with the reason it logs), or use the file as a fresh cache. */
  expected: 'corrupt' | 'foreign' | 'not-sqlite' | 'fresh';
}

const CASES: Case[] = [
  {
    name: 'damaged pages',
    how: 'a real cache with 24 KiB of its pages overwritten (disk or copy damage)',
    make: (file) => {
      realCache(file);
      const fd = openSync(file, 'r+');
      const garbage = Buffer.alloc(4096 * 6, 0xa5);
      writeSync(fd, garbage, 0, garbage.length, 4096 * 3);
      closeSync(fd);
    },
    expected: 'corrupt',
  },
  {
    name: 'truncated file',
    how: 'a real cache cut to half its length (an interrupted copy)',
    make: (file) => {
      realCache(file);
      truncateSync(file, Math.floor(statSync(file).size / 2));
    },
    expected: 'corrupt',
  },
  {
    name: 'another program’s SQLite database',
    how: 'a browser-history-like SQLite database saved under the cache’s name',
    make: (file) => {
      const foreign = new Database(file);
      foreign.exec(
        `CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT, title TEXT);
         INSERT INTO moz_places (url, title) VALUES ('https://example.com', 'Example');`,
      );
      foreign.close();
    },
    expected: 'foreign',
  },
  {
    name: 'not a database',
    how: 'a zip archive saved under the cache’s name',
    make: (file) => writeFileSync(file, 'PK\u0003\u0004 a zip archive, not a cache '.repeat(64)),
    expected: 'not-sqlite',
  },
  {
    name: 'zero-byte file',
    how: 'an empty file (what a crash right after creating the cache leaves)',
    make: (file) => writeFileSync(file, ''),
    expected: 'fresh',
  },
];

/** Files a user or the app keeps next to the cache; none of them may change. */
function neighbours(dataDir: string): Record<string, string> {
  const files: Record<string, string> = {
    [join(dataDir, 'cache', 'cache.sqlite.corrupt-20200101T000000Z')]: 'an earlier cache set aside years ago',
    [join(dataDir, 'cache', 'notes.txt')]: 'my own notes, kept here by mistake',
    [join(dataDir, 'exports', 'Queue performance.csv')]: '"Queue","Offered"\r\n"Sales",12\r\n',
    [join(dataDir, 'settings.json')]: JSON.stringify({ timeZone: 'Europe/London', durationFormat: 'seconds' }),
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, text);
  }
  return files;
}

async function noticesOf(core: Core): Promise<string[]> {
  const info = await core.dispatch('app/info', undefined);
  if (!info.ok) throw new Error(`app/info failed: ${info.error.message}`);
  return (info.value as AppInfo).notices;
}

const results: CorruptionCase[] = [];

describe('a damaged or foreign cache file at start-up', () => {
  const dirs: ReturnType<typeof makeTempDir>[] = [];
  const cores: Core[] = [];
  afterAll(async () => {
    for (const core of cores) await core.close();
    for (const dir of dirs) dir.remove();
    if (results.length === CASES.length) {
      const figures: CorruptionFigures = {
        kind: 'cache-corruption',
        date: new Date().toISOString(),
        cases: results,
        tested: results.length,
        passed: results.filter((result) => result.passed).length,
      };
      await writeFigures('cache-corruption', figures);
    }
  });

  it.each(CASES)('$name: $expected', async (testCase) => {
    const dir = makeTempDir('corrupt');
    dirs.push(dir);
    const dataDir = dir.path;
    const cacheDir = join(dataDir, 'cache');
    const file = join(cacheDir, CACHE_FILE_NAME);
    mkdirSync(cacheDir, { recursive: true });
    testCase.make(file);
    const kept = neighbours(dataDir);
    const original = sha(file);
    const before = new Set(readdirSync(cacheDir));

    const core = createTestCore(dataDir);
    cores.push(core);
    // What the renderer does as the app starts.
    const notices = await noticesOf(core);
    // The notice is given once; later calls do not repeat it.
    expect(await noticesOf(core)).toEqual([]);

    const added = readdirSync(cacheDir).filter((name) => !before.has(name));
    const movedAside = added.find((name) => /^cache\.sqlite\.corrupt-\d{8}T\d{6}Z(-\d+)?$/.test(name)) ?? null;
    // A fresh cache, stamped as ReportDesk's and sound, is in place.
    const fresh = new Database(file, { readonly: true });
    const applicationId = fresh.pragma('application_id', { simple: true });
    const integrity = fresh.pragma('integrity_check', { simple: true });
    fresh.close();

    if (testCase.expected === 'fresh') {
      expect(notices).toEqual([]);
      expect(movedAside).toBeNull();
    } else {
      expect(movedAside).not.toBeNull();
      expect(sha(join(cacheDir, movedAside!))).toBe(original);
      expect(notices).toHaveLength(1);
      const notice = notices[0] ?? '';
      expect(notice).toContain(`set it aside as "${movedAside}"`);
      expect(notice).toMatch(/started a fresh cache/);
      expect(notice).toMatch(/Nothing else was deleted/);
      expect(notice).toMatch(testCase.expected === 'foreign' ? /belonged to another program/ : /was damaged/);
      expect(notice).not.toMatch(/SQLITE|sqlite_|pragma|quick_check|application_id|Error:/);
    }
    expect(applicationId).not.toBe(0);
    expect(integrity).toBe('ok');
    for (const [path, text] of Object.entries(kept)) expect(readFileSync(path, 'utf8')).toBe(text);

    results.push({
      name: testCase.name,
      how: testCase.how,
      outcome:
        testCase.expected === 'fresh'
          ? 'used as a fresh cache (nothing in it to keep)'
          : 'set aside, fresh cache created',
      movedAsideAs: movedAside,
      notice: notices[0] ?? null,
      otherFilesKept: Object.keys(kept).length,
      passed: true,
    });
    expect(existsSync(file)).toBe(true);
    expect(basename(file)).toBe('cache.sqlite');
  });
});
