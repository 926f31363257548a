import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** True when LibreOffice's `soffice` runs here (Debian: apt-get install -y libreoffice-calc-nogui). */
export function hasLibreOffice(): boolean {
  return spawnSync('soffice', ['--version'], { stdio: 'ignore', timeout: 60_000 }).status === 0;
}

/**
 * LibreOffice in headless mode with a profile of its own (two instances sharing one profile refuse to start),
 * converting files the way a user's "Open" and "Save as" would.
 */
export class LibreOffice {
  private readonly profile = mkdtempSync(join(tmpdir(), 'reportdesk-lo-profile-'));

  /**
   * Converts `file` into `outDir` and returns the files written (one per sheet for CSV output).
   * `to` is LibreOffice's --convert-to argument; `inFilter` its --infilter, for reading CSV.
   */
  convert(file: string, to: string, outDir: string, inFilter?: string): string[] {
    const before = new Set(readdirSync(outDir));
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=${pathToFileURL(this.profile).href}`,
        '--headless',
        '--norestore',
        ...(inFilter ? [`--infilter=${inFilter}`] : []),
        '--convert-to',
        to,
        '--outdir',
        outDir,
        file,
      ],
      { stdio: 'pipe', timeout: 120_000 },
    );
    return readdirSync(outDir)
      .filter((name) => !before.has(name))
      .map((name) => join(outDir, name));
  }

  dispose(): void {
    rmSync(this.profile, { recursive: true, force: true });
  }
}
