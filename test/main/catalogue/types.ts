import type { ExpectStatic } from 'vitest';
import type { CatalogueContext } from './context';

export const AREAS = ['Form', 'Contract', 'CLI', 'Genesys Cloud', 'Files'] as const;
export type Area = (typeof AREAS)[number];

/** What a case saw when it ran: the message the user was shown, or null when nothing went wrong for them. */
export type Observation = { message: string | null } | { skipped: string };

/**
 * One row of the bad-input catalogue. The same row drives the test (run it, compare what the user saw with
 * `message`) and docs/errors.md, so the document cannot drift from what the app really says.
 */
export interface CatalogueCase {
  /** Stable, unique; quoted in docs/errors.md and in support conversations. */
  id: string;
  area: Area;
  /** What happened, in the supervisor's words. */
  situation: string;
  /** Where the message appears: beside a field, in the run's result, on the terminal… */
  shown: string;
  /**
   * The exact message, with `{name}` standing for a part that varies (a date, a file name, a support reference).
   * null: the situation is tolerated and the user sees no error.
   */
  message: string | null;
  /** What the app does instead of failing (tolerated cases), or what it keeps (failures). */
  outcome?: string;
  /** What the user should do. */
  advice: string;
  run: (ctx: CatalogueContext, expect: ExpectStatic) => Promise<Observation>;
}

/**
 * The case's message as a whole-string pattern: literal text is matched exactly, each `{name}` matches any
 * non-empty text (shortest first, so a template cannot swallow the sentence that follows a placeholder).
 */
export function templatePattern(template: string): RegExp {
  const parts = template.split(/\{[a-z][a-zA-Z ]*\}/);
  return new RegExp(`^${parts.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+?')}$`, 's');
}

/** The message a dispatch answer carries for the user: the error's, or a result's own `message`. */
export function messageOf(answer: { ok: boolean; error?: { message: string }; value?: unknown }): string | null {
  if (!answer.ok) return answer.error?.message ?? null;
  const value = answer.value as { message?: unknown } | null | undefined;
  return typeof value?.message === 'string' ? value.message : null;
}
