import { OPERATION_NAMES, type EventName, type OperationName } from './names';
import type { OperationInput, OperationResult } from './operations';
import type { Envelope, ErrorInfo, EventPayloads } from './types';

type DomainOf<N> = N extends `${infer D}/${string}` ? D : never;
type VerbOf<N, D extends string> = N extends `${D}/${infer V}` ? V : never;

/** `{} extends Input` means every field is optional, so the argument can be left out. */
type OperationFn<N extends OperationName> =
  Record<string, never> extends OperationInput<N>
    ? (input?: OperationInput<N>) => Promise<Envelope<OperationResult<N>>>
    : (input: OperationInput<N>) => Promise<Envelope<OperationResult<N>>>;

/**
 * `window.reportdesk`: one named function per operation, grouped by domain
 * (`reportdesk.app.info()`), plus `on` for events. Functions resolve to an
 * envelope rather than rejecting, because Electron flattens thrown errors
 * into an opaque string and we want the code and message to survive.
 */
export type ReportDeskBridge = {
  [D in DomainOf<OperationName>]: {
    [V in VerbOf<OperationName, D>]: OperationFn<`${D}/${V}` & OperationName>;
  };
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
};

export type Invoke = (name: OperationName, input: unknown) => Promise<Envelope<unknown>>;
export type Subscribe = (event: EventName, listener: (payload: unknown) => void) => () => void;

/**
 * Builds the bridge object from the operation names. The preload passes an
 * IPC-backed `invoke`; the browser test host passes an HTTP-backed one, so the
 * renderer cannot tell them apart.
 */
export function buildBridge(invoke: Invoke, subscribe: Subscribe): ReportDeskBridge {
  const bridge: Record<string, Record<string, (input?: unknown) => Promise<Envelope<unknown>>>> = {};
  for (const name of OPERATION_NAMES) {
    const [domain, verb] = name.split('/') as [string, string];
    bridge[domain] ??= {};
    bridge[domain][verb] = (input?: unknown) => invoke(name, input);
  }
  return Object.freeze({
    ...Object.fromEntries(Object.entries(bridge).map(([d, fns]) => [d, Object.freeze(fns)])),
    on: subscribe,
  }) as unknown as ReportDeskBridge;
}

export function failure(error: ErrorInfo): Envelope<never> {
  return { ok: false, error };
}
