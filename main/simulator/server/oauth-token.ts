import type { IncomingMessage } from 'node:http';
import { jsonReply, mediaType, parseBasicAuth, readBody, type Reply } from './http-util';
import { noStore, oauthError, secretsEqual, type OAuthContext } from './oauth-context';
import type { SimulatorClient } from './options';
import { isValidVerifier, verifierMatches } from './pkce';

/** POST /oauth/token: client credentials (fact sheet §2.2) and authorization code with or without PKCE (§2.3, §2.4). */
export async function handleTokenRequest(req: IncomingMessage, ctx: OAuthContext): Promise<Reply> {
  if (mediaType(req) !== 'application/x-www-form-urlencoded') {
    return oauthError(400, 'invalid_request', 'the request must be application/x-www-form-urlencoded');
  }
  const form = new URLSearchParams((await readBody(req)).toString('utf8'));
  const basic = parseBasicAuth(req.headers.authorization);
  const grantType = form.get('grant_type');
  if (!grantType) return oauthError(400, 'invalid_request', 'grant_type is required');
  if (grantType === 'client_credentials') return clientCredentials(basic, ctx);
  if (grantType === 'authorization_code') return authorizationCode(basic, form, ctx);
  return oauthError(400, 'unsupported_grant_type', `grant type ${grantType} is not supported`);
}

type Basic = ReturnType<typeof parseBasicAuth>;

function clientCredentials(basic: Basic, ctx: OAuthContext): Reply {
  if (!basic) return oauthError(401, 'invalid_client', 'client authentication required');
  const client = ctx.clients.get(basic.id);
  if (!client) return oauthError(401, 'invalid_client', 'client not found');
  if (client.clientSecret === undefined || !secretsEqual(client.clientSecret, basic.secret)) {
    return oauthError(401, 'invalid_client', 'authentication failed');
  }
  if (!client.grants.includes('client_credentials')) {
    return oauthError(400, 'unauthorized_client', 'the client is not authorized to use the client_credentials grant');
  }
  const { bearer } = ctx.tokens.issue({
    clientId: client.clientId,
    grant: 'client_credentials',
    permissions: new Set(client.permissions),
  });
  return tokenReply(bearer, ctx);
}

function authorizationCode(basic: Basic, form: URLSearchParams, ctx: OAuthContext): Reply {
  const formClientId = form.get('client_id');
  if (basic && formClientId !== null && formClientId !== basic.id) {
    return oauthError(400, 'invalid_request', 'client_id does not match the authenticated client');
  }
  const client = ctx.clients.get(basic?.id ?? formClientId ?? '');
  if (!client) return oauthError(401, 'invalid_client', 'client not found');
  const authProblem = authenticateCodeClient(client, basic, form);
  if (authProblem) return authProblem;
  if (!client.grants.includes('authorization_code')) {
    return oauthError(400, 'unauthorized_client', 'the client is not authorized to use the authorization_code grant');
  }
  const code = form.get('code');
  const redirectUri = form.get('redirect_uri');
  if (!code) return oauthError(400, 'invalid_request', 'code is required');
  if (!redirectUri) return oauthError(400, 'invalid_request', 'redirect_uri is required');

  const redemption = ctx.codes.redeem(code);
  if ('problem' in redemption) {
    if (redemption.problem === 'reused') {
      // RFC 6749 §4.1.2: a replayed code means it leaked; revoke what it bought.
      ctx.tokens.revokeWhere((token) => token.fromCode === redemption.code);
      return oauthError(400, 'invalid_grant', 'authorization code has already been used');
    }
    return oauthError(
      400,
      'invalid_grant',
      `authorization code is ${redemption.problem === 'expired' ? 'expired' : 'invalid'}`,
    );
  }
  const grant = redemption.ok;
  if (grant.clientId !== client.clientId) {
    return oauthError(400, 'invalid_grant', 'authorization code was issued to another client');
  }
  if (grant.redirectUri !== redirectUri) {
    return oauthError(400, 'invalid_grant', 'redirect_uri does not match the one in the authorization request');
  }
  if (grant.codeChallenge !== undefined) {
    const verifier = form.get('code_verifier');
    if (!verifier) return oauthError(400, 'invalid_request', 'code_verifier is required');
    if (!isValidVerifier(verifier)) {
      return oauthError(400, 'invalid_request', 'code_verifier must be 43 to 128 characters of A-Z a-z 0-9 - . _ ~');
    }
    if (!verifierMatches(verifier, grant.codeChallenge)) {
      return oauthError(400, 'invalid_grant', 'code_verifier does not match the code_challenge');
    }
  }
  const { bearer } = ctx.tokens.issue({
    clientId: client.clientId,
    grant: 'authorization_code',
    userId: grant.userId,
    permissions: new Set(grant.permissions),
    fromCode: redemption.code,
  });
  return tokenReply(bearer, ctx);
}

/**
 * Confidential clients prove their secret (Basic, or client_secret in the
 * form); public PKCE clients send none, though an empty Basic secret is
 * accepted because Genesys' own CLI sends one (fact sheet §2.4).
 */
function authenticateCodeClient(client: SimulatorClient, basic: Basic, form: URLSearchParams): Reply | undefined {
  if (client.clientSecret === undefined) {
    return basic && basic.secret !== '' ? oauthError(401, 'invalid_client', 'authentication failed') : undefined;
  }
  const secret = basic?.secret ?? form.get('client_secret');
  if (secret === null || !secretsEqual(client.clientSecret, secret)) {
    return oauthError(401, 'invalid_client', 'authentication failed');
  }
  return undefined;
}

/**
 * No refresh_token: client credentials never get one (§2.2), and whether
 * PKCE clients do is unverified (§2.4), so the app must not rely on one.
 */
function tokenReply(bearer: string, ctx: OAuthContext): Reply {
  return jsonReply(200, { access_token: bearer, token_type: 'bearer', expires_in: ctx.tokenTtlSeconds() }, noStore());
}
