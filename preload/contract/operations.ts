import { z } from 'zod';
import type { OperationName } from './names';
export { isKnownTimeZone } from './zones';
import { timeZoneSchema } from './zones';
import { columnFilterSchema, gridViewSchema, reportParamsSchema } from './report-params';
import type { ReportDetails } from './reports';
import type { AppInfo, ConnectionSummary, Settings } from './types';
import {
  RANGE_PRESETS,
  type ConnectionStatus,
  type ConnectionTestResult,
  type ConversationTimeline,
  type ExportResult,
  type FreshnessInfo,
  type ReferenceOption,
  type ReportPage,
  type RunResult,
  type SavedReport,
} from './workspace-types';

/**
 * One entry per operation: the zod schema main uses to validate untrusted
 * input, and (as a phantom type) the result the caller gets back.
 */
export interface OperationDef<Input extends z.ZodType, Result> {
  input: Input;
  /** Never set at runtime; carries the result type. */
  readonly result?: Result;
}

function op<Result>() {
  return <Input extends z.ZodType>(input: Input): OperationDef<Input, Result> => ({ input });
}

/** Operations that take no input still get a schema so junk is refused. */
const noInput = z.strictObject({}).optional();

const timeZone = timeZoneSchema;

const id = z.string().min(1).max(128);
const requestId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, { message: 'must be a short id of letters, digits, - or _' });
const connection = z.strictObject({ connectionId: id });
const name = z.string().trim().min(1, { message: 'cannot be empty' }).max(120);
const sortSchema = z.strictObject({ column: id, direction: z.enum(['asc', 'desc']) });

export const operations = {
  'app/info': op<AppInfo>()(noInput),
  'cache/clear': op<AppInfo>()(noInput),
  'connections/list': op<ConnectionSummary[]>()(noInput),
  'connections/add': op<ConnectionSummary>()(
    z.strictObject({
      name,
      /** A region domain such as "mypurecloud.ie", or an https base URL. */
      environment: z.string().trim().min(1).max(200),
      method: z.enum(['pkce', 'client-credentials']),
      clientId: z.string().trim().min(1).max(128),
      /** Client credentials only; stored in the OS keychain and never returned. */
      clientSecret: z.string().min(1).max(512).optional(),
    }),
  ),
  'connections/remove': op<ConnectionSummary[]>()(connection),
  'connections/test': op<ConnectionTestResult>()(connection),
  'connections/sign-in': op<ConnectionStatus>()(connection),
  'connections/sign-out': op<ConnectionStatus>()(connection),
  'connections/status': op<ConnectionStatus>()(noInput),
  'settings/get': op<Settings>()(noInput),
  'settings/update': op<Settings>()(
    z.strictObject({
      timeZone: timeZone.nullable().optional(),
      durationFormat: z.enum(['hms', 'seconds']).optional(),
      csvDelimiter: z.enum([',', ';']).optional(),
      connectionId: id.optional(),
    }),
  ),
  'reports/list': op<ReportDetails[]>()(noInput),
  'reports/run': op<RunResult>()(
    z.strictObject({ requestId, params: reportParamsSchema, refresh: z.boolean().default(false) }),
  ),
  'reports/cancel': op<boolean>()(z.strictObject({ requestId })),
  'reports/page': op<ReportPage>()(z.strictObject({ params: reportParamsSchema, view: gridViewSchema })),
  'reports/freshness': op<FreshnessInfo>()(z.strictObject({ params: reportParamsSchema })),
  'reports/request': op<string>()(z.strictObject({ params: reportParamsSchema })),
  'reports/conversation': op<ConversationTimeline>()(z.strictObject({ connectionId: id, conversationId: id })),
  'reference/list': op<ReferenceOption[]>()(
    z.strictObject({ connectionId: id, kind: z.enum(['queue', 'user', 'wrapupCode', 'division']) }),
  ),
  'saved/list': op<SavedReport[]>()(noInput),
  'saved/save': op<SavedReport>()(
    z.strictObject({
      id: id.optional(),
      name,
      params: reportParamsSchema,
      preset: z.enum(RANGE_PRESETS),
      columns: z.array(id).max(200),
      sort: sortSchema.nullable(),
      columnFilters: z.array(columnFilterSchema).max(50).default([]),
    }),
  ),
  'saved/rename': op<SavedReport>()(z.strictObject({ id, name })),
  'saved/duplicate': op<SavedReport>()(z.strictObject({ id })),
  'saved/delete': op<SavedReport[]>()(z.strictObject({ id })),
  'export/start': op<ExportResult>()(
    z.strictObject({
      requestId,
      params: reportParamsSchema,
      view: gridViewSchema,
      /** Visible columns in grid order. */
      columns: z.array(id).min(1).max(200),
      format: z.enum(['csv', 'xlsx']),
    }),
  ),
  'export/cancel': op<boolean>()(z.strictObject({ requestId })),
} satisfies { [N in OperationName]: OperationDef<z.ZodType, unknown> };

type Operations = typeof operations;

export type OperationInput<N extends OperationName> = z.input<Operations[N]['input']>;
export type ParsedInput<N extends OperationName> = z.output<Operations[N]['input']>;
export type OperationResult<N extends OperationName> =
  Operations[N] extends OperationDef<z.ZodType, infer R> ? R : never;
