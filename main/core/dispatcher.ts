import type { z } from 'zod';
import { isOperationName, type OperationName } from '../../preload/contract/names';
import { operations, type OperationResult, type ParsedInput } from '../../preload/contract/operations';
import type { Envelope, ErrorInfo } from '../../preload/contract/types';
import { toErrorInfo } from './errors';

export type Handlers = {
  [N in OperationName]: (input: ParsedInput<N>) => Promise<OperationResult<N>> | OperationResult<N>;
};

export type Dispatch = (name: unknown, input: unknown) => Promise<Envelope<unknown>>;

export interface DispatcherOptions {
  /** Called with failures that were not the caller's fault, for the log. Never shown to the user. */
  onInternalError?: (name: string, error: unknown) => void;
}

/**
 * The single place where untrusted calls become handler calls: the name must
 * be a known operation, the input must parse, and whatever happens the caller
 * gets a serialisable envelope. Used by the Electron gatekeeper and by the
 * browser test host alike.
 */
export function createDispatcher(handlers: Handlers, options: DispatcherOptions = {}): Dispatch {
  return async (name, input) => {
    if (!isOperationName(name)) {
      return fail({ code: 'unknown-operation', message: `ReportDesk has no operation called "${describe(name)}".` });
    }
    const schema: z.ZodType = operations[name].input;
    const parsed = schema.safeParse(input);
    if (!parsed.success) return fail(describeIssues(parsed.error.issues));
    try {
      const handler = handlers[name] as (input: unknown) => unknown;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      const info = toErrorInfo(error);
      if (info.code === 'internal') options.onInternalError?.(name, error);
      return fail(info);
    }
  };
}

function fail(error: ErrorInfo): Envelope<never> {
  return { ok: false, error };
}

/** Names arrive from untrusted code: show at most a short, printable prefix. */
function describe(value: unknown): string {
  const text = typeof value === 'string' ? value : typeof value;
  const printable = text.replace(/[^\x20-\x7e]/g, '?');
  return printable.length > 60 ? `${printable.slice(0, 60)}…` : printable;
}

function describeIssues(issues: z.core.$ZodIssue[]): ErrorInfo {
  const first = issues[0];
  const path = first?.path.map(String).join('.') ?? '';
  const subject = path ? `"${path}"` : 'the input';
  const info: ErrorInfo = { code: 'bad-input', message: `That request was not accepted: ${explain(first, subject)}.` };
  if (path) info.field = path;
  return info;
}

/** zod's own wording is for developers; these are for the person reading the message. */
function explain(issue: z.core.$ZodIssue | undefined, subject: string): string {
  const own = issue === undefined ? undefined : contractWords(issue, subject);
  if (own !== undefined) return own;
  switch (issue?.code) {
    case 'unrecognized_keys':
      return `it has fields ReportDesk does not know: ${issue.keys.map((key) => describe(key)).join(', ')}`;
    case 'invalid_type':
      return `${subject} is missing or has the wrong type`;
    case 'invalid_value':
      return `${subject} must be one of: ${issue.values.map(String).join(', ')}`;
    case 'too_big':
      return `${subject} is too ${issue.origin === 'string' ? 'long' : 'large'}`;
    case 'too_small':
      return `${subject} is too ${issue.origin === 'string' ? 'short' : 'small'}`;
    default:
      return `${subject} is not valid`;
  }
}

/**
 * The contract's own message for a field, when it wrote one (zod's English always starts with a capital: "Invalid
 * input…", "Too small…"). A phrase such as "must be a date like 2026-03-31" follows the field's name; a sentence
 * such as "The end date is before the start date." stands on its own. Without this, a malformed date only said
 * "is not valid" and the end-date check read `"params.to" The end date is before the start date..`.
 */
function contractWords(issue: z.core.$ZodIssue, subject: string): string | undefined {
  const text = issue.message.trim().replace(/\.+$/, '');
  if (/^[a-z]/.test(text)) return `${subject} ${text}`;
  if (issue.code === 'custom' && text !== '' && text !== 'Invalid input') {
    return `${text.charAt(0).toLowerCase()}${text.slice(1)}`;
  }
  return undefined;
}
