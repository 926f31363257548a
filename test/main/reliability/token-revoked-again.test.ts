/**
 * Found by the fault soak: a call whose token was revoked, replaced, and revoked again while the call waited out a
 * server error failed with "refused the sign-in twice in a row" — telling the supervisor to check a client secret
 * that was fine. Only two 401s in a row (the fresh token refused at once) mean refused credentials.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { clientCredentialsTokenSource } from '../../../main/genesys/auth/client-credentials';
import { AuthenticationError } from '../../../main/genesys/http/errors';
import { FAST_RETRY, failure, testHttp } from '../genesys/support/http-fixtures';
import { sendJson, startScriptedServer, type ScriptedServer } from '../genesys/support/scripted-server';

const REFUSED = { status: 401, code: 'credentials.expired', message: 'Token expired.' };
const UNAVAILABLE = { status: 503, code: 'service.unavailable', message: 'Try again.' };

describe('a token revoked again while a call is still retrying', () => {
  let server: ScriptedServer | undefined;
  afterEach(() => server?.close());

  /** /oauth/token hands out tok-1, tok-2, …; the API gives the scripted answers in order, then 200. */
  async function client(answers: readonly { status: number; code: string; message: string }[]) {
    let issued = 0;
    let calls = 0;
    server = await startScriptedServer((req, res) => {
      if (req.path === '/oauth/token') {
        issued++;
        return sendJson(res, 200, { access_token: `tok-${issued}`, token_type: 'bearer', expires_in: 86400 });
      }
      const answer = answers[calls++];
      if (answer) return sendJson(res, answer.status, answer);
      sendJson(res, 200, { token: (req.headers.authorization ?? '').replace('Bearer ', '') });
    });
    const tokens = clientCredentialsTokenSource({
      loginBase: server.baseUrl,
      clientId: 'id',
      readSecret: () => Promise.resolve('s3cret'),
      retry: FAST_RETRY,
    });
    return { http: testHttp(server.baseUrl, { tokens }), issued: () => issued };
  }

  it('signs in again and succeeds when another answer came between the two 401s', async () => {
    const { http, issued } = await client([REFUSED, UNAVAILABLE, REFUSED]);
    expect(await http.request('GET', '/api/v2/users')).toEqual({ token: 'tok-3' });
    expect(issued()).toBe(3);
  });

  it('still gives up, saying so, when the fresh token is refused straight away', async () => {
    const { http, issued } = await client([UNAVAILABLE, REFUSED, REFUSED]);
    const error = await failure(http.request('GET', '/api/v2/users'));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).toMatch(/refused the sign-in of this connection twice in a row/);
    expect(issued()).toBe(2);
  });
});
