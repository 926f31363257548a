/**
 * Free text that Genesys keeps verbatim: email subjects, wrap-up notes,
 * names typed into chat forms, participant data. A fixed share of it is
 * hostile on purpose (CSV formula injection, markup, quotes, newlines,
 * emoji) so export and rendering code always has something to chew on.
 */
import type { Rng } from './random';

/** Share of free-text values replaced by an adversarial one. Fixed, so every org has some. */
export const ADVERSARIAL_SHARE = 0.08;

export const ADVERSARIAL_TEXT: readonly string[] = [
  '=HYPERLINK("http://example.invalid/x","Click, here")',
  '+1 (312) 555-0100, "urgent"\nCall back after 5pm',
  '<script>alert("xss")</script>',
  '<b>VIP</b> customer – very happy 😀👍🏽',
  'Line one\r\nLine two, "quoted"\tand tabbed',
  "-2+3*cmd|' /C calc'!A0",
  '@SUM(1+1)',
  'Zoë said ""hi"" & left 💬',
  "'; DROP TABLE conversations; --",
  '   padded with spaces   ',
];

const SUBJECTS: readonly string[] = [
  'Question about my invoice #{n}',
  'Refund request – order {n}',
  "Can't log in to my account",
  'Change of address',
  'Re: Your ticket {n}',
  'Fwd: Payment failed',
  'Complaint about delivery {n}',
  'Cancel my subscription',
  'Meter reading for account {n}',
  'Problème de facture',
  'Zählerstand übermittelt',
  'Urgent: service outage',
  'Thanks!',
  'Re: Re: Fwd: Quote {n}',
];

const NOTES: readonly string[] = [
  'Customer asked about late fee; waived as goodwill.',
  'Promised callback tomorrow AM',
  'Escalated to tier 2, ref {n}',
  'Updated address and email',
  'Payment plan set up (3 months)',
  'Explained the new tariff',
  'Caller disconnected before verification',
  'Sent replacement unit, RMA {n}',
  'Password reset, 2FA re-enrolled',
  'Customer unhappy with wait time',
];

const CHAT_OPENERS: readonly string[] = [
  'Hi, I need help with my bill',
  'My order {n} has not arrived',
  'How do I change my plan?',
  'Is there an outage in my area?',
  'I want to cancel',
  'Can I speak to someone about a refund?',
];

function fill(template: string, rng: Rng): string {
  return template.replace('{n}', String(rng.int(10_000, 99_999)));
}

/** Either a normal value from `pool` or, at the fixed share, an adversarial one. */
function freeText(pool: readonly string[], rng: Rng): string {
  if (rng.chance(ADVERSARIAL_SHARE)) return rng.pick(ADVERSARIAL_TEXT);
  return fill(rng.pick(pool), rng);
}

export function emailSubject(rng: Rng): string {
  return freeText(SUBJECTS, rng);
}

export function wrapUpNote(rng: Rng): string {
  return freeText(NOTES, rng);
}

export function chatOpener(rng: Rng): string {
  return freeText(CHAT_OPENERS, rng);
}

/** A name as a customer types it into a chat form: usually a first name, sometimes anything. */
export function typedName(rng: Rng, firstNames: readonly string[]): string {
  if (rng.chance(ADVERSARIAL_SHARE)) return rng.pick(ADVERSARIAL_TEXT);
  return rng.pick(firstNames);
}
