import { existsSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { UserFacingError } from '../core/errors';

export type ExportFailure =
  | 'cancelled'
  | 'read-only'
  | 'disk-full'
  | 'too-large'
  | 'file-in-use'
  | 'folder-missing'
  | 'is-folder'
  | 'bad-name'
  | 'write-failed';

/**
 * An export that did not produce its file. `reason` lets the caller react (a cancelled export needs no alert);
 * the message is written for a supervisor and always says that nothing was saved.
 */
export class ExportError extends UserFacingError {
  constructor(
    readonly reason: ExportFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super('export', message);
    this.name = 'ExportError';
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}

export function cancelledExport(): ExportError {
  return new ExportError('cancelled', 'Export cancelled. No file was saved.');
}

/** Which file step failed: making the temporary file, writing it, or putting it in place of the target. */
export type FileStep = 'create' | 'write' | 'replace';

/** Turns a Node file-system error into a sentence a supervisor can act on. */
export function fileSystemExportError(error: unknown, target: string, step: FileStep): ExportError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  const name = `“${basename(target)}”`;
  const folder = `“${dirname(target)}”`;
  const fail = (reason: ExportFailure, message: string) =>
    new ExportError(reason, `${message} Nothing was saved.`, { cause: error });
  switch (code) {
    case 'EBUSY':
    case 'ETXTBSY':
      return fail('file-in-use', fileInUse(name));
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      // On Windows, replacing a file another program holds open (Excel does) fails with a permission error.
      if (step === 'replace' && code !== 'EROFS' && existsSync(target)) return fail('file-in-use', fileInUse(name));
      return fail(
        'read-only',
        `ReportDesk can't save in the folder ${folder}: it is read-only or you don't have permission to write there. Choose another folder, such as Documents.`,
      );
    case 'ENOSPC':
    case 'EDQUOT':
      return fail(
        'disk-full',
        `There isn't enough free space to save ${name}. Free up some space or choose another drive, then export again.`,
      );
    case 'EFBIG':
      return fail(
        'too-large',
        `${name} is too large for that drive. Save it on another drive, or export fewer rows (a shorter date range or more filters).`,
      );
    case 'ENOENT':
    case 'ENOTDIR':
      return fail('folder-missing', `The folder ${folder} doesn't exist any more. Choose another folder.`);
    case 'EISDIR':
      return fail('is-folder', `There is a folder called ${name} there already. Choose another file name.`);
    case 'ENAMETOOLONG':
    case 'EINVAL':
      return fail('bad-name', `The file name ${name} can't be used here. Choose a shorter or simpler name.`);
    default:
      return fail(
        'write-failed',
        `ReportDesk couldn't save ${name}${code ? ` (${code})` : ''}. Try again, or choose another folder.`,
      );
  }
}

function fileInUse(name: string): string {
  return `${name} is open in another program, probably Excel. Close it there and export again, or choose another file name.`;
}
