import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A real, tiny file system (a tmpfs of `sizeKib`), for "disk full" happening in the middle of a write. Mounting
 * needs root with mount permission (Linux, CAP_SYS_ADMIN), as in our CI container; elsewhere this returns the
 * reason it is unavailable instead, and the test is skipped with that notice.
 */
export function mountTinyDisk(sizeKib: number): { path: string; remove(): void } | { unavailable: string } {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) {
    return { unavailable: 'needs Linux and root to mount a tiny tmpfs' };
  }
  const path = mkdtempSync(join(tmpdir(), 'reportdesk-tiny-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKib}k`, 'tmpfs', path], { stdio: 'pipe' });
  } catch (error) {
    rmSync(path, { recursive: true, force: true });
    return { unavailable: `mount was refused (${(error as Error).message.split('\n')[0]})` };
  }
  return {
    path,
    remove: () => {
      execFileSync('umount', ['-l', path], { stdio: 'pipe' });
      rmSync(path, { recursive: true, force: true });
    },
  };
}
