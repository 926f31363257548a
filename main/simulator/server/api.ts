import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import type { SimulatorError } from '../model';
import { RateLimitError, asSimulatorError, errors, toErrorBody } from './error-body';
import { bearerToken, jsonReply, mediaType, readBody, type Reply } from './http-util';
import type { RateDecision, SlidingWindowLimiter } from './rate-limiter';
import { matchRoute, type ApiRoute, type PermissionRule } from './router';
import type { TokenRecord, TokenStore } from './tokens';

export const API_PREFIX = '/api/v2';

export interface ApiDeps {
  routes: readonly ApiRoute[];
  tokens: TokenStore;
  limiter: SlidingWindowLimiter;
}

/**
 * The /api/v2 pipeline, in the order a client meets the checks:
 * route (404) → bearer token (401) → per-token rate limit (429) → user
 * context (400) → permissions (403) → body size, type and syntax
 * (413/415/400) → the endpoint. Every response past the rate limiter carries
 * the inin-ratelimit-* headers.
 */
export async function handleApi(deps: ApiDeps, req: IncomingMessage, url: URL, contextId: string): Promise<Reply> {
  let headers: OutgoingHttpHeaders = {};
  try {
    const match = matchRoute(deps.routes, req.method ?? 'GET', url.pathname.slice(API_PREFIX.length));
    if (!match) throw errors.notFound();
    const lookup = deps.tokens.lookup(bearerToken(req.headers.authorization));
    if ('error' in lookup) throw lookup.error;
    const { token } = lookup;

    const rate = deps.limiter.take(token.id);
    headers = rateHeaders(rate);
    if (!rate.allowed) throw new RateLimitError(rate.resetSeconds, rateLimitKey(token, rate.limit));

    const { route, params } = match;
    if (route.userContext && token.userId === undefined) throw errors.userContextRequired();
    if (route.permissions) checkPermissions(route.permissions, token);
    const body = route.jsonBody ? await readJson(req) : undefined;
    const result = route.handle({ token, params, query: url.searchParams, body });
    return jsonReply(result.status, result.body, headers);
  } catch (error) {
    return errorReply(asSimulatorError(error), contextId, headers);
  }
}

export function errorReply(error: SimulatorError, contextId: string, headers: OutgoingHttpHeaders = {}): Reply {
  const extra: OutgoingHttpHeaders = { ...headers };
  if (error instanceof RateLimitError) extra['retry-after'] = String(error.retryAfterSeconds);
  return jsonReply(error.status, toErrorBody(error, contextId), extra);
}

function rateHeaders(rate: RateDecision): OutgoingHttpHeaders {
  return {
    'inin-ratelimit-allowed': String(rate.limit),
    'inin-ratelimit-count': String(rate.count),
    'inin-ratelimit-reset': String(rate.resetSeconds),
  };
}

/** Limit names from the Genesys limits table (fact sheet §3.4); the namespace is a guess there too. */
function rateLimitKey(token: TokenRecord, value: number) {
  const key =
    token.grant === 'client_credentials' ? 'client.credentials.token.rate.per.minute' : 'token.rate.per.minute';
  return { key, namespace: 'platform.api', value };
}

function checkPermissions(rule: PermissionRule, token: TokenRecord): void {
  if ('any' in rule) {
    if (rule.any.some((name) => token.permissions.has(name))) return;
    throw rule.any.length === 1 ? errors.missingPermissions(rule.any) : errors.missingAnyPermissions(rule.any);
  }
  const missing = rule.all.filter((name) => !token.permissions.has(name));
  if (missing.length > 0) throw errors.missingPermissions(missing);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const raw = await readBody(req);
  if (raw.length > 0 && mediaType(req) !== 'application/json') throw errors.unsupportedMediaType();
  if (raw.length === 0) throw errors.bodyNotObject();
  let value: unknown;
  try {
    value = JSON.parse(raw.toString('utf8'));
  } catch {
    throw errors.malformedSyntax();
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw errors.bodyNotObject();
  return value;
}
