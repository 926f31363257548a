/**
 * Starts a TypeScript file as its own Node process: `node --import tsx <file> <json>`. Used for everything a test
 * or a reliability run must be able to SIGKILL or measure on its own (heap, handles).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface TsChild {
  process: ChildProcess;
  /** Resolves with the exit code and signal (SIGKILL when killed). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Lines the child printed on stdout, as they come. */
  lines: AsyncIterable<string>;
}

export function startTsChild(
  file: string,
  args: unknown,
  options: { ipc?: boolean; exposeGc?: boolean } = {},
): TsChild {
  const child = spawn(
    process.execPath,
    [...(options.exposeGc ? ['--expose-gc'] : []), '--import', 'tsx', file, JSON.stringify(args)],
    { stdio: ['ignore', 'pipe', 'inherit', ...(options.ipc ? (['ipc'] as const) : [])] },
  );
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { process: child, exited, lines: createInterface({ input: child.stdout! }) };
}
