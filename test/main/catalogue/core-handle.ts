import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Core, CoreOptions } from '../../../main/core/core';
import { MemorySecretStore } from '../../../main/genesys/secret-store';
import type { OperationName } from '../../../preload/contract/names';
import type { OperationInput, OperationResult } from '../../../preload/contract/operations';
import type { Envelope } from '../../../preload/contract/types';
import { createTestCore } from '../../support/test-core';

/** A real core in its own data folder, with what a test needs to look at: its log, its keychain, its exports. */
export interface CoreHandle {
  readonly core: Core;
  readonly dataDir: string;
  readonly secrets: MemorySecretStore;
  readonly logs: string[];
  /** Where the next export is "saved" (the save dialog's answer); defaults to `<dataDir>/exports/<name>`. */
  exportTo: string | null;
  /** What the renderer would get back (any name: the renderer may be from another version, or hostile). */
  answer(name: string, input?: unknown): Promise<Envelope<unknown>>;
  /** The value of a call that must succeed. */
  call<N extends OperationName>(name: N, input?: OperationInput<N>): Promise<OperationResult<N>>;
  close(): Promise<void>;
}

export function openCore(dataDir: string, options: Partial<CoreOptions> = {}): CoreHandle {
  const secrets = new MemorySecretStore();
  const logs: string[] = [];
  const handle: CoreHandle = {
    dataDir,
    secrets,
    logs,
    exportTo: null,
    core: createTestCore(dataDir, {
      secrets,
      log: (line) => logs.push(line),
      // Small and unthrottled: the catalogue is about messages, not pacing.
      demo: { perDay: 40, requestsPerMinute: 60_000 },
      chooseExportFile: (name) => {
        if (handle.exportTo !== null) return Promise.resolve(handle.exportTo);
        mkdirSync(join(dataDir, 'exports'), { recursive: true });
        return Promise.resolve(join(dataDir, 'exports', name));
      },
      ...options,
    }),
    answer: (name, input) => handle.core.dispatch(name, input),
    call: async (name, input) => {
      const answer = await handle.core.dispatch(name, input);
      if (!answer.ok) throw new Error(`${name} failed: ${answer.error.message}\n${logs.join('\n')}`);
      return answer.value as OperationResult<typeof name>;
    },
    close: () => handle.core.close(),
  };
  return handle;
}
