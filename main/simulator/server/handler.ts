import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { handleApi, errorReply, API_PREFIX, type ApiDeps } from './api';
import { RateLimitError, asSimulatorError, errors } from './error-body';
import type { FaultDecision, FaultInjector } from './faults';
import { bearerToken, type Reply } from './http-util';
import type { AuthorizeFlow } from './oauth-authorize';
import type { OAuthContext } from './oauth-context';
import { handleTokenRequest } from './oauth-token';
import type { RequestLog } from './request-log';
import { resetNow, send, sendWithFault } from './respond';

export interface HandlerDeps {
  api: ApiDeps;
  oauth: OAuthContext;
  authorize: AuthorizeFlow;
  faults: FaultInjector;
  log: RequestLog;
}

/**
 * One origin for everything, like a Genesys gateway set in the SDK
 * (fact sheet §1.3): /oauth/* for login, /api/v2/* for the platform.
 * Faults hit /api/v2 only, so a test can always sign in.
 */
export function createHandler(deps: HandlerDeps): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void handle(deps, req, res);
  };
}

async function handle(deps: HandlerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const started = performance.now();
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const record = deps.log.begin(req.method ?? 'GET', url.pathname + url.search);
  // contextId in every ErrorBody equals this header, so a logged header finds the body and back.
  const contextId = randomUUID();
  res.setHeader('inin-correlation-id', contextId);
  res.on('close', () => {
    record.status = res.headersSent ? res.statusCode : null;
    record.ms = performance.now() - started;
    deps.log.finish(record);
  });
  try {
    if (url.pathname.startsWith(`${API_PREFIX}/`)) {
      record.tokenId = deps.api.tokens.idOf(bearerToken(req.headers.authorization));
      const fault = deps.faults.decide();
      if (fault.slowMs > 0) {
        record.faults.push('slow');
        await delay(fault.slowMs);
      }
      if (fault.kind) record.faults.push(fault.kind);
      if (fault.kind === 'reset' && fault.variant < 0.5) return resetNow(res);
      const reply =
        injectedError(fault, contextId, deps.api.limiter.limit) ?? (await handleApi(deps.api, req, url, contextId));
      return sendWithFault(res, reply, fault);
    }
    send(res, await routeOAuth(deps, req, url, contextId));
  } catch (error) {
    if (res.headersSent) res.destroy();
    else send(res, errorReply(asSimulatorError(error), contextId));
  }
}

async function routeOAuth(deps: HandlerDeps, req: IncomingMessage, url: URL, contextId: string): Promise<Reply> {
  const route = `${req.method ?? 'GET'} ${url.pathname}`;
  if (route === 'POST /oauth/token') return handleTokenRequest(req, deps.oauth);
  if (route === 'GET /oauth/authorize') return deps.authorize.show(url.searchParams);
  if (route === 'POST /oauth/authorize') return deps.authorize.submit(req);
  return errorReply(errors.notFound(), contextId);
}

/** Injected 429s wait 1–2 s; injected 5xx are the statuses the SDK declares for analytics (500/503/504, §3.2). */
function injectedError(fault: FaultDecision, contextId: string, limit: number): Reply | undefined {
  if (fault.kind === '429') {
    const seconds = fault.variant < 0.5 ? 1 : 2;
    return errorReply(
      new RateLimitError(seconds, { key: 'token.rate.per.minute', namespace: 'platform.api', value: limit }),
      contextId,
    );
  }
  if (fault.kind === '5xx') {
    const error =
      fault.variant < 1 / 3
        ? errors.internal()
        : fault.variant < 2 / 3
          ? errors.serviceUnavailable()
          : errors.gatewayTimeout();
    return errorReply(error, contextId);
  }
  return undefined;
}
