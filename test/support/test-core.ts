import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { packageIdentity } from '../../main/core/app-info';
import { createCore, type Core, type CoreOptions } from '../../main/core/core';

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');

/**
 * A real core for tests and the browser host. Exports go to `<dataDir>/exports/<default name>` (the stand-in for
 * the save dialog); `core.network.set(false)` cuts its network like a pulled cable.
 */
export function createTestCore(dataDir: string, overrides: Partial<CoreOptions> = {}): Core {
  return createCore({
    dataDir,
    identity: packageIdentity(resolve(REPO_ROOT, 'package.json'), `Node ${process.versions.node} (tests)`),
    log: () => undefined,
    chooseExportFile: (name) => {
      const folder = join(dataDir, 'exports');
      mkdirSync(folder, { recursive: true });
      return Promise.resolve(join(folder, name));
    },
    ...overrides,
  });
}
