/**
 * The names of everything that crosses the process boundary. Kept free of zod
 * so the sandboxed preload bundle stays tiny: it needs only the names, while
 * main validates with the schemas in `operations.ts` (which is type-checked to
 * cover exactly these names).
 */
export const OPERATION_NAMES = [
  'app/info',
  'cache/clear',
  'connections/list',
  'connections/add',
  'connections/remove',
  'connections/test',
  'connections/sign-in',
  'connections/sign-out',
  'connections/status',
  'settings/get',
  'settings/update',
  'reports/list',
  'reports/run',
  'reports/cancel',
  'reports/page',
  'reports/freshness',
  'reports/request',
  'reports/conversation',
  'reference/list',
  'saved/list',
  'saved/save',
  'saved/rename',
  'saved/duplicate',
  'saved/delete',
  'export/start',
  'export/cancel',
] as const;

export type OperationName = (typeof OPERATION_NAMES)[number];

export const EVENT_NAMES = [
  'settings/changed',
  'run/progress',
  'export/progress',
  'status/changed',
  'connections/changed',
  'saved/changed',
] as const;

export type EventName = (typeof EVENT_NAMES)[number];

/** IPC channels used by the preload and the gatekeeper; one each way. */
export const INVOKE_CHANNEL = 'reportdesk:invoke';
export const EVENT_CHANNEL = 'reportdesk:event';

export function isOperationName(value: unknown): value is OperationName {
  return typeof value === 'string' && (OPERATION_NAMES as readonly string[]).includes(value);
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (EVENT_NAMES as readonly string[]).includes(value);
}
