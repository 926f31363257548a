import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** A file the test worker appends to every 10 ms for as long as its thread runs. */
export const HEARTBEAT_FILE = 'heartbeat';

export function heartbeatSize(dataDir: string): number {
  const file = join(dataDir, HEARTBEAT_FILE);
  return existsSync(file) ? statSync(file).size : 0;
}
