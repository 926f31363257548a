import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileSystemExportError } from '../../../main/export/export-error';
import { makeTempDir } from '../../support/temp-dir';

/** The errors Node raises for conditions a test machine cannot produce on demand (Windows locks, quotas). */
const systemError = (code: string): NodeJS.ErrnoException => Object.assign(new Error(`${code}: simulated`), { code });

describe('file-system failures in words a supervisor can act on', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let target: string;
  beforeEach(() => {
    dir = makeTempDir('export-errors');
    target = join(dir.path, 'Queue performance.xlsx');
  });
  afterEach(() => dir.remove());

  it.each([
    ['EBUSY', 'write', 'file-in-use', /“Queue performance\.xlsx” is open in another program, probably Excel/],
    ['EROFS', 'create', 'read-only', /can't save in the folder “.+”: it is read-only/],
    ['EACCES', 'create', 'read-only', /read-only or you don't have permission/],
    ['ENOSPC', 'write', 'disk-full', /isn't enough free space to save “Queue performance\.xlsx”/],
    ['EDQUOT', 'write', 'disk-full', /isn't enough free space/],
    ['EFBIG', 'write', 'too-large', /too large for that drive/],
    ['ENAMETOOLONG', 'create', 'bad-name', /can't be used here/],
    ['EIO', 'write', 'write-failed', /couldn't save “Queue performance\.xlsx” \(EIO\)/],
  ] as const)('%s during the %s step is %s', (code, step, reason, message) => {
    const error = fileSystemExportError(systemError(code), target, step);
    expect(error.reason).toBe(reason);
    expect(error.message).toMatch(message);
    expect(error.message).toMatch(/Nothing was saved\.$/);
    expect(error.toInfo().message).toBe(error.message);
  });

  it('reads a permission error when replacing an existing file as the file being open elsewhere (Windows)', () => {
    writeFileSync(target, 'open in Excel');
    expect(fileSystemExportError(systemError('EPERM'), target, 'replace').reason).toBe('file-in-use');
    expect(fileSystemExportError(systemError('EPERM'), join(dir.path, 'new.xlsx'), 'replace').reason).toBe('read-only');
  });
});
