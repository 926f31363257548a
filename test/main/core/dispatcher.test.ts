import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../main/core/core';
import { createDispatcher, type Handlers } from '../../../main/core/dispatcher';
import { INTERNAL_ERROR_MESSAGE, UserFacingError } from '../../../main/core/errors';
import { OPERATION_NAMES } from '../../../preload/contract/names';
import { makeTempDir } from '../../support/temp-dir';
import { createTestCore } from '../../support/test-core';

describe('the dispatcher', () => {
  let data: ReturnType<typeof makeTempDir>;
  let core: Core;
  beforeEach(() => {
    data = makeTempDir('dispatch');
    core = createTestCore(data.path);
  });
  afterEach(() => data.remove());

  it.each([undefined, null, 42, {}, ['app/info'], '', 'app/info\u0000', 'APP/INFO', '__proto__', 'constructor'])(
    'refuses an operation name that is not in the contract: %j',
    async (name) => {
      const result = await core.dispatch(name, undefined);
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown-operation' } });
    },
  );

  it('shortens and cleans a hostile operation name before echoing it', async () => {
    const result = await core.dispatch(`${'x'.repeat(10_000)}<script>\u0007`, undefined);
    if (result.ok) throw new Error('expected a failure');
    expect(result.error.message.length).toBeLessThan(120);
    expect(result.error.message).not.toContain('\u0007');
  });

  // Every operation is fed junk it must refuse cleanly, without running.
  const junk: unknown[] = [
    42,
    'a string',
    [],
    { unexpected: true },
    JSON.parse('{"__proto__": {"polluted": true}}'),
    { constructor: { prototype: { polluted: true } } },
  ];
  it.each(OPERATION_NAMES)('%s refuses junk input with a bad-input error', async (name) => {
    for (const input of junk) {
      const result = await core.dispatch(name, input);
      expect(result, `${name} with ${JSON.stringify(input)}`).toMatchObject({
        ok: false,
        error: { code: 'bad-input' },
      });
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('refuses huge strings', async () => {
    const result = await core.dispatch('settings/update', { timeZone: 'Europe/'.padEnd(1_000_000, 'x') });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'bad-input',
        field: 'timeZone',
        message: 'That request was not accepted: "timeZone" is too long.',
      },
    });
  });

  it('names unknown fields, including prototype-pollution keys', async () => {
    const result = await core.dispatch('settings/update', JSON.parse('{"__proto__": {"admin": true}}'));
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    if (!result.ok) expect(result.error.message).toContain('__proto__');
  });

  it('says which field is wrong and why, in plain words', async () => {
    const result = await core.dispatch('settings/update', { durationFormat: 7 });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'bad-input',
        field: 'durationFormat',
        message: 'That request was not accepted: "durationFormat" must be one of: hms, seconds.',
      },
    });
  });

  it('passes user-facing errors through and hides everything else', async () => {
    const logged: unknown[] = [];
    const handlers = {
      'app/info': () => {
        throw new UserFacingError('not-found', 'That report no longer exists.');
      },
      'connections/list': () => {
        throw new Error('SQLITE_CORRUPT at /home/u/secret-token-abc');
      },
      'settings/get': () => Promise.reject(new Error('boom')),
    } as unknown as Handlers;
    const dispatch = createDispatcher(handlers, { onInternalError: (_name, error) => logged.push(error) });
    expect(await dispatch('app/info', undefined)).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'That report no longer exists.' },
    });
    const hidden = await dispatch('connections/list', undefined);
    expect(hidden).toEqual({ ok: false, error: { code: 'internal', message: INTERNAL_ERROR_MESSAGE } });
    expect(JSON.stringify(hidden)).not.toContain('secret-token');
    expect(await dispatch('settings/get', undefined)).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(logged).toHaveLength(2);
  });
});
