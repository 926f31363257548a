import { defaultColumns, emptyDraft, type QueryDraft } from '../../../../renderer/src/query/draft';
import { draftFromSaved } from '../../../../renderer/src/query/params';
import { RETENTION_DAYS } from '../../../../renderer/src/query/retention';
import { validateDraft, type FieldKey } from '../../../../renderer/src/query/validate';
import type { ReportId } from '../../../../preload/contract/reports';
import { ZONE, type CatalogueContext } from '../context';
import type { CatalogueCase, Observation } from '../types';

/**
 * The query form checks a draft before Run is enabled (renderer/src/query/validate.ts, a pure function): these
 * cases feed it the reports and queue list the real core gives the renderer, and read the message shown beside
 * the field.
 */
async function formSays(
  ctx: CatalogueContext,
  field: FieldKey,
  change: (draft: QueryDraft) => Partial<QueryDraft>,
  report: ReportId = 'interactions',
): Promise<Observation> {
  const descriptor = (await ctx.demo.call('reports/list')).find((candidate) => candidate.id === report);
  if (!descriptor) throw new Error(`no report ${report}`);
  const base: QueryDraft = {
    ...emptyDraft(ctx.day(0)),
    report,
    preset: 'custom',
    custom: { from: ctx.day(-7), to: ctx.day(-1) },
    columns: defaultColumns(descriptor),
  };
  const draft = { ...base, ...change(base) };
  const queue = await ctx.demo.call('reference/list', { connectionId: 'demo', kind: 'queue' });
  const errors = validateDraft(draft, descriptor, {
    zone: ZONE,
    now: Date.now(),
    retentionDays: RETENTION_DAYS,
    reference: { queue },
    locale: 'en-GB',
  });
  return { message: errors[field] ?? null };
}

const rule = (field: string, op: 'gt' | 'equals', text: string) => ({ rules: [{ key: 'r1', field, op, text }] });

const DELETED_QUEUE = 'queue-deleted-since-this-report-was-saved';

export const formCases: CatalogueCase[] = [
  {
    id: 'form-end-before-start',
    area: 'Form',
    situation: 'The end date of a custom range is before its start date.',
    shown: 'Beside the end date; Run stays disabled.',
    message: 'The end date is before the start date. Choose an end on or after {day}.',
    advice: 'Pick an end date on or after the start date.',
    run: (ctx) => formSays(ctx, 'to', () => ({ custom: { from: ctx.day(-3), to: ctx.day(-6) } })),
  },
  {
    id: 'form-missing-date',
    area: 'Form',
    situation: 'The start date of a custom range was cleared.',
    shown: 'Beside the start date; Run stays disabled.',
    message: 'Enter a start date.',
    advice: 'Pick a start date.',
    run: (ctx) => formSays(ctx, 'from', () => ({ custom: { from: '', to: ctx.day(-1) } })),
  },
  {
    id: 'form-future-range',
    area: 'Form',
    situation: 'The whole range is in the future.',
    shown: 'Beside the date range; Run stays disabled.',
    message: 'This range is in the future, so there is no data for it yet. Today is {day} in {zone}.',
    advice: 'Choose days up to today.',
    run: (ctx) => formSays(ctx, 'range', () => ({ custom: { from: ctx.day(3), to: ctx.day(5) } })),
  },
  {
    id: 'form-end-after-today',
    area: 'Form',
    situation: 'The range starts in the past but ends after today.',
    shown: 'Beside the end date; Run stays disabled.',
    message: 'The end date is after today ({day} in {zone}). Choose today or an earlier day.',
    advice: 'End the range today or earlier.',
    run: (ctx) => formSays(ctx, 'to', () => ({ custom: { from: ctx.day(-3), to: ctx.day(2) } })),
  },
  {
    id: 'form-beyond-retention',
    area: 'Form',
    situation: 'The range starts further back than Genesys Cloud keeps interaction data (about two years).',
    shown: 'Beside the date range; Run stays disabled.',
    message:
      'Genesys Cloud keeps interaction data for a limited time (about 2 years), so the days before {day} may no longer exist. Choose a start on or after that day.',
    advice: 'Start the range on or after the day named; older data cannot be fetched.',
    run: (ctx) => formSays(ctx, 'range', () => ({ custom: { from: ctx.day(-800), to: ctx.day(-790) } })),
  },
  {
    id: 'form-deleted-queue',
    area: 'Form',
    situation: 'A saved report names a queue that has since been deleted in Genesys Cloud.',
    shown: 'Beside the Queues filter when the saved report is opened; Run stays disabled.',
    message: 'One selected queue no longer exists in this organisation. Remove it to run the report.',
    outcome: 'The saved report itself is kept unchanged, deleted queue included, until the user saves it again.',
    advice: 'Remove the queue from the filter (or pick its replacement) and save the report again.',
    run: async (ctx, expect) => {
      const [queue] = await ctx.demo.call('reference/list', { connectionId: 'demo', kind: 'queue' });
      const params = { ...ctx.params('interactions', -7, -1), filters: { queueIds: [queue!.id, DELETED_QUEUE] } };
      const saved = await ctx.demo.call('saved/save', {
        name: 'Queue with a deleted member',
        params,
        preset: 'custom',
        columns: ['startTime', 'firstQueue'],
        sort: null,
      });
      const reopened = (await ctx.demo.call('saved/list')).find((item) => item.id === saved.id);
      expect(reopened?.params.filters.queueIds).toEqual([queue!.id, DELETED_QUEUE]);
      const descriptor = (await ctx.demo.call('reports/list')).find((report) => report.id === 'interactions');
      return formSays(ctx, 'queueIds', () => draftFromSaved(reopened!, descriptor));
    },
  },
  {
    id: 'form-no-columns',
    area: 'Form',
    situation: 'Every column was hidden.',
    shown: 'Beside the column chooser; Run stays disabled.',
    message: 'Choose at least one column to show.',
    advice: 'Tick at least one column.',
    run: (ctx) => formSays(ctx, 'columns', () => ({ columns: [] })),
  },
  {
    id: 'form-condition-not-a-number',
    area: 'Form',
    situation: 'An Interactions condition on talk time has a word where minutes should be.',
    shown: 'Beside the condition; Run stays disabled.',
    message: 'Enter a number.',
    advice: 'Type the number of minutes, e.g. 2.5.',
    run: (ctx) => formSays(ctx, 'rule:r1', () => rule('talk', 'gt', 'ten')),
  },
  {
    id: 'form-condition-empty',
    area: 'Form',
    situation: 'A condition was added but its value left empty.',
    shown: 'Beside the condition; Run stays disabled.',
    message: 'Enter a value.',
    advice: 'Type a value or remove the condition.',
    run: (ctx) => formSays(ctx, 'rule:r1', () => rule('ani', 'equals', '  ')),
  },
  {
    id: 'form-condition-bad-date',
    area: 'Form',
    situation: 'A condition on the start time has a month 13.',
    shown: 'Beside the condition; Run stays disabled.',
    message: 'Enter a date and time.',
    advice: 'Pick the date and time with the picker.',
    run: (ctx) => formSays(ctx, 'rule:r1', () => rule('startTime', 'gt', '2026-13-01T10:00')),
  },
  {
    id: 'form-condition-field-gone',
    area: 'Form',
    situation: 'A saved condition uses a field this version of the report no longer offers.',
    shown: 'Beside the condition; Run stays disabled.',
    message: 'This field is no longer offered for this report. Remove the condition.',
    advice: 'Remove the condition (and save the report again).',
    run: (ctx) => formSays(ctx, 'rule:r1', () => rule('sentiment', 'gt', '3')),
  },
];
