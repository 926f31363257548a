import type { ReportFilters } from '../../../preload/contract/report-params';
import type { ReportFiltersLike } from '../../../preload/contract/workspace-types';
// From the contract, not the store: the store's window-bound client would break Node-side type checks of this file.
import type { ReferenceList as ReferenceKind } from '../../../preload/contract/reports';

type MediaType = NonNullable<ReportFilters['mediaTypes']>[number];
type Direction = NonNullable<ReportFilters['directions']>[number];

export interface Choice {
  value: string;
  label: string;
}

/** Typed against the contract's enums, so a new media type fails the type check until it has a label. */
const MEDIA_LABELS: Record<MediaType, string> = {
  voice: 'Voice',
  chat: 'Chat',
  email: 'Email',
  message: 'Messaging',
  callback: 'Callback',
};
const DIRECTION_LABELS: Record<Direction, string> = { inbound: 'Inbound', outbound: 'Outbound' };

const toChoices = (labels: Record<string, string>): Choice[] =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

export interface FilterField {
  /** Shown as the field's legend: "Queues". */
  label: string;
  /** One name, for messages: "queue". */
  noun: string;
  source: { reference: ReferenceKind } | { fixed: Choice[] };
}

/** The form's filters, in the order the form shows them. */
export const FILTER_FIELDS: Record<ReportFiltersLike, FilterField> = {
  queueIds: { label: 'Queues', noun: 'queue', source: { reference: 'queue' } },
  userIds: { label: 'Agents', noun: 'agent', source: { reference: 'user' } },
  mediaTypes: { label: 'Media types', noun: 'media type', source: { fixed: toChoices(MEDIA_LABELS) } },
  directions: { label: 'Direction', noun: 'direction', source: { fixed: toChoices(DIRECTION_LABELS) } },
  wrapupCodeIds: { label: 'Wrap-up codes', noun: 'wrap-up code', source: { reference: 'wrapupCode' } },
  divisionIds: { label: 'Divisions', noun: 'division', source: { reference: 'division' } },
};

export const FILTER_ORDER = Object.keys(FILTER_FIELDS) as ReportFiltersLike[];

export function referenceKindOf(key: ReportFiltersLike): ReferenceKind | null {
  const { source } = FILTER_FIELDS[key];
  return 'reference' in source ? source.reference : null;
}
