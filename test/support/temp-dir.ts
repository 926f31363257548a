import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh folder per test, removed afterwards; real files, never mocks. */
export function makeTempDir(label: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), `reportdesk-${label}-`));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}
