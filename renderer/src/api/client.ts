import type { ReportDeskBridge } from '../../../preload/contract/api';
import { OPERATION_NAMES, type EventName } from '../../../preload/contract/names';
import type { Envelope, ErrorCode, ErrorInfo, EventPayloads } from '../../../preload/contract/types';

/** A failed call, carrying the plain-language message main produced. */
export class BridgeError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;

  constructor(info: ErrorInfo) {
    super(info.message);
    this.name = 'BridgeError';
    this.code = info.code;
    this.field = info.field;
  }
}

type Operations = Omit<ReportDeskBridge, 'on'>;
type Unwrap<T> = T extends Promise<Envelope<infer R>> ? Promise<R> : never;

/** The bridge's functions, resolving to the value or rejecting with a BridgeError. */
export type Client = {
  [D in keyof Operations]: {
    [V in keyof Operations[D]]: Operations[D][V] extends (...args: infer A) => infer R
      ? (...args: A) => Unwrap<R>
      : never;
  };
};

export const BRIDGE_MISSING_MESSAGE =
  'ReportDesk could not reach its engine. Close the window and start ReportDesk again.';

/** The only place in the renderer that touches `window.reportdesk`. */
function bridge(): ReportDeskBridge {
  const found = window.reportdesk;
  if (!found) throw new BridgeError({ code: 'unavailable', message: BRIDGE_MISSING_MESSAGE });
  return found;
}

function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value;
  throw new BridgeError(envelope.error);
}

type LooseBridge = Record<string, Record<string, (input?: unknown) => Promise<Envelope<unknown>>>>;

/** Mirrors the bridge's shape; the bridge is looked up on each call so tests can install a fake later. */
export function createClient(source: () => ReportDeskBridge = bridge): Client {
  const client: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {};
  for (const name of OPERATION_NAMES) {
    const [domain, verb] = name.split('/') as [string, string];
    (client[domain] ??= {})[verb] = async (input?: unknown) => {
      const fn = (source() as unknown as LooseBridge)[domain]?.[verb];
      if (!fn) throw new BridgeError({ code: 'unavailable', message: BRIDGE_MISSING_MESSAGE });
      return unwrap(await fn(input));
    };
  }
  return client as unknown as Client;
}

export const client = createClient();

/** Without a bridge there is nothing to hear; the calls themselves report the problem. */
export function subscribe<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void {
  return window.reportdesk?.on(event, listener) ?? (() => undefined);
}

export function errorMessage(error: unknown): string {
  if (error instanceof BridgeError) return error.message;
  return 'Something went wrong. Try again; if it keeps happening, restart ReportDesk.';
}
