import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { AppInfo } from '../../preload/contract/types';

export const CACHE_DIR_NAME = 'cache';

export interface AppIdentity {
  name: string;
  version: string;
  /** e.g. "Electron 45.4.1" or "Node 20.20.2". */
  runtime: string;
}

export function readAppInfo(identity: AppIdentity, dataDir: string): Omit<AppInfo, 'notices'> {
  return {
    name: identity.name,
    version: identity.version,
    runtime: identity.runtime,
    dataDir,
    cacheBytes: folderBytes(join(dataDir, CACHE_DIR_NAME)),
    platform: `${process.platform} ${process.arch}`,
  };
}

/** Sum of file sizes below a folder; a folder that does not exist yet holds 0 bytes. */
export function folderBytes(folder: string): number {
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return 0;
  }
  let total = 0;
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) total += folderBytes(path);
    else if (entry.isFile()) total += statSync(path).size;
  }
  return total;
}

/** Identity for Node-hosted cores (browser host, CLI), read from package.json at the repo root. */
export function packageIdentity(packageJsonPath: string, runtime: string): AppIdentity {
  const pkg = JSON.parse(readFileSync(packageJsonPath, 'utf8')) as {
    productName?: string;
    name: string;
    version: string;
  };
  return { name: pkg.productName ?? pkg.name, version: pkg.version, runtime };
}
