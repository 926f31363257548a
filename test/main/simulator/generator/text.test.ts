import { describe, expect, it } from 'vitest';
import { ADVERSARIAL_TEXT } from '../../../../main/simulator/generator/text';
import { conversationsOnDay, dataset, freeText, sessions, today } from './helpers';

describe('free text', () => {
  const ds = dataset({ perDay: 3000 });
  const sample = [...conversationsOnDay(ds, today(ds) - 1), ...conversationsOnDay(ds, today(ds) - 2)];
  const texts = freeText(sample);

  it('carries email subjects on email segments and notes on some wrap-ups', () => {
    let emails = 0;
    let notes = 0;
    let wrapups = 0;
    for (const { session } of sessions(sample)) {
      for (const seg of session.segments ?? []) {
        if (session.mediaType === 'email') {
          emails++;
          expect(seg.subject).toBeTruthy();
        } else expect(seg.subject).toBeUndefined();
        if (seg.segmentType === 'wrapup') {
          wrapups++;
          if (seg.wrapUpNote !== undefined) notes++;
        } else expect(seg.wrapUpNote).toBeUndefined();
      }
    }
    expect(emails).toBeGreaterThan(100);
    expect(notes / wrapups).toBeGreaterThan(0.05);
    expect(notes / wrapups).toBeLessThan(0.25);
  });

  it('includes hostile values for CSV and HTML code to chew on', () => {
    expect(texts.some((t) => t.includes('"'))).toBe(true);
    expect(texts.some((t) => t.includes(','))).toBe(true);
    expect(texts.some((t) => t.includes('\n'))).toBe(true);
    expect(texts.some((t) => t.includes('\r\n'))).toBe(true);
    expect(texts.some((t) => /\p{Extended_Pictographic}/u.test(t))).toBe(true);
    expect(texts.some((t) => t.includes('<script>'))).toBe(true);
    expect(texts.some((t) => t.includes('<b>'))).toBe(true);
    expect(texts.some((t) => t.startsWith('='))).toBe(true);
    expect(texts.some((t) => t.startsWith('+'))).toBe(true);
    expect(texts.some((t) => t.startsWith('-') || t.startsWith('@'))).toBe(true);
  });

  it('keeps hostile values a small, stable share', () => {
    const hostile = texts.filter((t) => ADVERSARIAL_TEXT.some((a) => t.includes(a))).length;
    expect(hostile / texts.length).toBeGreaterThan(0.005);
    expect(hostile / texts.length).toBeLessThan(0.1);
    const again = freeText([...conversationsOnDay(dataset({ perDay: 3000 }), today(ds) - 1)]);
    expect(again).toEqual(freeText(conversationsOnDay(ds, today(ds) - 1)));
  });

  it('names people with accents and apostrophes in conversations too', () => {
    const names = [...sessions(sample)].map((r) => r.participant.participantName ?? '');
    expect(names.some((n) => n.includes("'"))).toBe(true);
    expect(names.some((n) => /[À-ɏ]/.test(n))).toBe(true);
  });
});
