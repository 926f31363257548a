import type {
  DisconnectCondition,
  GridCondition,
  GridConditionGroup,
  GridConditionRule,
} from '../../cache/grid-request';
import type { NumberFilterColumn, SetFilterColumn, TextFilterColumn } from '../../cache/grid-columns';
import type { ConditionGroup, ConditionRule } from '../../../preload/contract/report-params';
import {
  DIRECTIONS,
  MEDIA_TYPES,
  type ConditionFieldDetails,
  type ConditionOp,
  type ReferenceList,
} from '../../../preload/contract/reports';
import { badReportInput } from '../report-errors';

/**
 * The advanced conditions of the Interactions report ("talk time over 10 min", "ANI starts with +1312",
 * "disconnected by the customer"), checked and turned into cache conditions that run in SQL. Every rule
 * that cannot apply is refused with a sentence naming the rule, never silently dropped.
 */
const OP_WORDS: Record<ConditionOp, string> = {
  equals: 'equals',
  contains: 'contains',
  startsWith: 'starts with',
  gt: 'more than',
  gte: 'at least',
  lt: 'less than',
  lte: 'at most',
  is: 'is',
  isNot: 'is not',
};

/** Genesys disconnect types (fact sheet §4.2) that mean the platform, not a person, ended a leg. */
const SYSTEM_DISCONNECTS = ['system', 'error', 'timeout', 'inactivity', 'sessionExpired', 'transportFailure'];
/** A person's own hang-up: their phone (endpoint) or their app (client). */
const OWN_HANG_UP = ['endpoint', 'client'];
const GENESYS_DISCONNECTS = [
  'client',
  'conferenceTransfer',
  'consultTransfer',
  'dndEndpoint',
  'dndTransfer',
  'endpoint',
  'error',
  'forwardTransfer',
  'inactivity',
  'noAnswerTransfer',
  'notAvailableTransfer',
  'other',
  'peer',
  'sessionExpired',
  'spam',
  'system',
  'takeover',
  'timeout',
  'transfer',
  'transportFailure',
  'uncallable',
];
const DISCONNECT_PARTIES: Record<string, Omit<DisconnectCondition, 'kind'>> = {
  customer: { party: 'customer', types: OWN_HANG_UP },
  agent: { party: 'agent', types: OWN_HANG_UP },
  system: { party: 'any', types: SYSTEM_DISCONNECTS },
};

interface Field {
  details: ConditionFieldDetails;
  /** The cache condition for a checked rule (value already of the right type). */
  build: (op: ConditionOp, value: string | number | boolean) => GridConditionRule;
}

const label = (value: string): string => value.charAt(0).toUpperCase() + value.slice(1);
const fixedOptions = (values: readonly string[]) => ({
  kind: 'fixed' as const,
  values: values.map((value) => ({ value, label: label(value) })),
});

/** Durations are whole milliseconds in the cache, so strict bounds become inclusive ones exactly. */
function numberField(field: string, fieldLabel: string, column: NumberFilterColumn): Field {
  return {
    details: {
      id: field,
      label: fieldLabel,
      format: 'duration',
      ops: ['gt', 'gte', 'lt', 'lte', 'equals'],
      hint: 'in milliseconds (10 minutes = 600000)',
    },
    build: (op, value) => {
      const v = value as number;
      const bounds =
        op === 'gt'
          ? { min: Math.floor(v) + 1 }
          : op === 'gte'
            ? { min: Math.ceil(v) }
            : op === 'lt'
              ? { max: Math.ceil(v) - 1 }
              : op === 'lte'
                ? { max: Math.floor(v) }
                : { min: v, max: v };
      return { condition: { kind: 'number', column, ...bounds } };
    },
  };
}

function dateField(field: 'startTime' | 'endTime', fieldLabel: string): Field {
  return {
    details: { id: field, label: fieldLabel, format: 'datetime', ops: ['gt', 'gte', 'lt', 'lte'], hint: 'epoch ms' },
    build: (op, value) => {
      const v = value as number;
      const bounds =
        op === 'gt'
          ? { from: Math.floor(v) + 1 }
          : op === 'gte'
            ? { from: Math.ceil(v) }
            : op === 'lt'
              ? { to: Math.ceil(v) }
              : { to: Math.floor(v) + 1 };
      return { condition: { kind: 'date', column: field, ...bounds } };
    },
  };
}

function textField(field: string, fieldLabel: string, column: TextFilterColumn, phone: boolean): Field {
  return {
    details: {
      id: field,
      label: fieldLabel,
      format: phone ? 'phone' : 'text',
      ops: ['equals', 'contains', 'startsWith', 'is', 'isNot'],
      ...(phone ? { hint: 'as dialled, e.g. +1312 (a tel: prefix is not needed)' } : {}),
    },
    build: (op, value) => {
      const textOp = op === 'contains' || op === 'startsWith' ? op : 'equals';
      const condition: GridCondition = { kind: 'text', column, op: textOp, value: value as string };
      return op === 'isNot' ? { condition, negate: true } : { condition };
    },
  };
}

function setField(
  field: string,
  fieldLabel: string,
  column: SetFilterColumn,
  choices: { list: ReferenceList } | { values: readonly string[] },
  hint?: string,
): Field {
  return {
    details: {
      id: field,
      label: fieldLabel,
      ...(hint === undefined ? {} : { hint }),
      ...('list' in choices
        ? { format: 'id' as const, list: choices.list }
        : { format: 'enum' as const, options: fixedOptions(choices.values).values }),
      ops: ['is', 'isNot'],
    },
    build: (op, value) => {
      const condition: GridCondition = { kind: 'set', column, values: [value as string] };
      return op === 'isNot' ? { condition, negate: true } : { condition };
    },
  };
}

