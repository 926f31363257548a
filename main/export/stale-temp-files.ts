import { randomBytes } from 'node:crypto';
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

const TEMP_FILE_NAME = /^\.reportdesk-export-[0-9a-f]{12}\.tmp$/;

/** Nothing still exporting leaves its temporary file untouched this long: a running export writes to it constantly. */
export const STALE_TEMP_FILE_MS = 60 * 60_000;

/** The hidden name an export is written under until it is complete. */
export function tempFileName(): string {
  return `.reportdesk-export-${randomBytes(6).toString('hex')}.tmp`;
}

/**
 * Removes what exports killed mid-write (a forced quit, a power cut) left in `folder`: files with our temporary
 * name only, and only once untouched for STALE_TEMP_FILE_MS. A killed export cannot clean up after itself, and
 * its file can be hundreds of megabytes, hidden in the user's folder. Best effort: anything it cannot read or
 * remove stays. Returns how many files went.
 */
export async function removeStaleTempFiles(folder: string, now = Date.now()): Promise<number> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names.filter((entry) => TEMP_FILE_NAME.test(entry))) {
    const path = join(folder, name);
    try {
      const info = await stat(path);
      if (!info.isFile() || now - info.mtimeMs < STALE_TEMP_FILE_MS) continue;
      await rm(path);
      removed++;
    } catch {
      // Gone meanwhile, or not ours to remove (permissions): leave it.
    }
  }
  return removed;
}
