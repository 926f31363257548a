import type { TokenRecord } from './tokens';

export type Method = 'GET' | 'POST' | 'DELETE';

/** SDK-declared permissions of an endpoint (fact sheet §13): ANY of a list, or ALL of a list. */
export type PermissionRule = { any: readonly string[] } | { all: readonly string[] };

export interface ApiRequest {
  token: TokenRecord;
  params: Readonly<Record<string, string>>;
  query: URLSearchParams;
  /** The parsed JSON body (routes with `jsonBody` only). */
  body: unknown;
}

export interface ApiResult {
  status: number;
  body?: unknown;
}

export interface ApiRoute {
  method: Method;
  /** Under /api/v2, with `{name}` path parameters. */
  path: string;
  permissions?: PermissionRule;
  /** Client-credentials tokens get the "requires a user context" 400 (fact sheet §2.2, §8). */
  userContext?: boolean;
  jsonBody?: boolean;
  handle(request: ApiRequest): ApiResult;
}

export interface RouteMatch {
  route: ApiRoute;
  params: Record<string, string>;
}

/** First route whose method and segments match; list literal paths before `{param}` siblings. */
export function matchRoute(routes: readonly ApiRoute[], method: string, path: string): RouteMatch | undefined {
  const segments = path.split('/').filter((segment) => segment !== '');
  for (const route of routes) {
    if (route.method !== method) continue;
    const params = matchSegments(route.path, segments);
    if (params) return { route, params };
  }
  return undefined;
}

function matchSegments(pattern: string, segments: readonly string[]): Record<string, string> | undefined {
  const parts = pattern.split('/').filter((part) => part !== '');
  if (parts.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, part] of parts.entries()) {
    const segment = segments[index] ?? '';
    if (part.startsWith('{') && part.endsWith('}')) {
      let value: string;
      try {
        value = decodeURIComponent(segment);
      } catch {
        return undefined;
      }
      params[part.slice(1, -1)] = value;
    } else if (part !== segment) {
      return undefined;
    }
  }
  return params;
}