function flagField(field: 'answered' | 'abandoned' | 'transferred', fieldLabel: string): Field {
  return {
    details: { id: field, label: fieldLabel, format: 'flag', ops: ['is', 'isNot'] },
    build: (op, value) => ({ condition: { kind: 'flag', column: field, value: op === 'isNot' ? !value : !!value } }),
  };
}

const disconnectField: Field = {
  details: {
    id: 'disconnectType',
    label: 'Disconnected by',
    format: 'enum',
    ops: ['is', 'isNot'],
    options: [
      { value: 'customer', label: 'Customer' },
      { value: 'agent', label: 'Agent' },
      { value: 'system', label: 'System' },
      ...GENESYS_DISCONNECTS.map((value) => ({ value, label: `Genesys type: ${value}` })),
    ],
    hint: 'customer/agent: that person hung up or closed the interaction; system: the platform ended it',
  },
  build: (op, value) => {
    const known = DISCONNECT_PARTIES[value as string];
    const condition: DisconnectCondition =
      known === undefined
        ? { kind: 'disconnect', party: 'any', types: [value as string] }
        : { kind: 'disconnect', ...known };
    return op === 'isNot' ? { condition, negate: true } : { condition };
  },
};

const FIELDS: readonly Field[] = [
  numberField('talk', 'Talk time', 'talk'),
  numberField('held', 'Hold time', 'held'),
  numberField('acw', 'After-call work', 'acw'),
  numberField('handle', 'Handle time', 'handle'),
  numberField('queueWait', 'Time in queue', 'queueWait'),
  numberField('alert', 'Alert time', 'alert'),
  numberField('abandonWait', 'Abandon wait', 'abandonWait'),
  numberField('duration', 'Duration', 'duration'),
  dateField('startTime', 'Start'),
  dateField('endTime', 'End'),
  textField('ani', 'From (ANI)', 'ani', true),
  textField('dnis', 'To (DNIS)', 'dnis', true),
  textField('conversationId', 'Conversation ID', 'conversationId', false),
  textField('externalTag', 'External tag', 'externalTag', false),
  setField('mediaType', 'Media', 'mediaType', { values: MEDIA_TYPES }),
  setField('direction', 'Direction', 'direction', { values: DIRECTIONS }),
  setField('queue', 'Any queue', 'queue', { list: 'queue' }, 'any queue the conversation passed through'),
  setField('firstQueue', 'First queue', 'firstQueue', { list: 'queue' }),
  setField('agent', 'Agent', 'agent', { list: 'user' }, 'any agent who took part'),
  setField('wrapUpCode', 'Wrap-up code', 'wrapUpCode', { list: 'wrapupCode' }, 'the last wrap-up code chosen'),
  setField('division', 'Division', 'division', { list: 'division' }),
  flagField('answered', 'Answered'),
  flagField('abandoned', 'Abandoned'),
  flagField('transferred', 'Transferred'),
  disconnectField,
];

export const CONDITION_FIELDS: readonly ConditionFieldDetails[] = FIELDS.map((field) => field.details);

const byId = new Map(FIELDS.map((field) => [field.details.id, field]));

function checkValue(field: Field, rule: ConditionRule, where: string): string | number | boolean {
  const { details } = field;
  const value = rule.value;
  switch (details.format) {
    case 'duration':
    case 'datetime':
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw badReportInput(
          `${where}: ${details.label} needs a number${details.format === 'duration' ? ' of milliseconds' : ' (a date and time)'}.`,
          'conditions',
        );
      }
      return value;
    case 'flag':
      if (typeof value !== 'boolean') throw badReportInput(`${where}: ${details.label} needs yes or no.`, 'conditions');
      return value;
    case 'enum': {
      const allowed = (details.options ?? []).map((option) => option.value);
      if (typeof value !== 'string' || !allowed.includes(value)) {
        throw badReportInput(
          `${where}: "${String(value)}" is not a choice for ${details.label}. Choose one of: ${allowed.slice(0, 8).join(', ')}${allowed.length > 8 ? ', …' : ''}.`,
          'conditions',
        );
      }
      return value;
    }
    default:
      if (typeof value !== 'string' || value.trim() === '') {
        throw badReportInput(`${where}: ${details.label} needs some text to compare with.`, 'conditions');
      }
      return value.trim();
  }
}

/** The conditions as cache conditions, or a plain error naming the first rule that cannot apply. */
export function toGridConditions(group: ConditionGroup | undefined): GridConditionGroup | undefined {
  if (group === undefined || group.rules.length === 0) return undefined;
  const rules = group.rules.map((rule, index) => {
    const where = `Condition ${index + 1}`;
    const field = byId.get(rule.field);
    if (field === undefined) {
      throw badReportInput(
        `${where}: interactions have no field "${rule.field}". You can use: ${CONDITION_FIELDS.map((f) => f.label).join(', ')}.`,
        'conditions',
      );
    }
    const op = rule.op === 'equals' && field.details.ops.includes('is') ? 'is' : rule.op;
    if (!field.details.ops.includes(op)) {
      throw badReportInput(
        `${where}: ${field.details.label} cannot use "${OP_WORDS[rule.op]}". Use ${field.details.ops.map((o) => `"${OP_WORDS[o]}"`).join(', ')}.`,
        'conditions',
      );
    }
    return field.build(op, checkValue(field, rule, where));
  });
  return { match: group.match, rules };
}
