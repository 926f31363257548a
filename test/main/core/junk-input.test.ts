import { describe, expect, it } from 'vitest';
import { createDispatcher, type Handlers } from '../../../main/core/dispatcher';
import { OPERATION_NAMES } from '../../../preload/contract/names';

/** Inputs a compromised or buggy renderer could send; none may reach a handler or crash the core. */
const JUNK: [string, unknown][] = [
  ['a number', 42],
  ['a 1 MB string', 'x'.repeat(1_000_000)],
  ['an array', [1, 2, 3]],
  ['null', null],
  ['a __proto__ key', JSON.parse('{"__proto__":{"polluted":true}}') as unknown],
  ['a constructor.prototype key', { constructor: { prototype: { polluted: true } } }],
  [
    'path traversal and huge strings in every plausible field',
    {
      id: '../../../etc/passwd',
      requestId: '../../x',
      connectionId: 'x'.repeat(100_000),
      name: '..\\..\\Windows\\System32',
      file: '/etc/passwd',
      kind: 'queue; DROP TABLE conversations',
      params: { report: '../../reports', from: '2026-01-01', to: '2026-01-02', timeZone: 'UTC' },
    },
  ],
];

describe('every contract operation refuses junk cleanly', () => {
  const reached: string[] = [];
  const handlers = Object.fromEntries(
    OPERATION_NAMES.map((name) => [
      name,
      () => {
        reached.push(name);
        return null;
      },
    ]),
  ) as unknown as Handlers;
  const dispatch = createDispatcher(handlers);

  for (const name of OPERATION_NAMES) {
    it.each(JUNK)(`${name}: %s → a plain bad-input error, handler not called`, async (_label, input) => {
      const answer = await dispatch(name, input);
      expect(answer.ok).toBe(false);
      if (answer.ok) return;
      expect(answer.error.code).toBe('bad-input');
      expect(answer.error.message.length).toBeGreaterThan(0);
      // Never echo megabytes back or leak internals.
      expect(answer.error.message.length).toBeLessThan(600);
      expect(answer.error.message).not.toMatch(/at .*\.ts:\d+|ZodError|\{"/);
      expect(reached).not.toContain(name);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }
});
