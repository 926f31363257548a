/**
 * An export killed mid-write leaves its hidden temporary file behind (export-crash.test.ts counts them); the next
 * export to that folder removes such files once they are an hour old — and nothing else.
 */
import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exportReport } from '../../../main/export/index';
import { STALE_TEMP_FILE_MS, tempFileName } from '../../../main/export/stale-temp-files';
import { ABOUT, COLUMNS, optionsFor, ordinaryRows } from '../export/support/fixture';
import { makeTempDir } from '../../support/temp-dir';

describe('temporary files left by killed exports', () => {
  const dir = makeTempDir('stale-temp');
  afterEach(() => dir.remove());

  it('are removed by the next export to the folder once an hour old; recent ones and everything else stay', async () => {
    const folder = dir.path;
    const old = (name: string, folderToo = false) => {
      const path = join(folder, name);
      if (folderToo) mkdirSync(path);
      else writeFileSync(path, 'left behind');
      const when = (Date.now() - STALE_TEMP_FILE_MS - 60_000) / 1000;
      utimesSync(path, when, when);
      return path;
    };
    const stale = [old(tempFileName()), old(tempFileName())];
    const recent = join(folder, tempFileName());
    writeFileSync(recent, 'an export that may still be running');
    const others = [
      old('.reportdesk-export-notours.tmp'),
      old('report.tmp'),
      old(`${tempFileName()}.bak`),
      old('Queue performance.csv'),
      old(tempFileName(), true),
    ];

    await exportReport({
      file: join(folder, 'Interactions.csv'),
      columns: COLUMNS,
      rows: ordinaryRows(10),
      options: optionsFor(),
      about: ABOUT,
    });

    for (const path of stale) expect(existsSync(path), path).toBe(false);
    for (const path of [recent, ...others]) expect(existsSync(path), path).toBe(true);
    expect(existsSync(join(folder, 'Interactions.csv'))).toBe(true);
  });
});
