import { resolve } from 'node:path';
import { packageIdentity } from '../../main/core/app-info';
import { createCore, type Core } from '../../main/core/core';

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');

export function createTestCore(dataDir: string): Core {
  return createCore({
    dataDir,
    identity: packageIdentity(resolve(REPO_ROOT, 'package.json'), `Node ${process.versions.node} (tests)`),
    log: () => undefined,
  });
}
