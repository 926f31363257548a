import { z } from 'zod';
import type { OperationName } from './names';
export { isKnownTimeZone } from './zones';
import { timeZoneSchema } from './zones';
import type { AppInfo, ConnectionSummary, Settings } from './types';

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

export const operations = {
  'app/info': op<AppInfo>()(noInput),
  'connections/list': op<ConnectionSummary[]>()(noInput),
  'settings/get': op<Settings>()(noInput),
  'settings/update': op<Settings>()(
    z.strictObject({
      timeZone: timeZone.nullable().optional(),
      durationFormat: z.enum(['hms', 'seconds']).optional(),
    }),
  ),
} satisfies { [N in OperationName]: OperationDef<z.ZodType, unknown> };

type Operations = typeof operations;

export type OperationInput<N extends OperationName> = z.input<Operations[N]['input']>;
export type ParsedInput<N extends OperationName> = z.output<Operations[N]['input']>;
export type OperationResult<N extends OperationName> =
  Operations[N] extends OperationDef<z.ZodType, infer R> ? R : never;
