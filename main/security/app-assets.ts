import { extname, join, normalize, sep } from 'node:path';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export interface ResolvedAsset {
  path: string;
  mimeType: string;
}

/**
 * Maps a request path under the built renderer folder to a file, refusing
 * anything that would escape it (`..`, encoded separators, NUL bytes).
 * Unknown extensions are refused too: the renderer ships nothing else.
 */
export function resolveAppAsset(root: string, requestPath: string): ResolvedAsset | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const base = normalize(root);
  const full = normalize(join(base, relative));
  if (!full.startsWith(base.endsWith(sep) ? base : base + sep)) return null;
  const mimeType = MIME[extname(full).toLowerCase()];
  return mimeType ? { path: full, mimeType } : null;
}
