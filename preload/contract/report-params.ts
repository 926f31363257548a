import { z } from 'zod';
import { DIRECTIONS, GRANULARITIES, MEDIA_TYPES, REPORT_IDS } from './reports';
import { timeZoneSchema } from './zones';

/**
 * What a supervisor asks for, as the form, saved reports and the CLI express it. Main turns it into a fetch
 * (main/reports/) and a cache query; nothing here is SQL or a Genesys body.
 */
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date like 2026-03-31' })
  .refine(
    (text) =>
      !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text),
    {
      message: 'is not a real calendar date',
    },
  );
const id = z.string().min(1).max(128);
const ids = z.array(id).max(1000);

export const reportFiltersSchema = z.strictObject({
  queueIds: ids.optional(),
  userIds: ids.optional(),
  mediaTypes: z.array(z.enum(MEDIA_TYPES)).max(MEDIA_TYPES.length).optional(),
  directions: z.array(z.enum(DIRECTIONS)).max(DIRECTIONS.length).optional(),
  wrapupCodeIds: ids.optional(),
  divisionIds: ids.optional(),
});
export type ReportFilters = z.infer<typeof reportFiltersSchema>;

/** Interactions' advanced conditions: one level of and/or over field–operator–value rules. */
export const conditionRuleSchema = z.strictObject({
  field: z.string().min(1).max(64),
  op: z.enum(['equals', 'contains', 'startsWith', 'gt', 'gte', 'lt', 'lte', 'is', 'isNot']),
  value: z.union([z.string().max(500), z.number().finite(), z.boolean()]),
});
export const conditionGroupSchema = z.strictObject({
  match: z.enum(['all', 'any']),
  rules: z.array(conditionRuleSchema).max(50),
});
export type ConditionRule = z.infer<typeof conditionRuleSchema>;
export type ConditionGroup = z.infer<typeof conditionGroupSchema>;

export const reportParamsSchema = z
  .strictObject({
    report: z.enum(REPORT_IDS),
    connectionId: id,
    /** Days in `timeZone`, both inclusive (ignored by live-queues). */
    from: day,
    to: day,
    timeZone: timeZoneSchema,
    /** Bucket size for performance reports; ignored by interactions and live-queues. */
    granularity: z.enum(GRANULARITIES).default('P1D'),
    filters: reportFiltersSchema.default({}),
    conditions: conditionGroupSchema.optional(),
  })
  .refine((params) => params.to >= params.from, { message: 'The end date is before the start date.', path: ['to'] });
export type ReportParams = z.output<typeof reportParamsSchema>;
export type ReportParamsInput = z.input<typeof reportParamsSchema>;

/** How the grid looks at a result: sort, column filters and the page. Executed in SQL in main. */
export const columnFilterSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('text'),
    column: id,
    op: z.enum(['contains', 'equals', 'startsWith']),
    value: z.string().max(500),
  }),
  z.strictObject({
    kind: z.literal('number'),
    column: id,
    min: z.number().finite().optional(),
    max: z.number().finite().optional(),
  }),
  z.strictObject({
    kind: z.literal('date'),
    column: id,
    from: z.number().finite().optional(),
    to: z.number().finite().optional(),
  }),
  z.strictObject({ kind: z.literal('set'), column: id, values: z.array(z.string().max(500)).max(1000) }),
  z.strictObject({ kind: z.literal('flag'), column: id, value: z.boolean() }),
]);
export type ColumnFilter = z.infer<typeof columnFilterSchema>;

export const gridViewSchema = z.strictObject({
  sort: z.strictObject({ column: id, direction: z.enum(['asc', 'desc']) }).optional(),
  filters: z.array(columnFilterSchema).max(50).default([]),
  page: z.strictObject({
    size: z.number().int().min(1).max(1000),
    after: z.string().max(2000).nullable().optional(),
    number: z.number().int().min(1).optional(),
  }),
  count: z.boolean().default(true),
});
export type GridView = z.output<typeof gridViewSchema>;
export type GridViewInput = z.input<typeof gridViewSchema>;
