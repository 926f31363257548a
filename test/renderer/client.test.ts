import { afterEach, describe, expect, it } from 'vitest';
import { BRIDGE_MISSING_MESSAGE, BridgeError, client, errorMessage } from '../../renderer/src/api/client';
import { FakeFailure, installFakeBridge } from './fake-bridge';

describe('the renderer client', () => {
  let fake: ReturnType<typeof installFakeBridge> | undefined;
  afterEach(() => fake?.remove());

  it('resolves to the value of a successful call', async () => {
    fake = installFakeBridge({
      'settings/get': () => ({
        timeZone: 'Europe/Paris',
        durationFormat: 'hms',
        csvDelimiter: ',',
        connectionId: 'demo',
      }),
    });
    expect(await client.settings.get()).toEqual({
      timeZone: 'Europe/Paris',
      durationFormat: 'hms',
      csvDelimiter: ',',
      connectionId: 'demo',
    });
    expect(fake.calls).toEqual([{ name: 'settings/get', input: undefined }]);
  });

  it('rejects with the code and plain message main produced', async () => {
    fake = installFakeBridge({
      'settings/update': () => {
        throw new FakeFailure({ code: 'bad-input', message: 'That time zone is unknown.', field: 'timeZone' });
      },
    });
    const failure = await client.settings.update({ timeZone: 'Nowhere' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(BridgeError);
    expect(failure).toMatchObject({ code: 'bad-input', message: 'That time zone is unknown.', field: 'timeZone' });
    expect(errorMessage(failure)).toBe('That time zone is unknown.');
  });

  it('explains what to do when the bridge is missing', async () => {
    await expect(client.app.info()).rejects.toThrow(BRIDGE_MISSING_MESSAGE);
  });

  it('never shows raw error text from unexpected failures', () => {
    expect(errorMessage(new Error('ECONNRESET token=abc'))).not.toContain('token');
  });
});
